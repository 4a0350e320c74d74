// Annotations: an error per failed machine, a warning per skipped one. GitHub shows at most 10 of
// each level per step, so a few are shown and one more says how many were left out and where they are.
import type { Machine } from '../providers/yunxiao/model.js';
import { oneLine } from '../common/untrusted.js';
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
  const order = `deploy order ${outcome.resolved.deployOrderId}`;
  return [
    ...capped(
      'error',
      t.failed,
      'failed',
      (m) => `Batch ${m.batchNum} of ${order}: Failed${agent(m)}; this run: ${whatHappened(m, t)}.`,
    ),
    ...capped('warning', t.skipped, 'skipped', (m) => skippedMessage(m, t, order)),
  ];
}

function capped(
  level: Annotation['level'],
  machines: Machine[],
  word: string,
  message: (m: Machine) => string,
): Annotation[] {
  const out: Annotation[] = machines.slice(0, MAX_PER_LEVEL).map((m) => ({
    level,
    title: `Machine ${short(m.machineSn)}${m.ip ? ` (${short(m.ip)})` : ''} ${word}`,
    message: message(m),
  }));
  const left = machines.length - MAX_PER_LEVEL;
  if (left > 0) {
    out.push({
      level,
      title: `${left} more ${word} machine${left > 1 ? 's' : ''}`,
      message: `${machines.length} machines ${word}; ${MAX_PER_LEVEL} are annotated above. ${WHERE_ALL}`,
    });
  }
  return out;
}

function skippedMessage(m: Machine, t: Tally, order: string): string {
  return `Batch ${m.batchNum} of ${order}: ${whatHappened(m, t)}${agent(m)}. It did not get this release.`;
}

function agent(m: Machine): string {
  return m.clientStatus === 'error'
    ? ' (agent unreachable)'
    : m.clientStatus === 'ok'
      ? ''
      : ` (agent ${short(m.clientStatus || 'unknown')})`;
}

/** Names come from outside: one line, bounded. */
function short(text: string): string {
  const s = oneLine(text).replace(/\s+/g, ' ');
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}
