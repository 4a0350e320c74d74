// Everything a finished (or interrupted) run knows, handed to the report builders:
// outputs, the JSON report, the job summary and the annotations are all pure functions of it.
import type { JsonText } from '../http/json.js';
import type { DeployOrder } from '../providers/yunxiao/model.js';
import type { Policy } from '../inputs/config.js';
import type { Result, TakenAction } from '../core/types.js';

/** The end of a machine's deploy log, and when the deploy ran by Yunxiao's clock (ISO, when known). */
export interface LogExcerpt {
  lines: string;
  began?: string;
  ended?: string;
}

export interface Resolved {
  pipelineId: string;
  deployOrderId: string;
  pipelineRunId?: string;
  jobId?: string;
  jobName?: string;
  /** link to the pipeline run (or pipeline) in the Yunxiao console */
  deployUrl?: string;
}

export interface RunOutcome {
  result: Result;
  /** one clear sentence: why the run ended this way */
  reason: string;
  api: 'openapi' | 'classic';
  edition?: 'central' | 'region';
  organizationId?: string;
  policy: Policy;
  resolved: Resolved;
  /** the last deploy order read (absent if none could be read) */
  order?: DeployOrder;
  /** the same order as Yunxiao sent it (JSON, ids as strings, unknown fields kept), for the JSON report */
  rawOrder?: JsonText;
  /** every action taken, in order */
  taken: TakenAction[];
  /** machineSn -> last lines of its deploy log (failed machines, when machine-logs is on) */
  machineLogs: Record<string, LogExcerpt>;
  artifactUrl?: string;
  /** warnings raised during the run (already logged), repeated in the report */
  warnings: string[];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** on cancellation: whether the deploy order was stopped (true), left running (false) */
  stoppedOnCancel?: boolean;
  /** where the JSON report was written (the first write chooses it; a second one overwrites it) */
  reportPath?: string;
}
