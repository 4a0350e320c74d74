// The watch, for any provider: resolve what to watch, then poll it, log what changed, perform what
// decide() plans, and end on a verdict, the deadline or a cancel (stopping the run when the policy
// says so); then the outcome is built, written, completed with the extras, and written again. Every
// choice is decide()'s; this module only fetches, acts, waits and reports.
//
// Time: the user plans for `timeout`. Everything after the deadline (a stop, a last read, logs,
// artifacts, GitHub) shares one grace period, and so does everything after a cancel; each wait in it
// also ends when a cancel comes (Clock.bounded).
import { messageOf } from '../common/message.js';
import { sleep } from '../common/sleep.js';
import { describeChanges, formatChange } from '../core/changes.js';
import { actionsOnTimeout, decide, ended } from '../core/decide.js';
import type { Policy } from '../core/policy.js';
import type { Snapshot } from '../core/snapshot.js';
import type { GateMemory, PlannedAction, TakenAction, Verdict } from '../core/types.js';
import { capital, type Words } from '../core/words.js';
import { ApiError } from '../http/errors.js';
import type { JsonText } from '../http/json.js';
import type { RunOutcome } from '../report/outcome.js';
import { DeadlineReached, formatDuration, RunCancelled } from './abort.js';
import { NothingToWatchYet, type Provider, type Watched } from './provider.js';

export interface GateLog {
  info(line: string): void;
  warning(line: string): void;
  /** a collapsible block of lines (a group picture) */
  group(title: string, lines: string[]): void;
}

/** What the watch knows so far; kept by the caller so a deadline or a cancel still has it. */
export interface WatchState {
  snapshot?: Snapshot;
  /** the last answer's bytes; let go of before each read (the provider may reuse the buffer) */
  raw?: JsonText;
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

/** When the run must be over, and bounded waits that also end on a cancel. */
export interface Clock {
  /** the deadline or a cancel */
  signal: AbortSignal;
  /** the workflow run was cancelled */
  cancelled(): boolean;
  /** a signal for a wait of at most `ms`, within the grace period, ended by a cancel that comes during it */
  bounded(ms: number): AbortSignal;
}

export interface WatchOptions {
  policy: Policy;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  stopOnCancel: boolean;
}

export interface WatchContext {
  watched: Watched;
  words: Words;
  policy: Policy;
  pollIntervalMs: number;
  signal: AbortSignal;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: GateLog;
  now?: () => Date;
}

/** Of the grace period: the stop and a last read. */
const STOP_MS = 4000;
/** Warnings kept for the summary and the report (each was logged when it came). */
const MAX_KEPT_WARNINGS = 50;
/** After an action, look again soon: the change it made is what the next decision needs. */
const QUICK_REPOLL_MS = 1000;
/** After a stop, a last read gets this long at most. */
export const LAST_READ_MS = 4000;

/** What resolving found: a run to watch, or why there is none (in-progress: nothing yet, and not waited for). */
export type Resolved =
  | { ok: true; watched: Watched }
  | { ok: false; result: 'failure' | 'timed-out' | 'cancelled' | 'in-progress'; reason: string };

export async function resolve(
  provider: Provider,
  opts: WatchOptions,
  clock: Clock,
  log: GateLog,
): Promise<Resolved> {
  try {
    const watched = await provider.resolve({
      signal: clock.signal,
      pollIntervalMs: opts.pollIntervalMs,
      sleep,
      log: log.info,
    });
    log.info(watched.line);
    return { ok: true, watched };
  } catch (err) {
    if (err instanceof NothingToWatchYet && !clock.signal.aborted)
      return { ok: false, result: 'in-progress', reason: err.message };
    const aborted: unknown = clock.signal.aborted ? clock.signal.reason : undefined;
    const cause = aborted ?? err;
    const result =
      cause instanceof RunCancelled
        ? 'cancelled'
        : cause instanceof DeadlineReached
          ? 'timed-out'
          : 'failure';
    // The provider may say what the deadline or the cancel cut short: an error caused by the abort.
    const explained = aborted !== undefined && err instanceof Error && err.cause === aborted ? err : cause;
    const reason = `Could not find the ${provider.words.run} to watch: ${messageOf(explained)}`;
    return { ok: false, result, reason: withLastError(reason, provider, cause) };
  }
}

/**
 * Watches the resolved run to its end (or reads it once with `wait: false`), and builds the outcome:
 * the one place it is made. A deadline or a cancel is an outcome too, with the run stopped when the
 * policy says so, within the grace period.
 */
export async function watchRun(
  provider: Provider,
  watched: Watched,
  opts: WatchOptions,
  clock: Clock,
  log: GateLog,
  startedAt: Date,
): Promise<RunOutcome> {
  const { signal } = clock;
  const words = provider.words;
  const state = newWatchState();
  const ctx: WatchContext = {
    watched,
    words,
    policy: opts.policy,
    pollIntervalMs: opts.pollIntervalMs,
    signal,
    sleep,
    log,
  };
  const id = watched.presentation.runId;
  let final: Verdict | { result: 'in-progress'; reason: string };
  let stoppedOnCancel: boolean | undefined;
  try {
    final = opts.wait ? await watch(ctx, state) : await readOnce(ctx, state);
  } catch (err) {
    const cause = signal.aborted ? signal.reason : err;
    if (cause instanceof RunCancelled) {
      stoppedOnCancel = opts.stopOnCancel
        ? await stopRun(ctx, state, clock.bounded(STOP_MS), 'stop-on-cancel: the workflow run was cancelled')
        : false;
      final = {
        result: 'cancelled',
        reason:
          `The workflow run was cancelled while watching ${words.run} ${id}; ` +
          (stoppedOnCancel
            ? `the ${words.run} was stopped.`
            : `the ${words.run} was left running in ${words.provider}.`),
      };
    } else if (cause instanceof DeadlineReached) {
      const bound = clock.bounded(STOP_MS);
      for (const action of actionsOnTimeout(state.snapshot, opts.policy, state.memory)) {
        await stopRun(ctx, state, bound, action.reason);
      }
      const s = state.snapshot;
      final = {
        result: 'timed-out',
        reason: withLastError(
          `${capital(words.run)} ${id} did not finish within ${formatDuration(opts.timeoutMs)} ` +
            `(last status ${s?.status ?? 'unknown'}, ${words.group} ${s?.progress.current ?? '?'}/${s?.progress.total ?? '?'})` +
            // what it was waiting for at the end says who must act (a person, at which review)
            (state.waitingFor ? `; at the end: ${state.waitingFor}.` : '.'),
          provider,
        ),
      };
    } else {
      final = { result: 'failure', reason: `Reading ${words.run} ${id} failed: ${messageOf(cause)}` };
    }
  }
  if (final.result === 'failure') final = { ...final, reason: withLastError(final.reason, provider) };
  return {
    result: final.result,
    reason: final.reason,
    presentation: watched.presentation,
    snapshot: state.snapshot,
    raw: state.snapshot ? state.raw : undefined,
    taken: state.memory.taken,
    logs: {},
    warnings: state.warnings,
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    stoppedOnCancel,
  };
}

/** The outcome with what the extras found (a new outcome, never a patched one). */
export function withExtras(
  outcome: RunOutcome,
  extras: Awaited<ReturnType<Watched['extras']>>,
  log: GateLog,
): RunOutcome {
  for (const w of extras.warnings) log.warning(w);
  const nothing =
    Object.keys(extras.logs).length === 0 &&
    extras.artifactUrl === undefined &&
    extras.artifacts === undefined &&
    !extras.failure &&
    extras.warnings.length === 0;
  if (nothing) return outcome;
  const next: RunOutcome = {
    ...outcome,
    logs: extras.logs,
    warnings: [...outcome.warnings, ...extras.warnings],
  };
  if (extras.artifactUrl !== undefined) next.artifactUrl = extras.artifactUrl;
  if (extras.artifacts !== undefined) next.artifacts = extras.artifacts;
  // Asked for explicitly: a later step depends on it, so the step must not pass without it.
  if (extras.failure && outcome.result === 'success') {
    next.result = 'failure';
    next.reason = `The deploy succeeded, but ${extras.failure}`;
  }
  return next;
}

/** A reason, with the last error the provider's client saw when the reason does not already say it. */
function withLastError(reason: string, provider: Provider, cause?: unknown): string {
  const last = provider.lastError();
  if (!last || last === cause || reason.includes(last.message)) return reason;
  return `${reason} Last error: ${last.message}`;
}

/**
 * Polls until decide() gives a verdict. Rejects with the signal's reason on the deadline or a cancel,
 * and with the API error when reading fails for good (401, 403, 404, ...).
 */
export async function watch(ctx: WatchContext, state: WatchState): Promise<Verdict> {
  const now = ctx.now ?? (() => new Date());
  let readFailures = 0;
  for (;;) {
    let snapshot: Snapshot;
    try {
      snapshot = await read(ctx, state);
      readFailures = 0;
    } catch (err) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      // A transient failure that outlived the client's own retries: the run goes on without us,
      // so keep watching until the deadline rather than give a verdict on a read error.
      if (err instanceof ApiError && err.retryable) {
        readFailures++;
        ctx.log.warning(
          `Reading the ${ctx.words.run} failed (${readFailures} in a row), will try again: ${err.message}`,
        );
        await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
        continue;
      }
      throw err;
    }
    state.polls++;
    logChanges(ctx.log, state.snapshot, snapshot, ctx.words);
    state.snapshot = snapshot;

    const decision = decide(snapshot, ctx.policy, state.memory, ctx.words);
    for (const status of decision.newlyWarned) state.memory.warnedStatuses.add(status);
    for (const i of decision.effectsSeen) state.memory.effectsSeen.add(i);
    for (const w of decision.warnings) {
      ctx.log.warning(w);
      if (state.warnings.length < MAX_KEPT_WARNINGS) state.warnings.push(w);
    }
    for (const action of decision.actions) await perform(ctx, state, action, now);
    if (decision.verdict) {
      // After a stop, what the outputs and the summary show is the run as it is now, not as it was.
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

/** One read: the last answer's bytes are let go of first (the provider may read into their buffer). */
async function read(ctx: Pick<WatchContext, 'watched' | 'signal'>, state: WatchState): Promise<Snapshot> {
  state.raw = undefined;
  const got = await ctx.watched.read(ctx.signal);
  state.raw = got.raw;
  return got.snapshot;
}

/** wait: false — one read; `in-progress` unless the run already ended. */
async function readOnce(
  ctx: WatchContext,
  state: WatchState,
): Promise<Verdict | { result: 'in-progress'; reason: string }> {
  const snapshot = await read(ctx, state);
  state.snapshot = snapshot;
  state.polls = 1;
  if (ended(snapshot)) {
    const decision = decide(snapshot, ctx.policy, state.memory, ctx.words);
    if (decision.verdict) return decision.verdict;
  }
  return {
    result: 'in-progress',
    reason: `${capital(ctx.words.run)} ${snapshot.id} is ${snapshot.status} (${ctx.words.group} ${snapshot.progress.current}/${snapshot.progress.total}); not waiting for it (wait: false).`,
  };
}

/**
 * Performs one planned action and records its outcome in the state's memory; a failed action is
 * recorded, not thrown. One cut short by the deadline or a cancel is recorded as sent with its
 * outcome unknown (it may have been applied), then the signal's reason is thrown.
 */
export async function perform(
  ctx: Pick<WatchContext, 'watched' | 'words' | 'signal' | 'log'>,
  state: Pick<WatchState, 'memory'>,
  action: PlannedAction,
  now: () => Date = () => new Date(),
): Promise<TakenAction> {
  const at = now().toISOString();
  const { signal, words } = ctx;
  const verb = words.actions[action.kind];
  // A unit's action names the unit; the run's, and a confirmation's (whose reason says where), the run.
  const what =
    action.kind === 'skip' || (action.kind === 'retry' && action.target)
      ? `${verb} ${words.unit} ${action.label ?? action.target}`
      : `${verb} the ${words.run}`;
  const record = (taken: TakenAction): TakenAction => {
    state.memory.taken.push(taken);
    return taken;
  };
  try {
    const ok = await ctx.watched.perform(action, signal);
    if (!ok) {
      const no = `${words.provider} answered false`;
      ctx.log.warning(`Could not ${what}: ${no}.`);
      return record({ ...action, at, outcome: 'error', detail: no, transient: false });
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

/** One more read after a stop, bounded; the snapshot as last read stays if it fails. */
async function readAgain(ctx: Pick<WatchContext, 'watched' | 'signal'>, state: WatchState): Promise<void> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(LAST_READ_MS)]);
  try {
    state.snapshot = await read({ ...ctx, signal }, state);
  } catch {
    // Out of time or refused: the report says what is known.
  }
}

/** Stops the run within `bound` (the main signal has already fired) and reads it once more. */
async function stopRun(
  ctx: WatchContext,
  state: WatchState,
  bound: AbortSignal,
  reason: string,
): Promise<boolean> {
  if (state.snapshot && ended(state.snapshot)) return false;
  const bounded = { ...ctx, signal: bound };
  try {
    const taken = await perform(bounded, state, { kind: 'stop', reason });
    await readAgain(bounded, state);
    return taken.outcome === 'ok';
  } catch {
    return false; // out of time: recorded as sent, outcome unknown
  }
}

function logChanges(log: GateLog, prev: Snapshot | undefined, next: Snapshot, words: Words): void {
  for (const change of describeChanges(prev, next, words)) {
    const line = formatChange(change, words);
    if (change.kind === 'group-start' || change.kind === 'group-end') log.group(line, change.picture ?? []);
    else log.info(line);
  }
}
