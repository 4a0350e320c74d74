// The functional core: what to do next, from the latest deploy order, the policy and what this run
// already did. No I/O, no clock, no randomness: the same inputs always give the same decision.
// Cost: one pass over the machines, then work on the few that need an action.
import {
  MACHINE_STATUSES,
  ORDER_STATUSES,
  type ActionState,
  type DeployOrder,
  type Machine,
} from '../providers/yunxiao/model.js';
import type { Policy } from '../inputs/config.js';
import { describeBudget, skipBudget } from './budget.js';
import { differs, historyOf, type History, type MachineHistory } from './memory.js';
import type { Decision, GateMemory, PlannedAction, Seen, Verdict } from './types.js';

/** Machines named in a reason at most; the rest are counted. */
export const MAX_NAMED = 5;
/**
 * Distinct warnings (undocumented statuses, duplicate SNs) a run gives at most, then one saying there
 * are more: a server sending a new word for every machine at every poll must not flood the log.
 */
export const MAX_WARNINGS = 20;
const MORE_WARNINGS = 'more';

/** Statuses a machine has not finished in: the only ones an unreachable machine may be skipped in. */
const UNFINISHED: ReadonlySet<string> = new Set(['Pending', 'Queued', 'Running', 'Failed']);
const KNOWN_ORDER: ReadonlySet<string> = new Set(ORDER_STATUSES);
const KNOWN_MACHINE: ReadonlySet<string> = new Set(MACHINE_STATUSES);
// An empty clientStatus is a missing field, not a new value: nothing to warn about.
const KNOWN_CLIENT: ReadonlySet<string> = new Set(['ok', 'error', '']);

/** What one pass over the machines found. */
interface Scan {
  /** machines, each SN once */
  distinct: number;
  succeeded: number;
  skipped: number;
  /** the first few Skipped machines, for reasons */
  skippedNamed: Machine[];
  /** machines neither Success nor Skipped (for an order that says Success) */
  notDeployed: Machine[];
  /** our skips that went through but the order does not show yet (Yunxiao lag) */
  inFlight: number;
  failed: Machine[];
  /** unreachable unfinished machines and reachable Failed ones that we have not skipped (one per SN) */
  candidates: Machine[];
  /** Failed machines waiting for our skip to show */
  awaitingSkip: Machine[];
  /** retries and resumes whose effect this answer shows (indexes into memory.taken) */
  effectsSeen: number[];
  warnings: string[];
  newlyWarned: string[];
}

interface Unhandled {
  m: Machine;
  why: string;
}

export function decide(order: DeployOrder, policy: Policy, memory: GateMemory): Decision {
  const history = historyOf(memory);
  const scan = scanOrder(order, history, memory.warnedStatuses);
  const { warnings, newlyWarned } = scan;
  const effectsSeen = [...scan.effectsSeen];
  const id = order.deployOrderId;
  const total = scan.distinct;
  const end = (verdict: Verdict, actions: PlannedAction[] = []): Decision => ({
    actions,
    verdict,
    warnings,
    newlyWarned,
    effectsSeen,
  });
  const fail = (reason: string): Decision =>
    end(
      { result: 'failure', reason },
      stopOnFailure(order, policy, history, 'the gate failed (on-failure: stop)'),
    );
  const wait = (actions: PlannedAction[], waitingFor?: string): Decision =>
    waitingFor === undefined
      ? { actions, warnings, newlyWarned, effectsSeen }
      : { actions, warnings, newlyWarned, effectsSeen, waitingFor };

  if (order.status === 'Cancelled') {
    const how = history.stopped ? 'was stopped by this gate' : 'was cancelled in Yunxiao';
    return end({
      result: 'cancelled',
      reason: `Deploy order ${id} ${how} (batch ${order.currentBatch}/${order.totalBatch}).`,
    });
  }

  const budget = skipBudget(policy.maxSkipped, total);
  const budgetText = describeBudget(policy.maxSkipped, total);
  if (order.status === 'Success') {
    // Success is every machine deployed or skipped within the budget: Yunxiao's word alone is not enough.
    if (total === 0) return fail(`Deploy order ${id} ended Success with no machines: nothing was deployed.`);
    if (scan.notDeployed.length > 0) {
      return fail(
        `Deploy order ${id} ended Success, but ${plural(scan.notDeployed.length, 'machine')} did not deploy: ${listWithStatus(scan.notDeployed)}.`,
      );
    }
    if (scan.skipped > budget) return fail(overBudget(id, scan, budgetText));
    const skippedNote = scan.skipped > 0 ? `, ${scan.skipped} skipped (within ${budgetText})` : '';
    return end({
      result: 'success',
      reason: `Deploy order ${id} succeeded: ${scan.succeeded} of ${plural(total, 'machine')} deployed${skippedNote}.`,
    });
  }

  // Waiting, Running, or a status Yunxiao does not document (never an ending).
  // Skips by anyone count: a host group emptied by hand is not a healthy deploy.
  const counted = scan.skipped + scan.inFlight;
  if (counted > budget) return fail(overBudget(id, scan, budgetText));

  const skips: PlannedAction[] = [];
  const retries: PlannedAction[] = [];
  const unhandled: Unhandled[] = [];
  const unreachable: Machine[] = [];
  const lagging: Machine[] = [...scan.awaitingSkip];
  for (const m of sortByBatch(scan.candidates)) {
    const h = history.machines.get(m.machineSn);
    if (m.clientStatus === 'error') {
      unreachable.push(m);
      const blocked = skipBlocker(m, h, policy);
      if (blocked !== undefined) {
        // An unfinished machine may still come back; a Failed one is a failure nobody here handles.
        if (m.status === 'Failed') unhandled.push({ m, why: blocked });
        continue;
      }
      skips.push({
        kind: 'skip',
        machineSn: m.machineSn,
        reason: `agent unreachable while ${m.status} (batch ${m.batchNum}); ${counted + skips.length + 1} skipped with this one (${budgetText})`,
      });
      continue;
    }
    // A reachable Failed machine. The failure we already retried, seen again before Yunxiao shows
    // the retry (nothing about the machine changed since, by Yunxiao's own words and clock): wait.
    const retried = h?.lastRetry;
    if (retried && !retried.effectSeen && !differs(retried.seen, seenOf(m))) {
      lagging.push(m);
      continue;
    }
    const blocked = retryBlocker(m, h, policy);
    if (blocked !== undefined) unhandled.push({ m, why: blocked });
    else
      retries.push({
        kind: 'retry',
        machineSn: m.machineSn,
        reason: `Failed (batch ${m.batchNum}); retry ${(h?.retries ?? 0) + 1} of ${policy.retryFailed}`,
        seen: seenOf(m),
      });
  }
  if (skips.length > 0 && counted + skips.length > budget) {
    // All or none: a budget that cannot take every unreachable machine fails the gate, and no skip is made.
    const earlier = history.skippedCount > 0 ? ` (${history.skippedCount} skipped earlier by this gate)` : '';
    return fail(
      `Deploy order ${id}: ${plural(unreachable.length, 'machine')} unreachable (${listMachines(unreachable)}); ` +
        `skipping them would make ${counted + skips.length} skipped machines, more than ${budgetText}${earlier}. None was skipped.`,
    );
  }
  // A paused order with a failure nobody here will handle would only wait for the deadline.
  if (order.status === 'Waiting' && unhandled.length > 0) {
    return fail(
      `Deploy order ${id} is paused on ${plural(unhandled.length, 'failed machine')} the gate cannot handle: ${listUnhandled(unhandled)}.`,
    );
  }
  const actions = [...skips, ...retries];
  if (actions.length > 0) return wait(actions);

  if (order.status !== 'Waiting') {
    if (unhandled.length > 0)
      return wait(
        [],
        `${plural(unhandled.length, 'failed machine')} the gate cannot handle (${listUnhandled(unhandled)}); waiting for the batch to settle`,
      );
    if (!KNOWN_ORDER.has(order.status))
      return wait([], `deploy order ${id} is in status "${order.status}", which Yunxiao does not document`);
    return wait([]);
  }

  if (scan.failed.length > 0) {
    return wait(
      [],
      `deploy order ${id} is paused; waiting for Yunxiao to show this gate's actions on ${listMachines(lagging.length > 0 ? lagging : scan.failed)}`,
    );
  }
  // Paused between batches, nothing failed.
  const pausedAt = `deploy order ${id} is paused after batch ${order.currentBatch} of ${order.totalBatch}`;
  if (policy.resume === 'never')
    return wait([], `${pausedAt}, waiting for a person to resume it in Yunxiao (resume: never)`);
  const resumed = history.lastResume;
  if (resumed && !resumed.effectSeen && !differs(resumed.seen, orderSeen(order)))
    return wait([], `${pausedAt}; waiting for Yunxiao to show this gate's resume`);
  const resume = findAction(order.actions, 'ResumeVMDeployOrder');
  if (!resume || resume.disable) {
    const why = resume ? 'does not allow resuming it now' : 'offers no resume action for it';
    return wait([], `${pausedAt} and Yunxiao ${why}; waiting for a person to resume it in Yunxiao`);
  }
  return wait([
    {
      kind: 'resume',
      reason: `paused after batch ${order.currentBatch} of ${order.totalBatch} with nothing failed (resume: auto)`,
      seen: orderSeen(order),
    },
  ]);
}

/** At the deadline: stop the order when on-failure is stop and it has not ended. */
export function actionsOnTimeout(
  order: DeployOrder | undefined,
  policy: Policy,
  memory: GateMemory,
): PlannedAction[] {
  if (!order) return []; // nothing read, nothing known to stop
  return stopOnFailure(order, policy, historyOf(memory), 'the deadline was reached (on-failure: stop)');
}

function stopOnFailure(
  order: DeployOrder,
  policy: Policy,
  history: History,
  reason: string,
): PlannedAction[] {
  if (policy.onFailure !== 'stop' || history.stopped) return [];
  if (order.status === 'Success' || order.status === 'Cancelled') return [];
  // Unlike skip/retry/resume, an absent stop action is still tried: stopping is the safe side,
  // and Yunxiao refusing it costs nothing but a warning.
  if (findAction(order.actions, 'StopVMDeployOrder')?.disable) return [];
  return [{ kind: 'stop', reason }];
}

function scanOrder(order: DeployOrder, history: History, warned: ReadonlySet<string>): Scan {
  const scan: Scan = {
    distinct: 0,
    succeeded: 0,
    skipped: 0,
    skippedNamed: [],
    notDeployed: [],
    inFlight: 0,
    failed: [],
    candidates: [],
    awaitingSkip: [],
    effectsSeen: [],
    warnings: [],
    newlyWarned: [],
  };
  const fresh = new Set<string>();
  const note = (key: string, text: string): void => {
    if (warned.has(key) || fresh.has(key)) return;
    if (warned.size + fresh.size >= MAX_WARNINGS) {
      if (warned.has(MORE_WARNINGS) || fresh.has(MORE_WARNINGS)) return;
      key = MORE_WARNINGS;
      text = `Deploy order ${shown(order.deployOrderId)} has more undocumented statuses or repeated machines than the gate lists (${MAX_WARNINGS}); the JSON report has the order as Yunxiao sent it.`;
    }
    fresh.add(key);
    scan.newlyWarned.push(key);
    scan.warnings.push(text);
  };
  if (!KNOWN_ORDER.has(order.status)) {
    note(
      `order:${order.status}`,
      `Deploy order ${shown(order.deployOrderId)} has status ${shown(order.status)}, which Yunxiao does not document; the gate keeps watching.`,
    );
  }
  const resumed = history.lastResume;
  if (resumed && !resumed.effectSeen && differs(resumed.seen, orderSeen(order)))
    scan.effectsSeen.push(resumed.index);
  const sns = new Set<string>();
  for (const m of order.machines) {
    if (!KNOWN_MACHINE.has(m.status)) {
      note(
        `machine:${m.status}`,
        `Machine ${shown(m.machineSn)} has status ${shown(m.status)}, which Yunxiao does not document; it is treated as not finished and never skipped.`,
      );
    }
    if (!KNOWN_CLIENT.has(m.clientStatus)) {
      note(
        `client:${m.clientStatus}`,
        `Machine ${shown(m.machineSn)} has agent status ${shown(m.clientStatus)}, which Yunxiao does not document; it is treated as reachable.`,
      );
    }
    // One SN twice in one answer is one machine: counted once, acted on once at most.
    const duplicate = sns.has(m.machineSn);
    sns.add(m.machineSn);
    if (duplicate) {
      note(
        `duplicate:${m.machineSn}`,
        `Machine ${shown(m.machineSn)} appears more than once in deploy order ${shown(order.deployOrderId)}; the gate acts on it once at most.`,
      );
    }
    // Any listing of it that is not deployed still stands against success.
    if (m.status !== 'Success' && m.status !== 'Skipped') scan.notDeployed.push(m);
    if (duplicate) continue;
    scan.distinct++;
    if (m.status === 'Success') scan.succeeded++;
    const h = history.machines.get(m.machineSn);
    const retried = h?.lastRetry;
    if (retried && !retried.effectSeen && differs(retried.seen, seenOf(m)))
      scan.effectsSeen.push(retried.index);
    if (m.status === 'Skipped') {
      scan.skipped++;
      if (scan.skippedNamed.length < MAX_NAMED) scan.skippedNamed.push(m);
      continue;
    }
    if (m.status === 'Failed') scan.failed.push(m);
    if (!UNFINISHED.has(m.status)) continue;
    if (h?.skipped) {
      // Our skip went through but does not show yet: wait, count it, never skip or retry it again.
      scan.inFlight++;
      if (m.status === 'Failed') scan.awaitingSkip.push(m);
      continue;
    }
    if (m.clientStatus === 'error' || m.status === 'Failed') scan.candidates.push(m);
  }
  return scan;
}

/** Why an unreachable unfinished machine may not be skipped, or undefined when it may. */
function skipBlocker(m: Machine, h: MachineHistory | undefined, policy: Policy): string | undefined {
  if (!policy.skipUnreachable) return 'its agent is unreachable and skip-unreachable is off';
  if (h?.skipRefused !== undefined)
    return `its agent is unreachable and skipping it failed (${h.skipRefused})`;
  const skip = findAction(m.actions, 'SkipVMDeployMachine');
  if (!skip) return 'its agent is unreachable and Yunxiao offers no skip action for it';
  if (skip.disable) return 'its agent is unreachable and Yunxiao does not allow skipping it now';
  return undefined;
}

/** Why a reachable Failed machine may not be retried, or undefined when it may. */
function retryBlocker(m: Machine, h: MachineHistory | undefined, policy: Policy): string | undefined {
  if (h?.retryRefused !== undefined) return `retrying it failed (${h.retryRefused})`;
  const done = h?.retries ?? 0;
  if (policy.retryFailed <= 0) return 'retry-failed is 0';
  if (done >= policy.retryFailed)
    return `retried ${plural(done, 'time')} already (retry-failed ${policy.retryFailed})`;
  const retry = findAction(m.actions, 'RetryVMDeployMachine');
  if (!retry) return 'Yunxiao offers no retry action for it';
  if (retry.disable) return 'Yunxiao does not allow retrying it now';
  return undefined;
}

function findAction(actions: readonly ActionState[], type: string): ActionState | undefined {
  return actions.find((a) => a.type === type);
}

/** A machine as the server shows it, for telling a new failure from one already acted on. */
function seenOf(m: Machine): Seen {
  return m.updateTime === undefined ? { status: m.status } : { status: m.status, updateTime: m.updateTime };
}

function orderSeen(order: DeployOrder): Seen {
  const seen: Seen = { status: order.status, batch: order.currentBatch };
  if (order.updateTime !== undefined) seen.updateTime = order.updateTime;
  return seen;
}

function sortByBatch(machines: Machine[]): Machine[] {
  return machines.sort(
    (a, b) => a.batchNum - b.batchNum || (a.machineSn < b.machineSn ? -1 : a.machineSn > b.machineSn ? 1 : 0),
  );
}

function overBudget(id: string, scan: Scan, budgetText: string): string {
  const shown = listMachines(scan.skippedNamed, scan.skipped);
  const ours = scan.inFlight > 0 ? ` and ${scan.inFlight} more being skipped by this gate` : '';
  return `Deploy order ${id} has ${plural(scan.skipped, 'skipped machine')} (${shown})${ours}, more than ${budgetText}.`;
}

/** A value from Yunxiao inside a warning: quoted, and short whatever it holds. */
function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
}

function name(m: Machine): string {
  return m.ip ? `${m.machineSn} (${m.ip})` : m.machineSn;
}

/** "a (ip): Running, b: Failed and 3 more": machines with the status each is in. */
function listWithStatus(list: readonly Machine[]): string {
  const shown = list
    .slice(0, MAX_NAMED)
    .map((m) => `${name(m)}: ${m.status || 'no status'}`)
    .join(', ');
  return list.length > MAX_NAMED ? `${shown} and ${list.length - MAX_NAMED} more` : shown;
}

/** "a (ip), b (ip) and 3 more": at most MAX_NAMED names of `total` machines. */
function listMachines(list: readonly Machine[], total = list.length): string {
  const shown = list.slice(0, MAX_NAMED).map(name).join(', ');
  const rest = total - Math.min(list.length, MAX_NAMED);
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

function listUnhandled(list: readonly Unhandled[]): string {
  const shown = list
    .slice(0, MAX_NAMED)
    .map((u) => `${name(u.m)}: ${u.why}`)
    .join('; ');
  return list.length > MAX_NAMED ? `${shown}; and ${list.length - MAX_NAMED} more` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
