// The seam between the gate and a pipeline service. A provider resolves what to
// watch, then reads it (the snapshot and the answer's bytes, together), performs the core's actions
// on it, and fetches what the report adds (logs, artifacts). Everything else (the poll loop, the
// deadline, cancellation, the verdict, the reports) is the gate's, the same for every provider.
import type { Snapshot } from '../core/snapshot.js';
import type { PlannedAction, Result } from '../core/types.js';
import type { Words } from '../core/words.js';
import type { ApiError } from '../http/errors.js';
import type { JsonText } from '../http/json.js';
import type { Artifact, LogExcerpt } from '../report/outcome.js';
import type { OutputSpec } from '../report/outputs.js';
import type { Fact, Presentation } from '../report/presentation.js';

/** One read of the run: in the core's terms, and the answer's own bytes for the report. */
export interface Read {
  snapshot: Snapshot;
  /** valid until the next read (the provider may reuse the buffer) */
  raw?: JsonText;
}

/** What the report adds after the verdict: best effort, within a time bound. */
export interface Extras {
  logs: Record<string, LogExcerpt>;
  artifactUrl?: string;
  artifacts?: Artifact[];
  /** an extra the user asked for explicitly failed: a success is a failure, for this reason */
  failure?: string;
  warnings: string[];
}

/** The run resolved, with what acts on it. */
export interface Watched {
  presentation: Presentation;
  /** one line for the log: what was resolved, and how */
  line: string;
  /** for the GitHub Deployment */
  description: string;
  read(signal: AbortSignal): Promise<Read>;
  /** false: the provider answered that it did not do it */
  perform(action: PlannedAction, signal: AbortSignal): Promise<boolean>;
  extras(last: Snapshot | undefined, result: Result, signal: AbortSignal): Promise<Extras>;
}

export interface ResolveContext {
  signal: AbortSignal;
  /** time between reads while waiting for the run to appear or reach what is watched */
  pollIntervalMs: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (line: string) => void;
}

/**
 * Thrown by `resolve` when it did what was asked (a run started, say) and, with `wait: false`, there
 * is nothing to watch yet: the gate reports `in-progress` with this message and exits 0.
 */
export class NothingToWatchYet extends Error {
  override name = 'NothingToWatchYet';
}

export interface Provider {
  words: Words;
  /**
   * What is known of the run without having watched it (read once `resolve` has ended), for the
   * summary and the outputs of a run that found nothing to watch: a run it started, say.
   */
  readonly facts: Fact[];
  /**
   * Finds what to watch. An error whose `cause` is the signal's abort reason explains what the
   * deadline or the cancel cut short (what it was waiting for); see also NothingToWatchYet.
   */
  resolve(ctx: ResolveContext): Promise<Watched>;
  /** the last failed attempt of any call, for a verdict that must name the last error seen */
  lastError(): ApiError | undefined;
  /** the action's outputs, in action.yml's order */
  outputs: readonly OutputSpec[];
}
