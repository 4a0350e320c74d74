// Everything a finished (or interrupted) run knows, handed to the report builders: outputs, the JSON
// report, the job summary and the annotations are all pure functions of it. Built once, by the watch.
import type { Snapshot } from '../core/snapshot.js';
import type { Result, TakenAction } from '../core/types.js';
import type { JsonText } from '../http/json.js';
import type { Presentation } from './presentation.js';

/** The end of a log (a unit's, or a step of one), and when it ran by the provider's clock (ISO, when known). */
export interface LogExcerpt {
  lines: string;
  began?: string;
  ended?: string;
  /** what the log is of, when it is not a unit's own (a failed step: "Build / build / npm test") */
  title?: string;
  /** the provider's message for it (a failed step's error) */
  message?: string;
}

/** A build product of the run, with where to get it. */
export interface Artifact {
  name: string;
  version?: string;
  type?: string;
  url?: string;
}

export interface RunOutcome {
  result: Result;
  /** one clear sentence: why the run ended this way */
  reason: string;
  /** the provider's words, facts, policy and names */
  presentation: Presentation;
  /** the last snapshot read (absent if none could be read) */
  snapshot?: Snapshot;
  /** the same as the provider sent it (JSON, ids as strings, unknown fields kept), for the JSON report */
  raw?: JsonText;
  /** every action taken, in order */
  taken: TakenAction[];
  /** unit id -> the last lines of its log (failed units, when logs are on) */
  logs: Record<string, LogExcerpt>;
  artifactUrl?: string;
  artifacts?: Artifact[];
  /** warnings raised during the run (already logged), repeated in the report */
  warnings: string[];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** on cancellation: whether the run was stopped (true), left running (false) */
  stoppedOnCancel?: boolean;
  /** where the JSON report was written (the first write chooses it; a second one overwrites it) */
  reportPath?: string;
}
