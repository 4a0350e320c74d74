// The action's imperative shell: read inputs, resolve, watch, report. Every decision is made by
// gate/decide.ts; everything reported is built by the pure functions of report/.
//
// Time: the user plans for `timeout`. Everything after the deadline (a stop, a last read, logs, the
// EMAS URL, GitHub) shares one grace period, and so does everything after a cancel; each wait in it
// also ends when a cancel comes. The outputs, the report and the summary are written before any
// best-effort extra, and again when an extra adds to them.
import type { YunxiaoApi } from './providers/yunxiao/model.js';
import { actionsOnTimeout, decide } from './core/decide.js';
import { messageOf } from './common/message.js';
import { fetchArtifactUrl, fetchFailedLogs } from './providers/yunxiao/extras.js';
import { deployUrl } from './providers/yunxiao/links.js';
import { resolveDeployOrder, type Resolution } from './providers/yunxiao/resolve.js';
import type { Verdict } from './core/types.js';
import {
  newWatchState,
  perform,
  readAgain,
  watch,
  type WatchContext,
  type WatchState,
} from './watch/watch.js';
import type { Config } from './inputs/config.js';
import { parseInputs } from './inputs/parse.js';
import type { RunOutcome } from './report/outcome.js';
import { createApi } from './providers/yunxiao/api.js';
import { createDispatcher } from './runner/dispatcher.js';
import { DeadlineReached, formatDuration, RunCancelled } from './runner/deadline.js';
import { conclude, finishInvalid, finishUnresolved, writeResults } from './runner/finish.js';
import { io as runnerIo, useToolkitApi, type RunnerIo } from './runner/io.js';
import { cancelOnSignals, type CancelSignal } from './runner/signals.js';
import { sleep } from './common/sleep.js';
import type { Dispatcher } from './http/undici.js';
import type { DeploymentTracker } from './github/deployment.js';

/** After the deadline or a cancel: everything left must be done within this (the bound is 10 s). */
export const GRACE_MS = 8000;
/** Of it: the stop and a last read of the order. */
const STOP_MS = 4000;
/** Logs, the EMAS URL, GitHub: best effort, each at most this long (and within the grace period). */
const EXTRAS_MS = 10_000;
const EXTRAS_ON_CANCEL_MS = 1500;
/** Creating the GitHub Deployment before the watch: bounded, and cut by the deadline or a cancel. */
const GITHUB_START_MS = 10_000;

type Final = Verdict | { result: 'in-progress'; reason: string };

/** When the run must be over, and bounded waits that also end on a cancel. */
interface Clock {
  /** the deadline or a cancel */
  signal: AbortSignal;
  cancel: CancelSignal;
  /** a signal for a wait of at most `ms`, within the grace period, ended by a cancel that comes during it */
  bounded(ms: number): AbortSignal;
}

/**
 * Runs the action and sets the process exit code (also returned): the entry point calls it, and so
 * does a tool that runs the action from source, such as @github/local-action, with no arguments.
 */
export async function run(
  cancel: CancelSignal = cancelOnSignals(),
  io: RunnerIo = runnerIo,
): Promise<number> {
  if (io === runnerIo) await useToolkitApi();
  const code = await runGate(cancel, io);
  process.exitCode = code;
  return code;
}

async function runGate(cancel: CancelSignal, io: RunnerIo): Promise<number> {
  const startedAt = new Date();
  const parsed = parseInputs(io.input, io.mask, process.env);
  if (!parsed.ok) {
    return finishInvalid(
      io,
      `Invalid inputs (nothing was sent to Yunxiao):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
  const config = parsed.config;

  const deadline = new AbortController();
  const deadlineAt = Date.now() + config.timeoutMs;
  const timer = setTimeout(() => deadline.abort(new DeadlineReached(config.timeoutMs)), config.timeoutMs);
  const announce = (): void =>
    io.warning(
      `Received ${(cancel.signal.reason as RunCancelled).signalName}: the workflow run is being cancelled; the watch stops now.`,
    );
  if (cancel.signal.aborted) announce();
  else cancel.signal.addEventListener('abort', announce, { once: true });
  // The last resort: whatever hangs, the process is gone by the deadline (or the cancel) plus 10 s.
  const backstop = (): NodeJS.Timeout =>
    setTimeout(() => {
      io.warning(
        'The gate did not finish within the grace period after the deadline or the cancel; exiting.',
      );
      process.exit(process.exitCode ?? 1);
    }, GRACE_MS + 1500).unref();
  deadline.signal.addEventListener('abort', backstop, { once: true });
  cancel.signal.addEventListener('abort', backstop, { once: true });
  if (cancel.signal.aborted) backstop();

  const clock: Clock = {
    signal: AbortSignal.any([deadline.signal, cancel.signal]),
    cancel,
    bounded(ms) {
      const end = Math.min(deadlineAt, cancel.at ?? Infinity) + GRACE_MS;
      const left = Math.max(0, Math.min(ms, end - Date.now()));
      const time = AbortSignal.timeout(left);
      return cancel.signal.aborted ? time : AbortSignal.any([time, cancel.signal]);
    },
  };
  const dispatcher = await createDispatcher(process.env, config.endpoint);
  try {
    const api = await createApi(config, dispatcher, io.debug);
    return await gate(config, api, io, startedAt, clock);
  } catch (err) {
    // A bug of ours: still one clear line, the stack only in debug output.
    io.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
    io.fail(`yunxiao-deploy-gate failed unexpectedly: ${messageOf(err)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    // Keep-alive sockets would hold the process open for seconds after the verdict.
    await Promise.race([dispatcher.destroy().catch(() => undefined), sleep(500)]);
  }
}

async function gate(
  config: Config,
  api: YunxiaoApi,
  io: RunnerIo,
  startedAt: Date,
  clock: Clock,
): Promise<number> {
  const { signal } = clock;
  let resolution: Resolution;
  try {
    resolution = await resolveDeployOrder(config, {
      api,
      signal,
      pollIntervalMs: config.pollIntervalMs,
      sleep,
      log: io.info,
    });
  } catch (err) {
    const cause = signal.aborted ? signal.reason : err;
    const result =
      cause instanceof RunCancelled
        ? 'cancelled'
        : cause instanceof DeadlineReached
          ? 'timed-out'
          : 'failure';
    return finishUnresolved(
      io,
      config,
      startedAt,
      result,
      withLastError(`Could not find the deploy order to watch: ${messageOf(cause)}`, api, cause),
    );
  }
  const url = deployUrl(
    { api: api.kind, edition: config.edition, endpoint: config.endpoint },
    config.pipelineId,
    resolution.pipelineRunId,
  );
  io.info(
    `Deploy order ${resolution.deployOrderId} of pipeline ${config.pipelineId}` +
      (resolution.pipelineRunId ? `, run ${resolution.pipelineRunId}` : '') +
      (resolution.jobName ? `, job "${resolution.jobName}"` : '') +
      ` (${resolution.calls} lookup calls): ${url}`,
  );

  let deployment: DeploymentTracker | undefined;
  let githubDispatcher: Dispatcher | undefined;
  if (config.environment) {
    const { startDeployment } = await import('./github/deployment.js');
    githubDispatcher = await createDispatcher(process.env);
    deployment = await startDeployment({
      environment: config.environment,
      githubToken: config.githubToken ?? '',
      environmentUrl: url,
      description: `Yunxiao deploy order ${resolution.deployOrderId}`,
      dispatcher: githubDispatcher,
      signal: AbortSignal.any([signal, AbortSignal.timeout(GITHUB_START_MS)]),
      warn: io.warning,
      info: io.info,
    });
  }
  try {
    return await watchAndFinish(config, api, io, startedAt, clock, resolution, url, deployment);
  } finally {
    if (githubDispatcher) await Promise.race([githubDispatcher.destroy().catch(() => undefined), sleep(500)]);
  }
}

async function watchAndFinish(
  config: Config,
  api: YunxiaoApi,
  io: RunnerIo,
  startedAt: Date,
  clock: Clock,
  resolution: Resolution,
  url: string,
  deployment: DeploymentTracker | undefined,
): Promise<number> {
  const { signal } = clock;
  const state = newWatchState();
  const ctx: WatchContext = {
    api,
    pipelineId: config.pipelineId,
    deployOrderId: resolution.deployOrderId,
    policy: config.policy,
    pollIntervalMs: config.pollIntervalMs,
    signal,
    sleep,
    log: { info: io.info, warning: io.warning, group: io.group },
  };
  let final: Final;
  let stoppedOnCancel: boolean | undefined;
  try {
    final = config.wait ? await watch(ctx, state) : await readOnce(ctx, state);
  } catch (err) {
    const cause = signal.aborted ? signal.reason : err;
    if (cause instanceof RunCancelled) {
      stoppedOnCancel = config.stopOnCancel
        ? await stopOrder(
            ctx,
            state,
            clock.bounded(STOP_MS),
            'stop-on-cancel: the workflow run was cancelled',
          )
        : false;
      final = {
        result: 'cancelled',
        reason:
          `The workflow run was cancelled while watching deploy order ${resolution.deployOrderId}; ` +
          (stoppedOnCancel ? 'the order was stopped.' : 'the order was left running in Yunxiao.'),
      };
    } else if (cause instanceof DeadlineReached) {
      const bound = clock.bounded(STOP_MS);
      for (const action of actionsOnTimeout(state.order, config.policy, state.memory)) {
        await stopOrder(ctx, state, bound, action.reason);
      }
      final = {
        result: 'timed-out',
        reason: withLastError(
          `Deploy order ${resolution.deployOrderId} did not finish within ${formatDuration(config.timeoutMs)} ` +
            `(last status ${state.order?.status ?? 'unknown'}, batch ${state.order?.currentBatch ?? '?'}/${state.order?.totalBatch ?? '?'}).`,
          api,
        ),
      };
    } else {
      final = {
        result: 'failure',
        reason: `Reading deploy order ${resolution.deployOrderId} failed: ${messageOf(cause)}`,
      };
    }
  }
  if (final.result === 'failure') final = { ...final, reason: withLastError(final.reason, api) };

  const outcome: RunOutcome = {
    result: final.result,
    reason: final.reason,
    api: api.kind,
    edition: api.kind === 'openapi' ? config.edition : undefined,
    organizationId: config.organizationId,
    policy: config.policy,
    resolved: {
      pipelineId: config.pipelineId,
      deployOrderId: resolution.deployOrderId,
      pipelineRunId: resolution.pipelineRunId,
      jobId: resolution.jobId,
      jobName: resolution.jobName,
      deployUrl: url,
    },
    order: state.order,
    rawOrder: state.order ? api.lastRawDeployOrder() : undefined,
    taken: state.memory.taken,
    machineLogs: {},
    warnings: state.warnings,
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    stoppedOnCancel,
  };
  // What is known now is written first: whatever happens to the extras, the results are there.
  await writeResults(outcome, config, io);

  const cancelled = clock.cancel.signal.aborted;
  const extras = clock.bounded(cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS);
  const [machineLogs, changed] = await Promise.all([
    config.machineLogs && state.order
      ? fetchFailedLogs(api, state.order, config.pipelineId, extras, io.warning)
      : Promise.resolve({}),
    addArtifactUrl(outcome, config, api, resolution, extras, io),
  ]);
  outcome.machineLogs = machineLogs;
  if (changed || Object.keys(machineLogs).length > 0) await writeResults(outcome, config, io);
  const code = conclude(outcome, io);
  // GitHub is a record, not the verdict: bounded, so it never holds the step past the runner's window.
  if (deployment)
    await deployment.finish(outcome.result, clock.bounded(cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS));
  return code;
}

/** A reason, with the last error the API client saw when the reason does not already say it. */
function withLastError(reason: string, api: YunxiaoApi, cause?: unknown): string {
  const last = api.lastError();
  if (!last || last === cause || reason.includes(last.message)) return reason;
  return `${reason} Last error: ${last.message}`;
}

/** wait: false — one read; `in-progress` unless the order already ended. */
async function readOnce(ctx: WatchContext, state: WatchState): Promise<Final> {
  const order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
  state.order = order;
  state.polls = 1;
  if (order.status === 'Success' || order.status === 'Cancelled') {
    const decision = decide(order, ctx.policy, state.memory);
    if (decision.verdict) return decision.verdict;
  }
  return {
    result: 'in-progress',
    reason: `Deploy order ${ctx.deployOrderId} is ${order.status} (batch ${order.currentBatch}/${order.totalBatch}); not waiting for it (wait: false).`,
  };
}

/** Stops the order within `bound` (the main signal has already fired) and reads it once more. */
async function stopOrder(
  ctx: WatchContext,
  state: WatchState,
  bound: AbortSignal,
  reason: string,
): Promise<boolean> {
  const order = state.order;
  if (order && (order.status === 'Success' || order.status === 'Cancelled')) return false;
  const bounded = { ...ctx, signal: bound };
  try {
    const taken = await perform(bounded, state, { kind: 'stop', reason });
    await readAgain(bounded, state);
    return taken.outcome === 'ok';
  } catch {
    return false; // out of time: recorded as sent, outcome unknown
  }
}

/** The EMAS artifact URL into the outcome; true when the outcome changed. */
async function addArtifactUrl(
  outcome: RunOutcome,
  config: Config,
  api: YunxiaoApi,
  resolution: Resolution,
  signal: AbortSignal,
  io: RunnerIo,
): Promise<boolean> {
  const coords = config.emas ?? resolution.emasFromRun;
  const got = await fetchArtifactUrl(
    api,
    coords && {
      ...coords,
      pipelineId: config.pipelineId,
      pipelineRunId: resolution.pipelineRunId ?? config.pipelineRunId,
    },
    signal,
  );
  if (!got) return false;
  if ('url' in got) {
    outcome.artifactUrl = got.url;
    return true;
  }
  const line = `Could not get the EMAS artifact URL: ${got.error}`;
  if (config.emas && outcome.result === 'success') {
    // Asked for explicitly: a later step depends on it, so the step must not pass without it.
    outcome.result = 'failure';
    outcome.reason = `The deploy succeeded, but ${line.charAt(0).toLowerCase()}${line.slice(1)}`;
  } else {
    io.warning(line);
    outcome.warnings.push(line);
  }
  return true;
}
