// The step outputs of an action's contract: every name always set ('' when unknown, [] for a list),
// ids as exact strings. Each provider declares its names, in action.yml's order, and how each is had
// from the outcome; the ones every gate has are here.
import { tallyOf, type Tally } from './counts.js';
import type { RunOutcome } from './outcome.js';
import type { Fact } from './presentation.js';

/** One output: its name, and its value from a finished run (a list is a JSON array). */
export interface OutputSpec {
  name: string;
  list?: boolean;
  /** the value is this fact's (see `fact`): known even of a run that found nothing to watch */
  fact?: string;
  value(outcome: RunOutcome, tally: Tally, reportPath: string | undefined): string;
}

export function outputsOf(
  specs: readonly OutputSpec[],
  outcome: RunOutcome,
  reportPath?: string,
): Record<string, string> {
  const t = tallyOf(outcome);
  return Object.fromEntries(specs.map((s) => [s.name, s.value(outcome, t, reportPath)]));
}

/**
 * Every output of a run that read nothing: '' for values, [] for lists (fromJSON() never fails on
 * them), and the values of the facts known all the same (a run it started).
 */
export function emptyOutputs(
  specs: readonly OutputSpec[],
  facts: readonly Fact[] = [],
): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [s.name, s.fact ? factIn(facts, s.fact) : s.list ? '[]' : '']));
}

/** A fact of the run's resolution (`resolved` in the report), by its key. */
export function fact(outcome: RunOutcome, key: string): string {
  return factIn(outcome.presentation.facts, key);
}

function factIn(facts: readonly Fact[], key: string): string {
  const f = facts.find((x) => x.key === key);
  return f?.id ?? f?.text ?? '';
}

export const RESULT: OutputSpec = { name: 'result', value: (o) => o.result };
export const STATUS: OutputSpec = { name: 'status', value: (o) => o.snapshot?.status ?? '' };
export const REPORT_PATH: OutputSpec = { name: 'report-path', value: (_o, _t, path) => path ?? '' };
export const DURATION: OutputSpec = {
  name: 'duration-seconds',
  value: (o) =>
    Number.isFinite(o.durationSeconds) ? String(Math.max(0, Math.round(o.durationSeconds))) : '',
};
export const ARTIFACT_URL: OutputSpec = { name: 'artifact-url', value: (o) => o.artifactUrl ?? '' };
