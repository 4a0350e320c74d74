// The action's imperative shell: read inputs, resolve, watch, report. Every decision is made by
// gate/decide.ts; everything reported is built by the pure functions of report/.
import type { YunxiaoApi } from './client/model.js';
import { actionsOnTimeout, decide } from './gate/decide.js';
import { messageOf } from './common/message.js';
import { fetchArtifactUrl, fetchFailedLogs } from './gate/extras.js';
import { deployUrl } from './gate/links.js';
import { resolveDeployOrder, type Resolution } from './gate/resolve.js';
import type { Verdict } from './gate/types.js';
import { newWatchState, perform, watch, type WatchContext, type WatchState } from './gate/watch.js';
import type { Config } from './inputs/config.js';
import { parseInputs } from './inputs/parse.js';
import type { RunOutcome } from './report/outcome.js';
import { createApi } from './runner/api.js';
import { createDispatcher } from './runner/dispatcher.js';
import { DeadlineReached, formatDuration, RunCancelled } from './runner/deadline.js';
import { finish, finishUnresolved } from './runner/finish.js';
import { io as runnerIo, type RunnerIo } from './runner/io.js';
import { onCancel } from './runner/signals.js';
import { sleep } from './common/sleep.js';
import type { Dispatcher } from './client/undici.js';
import type { DeploymentTracker } from './github/deployment.js';

/** After the deadline: time left to stop the order and read it once more. */
const AFTER_DEADLINE_MS = 5000;
/** After a cancel the runner kills us 10 s after SIGINT: the stop must be done within 5 s. */
const AFTER_CANCEL_MS = 4000;
/** Time allowed for fetching logs and the artifact URL (shorter when cancelled). */
const EXTRAS_MS = 10_000;
const EXTRAS_ON_CANCEL_MS = 1500;

type Final = Verdict | { result: 'in-progress'; reason: string };

/** Runs the action; resolves to the process exit code. */
export async function run(io: RunnerIo = runnerIo): Promise<number> {
  const startedAt = new Date();
  const parsed = parseInputs(io.input, io.mask);
  if (!parsed.ok) {
    io.fail(
      `Invalid inputs (nothing was sent to Yunxiao):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
    return 1;
  }
  const config = parsed.config;

  const deadline = new AbortController();
  const cancel = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlineReached(config.timeoutMs)), config.timeoutMs);
  const listening = onCancel((signalName) => {
    io.warning(`Received ${signalName}: the workflow run is being cancelled; the watch stops now.`);
    cancel.abort(new RunCancelled(signalName));
  });
  const signal = AbortSignal.any([deadline.signal, cancel.signal]);
  const dispatcher = await createDispatcher(process.env);
  try {
    const api = await createApi(config, dispatcher, io.debug);
    return await gate(config, api, dispatcher, io, startedAt, signal);
  } catch (err) {
    // A bug of ours: still one clear line, the stack only in debug output.
    io.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
    io.fail(`yunxiao-deploy-gate failed unexpectedly: ${messageOf(err)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    listening.release();
    // Keep-alive sockets would hold the process open for seconds after the verdict.
    await dispatcher.destroy().catch(() => undefined);
  }
}

async function gate(
  config: Config,
  api: YunxiaoApi,
  dispatcher: Dispatcher,
  io: RunnerIo,
  startedAt: Date,
  signal: AbortSignal,
): Promise<number> {
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
      `Could not find the deploy order to watch: ${messageOf(cause)}`,
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
  if (config.environment) {
    const { startDeployment } = await import('./github/deployment.js');
    deployment = await startDeployment({
      environment: config.environment,
      githubToken: config.githubToken ?? '',
      environmentUrl: url,
      description: `Yunxiao deploy order ${resolution.deployOrderId}`,
      dispatcher,
      warn: io.warning,
      info: io.info,
    });
  }

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
        ? await stopOrder(ctx, state, AFTER_CANCEL_MS, 'stop-on-cancel: the workflow run was cancelled')
        : false;
      final = {
        result: 'cancelled',
        reason:
          `The workflow run was cancelled while watching deploy order ${resolution.deployOrderId}; ` +
          (stoppedOnCancel ? 'the order was stopped.' : 'the order was left running in Yunxiao.'),
      };
    } else if (cause instanceof DeadlineReached) {
      for (const action of actionsOnTimeout(state.order, config.policy, state.memory)) {
        await stopOrder(ctx, state, AFTER_DEADLINE_MS, action.reason);
      }
      final = {
        result: 'timed-out',
        reason:
          `Deploy order ${resolution.deployOrderId} did not finish within ${formatDuration(config.timeoutMs)} ` +
          `(last status ${state.order?.status ?? 'unknown'}, batch ${state.order?.currentBatch ?? '?'}/${state.order?.totalBatch ?? '?'}).`,
      };
    } else {
      final = {
        result: 'failure',
        reason: `Reading deploy order ${resolution.deployOrderId} failed: ${messageOf(cause)}`,
      };
    }
  }

  const cancelled = cancelledByRunner(signal);
  const extras = AbortSignal.timeout(cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS);
  const machineLogs =
    config.machineLogs && state.order
      ? await fetchFailedLogs(api, state.order, config.pipelineId, extras, io.warning)
      : {};
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
    machineLogs,
    warnings: state.warnings,
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    stoppedOnCancel,
  };
  await addArtifactUrl(outcome, config, api, resolution, extras, io);
  const code = await finish(outcome, config, io);
  // GitHub is a record, not the verdict: bounded, so it never holds the step past the runner's window.
  if (deployment)
    await withinMs(deployment.finish(outcome.result), cancelled ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS);
  return code;
}

function withinMs(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function cancelledByRunner(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason instanceof RunCancelled;
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

/** Stops the order within `boundMs` (the main signal has already fired) and reads it once more. */
async function stopOrder(
  ctx: WatchContext,
  state: WatchState,
  boundMs: number,
  reason: string,
): Promise<boolean> {
  const order = state.order;
  if (order && (order.status === 'Success' || order.status === 'Cancelled')) return false;
  const bounded = { ...ctx, signal: AbortSignal.timeout(boundMs) };
  let ok = false;
  try {
    const taken = await perform(bounded, { kind: 'stop', reason });
    state.memory.taken.push(taken);
    ok = taken.outcome === 'ok';
    state.order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: bounded.signal });
  } catch {
    // Out of time: the report says what is known.
  }
  return ok;
}

async function addArtifactUrl(
  outcome: RunOutcome,
  config: Config,
  api: YunxiaoApi,
  resolution: Resolution,
  signal: AbortSignal,
  io: RunnerIo,
): Promise<void> {
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
  if (!got) return;
  if ('url' in got) {
    outcome.artifactUrl = got.url;
    return;
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
}
