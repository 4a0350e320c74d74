// The functional core: what to do next, from the latest deploy order, the policy and what this run
// already did. No I/O, no clock: the same inputs always give the same decision.
import { MACHINE_STATUSES, ORDER_STATUSES, type DeployOrder, type Machine } from '../client/model.js';
import type { Policy } from '../inputs/config.js';
import { describeBudget, skipBudget } from './budget.js';
import { historyOf, type History } from './memory.js';
import type { Decision, GateMemory, PlannedAction, Verdict } from './types.js';

/** Statuses an unreachable machine may be skipped in: it has not finished. */
const SKIPPABLE = new Set(['Pending', 'Queued', 'Running', 'Failed']);
const KNOWN_ORDER = new Set<string>(ORDER_STATUSES);
const KNOWN_MACHINE = new Set<string>(MACHINE_STATUSES);
const KNOWN_CLIENT = new Set(['ok', 'error', '']);

export function decide(order: DeployOrder, policy: Policy, memory: GateMemory): Decision {
  const { warnings, newlyWarned } = unknownStatuses(order, memory.warnedStatuses);
  const history = historyOf(memory);
  const budget = skipBudget(policy.maxSkipped, order.machines.length);
  const end = (verdict: Verdict, actions: PlannedAction[] = []): Decision => ({
    actions,
    verdict,
    warnings,
    newlyWarned,
  });
  const fail = (reason: string): Decision =>
    end({ result: 'failure', reason }, stopOnFailure(order, policy, history));

  let skipped = 0;
  let oursInFlight = 0;
  const failed: Machine[] = [];
  for (const m of order.machines) {
    if (m.status === 'Skipped') skipped++;
    else if (history.machines.get(m.machineSn)?.skipped) oursInFlight++;
    if (m.status === 'Failed') failed.push(m);
  }
  const id = order.deployOrderId;

  if (order.status === 'Cancelled') {
    const by = history.stopped ? 'stopped by this gate' : 'cancelled in Yunxiao';
    return end({
      result: 'cancelled',
      reason: `Deploy order ${id} was ${by} (batch ${order.currentBatch}/${order.totalBatch}).`,
    });
  }
  if (order.status === 'Success') {
    if (failed.length > 0)
      return fail(`Deploy order ${id} ended Success, but ${names(failed)} ended Failed.`);
    if (skipped > budget) return fail(overBudget(id, skipped, policy, order));
    return end({
      result: 'success',
      reason: `Deploy order ${id} succeeded: ${order.machines.length - skipped} machines deployed${skipped ? `, ${skipped} skipped (${describeBudget(policy.maxSkipped, order.machines.length)})` : ''}.`,
    });
  }
  // Skips by anyone count: a host group emptied by hand is not a healthy deploy.
  if (skipped > budget) return fail(overBudget(id, skipped, policy, order));

  const actions: PlannedAction[] = [];
  const unhandled: Array<{ m: Machine; why: string }> = [];
  let counted = skipped + oursInFlight;
  // Only unreachable or failed machines can need an action: a short list, even at 10,000 machines.
  const candidates = order.machines.filter((x) => SKIPPABLE.has(x.status) && (x.clientStatus === 'error' || x.status === 'Failed'));
  for (const m of byBatch(candidates)) {
    const h = history.machines.get(m.machineSn);
    if (m.clientStatus === 'error') {
      if (h?.skipped) continue; // our skip is not visible yet: wait, never skip twice
      const cannot = (why: string): void => {
        if (m.status === 'Failed') unhandled.push({ m, why });
      };
      if (!policy.skipUnreachable) cannot('its agent is unreachable and skip-unreachable is off');
      else if (h?.skipRefused) cannot(`skipping it failed (${h.skipRefused})`);
      else if (!allowed(m.actions, 'SkipVMDeployMachine')) cannot('Yunxiao does not allow skipping it now');
      else if (counted + 1 > budget) {
        return fail(
          `Skipping unreachable machine ${name(m)} would make ${counted + 1} skipped machines, more than ${describeBudget(policy.maxSkipped, order.machines.length)}; it was not skipped.`,
        );
      } else {
        counted++;
        actions.push({
          kind: 'skip',
          machineSn: m.machineSn,
          reason: `agent unreachable (clientStatus error), ${m.status}`,
        });
      }
    } else if (m.status === 'Failed') {
      const retries = h?.retries ?? 0;
      if (h?.lastRetryAt !== undefined && !changedSince(m, order, h.lastRetryAt)) continue; // the failure we retried, seen again
      if (h?.retryRefused) unhandled.push({ m, why: `retrying it failed (${h.retryRefused})` });
      else if (retries >= policy.retryFailed)
        unhandled.push({
          m,
          why:
            policy.retryFailed === 0
              ? 'retry-failed is 0'
              : `retried ${retries} times already (retry-failed ${policy.retryFailed})`,
        });
      else if (!allowed(m.actions, 'RetryVMDeployMachine'))
        unhandled.push({ m, why: 'Yunxiao does not allow retrying it now' });
      else
        actions.push({
          kind: 'retry',
          machineSn: m.machineSn,
          reason: `failed; retry ${retries + 1} of ${policy.retryFailed}`,
        });
    }
  }

  // A paused order with a failure nobody here will handle only waits for the deadline: fail now.
  if (order.status === 'Waiting' && unhandled.length > 0) {
    const list = unhandled.slice(0, 5).map((u) => `${name(u.m)}: ${u.why}`);
    const more = unhandled.length > 5 ? `; and ${unhandled.length - 5} more` : '';
    return fail(
      `Deploy order ${id} is paused with failed machines the gate cannot handle: ${list.join('; ')}${more}.`,
    );
  }
  const base = { warnings, newlyWarned };
  if (actions.length > 0) return { actions, ...base };
  if (order.status !== 'Waiting') {
    return unhandled.length > 0
      ? {
          actions,
          ...base,
          waitingFor: `${names(unhandled.map((u) => u.m))} failed; waiting for the batch to settle`,
        }
      : { actions, ...base };
  }
  if (failed.length > 0)
    return { actions, ...base, waitingFor: `waiting for Yunxiao to apply the actions on ${names(failed)}` };
  // Paused between batches with no failure.
  if (policy.resume === 'never') {
    return {
      actions,
      ...base,
      waitingFor: `deploy order ${id} is paused after batch ${order.currentBatch}; waiting for a person to resume it in Yunxiao (resume: never)`,
    };
  }
  if (history.lastResumeAt !== undefined && !orderChangedSince(order, history.lastResumeAt)) {
    return { actions, ...base, waitingFor: 'waiting for Yunxiao to apply the resume' };
  }
  if (!allowed(order.actions, 'ResumeVMDeployOrder')) {
    return {
      actions,
      ...base,
      waitingFor: `deploy order ${id} is paused and Yunxiao does not allow resuming it now`,
    };
  }
  return {
    actions: [
      {
        kind: 'resume',
        reason: `paused after batch ${order.currentBatch} of ${order.totalBatch} (resume: auto)`,
      },
    ],
    ...base,
  };
}

/** At the deadline: stop the order when on-failure is stop and it has not ended. */
export function actionsOnTimeout(
  order: DeployOrder | undefined,
  policy: Policy,
  memory: GateMemory,
): PlannedAction[] {
  if (!order) return [];
  return stopOnFailure(order, policy, historyOf(memory), 'the deadline was reached (on-failure: stop)');
}

function stopOnFailure(
  order: DeployOrder,
  policy: Policy,
  history: History,
  reason = 'the gate failed (on-failure: stop)',
): PlannedAction[] {
  if (policy.onFailure !== 'stop' || history.stopped) return [];
  if (order.status === 'Success' || order.status === 'Cancelled') return [];
  const stop = order.actions.find((a) => a.type === 'StopVMDeployOrder');
  if (stop?.disable) return [];
  return [{ kind: 'stop', reason }];
}

/** Present and enabled. An action Yunxiao does not list is not one the caller may perform. */
function allowed(actions: Machine['actions'], type: string): boolean {
  const a = actions.find((x) => x.type === type);
  return a !== undefined && !a.disable;
}

/**
 * Whether a machine seen Failed after our retry at `at` failed again, or is the old failure seen
 * before Yunxiao applied the retry. Its updateTime (else the order's) tells; with neither, it is
 * taken as a new failure: the retry allowance still bounds what that can cost.
 */
function changedSince(m: Machine, order: DeployOrder, at: number): boolean {
  const t = m.updateTime ?? order.updateTime;
  return t === undefined || t > at;
}

function orderChangedSince(order: DeployOrder, at: number): boolean {
  return order.updateTime === undefined || order.updateTime > at;
}

function byBatch(machines: Machine[]): Machine[] {
  return machines.sort(
    (a, b) => a.batchNum - b.batchNum || (a.machineSn < b.machineSn ? -1 : a.machineSn > b.machineSn ? 1 : 0),
  );
}

function overBudget(id: string, skipped: number, policy: Policy, order: DeployOrder): string {
  const list = order.machines.filter((m) => m.status === 'Skipped');
  return `Deploy order ${id} has ${skipped} skipped machines (${names(list)}), more than ${describeBudget(policy.maxSkipped, order.machines.length)}.`;
}

export function name(m: Machine): string {
  return m.ip ? `${m.machineSn} (${m.ip})` : m.machineSn;
}

export function names(list: readonly Machine[], max = 5): string {
  const shown = list.slice(0, max).map(name).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

function unknownStatuses(
  order: DeployOrder,
  warned: ReadonlySet<string>,
): { warnings: string[]; newlyWarned: string[] } {
  const warnings: string[] = [];
  const newlyWarned: string[] = [];
  const note = (key: string, text: string): void => {
    if (warned.has(key) || newlyWarned.includes(key)) return;
    newlyWarned.push(key);
    warnings.push(text);
  };
  if (!KNOWN_ORDER.has(order.status)) {
    note(
      `order:${order.status}`,
      `Deploy order status "${order.status}" is not one Yunxiao documents; the watch goes on.`,
    );
  }
  for (const m of order.machines) {
    if (!KNOWN_MACHINE.has(m.status)) {
      note(
        `machine:${m.status}`,
        `Machine status "${m.status}" (machine ${m.machineSn}) is not one Yunxiao documents; it is treated as not finished and never skipped.`,
      );
    }
    if (!KNOWN_CLIENT.has(m.clientStatus)) {
      note(
        `client:${m.clientStatus}`,
        `Agent status "${m.clientStatus}" (machine ${m.machineSn}) is not one Yunxiao documents; the machine is treated as reachable.`,
      );
    }
  }
  return { warnings, newlyWarned };
}
