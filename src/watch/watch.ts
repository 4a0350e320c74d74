// The imperative shell around decide(): fetch the order, log what changed, perform the planned
// actions, wait, repeat. Every choice is decide()'s; this loop only fetches, acts and reports.
import { ApiError } from '../http/errors.js';
import { messageOf } from '../common/message.js';
import type { DeployOrder, YunxiaoApi } from '../providers/yunxiao/model.js';
import type { Policy } from '../inputs/config.js';
import { describeChanges, formatChange } from '../core/changes.js';
import { decide } from '../core/decide.js';
import type { GateMemory, PlannedAction, TakenAction, Verdict } from '../core/types.js';

export interface GateLog {
  info(line: string): void;
  warning(line: string): void;
  /** a collapsible block of lines (a batch picture) */
  group(title: string, lines: string[]): void;
}

/** What the watch knows so far; kept by the caller so a deadline or a cancel still has it. */
export interface WatchState {
  order?: DeployOrder;
  memory: GateMemory & { warnedStatuses: Set<string>; effectsSeen: Set<number> };
  warnings: string[];
  polls: number;
  /** the last "waiting for" note logged, so it is logged once, not per poll */
  waitingFor?: string;
}

export function newWatchState(): WatchState {
  return {
    memory: { taken: [], warnedStatuses: new Set(), effectsSeen: new Set() },
    warnings: [],
    polls: 0,
  };
}

export interface WatchContext {
  api: YunxiaoApi;
  pipelineId: string;
  deployOrderId: string;
  policy: Policy;
  pollIntervalMs: number;
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: GateLog;
  now?: () => Date;
}

/** Warnings kept for the summary and the report (each was logged when it came). */
const MAX_KEPT_WARNINGS = 50;

/** After an action, look again soon: the change it made is what the next decision needs. */
const QUICK_REPOLL_MS = 1000;

/**
 * Polls until decide() gives a verdict. Rejects with the signal's reason on the deadline or a cancel,
 * and with the API error when reading the order fails for good (401, 403, 404, ...).
 */
export async function watch(ctx: WatchContext, state: WatchState): Promise<Verdict> {
  const now = ctx.now ?? (() => new Date());
  let readFailures = 0;
  for (;;) {
    let order: DeployOrder;
    try {
      order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal: ctx.signal });
      readFailures = 0;
    } catch (err) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      // A transient failure that outlived the client's own retries: the deploy goes on without us,
      // so keep watching until the deadline rather than give a verdict on a read error.
      if (err instanceof ApiError && err.retryable) {
        readFailures++;
        ctx.log.warning(
          `Reading the deploy order failed (${readFailures} in a row), will try again: ${err.message}`,
        );
        await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
        continue;
      }
      throw err;
    }
    state.polls++;
    logChanges(ctx.log, state.order, order);
    state.order = order;

    const decision = decide(order, ctx.policy, state.memory);
    for (const status of decision.newlyWarned) state.memory.warnedStatuses.add(status);
    for (const i of decision.effectsSeen) state.memory.effectsSeen.add(i);
    for (const w of decision.warnings) {
      ctx.log.warning(w);
      if (state.warnings.length < MAX_KEPT_WARNINGS) state.warnings.push(w);
    }
    for (const action of decision.actions) await perform(ctx, state, action, now);
    if (decision.verdict) {
      // After a stop, what the outputs and the summary show is the order as it is now, not as it was.
      if (decision.actions.some((a) => a.kind === 'stop')) await readAgain(ctx, state);
      return decision.verdict;
    }
    if (decision.waitingFor !== state.waitingFor && decision.waitingFor)
      ctx.log.info(`Waiting: ${decision.waitingFor}`);
    state.waitingFor = decision.waitingFor;
    const acted = decision.actions.length > 0;
    await ctx.sleep(acted ? Math.min(QUICK_REPOLL_MS, ctx.pollIntervalMs) : ctx.pollIntervalMs, ctx.signal);
  }
}

/**
 * Performs one planned action and records its outcome in the state's memory; a failed action is
 * recorded, not thrown. One cut short by the deadline or a cancel is recorded as sent with its
 * outcome unknown (it may have been applied), then the signal's reason is thrown.
 */
export async function perform(
  ctx: Pick<WatchContext, 'api' | 'pipelineId' | 'deployOrderId' | 'signal' | 'log'>,
  state: Pick<WatchState, 'memory'>,
  action: PlannedAction,
  now: () => Date = () => new Date(),
): Promise<TakenAction> {
  const at = now().toISOString();
  const { api, pipelineId, deployOrderId, signal } = ctx;
  const what = action.machineSn
    ? `${action.kind} machine ${action.machineSn}`
    : `${action.kind} the deploy order`;
  const record = (taken: TakenAction): TakenAction => {
    state.memory.taken.push(taken);
    return taken;
  };
  try {
    const sn = action.machineSn ?? '';
    const ok =
      action.kind === 'skip'
        ? await api.skipMachine(pipelineId, deployOrderId, sn, { signal })
        : action.kind === 'retry'
          ? await api.retryMachine(pipelineId, deployOrderId, sn, { signal })
          : action.kind === 'resume'
            ? await api.resumeDeployOrder(pipelineId, deployOrderId, { signal })
            : await api.stopDeployOrder(pipelineId, deployOrderId, { signal });
    if (!ok) {
      ctx.log.warning(`Could not ${what}: Yunxiao answered false.`);
      return record({ ...action, at, outcome: 'error', detail: 'Yunxiao answered false', transient: false });
    }
    ctx.log.info(`Action: ${what} (${action.reason})`);
    return record({ ...action, at, outcome: 'ok' });
  } catch (err) {
    if (signal.aborted) {
      record({ ...action, at, outcome: 'unknown', detail: `no answer before ${messageOf(signal.reason)}` });
      throw signal.reason;
    }
    const detail = messageOf(err);
    const transient = err instanceof ApiError && err.retryable;
    ctx.log.warning(`Could not ${what}: ${detail}`);
    return record({ ...action, at, outcome: 'error', detail, transient });
  }
}

/** After the deadline, a stop request and a last read get this long at most. */
export const LAST_READ_MS = 4000;

/** One more read of the order after a stop, bounded; the order as last read stays if it fails. */
export async function readAgain(
  ctx: Pick<WatchContext, 'api' | 'pipelineId' | 'deployOrderId' | 'signal'>,
  state: Pick<WatchState, 'order'>,
): Promise<void> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(LAST_READ_MS)]);
  try {
    state.order = await ctx.api.getDeployOrder(ctx.pipelineId, ctx.deployOrderId, { signal });
  } catch {
    // Out of time or refused: the report says what is known.
  }
}

function logChanges(log: GateLog, prev: DeployOrder | undefined, next: DeployOrder): void {
  for (const change of describeChanges(prev, next)) {
    const line = formatChange(change);
    if (change.kind === 'batch-start' || change.kind === 'batch-end') log.group(line, change.picture ?? []);
    else log.info(line);
  }
}
