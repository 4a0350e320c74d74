// The domain model every client returns, whichever API generation it talks to.
// Ids are exact decimal strings (64-bit ids lose precision as JS numbers).
// Statuses stay plain strings: Yunxiao may add values, and an unknown one must never crash us.
import type { ApiError } from '../../http/errors.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { JsonText } from '../../http/json.js';

/** Documented machine statuses. */
export const MACHINE_STATUSES = [
  'Success',
  'Pending',
  'Running',
  'Cancelled',
  'Queued',
  'Failed',
  'Skipped',
] as const;

export interface ActionState {
  /** e.g. StopVMDeployOrder, ResumeVMDeployOrder, RetryVMDeployMachine, SkipVMDeployMachine */
  type: string;
  /** true: the caller may not perform this action now */
  disable: boolean;
}

export interface Machine {
  machineSn: string;
  ip: string;
  /** Success | Pending | Running | Cancelled | Queued | Failed | Skipped | anything new */
  status: string;
  /** ok | error (agent unreachable) | anything new */
  clientStatus: string;
  batchNum: number;
  hostName?: string;
  updateTime?: number;
  actions: ActionState[];
}

/** A deploy order read: in the core's terms, and the answer's own bytes. */
export interface OrderRead {
  snapshot: Snapshot;
  raw: JsonText;
}

/** A deploy order's own fields, as read (its machines are read straight into units: snapshot.ts). */
export interface OrderFields {
  deployOrderId: string;
  /** Waiting | Running | Cancelled | Success | anything new */
  status: string;
  currentBatch: number;
  totalBatch: number;
  exceptionCode?: string;
  updateTime?: number;
  actions: ActionState[];
}

export interface DeployJob {
  identifier: string;
  jobName: string;
  /** id of the job's last run (a job instance id, not a pipeline run id) */
  lastJobId: string;
  lastJobParams?: string;
}

export interface JobHistoryEntry {
  jobId: string;
  pipelineRunId: string;
  identifier: string;
  jobName: string;
  status: string;
  executeNumber?: number;
}

/** One page of a paged list. `next` is an opaque cursor (page number or nextToken); absent on the last page. */
export interface Page<T> {
  items: T[];
  next?: string;
  /** the cursor of the last page, when the server says how many there are */
  last?: string;
}

export interface RunAction {
  type: string;
  /** action params with ids as exact strings */
  params: Record<string, unknown>;
  /** raw JSON string some responses carry instead of params */
  data?: string;
  disable?: boolean;
}

export interface RunJob {
  id: string;
  name: string;
  /** RUNNING | SUCCESS | FAIL | CANCELED | WAITING | anything new */
  status: string;
  stageName?: string;
  actions: RunAction[];
}

export interface PipelineRun {
  pipelineRunId: string;
  pipelineId: string;
  /** RUNNING | SUCCESS | FAIL | CANCELED | WAITING | anything new */
  status: string;
  createTime?: number;
  updateTime?: number;
  /** every job of every stage, in stage order */
  jobs: RunJob[];
}

/** A pipeline's definition, as far as the gate reads it (GetPipeline): where its code comes from. */
export interface PipelineDefinition {
  /** pipelineConfig.sources[].data.repo, in order: the keys of runningBranchs / runningTags */
  repositories: string[];
  /** pipelineConfig.flow: the YAML text of a YAML pipeline, which may declare its sources there instead */
  flow?: string;
}

/** A row of ListPipelineRuns. */
export interface RunRow {
  pipelineRunId: string;
  status: string;
  /** who started it; '' when the answer names nobody (runs started through the API may name nobody) */
  creatorAccountId: string;
}

/** CreatePipelineRun's `params` (sent as a JSON string): what the run builds, with what. */
export interface RunParams {
  /** repository URL -> branch */
  runningBranchs?: Record<string, string>;
  /** repository URL -> tag */
  runningTags?: Record<string, string>;
  /** variable -> value */
  envs?: Record<string, string>;
  comment?: string;
}

export interface MachineLog {
  deployLog: string;
  deployLogPath?: string;
  aliyunRegion?: string;
  /** ms epoch (the OpenAPI sends a string of digits, the classic API a number) */
  deployBeginTime?: number;
  deployEndTime?: number;
}

export interface EmasArtifactRequest {
  pipelineId: string;
  pipelineRunId: string;
  emasJobInstanceId: string;
  md5: string;
  serviceConnectionId: string;
}

/** What a caller passes to every operation. */
export interface CallOptions {
  /** Aborts the request in flight (the overall deadline, cancellation). */
  signal?: AbortSignal;
}

/**
 * The Yunxiao Flow operations the gate needs. Two implementations: the OpenAPI client
 * (personal access token) and the classic client (AccessKey signature). The gate cannot
 * tell which one it talks to.
 */
export interface YunxiaoApi {
  /** 'openapi' or 'classic': for messages and the report only. */
  readonly kind: 'openapi' | 'classic';
  listDeployJobs(pipelineId: string, opts?: CallOptions): Promise<DeployJob[]>;
  /** One page of a deploy job's run history (in an order Yunxiao does not document). `cursor` is a page's `next` or `last`. */
  listJobHistory(
    pipelineId: string,
    identifier: string,
    cursor: string | undefined,
    opts?: CallOptions,
  ): Promise<Page<JobHistoryEntry>>;
  getPipelineRun(pipelineId: string, pipelineRunId: string, opts?: CallOptions): Promise<PipelineRun>;
  /** OpenAPI only (the classic API has no such call) */
  getLatestPipelineRun?(pipelineId: string, opts?: CallOptions): Promise<PipelineRun>;
  getPipeline(pipelineId: string, opts?: CallOptions): Promise<PipelineDefinition>;
  /** One page of the pipeline's runs (in an order Yunxiao does not document). `cursor` is a page's `next` or `last`. */
  listPipelineRuns(pipelineId: string, cursor: string | undefined, opts?: CallOptions): Promise<Page<RunRow>>;
  /**
   * Starts a run and answers its id. A write: sent once, never repeated, so an answer that is lost
   * (a reset, a timeout, a 5xx, an unreadable body) may hide a run that was started.
   */
  createPipelineRun(pipelineId: string, params: RunParams, opts?: CallOptions): Promise<string>;
  /** Who the credentials are, as runs name their creator (GetUserByToken); OpenAPI only. */
  currentUserId?(opts?: CallOptions): Promise<string>;
  /**
   * The deploy order in the core's terms, and as Yunxiao sent it (unknown fields kept, ids exact)
   * for the report: its bytes, not a tree (at 10,000 machines the tree is several times larger).
   * The bytes are in a buffer the next read reuses: a caller lets go of them before it reads again.
   */
  getDeployOrder(pipelineId: string, deployOrderId: string, opts?: CallOptions): Promise<OrderRead>;
  /** The last failed attempt of any call, for a verdict that must name the last error seen. */
  lastError(): ApiError | undefined;
  stopDeployOrder(pipelineId: string, deployOrderId: string, opts?: CallOptions): Promise<boolean>;
  resumeDeployOrder(pipelineId: string, deployOrderId: string, opts?: CallOptions): Promise<boolean>;
  skipMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    opts?: CallOptions,
  ): Promise<boolean>;
  retryMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    opts?: CallOptions,
  ): Promise<boolean>;
  getMachineLog(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    opts?: CallOptions,
  ): Promise<MachineLog>;
  getEmasArtifactUrl(req: EmasArtifactRequest, opts?: CallOptions): Promise<string>;
}
