// start: true: start a run of the pipeline (CreatePipelineRun / StartPipelineRun), once. Its answer
// names the run; when that answer is lost the request is never sent again: the gate looks for the run
// it may have started (its own, newer than the newest before the request, by id) or says that a run
// may have been started, with the link.
import { messageOf } from '../../common/message.js';
import { ApiError } from '../../http/errors.js';
import { mayHaveBeenDone } from '../../http/transport.js';
import { ResolveError, type ResolveContext } from './resolve.js';
import { idAfter, newestId, newestRuns } from './runs.js';
import type { StartInputs } from './run-inputs.js';
import { repositoriesOf, runParams } from './sources.js';

/** Looks at the run list for the run a lost answer hid: it may take a moment to be listed. */
export const RECOVERY_LOOKS = 3;

export interface Started {
  pipelineRunId: string;
  /** the answer was lost, and this run was found as the gate's own */
  recovered: boolean;
  calls: number;
}

export interface StartContext extends ResolveContext {
  /** the pipeline's page, for a message that says where to look */
  pipelineUrl: string;
}

export async function startRun(pipelineId: string, start: StartInputs, ctx: StartContext): Promise<Started> {
  const { api, signal } = ctx;
  let calls = 0;
  let repositories: string[] = [];
  const ref = start.branch ? 'branch' : start.tag ? 'tag' : undefined;
  if (ref) {
    const def = await api.getPipeline(pipelineId, { signal });
    calls++;
    repositories = repositoriesOf(def);
    if (repositories.length === 0)
      throw new ResolveError(
        `${ref}: pipeline ${pipelineId} has no code source with a repository (GetPipeline: pipelineConfig.sources, ` +
          `nor sources in its YAML), so there is nothing to run on ${ref} "${start.branch ?? start.tag}". ` +
          `Nothing was started. Add a code source to the pipeline, or remove ${ref}.`,
      );
  }
  // The newest run before the request: a run the request started can only come after it.
  const before = await newestRuns(api, pipelineId, { signal });
  calls += before.pages;
  const baseline = before.complete ? { id: newestId(before.rows) } : undefined;
  const operation = api.kind === 'classic' ? 'StartPipelineRun' : 'CreatePipelineRun';
  try {
    const pipelineRunId = await api.createPipelineRun(pipelineId, runParams(start, repositories), { signal });
    // A run the request started comes after every run before it: an answer naming an older one (a
    // cached or crafted answer, someone else's run) is not the gate's, and its deploy is not gated.
    if (baseline?.id !== undefined && !idAfter(pipelineRunId, baseline.id))
      throw new ResolveError(
        `${operation} answered run ${pipelineRunId}, which is not newer than run ${baseline.id}, the newest before ` +
          `the request: not the run it started, so the gate watches none. A run may have been started; see the ` +
          `pipeline's runs before running the job again: ${ctx.pipelineUrl}`,
      );
    return { pipelineRunId, recovered: false, calls: calls + 1 };
  } catch (err) {
    if (signal.aborted)
      throw new ResolveError(
        `${operation} was sent, and ${messageOf(signal.reason)} before its answer came: a run may have been started ` +
          `(the gate started no other). See the pipeline's runs: ${ctx.pipelineUrl}`,
        { cause: signal.reason },
      );
    if (!(err instanceof ApiError) || !mayHaveBeenDone(err)) throw err;
    const lostLine = `${operation} was sent once and its answer was lost (${err.message})`;
    ctx.log(`${lostLine}; it is not sent again. Looking for the run it may have started.`);
    const mayHave = `${lostLine}. A run may have been started, and the gate did not start another`;
    const see = `See the pipeline's runs before running the job again: ${ctx.pipelineUrl}`;
    let found: Awaited<ReturnType<typeof findOwnRun>>;
    try {
      found = await findOwnRun(pipelineId, baseline, ctx);
    } catch (lookErr) {
      if (signal.aborted)
        throw new ResolveError(`${mayHave}; ${messageOf(signal.reason)} while it looked for it. ${see}`, {
          cause: signal.reason,
        });
      found = { why: `looking for it failed: ${messageOf(lookErr)}` };
    }
    if ('pipelineRunId' in found)
      return { pipelineRunId: found.pipelineRunId, recovered: true, calls: calls + 1 + found.calls };
    throw new ResolveError(`${mayHave}; it could not find one of its own: ${found.why}. ${see}`);
  }
}

/**
 * The run a lost answer hid: the newest run created by these credentials after `baseline`, by id.
 * Who the credentials are comes from GetUserByToken (the OpenAPI only), compared with each run's
 * creator; a run that names no creator is never taken for the gate's own.
 */
async function findOwnRun(
  pipelineId: string,
  baseline: { id: string | undefined } | undefined,
  ctx: StartContext,
): Promise<{ pipelineRunId: string; calls: number } | { why: string }> {
  const { api, signal } = ctx;
  if (!baseline) return { why: 'the run list was too long to tell which runs came after the request' };
  if (!api.currentUserId)
    return { why: 'the classic API cannot say which account the AccessKey is, to tell its runs' };
  let me: string;
  try {
    me = await api.currentUserId({ signal });
  } catch (err) {
    if (signal.aborted) throw err;
    return { why: `GetUserByToken, which tells whose runs are the token's, failed: ${messageOf(err)}` };
  }
  let calls = 1;
  let newer: number;
  for (let look = 1; ; look++) {
    const runs = await newestRuns(api, pipelineId, { signal });
    calls += runs.pages;
    const after = runs.rows.filter((r) => idAfter(r.pipelineRunId, baseline.id));
    newer = after.length;
    const id = newestId(after.filter((r) => r.creatorAccountId === me));
    if (id) {
      ctx.log(`Found run ${id}, created by this token after the request: the run the gate started.`);
      return { pipelineRunId: id, calls };
    }
    if (look >= RECOVERY_LOOKS) break;
    await ctx.sleep(ctx.pollIntervalMs, signal);
  }
  const since = baseline.id ? `after run ${baseline.id}` : 'at all';
  return {
    why:
      newer === 0
        ? `no run was created ${since}`
        : `${newer} run(s) were created ${since}, none of them named as this token's`,
  };
}
