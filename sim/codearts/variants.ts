// The facts no source settles (codearts-api.md section 9 and its UNVERIFIED marks), as options: the
// simulator serves each plausible answer so the gate can be tested against every one. The
// defaults are the likeliest reading of the sources.
export interface Variants {
  /** statuses shown while a manual review or check point waits (section 3: undocumented) */
  pending?: {
    /** the run's status while nothing but a review or check point is left to do */
    run?: 'RUNNING' | 'PAUSED';
    /** the review job's status */
    job?: 'RUNNING' | 'PAUSED';
    /** the waiting step's status; any word, e.g. an undocumented 'WAITING' */
    step?: string;
  };
  /** status of a refused review or check point step and of its job (the run ends FAILED) */
  refusedStatus?: 'FAILED' | 'CANCELED';
  /** HTTP status of DEVCP.00012002 (unknown run, job or step): the error page says 200 */
  runNotFoundStatus?: 200 | 404;
  /** HTTP status of DEVPIPE.00011136 (wrong project) and DEVPIPE.00011401 (unknown pipeline) */
  pipelineErrorStatus?: 200 | 400 | 404;
  /** HTTP status of a queued start (DEVPIPE.00011169/70 with the run id): 2xx inferred */
  queuedStartStatus?: 200 | 202;
  /** a queued run's detail: 'running' = RUNNING with no stage started; 'not-found' = DEVCP.00012002 */
  queuedRunDetail?: 'running' | 'not-found';
  /** unit of int64 times (start_time, end_time, current_system_time, ...) */
  timeUnit?: 'ms' | 's';
  /** JSON type of a job's `async`: the SDK says string, Terraform reads a boolean */
  asyncType?: 'string' | 'boolean';
  /** service error body: {error_code, error_msg} or {error: {code, message}} */
  errorBody?: 'flat' | 'nested';
  /** `task` of a stage's check point `pre` step (unknown; the review plugin by default) */
  checkpointTask?: string;
}

export type ResolvedVariants = Required<Omit<Variants, 'pending'>> & {
  pending: Required<NonNullable<Variants['pending']>>;
};

export function resolveVariants(v: Variants = {}): ResolvedVariants {
  return {
    pending: { run: 'RUNNING', job: 'RUNNING', step: 'RUNNING', ...v.pending },
    refusedStatus: v.refusedStatus ?? 'FAILED',
    runNotFoundStatus: v.runNotFoundStatus ?? 200,
    pipelineErrorStatus: v.pipelineErrorStatus ?? 400,
    queuedStartStatus: v.queuedStartStatus ?? 200,
    queuedRunDetail: v.queuedRunDetail ?? 'running',
    timeUnit: v.timeUnit ?? 'ms',
    asyncType: v.asyncType ?? 'string',
    errorBody: v.errorBody ?? 'flat',
    checkpointTask: v.checkpointTask ?? 'official_devcloud_checkpoint',
  };
}
