// The action's imperative shell: read inputs, resolve, watch, finish. Decisions live in gate/decide.ts;
// what is reported is built by the pure functions of report/.
import * as core from '@actions/core';
import { YunxiaoError } from './client/errors.js';
import type { DeployOrder, YunxiaoApi } from './client/model.js';
import { actionsOnTimeout } from './gate/decide.js';
import { deployUrl } from './gate/links.js';
import { resolveDeployOrder, type Resolution } from './gate/resolve.js';
import type { Result, Verdict } from './gate/types.js';
import { newWatchState, perform, watch, type GateLog, type WatchState } from './gate/watch.js';
import type { Config } from './inputs/config.js';
import { parseInputs } from './inputs/parse.js';
import type { RunOutcome } from './report/outcome.js';
import { createApi } from './runner/api.js';
import { DeadlineReached, formatDuration, RunCancelled } from './runner/deadline.js';
import { finish } from './runner/finish.js';
import { onCancel } from './runner/signals.js';
import { sleep } from './runner/sleep.js';

/** Bounded time for the clean-up after a deadline: stop the order, read it once more, fetch logs. */
const AFTER_DEADLINE_MS = 5000;
/** The runner kills the process 10 s after SIGINT; the stop request must be done well before. */
const AFTER_CANCEL_MS = 4000;

export const log: GateLog = {
  info: (line) => core.info(line),
  warning: (line) => core.warning(line),
  group: (title, lines) => {
    core.startGroup(title);
    for (const l of lines) core.info(l);
    core.endGroup();
  },
};

/** Runs the action; resolves to the process exit code. */
export async function run(): Promise<number> {
  const startedAt = new Date();
  const parsed = parseInputs((name) => core.getInput(name), (secret) => core.setSecret(secret));
  if (!parsed.ok) {
    core.setFailed(`Invalid inputs (nothing was sent to Yunxiao):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  const config = parsed.config;
  const api = await createApi(config, (msg) => core.debug(msg));

  const deadline = new AbortController();
  const cancel = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlineReached(config.timeoutMs)), config.timeoutMs);
  const stopListening = onCancel((signalName) => {
    core.warning(`Received ${signalName}: the workflow run is being cancelled; stopping the watch.`);
    cancel.abort(new RunCancelled(signalName));
  });
  const signal = AbortSignal.any([deadline.signal, cancel.signal]);
  try {
    return await gate(config, api, startedAt, signal);
  } finally {
    clearTimeout(timer);
    stopListening.release();
    await api.close();
  }
}

async function gate(config: Config, api: YunxiaoApi & { close(): Promise<void> }, startedAt: Date, signal: AbortSignal) {
  let resolution: Resolution;
  try {
    resolution = await resolveDeployOrder(config, {
      api,
      signal,
      pollIntervalMs: config.pollIntervalMs,
      sleep,
      log: log.info,
    });
  } catch (err) {
    // No deploy order yet: nothing to report beyond the reason.
    const why = signal.aborted ? describeAbort(signal.reason, config) : errorMessage(err);
    core.setOutput('result', signal.reason instanceof RunCancelled ? 'cancelled' : signal.aborted ? 'timed-out' : 'failure');
    core.setFailed(`Could not find the deploy order to watch: ${why}`);
    return 1;
  }
  const url = deployUrl(
    { api: api.kind, edition: config.edition, endpoint: config.endpoint },
    config.pipelineId,
    resolution.pipelineRunId,
  );
  log.info(
    `Watching deploy order ${resolution.deployOrderId} of pipeline ${config.pipelineId}` +
      (resolution.pipelineRunId ? `, run ${resolution.pipelineRunId}` : '') +
      (resolution.jobName ? `, job "${resolution.jobName}"` : '') +
      ` — ${url}`,
  );

  const state = newWatchState();
  let verdict: Verdict & { result: Result };
  let stoppedOnCancel: boolean | undefined;
  const watchCtx = {
    api,
    pipelineId: config.pipelineId,
    deployOrderId: resolution.deployOrderId,
    policy: config.policy,
    pollIntervalMs: config.pollIntervalMs,
    signal,
    sleep,
    log,
  };
  try {
    if (config.wait) {
      verdict = await watch(watchCtx, state);
    } else {
      verdict = await readOnce(watchCtx, state);
    }
  } catch (err) {
    if (signal.reason instanceof RunCancelled) {
      verdict = { result: 'cancelled', reason: `The workflow run was cancelled while watching deploy order ${resolution.deployOrderId}.` };
      stoppedOnCancel = config.stopOnCancel ? await stopOnCancel(watchCtx, state) : false;
    } else if (signal.reason instanceof DeadlineReached) {
      verdict = {
        result: 'timed-out',
        reason: `Deploy order ${resolution.deployOrderId} did not finish within ${formatDuration(config.timeoutMs)} (last status ${state.order?.status ?? 'unknown'}).`,
      };
      await afterDeadline(watchCtx, state);
    } else {
      verdict = { result: 'failure', reason: `Watching deploy order ${resolution.deployOrderId} failed: ${errorMessage(err)}` };
    }
  }

  const outcome: RunOutcome = {
    result: verdict.result,
    reason: verdict.reason,
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
  return finish(outcome, { config, api, resolution, log, cancelled: verdict.result === 'cancelled' });
}

/** wait: false — one read; `in-progress` unless the order already ended. */
async function readOnce(ctx: Parameters<typeof watch>[0], state: WatchState): Promise<Verdict & { result: Result }> {
  const order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
  state.order = order;
  state.polls = 1;
  if (order.status === 'Success' || order.status === 'Cancelled') {
    const { decide } = await import('./gate/decide.js');
    const d = decide(order, ctx.policy, state.memory);
    if (d.verdict) return d.verdict;
  }
  return { result: 'in-progress', reason: `Deploy order ${ctx.deployOrderId} is ${order.status} (batch ${order.currentBatch}/${order.totalBatch}); not waiting (wait: false).` };
}

async function stopOnCancel(ctx: Parameters<typeof watch>[0], state: WatchState): Promise<boolean> {
  const order = state.order;
  if (order && (order.status === 'Success' || order.status === 'Cancelled')) return false;
  const signal = AbortSignal.timeout(AFTER_CANCEL_MS);
  const taken = await perform({ ...ctx, signal }, { kind: 'stop', reason: 'stop-on-cancel: the workflow run was cancelled' });
  state.memory.taken.push(taken);
  await refresh({ ...ctx, signal }, state);
  return taken.outcome === 'ok';
}

async function afterDeadline(ctx: Parameters<typeof watch>[0], state: WatchState): Promise<void> {
  const signal = AbortSignal.timeout(AFTER_DEADLINE_MS);
  const actions = actionsOnTimeout(state.order, ctx.policy, state.memory);
  for (const action of actions) state.memory.taken.push(await perform({ ...ctx, signal }, action).catch(() => ({ ...action, at: new Date().toISOString(), outcome: 'error' as const, detail: 'no time left' })));
  if (actions.length > 0) await refresh({ ...ctx, signal }, state);
}

/** One more read after a stop, so the report shows the order as it was left. */
async function refresh(ctx: Parameters<typeof watch>[0], state: WatchState): Promise<void> {
  try {
    state.order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
  } catch {
    // the report keeps the last order read before
  }
}

function describeAbort(reason: unknown, config: Config): string {
  if (reason instanceof DeadlineReached) return `the deadline (timeout ${formatDuration(config.timeoutMs)}) was reached`;
  return errorMessage(reason);
}

export function errorMessage(err: unknown): string {
  if (err instanceof YunxiaoError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export type { DeployOrder };
