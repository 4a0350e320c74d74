// From a pipeline (and maybe a run or a job name) to the deploy order to watch.
// The chain (yunxiao-api.md section 5): DEPLOY jobs -> the job's history row for its last run
// -> the pipeline run -> the deploy job's GetVMDeployOrder action -> deployOrderId.
import { messageOf } from '../../common/message.js';
import type { DeployJob, JobHistoryEntry, Page, PipelineRun, RunJob, YunxiaoApi } from './model.js';
import type { EmasInputs } from './inputs.js';
import { deployOrderIdOf, emasParamsOf, ENDED_STATUSES } from './run-actions.js';

export class ResolveError extends Error {
  override name = 'ResolveError';
}

export interface ResolveRequest {
  pipelineId: string;
  deployOrderId?: string;
  pipelineRunId?: string;
  job?: string;
}

export interface ResolveContext {
  api: YunxiaoApi;
  signal: AbortSignal;
  /** time between reads of a run whose deploy job has not started yet */
  pollIntervalMs: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (line: string) => void;
}

export interface Resolution {
  pipelineId: string;
  deployOrderId: string;
  pipelineRunId?: string;
  jobId?: string;
  jobName?: string;
  /** the run as last read, when it was read */
  run?: PipelineRun;
  /** EMAS coordinates from the run's GetPipelineEmasArtifactUrl action, when present */
  emasFromRun?: EmasInputs;
  /** API calls spent on resolution, for the log */
  calls: number;
}

/** History pages to read at most when looking for a job's last run (600 rows in the OpenAPI, 1,000 classic). */
export const MAX_HISTORY_PAGES = 20;

export async function resolveDeployOrder(req: ResolveRequest, ctx: ResolveContext): Promise<Resolution> {
  const { api, signal } = ctx;
  if (req.deployOrderId) {
    return {
      pipelineId: req.pipelineId,
      deployOrderId: req.deployOrderId,
      pipelineRunId: req.pipelineRunId,
      calls: 0,
    };
  }
  let calls = 0;
  let runId = req.pipelineRunId;
  let chosen: DeployJob | undefined;
  if (!runId) {
    const jobs = await api.listDeployJobs(req.pipelineId, { signal });
    calls++;
    chosen = chooseJob(jobs, req.job, req.pipelineId);
    const found = await findRunOfJob(ctx, req.pipelineId, chosen);
    calls += found.pages;
    runId = found.pipelineRunId;
  }
  // Read the run until its deploy job carries the deploy order, the run ends, or the deadline aborts us.
  let last: PipelineRun | undefined;
  try {
    for (let reads = 0; ; reads++) {
      const run = await api.getPipelineRun(req.pipelineId, runId, { signal });
      last = run;
      calls++;
      const job = deployJobOf(run, chosen, req.job);
      const orderId = job ? deployOrderIdOf(job) : undefined;
      if (job && orderId) {
        return {
          pipelineId: req.pipelineId,
          deployOrderId: orderId,
          pipelineRunId: run.pipelineRunId || runId,
          jobId: job.id,
          jobName: chosen?.jobName ?? job.name,
          run,
          emasFromRun: emasParamsOf(run),
          calls,
        };
      }
      if (job && ENDED_STATUSES.has(job.status)) {
        throw new ResolveError(
          `The deploy job "${job.name}" of pipeline run ${runId} ended (${job.status}) without creating a deploy order: nothing to watch. ` +
            'Check the run in Yunxiao; pass deploy-order-id to watch a specific order.',
        );
      }
      if (ENDED_STATUSES.has(run.status)) {
        const what = job ? `its deploy job "${job.name}"` : 'any deploy job';
        throw new ResolveError(
          `Pipeline run ${runId} ended (${run.status}) without ${what} creating a deploy order: nothing to watch. ` +
            'Check the run in Yunxiao; pass deploy-order-id to watch a specific order.',
        );
      }
      if (reads === 0)
        ctx.log(
          `Pipeline run ${runId} has not reached its deploy job yet (run ${run.status}); waiting for it.`,
        );
      await ctx.sleep(ctx.pollIntervalMs, signal);
    }
  } catch (err) {
    if (!signal.aborted || !last) throw err;
    // Cut short while waiting: say for what.
    throw new ResolveError(
      `pipeline run ${runId} had not reached its deploy job (run ${last.status}) when ${messageOf(signal.reason)}.`,
      { cause: signal.reason },
    );
  }
}

/** The DEPLOY job named by `job` (name or identifier), else the one whose last run is newest. */
export function chooseJob(jobs: DeployJob[], job: string | undefined, pipelineId: string): DeployJob {
  if (jobs.length === 0) {
    throw new ResolveError(
      `Pipeline ${pipelineId} has no DEPLOY job (ListPipelineJobs returned none): ` +
        'add a host deploy job to the pipeline, or pass deploy-order-id.',
    );
  }
  if (job) {
    const hit = jobs.find((j) => j.jobName === job) ?? jobs.find((j) => j.identifier === job);
    if (!hit) {
      const names = jobs.map((j) => `"${j.jobName}" (${j.identifier})`).join(', ');
      throw new ResolveError(`job: no DEPLOY job named "${job}" in pipeline ${pipelineId}; it has ${names}.`);
    }
    return hit;
  }
  // Job instance ids grow over time, so the largest lastJobId is the newest last run.
  return jobs.reduce((a, b) => (idGreater(b.lastJobId, a.lastJobId) ? b : a));
}

function idGreater(a: string, b: string): boolean {
  if (!/^\d+$/.test(a)) return false;
  if (!/^\d+$/.test(b)) return true;
  return BigInt(a) > BigInt(b);
}

/**
 * The history row of the job's last run. The history's order is not documented: the row is on the
 * first page when it is newest first, on the last when oldest first, so the last page (when the
 * server says which) is read second, then the rest in order. A cursor is never read twice, so a
 * server whose pages point back at each other cannot keep the gate paging.
 */
async function findRunOfJob(
  ctx: ResolveContext,
  pipelineId: string,
  job: DeployJob,
): Promise<{ pipelineRunId: string; pages: number }> {
  const read = new Set<string>();
  const page = async (cursor: string | undefined): Promise<Page<JobHistoryEntry>> => {
    read.add(cursor ?? '');
    return ctx.api.listJobHistory(pipelineId, job.identifier, cursor, { signal: ctx.signal });
  };
  const rowIn = (p: Page<JobHistoryEntry>): JobHistoryEntry | undefined =>
    p.items.find((r) => r.jobId === job.lastJobId);
  const first = await page(undefined);
  let row = rowIn(first);
  if (!row && first.last !== undefined && first.last !== first.next && !read.has(first.last))
    row = rowIn(await page(first.last));
  let cursor = first.next;
  while (!row && cursor !== undefined && !read.has(cursor) && read.size < MAX_HISTORY_PAGES) {
    const next = await page(cursor);
    row = rowIn(next);
    cursor = next.next;
  }
  if (row) return { pipelineRunId: row.pipelineRunId, pages: read.size };
  throw new ResolveError(
    `DEPLOY job "${job.jobName}" (${job.identifier}) of pipeline ${pipelineId}: its last run (job ${job.lastJobId}) ` +
      `is not in the job history (${read.size} pages read, ${MAX_HISTORY_PAGES} at most). Pass pipeline-run-id or deploy-order-id.`,
  );
}

/**
 * The run's deploy job: the chosen job by id (else by name, else any job with a deploy order action);
 * with only a `job` name (pipeline-run-id given), that name and nothing else.
 */
function deployJobOf(
  run: PipelineRun,
  chosen: DeployJob | undefined,
  jobName: string | undefined,
): RunJob | undefined {
  if (chosen) {
    return (
      run.jobs.find((j) => j.id === chosen.lastJobId) ??
      run.jobs.find((j) => j.name === chosen.jobName) ??
      run.jobs.find(hasDeployOrderAction)
    );
  }
  if (jobName) return run.jobs.find((j) => j.name === jobName);
  return run.jobs.find(hasDeployOrderAction);
}

function hasDeployOrderAction(job: RunJob): boolean {
  return job.actions.some((a) => a.type === 'GetVMDeployOrder');
}
