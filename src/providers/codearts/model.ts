// The CodeArts Pipeline model the client returns (codearts-api.md 2.3-2.7): the v5 answers in our
// words, read tolerantly (normalize.ts). Ids are the API's 32-character strings, kept exactly;
// statuses stay the API's own words (it may add values, and an unknown one must never crash us);
// times are epoch milliseconds, undefined when not set (the API's 0).

/** Documented run statuses (ListPipelineRuns' filter, the run detail's `status`). */
export const RUN_STATUSES = [
  'COMPLETED',
  'RUNNING',
  'FAILED',
  'CANCELED',
  'PAUSED',
  'SUSPEND',
  'IGNORED',
] as const;
/** Documented stage and job statuses. */
export const JOB_STATUSES = [
  'INIT',
  'QUEUED',
  'RUNNING',
  'CANCELED',
  'COMPLETED',
  'FAILED',
  'SKIPPED',
  'IGNORED',
  'PAUSED',
  'SUSPEND',
  'ASYNC_RUNNING',
  'ASYNC_FAILED',
  'UNSELECTED',
  'REDISPATCH',
] as const;
// Step statuses: the SDK documents RUNNING, CANCELED, COMPLETED and FAILED only; the word a waiting
// review step shows is undocumented (mapping.ts reads a step's state from its times instead).

/** The `task` (plugin) of a manual review step. */
export const REVIEW_TASK = 'official_devcloud_checkpoint';

/** A step's input: `value` is any JSON value (long integers as exact strings). */
export interface StepInput {
  key: string;
  value: unknown;
}

/** A run's step (StepRun): of a job, or a stage's `pre` (entry check point) step. */
export interface StepRun {
  id: string;
  name: string;
  /** the plugin, e.g. official_devcloud_checkpoint (manual review), official_devcloud_deploy */
  task: string;
  /** Normal | Build | Test | Check | Deploy | anything new */
  businessType: string;
  status: string;
  message: string;
  startTime?: number;
  endTime?: number;
  inputs: StepInput[];
}

export interface JobRun {
  id: string;
  name: string;
  identifier: string;
  status: string;
  /** the error text of a failed job ('' when none) */
  message: string;
  startTime?: number;
  endTime?: number;
  /** the job's `async` flag (a string or a boolean in the answer), when given */
  async?: boolean;
  steps: StepRun[];
}

export interface StageRun {
  id: string;
  /** position among the run's stages, from 0 */
  sequence: number;
  name: string;
  identifier: string;
  status: string;
  startTime?: number;
  endTime?: number;
  /** entry steps (manual check points) */
  pre: StepRun[];
  jobs: JobRun[];
}

/** What a run was built from: a code source's build_params. */
export interface RunSource {
  gitUrl?: string;
  commitId?: string;
  /** the target branch */
  branch?: string;
  tag?: string;
}

/** A build product named in the run detail (`{name, packageType, version, downloadUrl}`). */
export interface RunArtifact {
  name: string;
  version: string;
  /** the package type, e.g. jar, docker */
  type: string;
  url: string;
}

/** ShowPipelineRunDetail. */
export interface RunDetail {
  id: string;
  pipelineId: string;
  /** the pipeline's name */
  name: string;
  status: string;
  runNumber?: number;
  /** Manual | Scheduler | MR | Push | CreateTag | Issue | Note | anything new ('' when not given) */
  trigger: string;
  startTime?: number;
  endTime?: number;
  executor: { id: string; name: string };
  stages: StageRun[];
  sources: RunSource[];
  artifacts: RunArtifact[];
  detailUrl?: string;
  /** the server's clock when it answered (epoch ms) */
  serverTime?: number;
}

/** A stage of a run list row (its times are strings in the answer). */
export interface StageSummary {
  id: string;
  name: string;
  sequence: number;
  status: string;
  startTime?: number;
  endTime?: number;
}

/** A row of ListPipelineRuns. */
export interface RunRow {
  id: string;
  pipelineId: string;
  status: string;
  runNumber?: number;
  trigger: string;
  startTime?: number;
  endTime?: number;
  executor: { id: string; name: string };
  source: RunSource;
  stages: StageSummary[];
  detailUrl?: string;
}

/** One page of ListPipelineRuns (item offsets). */
export interface RunPage {
  offset: number;
  limit: number;
  total: number;
  runs: RunRow[];
}

/** One page of a step log (ShowPipelineLog). */
export interface StepLogPage {
  stepRunId: string;
  log: string;
  hasMore: boolean;
  /** copy into the next request's start_offset / end_offset while hasMore */
  startOffset?: number;
  endOffset?: number;
}

/** A build product of ShowPipelineArtifacts. */
export interface PipelineArtifact extends RunArtifact {
  /** the job run that published it */
  jobId?: string;
  /** bytes, when the answer says */
  size?: number;
  hashes: Array<{ type: string; value: string }>;
}

/**
 * RunPipeline's (and RetryPipelineRun's) result. A run held by the pipeline's concurrency limit
 * is started all the same, queued: the answer's DEVPIPE.00011169/00011170 carries its id.
 */
export interface StartResult {
  pipelineRunId: string;
  /** the queue entry, when the run waits in the queue */
  queueId?: string;
  /** DEVPIPE.00011169 (the pipeline's limit) or DEVPIPE.00011170 (the tenant's), when queued */
  queueCode?: string;
  /** the service's words about the queue */
  queueMessage?: string;
}

/** RunPipelineDto (codearts-api.md 2.2), in the API's names. */
export interface RunPipelineBody {
  variables?: Array<{ name: string; value: string }>;
  /** stage identifiers; priority over choose_jobs */
  choose_stages?: string[];
  /** job identifiers */
  choose_jobs?: string[];
  description?: string;
}

/** ListPipelineRuns' query (sorted by start time), in the API's names. */
export interface ListRunsQuery {
  offset: number;
  limit: number;
  sort_dir: 'asc' | 'desc';
  /** run statuses to keep */
  status?: string[];
}

/** ShowPipelineLog's query, in the API's names (both offsets 0 or absent: the whole log). */
export interface LogQuery {
  /** lines at most */
  limit: number;
  sort: 'asc' | 'desc';
  start_offset?: number;
  end_offset?: number;
}

/** What a caller passes to every operation. */
export interface CallOptions {
  /** Aborts the request in flight (the overall deadline, cancellation). */
  signal?: AbortSignal;
}
