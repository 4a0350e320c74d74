// The step outputs of an action's contract: every name always set ('' when unknown, [] for a list),
// ids as exact strings. Each provider declares its names, in action.yml's order, and how each is had
// from the outcome; the ones every gate has are here.
import { tallyOf, type Tally } from './counts.js';
import type { RunOutcome } from './outcome.js';

/** One output: its name, and its value from a finished run (a list is a JSON array). */
export interface OutputSpec {
  name: string;
  list?: boolean;
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

/** Every output of a run that read nothing: '' for values, [] for lists (fromJSON() never fails on them). */
export function emptyOutputs(specs: readonly OutputSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [s.name, s.list ? '[]' : '']));
}

/** A fact of the run's resolution (`resolved` in the report), by its key. */
export function fact(outcome: RunOutcome, key: string): string {
  const f = outcome.presentation.facts.find((x) => x.key === key);
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
