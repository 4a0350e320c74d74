// Annotations: an error per failed unit, a warning per skipped one. GitHub shows at most 10 of each
// level per step, so a few are shown and one more says how many were left out and where they are.
import { clip } from '../common/redact.js';
import { oneLine } from '../common/untrusted.js';
import type { Unit } from '../core/snapshot.js';
import { capital, type Words } from '../core/words.js';
import { tallyOf, whatHappened, type Tally } from './counts.js';
import type { RunOutcome } from './outcome.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

export const MAX_PER_LEVEL = 8;
const WHERE_ALL = 'Every one is listed in the job summary and in the JSON report (output report-path).';

export function annotationsOf(outcome: RunOutcome): Annotation[] {
  const t = tallyOf(outcome);
  const words = outcome.presentation.words;
  const run = `${words.run} ${outcome.snapshot?.id ?? ''}`;
  const did = (u: Unit): string => whatHappened(u, t, words.actions);
  return [
    ...capped(
      'error',
      t.failed,
      'failed',
      words,
      (u) =>
        `${capital(words.group)} ${u.group} of ${run}: ${u.status}${agent(u, words)}; this run: ${did(u)}.`,
    ),
    ...capped('warning', t.skipped, 'skipped', words, (u) => skippedMessage(u, t, run, words)),
  ];
}

function capped(
  level: Annotation['level'],
  units: Unit[],
  word: string,
  words: Words,
  message: (u: Unit) => string,
): Annotation[] {
  const out: Annotation[] = units.slice(0, MAX_PER_LEVEL).map((u) => ({
    level,
    title: `${capital(words.unit)} ${short(u.label)}${u.detail ? ` (${short(u.detail)})` : ''} ${word}`,
    message: message(u),
  }));
  const left = units.length - MAX_PER_LEVEL;
  if (left > 0) {
    out.push({
      level,
      title: `${left} more ${word} ${words.unit}${left > 1 ? 's' : ''}`,
      message: `${units.length} ${words.unit}s ${word}; ${MAX_PER_LEVEL} are annotated above. ${WHERE_ALL}`,
    });
  }
  return out;
}

function skippedMessage(u: Unit, t: Tally, run: string, words: Words): string {
  return `${capital(words.group)} ${u.group} of ${run}: ${whatHappened(u, t, words.actions)}${agent(u, words)}. It did not get this release.`;
}

function agent(u: Unit, words: Words): string {
  if (u.agent === undefined || !words.reachability) return '';
  const name = words.reachability;
  return u.agent === 'error'
    ? ` (${name} unreachable)`
    : u.agent === 'ok'
      ? ''
      : ` (${name} ${short(u.agent || 'unknown')})`;
}

/** Names come from outside: one line, bounded. */
function short(text: string): string {
  return clip(oneLine(text).replace(/\s+/g, ' '), 120);
}
