// new-run-only: true: for pipelines that Yunxiao starts itself on a push. The gate records the newest
// run when it begins (by id: the runner's clock and Yunxiao's differ), then waits for a newer one and
// gates that: the next run, the first after the one it recorded.
import { messageOf } from '../../common/message.js';
import { ApiError } from '../../http/errors.js';
import { ResolveError, type ResolveContext } from './resolve.js';
import { idAfter, MAX_RUN_PAGES, newestId, newestRuns } from './runs.js';

export interface NextRun {
  pipelineRunId: string;
  /** the newest run when the gate began (undefined: the pipeline had none) */
  after?: string;
  /** when the gate began waiting, by the runner's clock (shown, never compared with Yunxiao's) */
  since: string;
  calls: number;
}

/** What the gate waits for, in words: "a run newer than run 88". */
const newerThan = (after: string | undefined): string =>
  after ? `a pipeline run newer than run ${after}` : 'a first pipeline run';

export async function waitForNextRun(
  pipelineId: string,
  ctx: ResolveContext,
  now: () => Date = () => new Date(),
): Promise<NextRun> {
  const { api, signal } = ctx;
  const first = await newestRuns(api, pipelineId, { signal });
  if (!first.complete)
    throw new ResolveError(
      `new-run-only: the run list of pipeline ${pipelineId} is longer than ${MAX_RUN_PAGES} pages, oldest first, so ` +
        'the newest run cannot be told. Use start: true (the gate starts the run and knows it).',
    );
  let calls = first.pages;
  // the newest run now, by id: any run after it is new
  const after = newestId(first.rows);
  const since = now().toISOString();
  const what = newerThan(after);
  ctx.log(`new-run-only: waiting for ${what} (the newest when the gate began, at ${since} runner time).`);
  try {
    for (;;) {
      await ctx.sleep(ctx.pollIntervalMs, signal);
      let rows;
      try {
        const runs = await newestRuns(api, pipelineId, { signal });
        calls += runs.pages;
        rows = runs.rows;
      } catch (err) {
        // a blip that outlived the client's retries: the run may still come, keep looking
        if (signal.aborted || !(err instanceof ApiError) || !err.retryable) throw err;
        ctx.log(`Reading the run list failed, will look again: ${err.message}`);
        continue;
      }
      // the next run: the first after the recorded one (a later push has its own gate)
      let next: string | undefined;
      for (const r of rows)
        if (idAfter(r.pipelineRunId, after) && (next === undefined || idAfter(next, r.pipelineRunId)))
          next = r.pipelineRunId;
      if (next) {
        ctx.log(`new-run-only: pipeline run ${next} appeared; gating its deploy.`);
        return { pipelineRunId: next, ...(after ? { after } : {}), since, calls };
      }
    }
  } catch (err) {
    if (!signal.aborted) throw err;
    throw new ResolveError(
      `no new run appeared: ${what} (the newest when the gate began waiting at ${since}) did not appear before ${messageOf(signal.reason)}.`,
      { cause: signal.reason },
    );
  }
}
