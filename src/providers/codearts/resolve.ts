// Which CodeArts run to watch: the one given, one this gate starts (watched from the queue when the
// pipeline's concurrency limit holds it), the newest run of a commit (waited for while it has not
// appeared), or the newest run. It ends with one read of that run, so the reports know its number
// and its page from the start.
import { ApiError } from '../../http/errors.js';
import type { ResolveContext } from '../../watch/provider.js';
import type { CodeArtsClient, RunRead } from './client.js';
import type { Target } from './inputs.js';
import type { RunRow } from './model.js';

/** The service's "no such run" (a queued run may not be readable until it leaves the queue). */
const NOT_FOUND = 'DEVCP.00012002';
/** Runs read per look for a commit's run: the newest ones, where a run just triggered is. */
const COMMIT_PAGE = 20;

export interface Resolution {
  runId: string;
  /** how it was found, for people: "started by this gate", "the newest run", ... */
  how: string;
  /** the run as read at the end of resolution */
  first: RunRead;
  /** the service's words when a start was queued */
  queued?: string;
  calls: number;
}

export async function resolveRun(
  target: Target,
  client: CodeArtsClient,
  ctx: ResolveContext,
): Promise<Resolution> {
  const o = { signal: ctx.signal };
  let calls = 0;
  switch (target.kind) {
    case 'run': {
      const first = await client.getRun(target.runId, o);
      return { runId: target.runId, how: 'given (pipeline-run-id)', first, calls: 1 };
    }
    case 'start': {
      // The newest run's number before the request: the run it starts is numbered after every run
      // there was. An answer naming an older run (someone else's, an earlier success) is not the
      // gate's run, however it comes (a queued start names its run in an error body).
      const before = await client.listRuns({ offset: 0, limit: 1, sort_dir: 'desc' }, o);
      calls++;
      const baseline = before.runs[0]?.runNumber;
      // A write, sent once: the transport never repeats it after a lost answer.
      const started = await client.runPipeline(
        {
          ...(target.variables.length > 0 ? { variables: target.variables } : {}),
          ...(target.stages.length > 0 ? { choose_stages: target.stages } : {}),
          ...(target.jobs.length > 0 ? { choose_jobs: target.jobs } : {}),
          ...(target.description ? { description: target.description } : {}),
        },
        o,
      );
      calls++;
      const runId = started.pipelineRunId;
      let queued: string | undefined;
      if (started.queueCode) {
        queued = `${started.queueCode}${started.queueMessage ? `: ${started.queueMessage}` : ''}`;
        ctx.log(
          `The run ${runId} was queued by the pipeline's concurrency limit (${queued}); watching it from the queue.`,
        );
      }
      const read = await readWhenVisible(client, runId, ctx);
      const number = read.first.run.runNumber;
      if (baseline !== undefined && number !== undefined && number <= baseline)
        throw new Error(
          `RunPipeline answered run ${runId} (#${number}), which is not newer than run #${baseline}, the newest ` +
            `before the request: not the run it started, so the gate watches none. A run may have been started; ` +
            `see the pipeline's runs before running the job again.`,
        );
      return {
        runId,
        how: 'started by this gate',
        first: read.first,
        calls: calls + read.calls,
        ...(queued ? { queued } : {}),
      };
    }
    case 'commit': {
      let said = false;
      for (;;) {
        const page = await client.listRuns({ offset: 0, limit: COMMIT_PAGE, sort_dir: 'desc' }, o);
        calls++;
        const row = newestOf(page.runs.filter((r) => sameCommit(commitOf(r), target.sha)));
        if (row) {
          const first = await client.getRun(row.id, o);
          return {
            runId: row.id,
            how: `the newest run of commit ${target.sha.slice(0, 12)}`,
            first,
            calls: calls + 1,
          };
        }
        if (!said)
          ctx.log(
            `No run of commit ${target.sha.slice(0, 12)} yet; waiting for one to appear (checking every ${ctx.pollIntervalMs / 1000}s, within timeout).`,
          );
        said = true;
        await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
      }
    }
    case 'newest': {
      const page = await client.listRuns({ offset: 0, limit: 1, sort_dir: 'desc' }, o);
      const row = page.runs[0];
      if (!row)
        throw new Error('the pipeline has no runs yet; start one with start: true, or give pipeline-run-id');
      const first = await client.getRun(row.id, o);
      return { runId: row.id, how: 'the newest run', first, calls: 2 };
    }
  }
}

/** A run this gate started may not be readable while it waits in the queue: read it once it is. */
async function readWhenVisible(
  client: CodeArtsClient,
  runId: string,
  ctx: ResolveContext,
): Promise<{ first: RunRead; calls: number }> {
  let said = false;
  for (let calls = 1; ; calls++) {
    try {
      return { first: await client.getRun(runId, { signal: ctx.signal }), calls };
    } catch (err) {
      if (!(err instanceof ApiError) || err.errorCode !== NOT_FOUND) throw err;
      if (!said) ctx.log(`The run ${runId} is not readable yet (still in the queue); waiting.`);
      said = true;
      await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
    }
  }
}

/**
 * The newest of the rows by the pipeline's own run numbers, whatever order the list came in (a list
 * not sorted as asked must not make an older run of the commit, an earlier success, the one gated).
 * Rows without a number come after those with one; among them, the first.
 */
function newestOf(rows: readonly RunRow[]): RunRow | undefined {
  let best: RunRow | undefined;
  for (const r of rows)
    if (
      !best ||
      (r.runNumber !== undefined && (best.runNumber === undefined || r.runNumber > best.runNumber))
    )
      best = r;
  return best;
}

function commitOf(r: RunRow): string {
  return (r.source.commitId ?? '').toLowerCase();
}

/** Either may be abbreviated (at least 7 hex digits): one is the start of the other. */
function sameCommit(a: string, b: string): boolean {
  return a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a));
}
