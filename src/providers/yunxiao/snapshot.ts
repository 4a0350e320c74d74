// A Yunxiao deploy order in the core's terms (core/snapshot.ts): the mapping table, and the words
// the core uses for it. yunxiao-api.md section 4: the order's and the machines' statuses, the agent's
// status, and the actions Yunxiao shows (`disable: true` means not now).
import type { Offer, RunPhase, Snapshot, Unit, UnitPhase } from '../../core/snapshot.js';
import type { Words } from '../../core/words.js';
import { MACHINE_STATUSES, type ActionState, type Machine, type OrderFields } from './model.js';
import { lookup } from '../../common/lookup.js';

/** Order status -> phase. `Waiting` is a pause; no failure value is documented. */
export const ORDER_PHASES: Readonly<Record<string, RunPhase>> = {
  Waiting: 'paused',
  Running: 'running',
  Cancelled: 'cancelled',
  Success: 'succeeded',
};

/** Machine status -> phase. */
export const MACHINE_PHASES: Readonly<Record<string, UnitPhase>> = {
  Success: 'succeeded',
  Pending: 'pending',
  Queued: 'pending',
  Running: 'running',
  Cancelled: 'cancelled',
  Failed: 'failed',
  Skipped: 'skipped',
};

/** clientStatus -> reachable. An empty clientStatus is a missing field, not a new value. */
const AGENT: Readonly<Record<string, boolean>> = { ok: true, '': true, error: false };

export const YUNXIAO_WORDS: Words = {
  provider: 'Yunxiao',
  run: 'deploy order',
  unit: 'machine',
  group: 'batch',
  detail: 'ip',
  done: 'deployed',
  verb: 'deploy',
  pass: 'resume',
  refuse: 'refuse',
  waitPolicy: 'resume: never',
  passPolicy: 'resume: auto',
  // Yunxiao has no way to refuse a pause: the gate never asks it to
  refusePolicy: 'resume: never',
  unitStatuses: MACHINE_STATUSES,
  reachability: 'agent',
  log: 'deploy log',
  actions: { skip: 'skip', retry: 'retry', pass: 'resume', refuse: 'refuse', stop: 'stop' },
};

/** The order in the core's terms, from its own fields and its machines already mapped. */
export function orderSnapshot(order: OrderFields, units: Unit[]): Snapshot {
  const phase = lookup(ORDER_PHASES, order.status);
  const snapshot: Snapshot = {
    id: order.deployOrderId,
    status: order.status,
    phase: phase ?? 'unknown',
    known: phase !== undefined,
    progress: { current: order.currentBatch, total: order.totalBatch },
    offers: offers(order.actions, ORDER_OFFERS),
    units,
    confirmations: [],
  };
  if (order.updateTime !== undefined) snapshot.updateTime = order.updateTime;
  if (order.exceptionCode) snapshot.exception = order.exceptionCode;
  // Paused between batches, nothing failed: the point where a person resumes the order.
  if (order.status === 'Waiting' && !units.some((u) => u.phase === 'failed')) {
    snapshot.confirmations.push({
      id: order.deployOrderId,
      label: `after ${YUNXIAO_WORDS.group} ${order.currentBatch} of ${order.totalBatch}`,
      offers: offers(order.actions, RESUME_OFFER),
      ...(order.updateTime !== undefined ? { updateTime: order.updateTime } : {}),
    });
  }
  return snapshot;
}

/**
 * A machine in the core's terms. Its SN is the unit's id (sent back exactly to act on it). What is
 * equal in `before` (its unit at the last read) is taken from it: at 50,000 machines, a poll where
 * every machine changed status then holds one more set of units, not of their names too.
 */
export function machineUnit(m: Machine, before?: Unit): Unit {
  const phase = lookup(MACHINE_PHASES, m.status);
  const reachable = lookup(AGENT, m.clientStatus);
  const id = same(before?.id, m.machineSn);
  // Every field in the literal, set or not: one shape, all fields inside the object (a field added
  // afterwards goes to a separate store, ~40 bytes more a unit).
  const unit: Unit = {
    id,
    label: id,
    detail: same(before?.detail, m.ip),
    group: m.batchNum,
    status: m.status,
    phase: phase ?? 'unknown',
    known: phase !== undefined,
    // an undocumented agent status is taken as reachable (and warned about)
    reachable: reachable ?? true,
    agent: m.clientStatus,
    agentKnown: reachable !== undefined,
    offers: machineOffers(m.actions),
    updateTime: m.updateTime,
    extra:
      m.hostName === undefined
        ? undefined
        : before?.extra?.['hostName'] === m.hostName
          ? before.extra
          : { hostName: m.hostName },
  };
  return unit;
}

/** `before` when it equals `now` (the very string already held), else `now`. */
const same = (before: string | undefined, now: string): string => (before === now ? before : now);

const ORDER_OFFERS = { stop: 'StopVMDeployOrder' } as const;
const RESUME_OFFER = { pass: 'ResumeVMDeployOrder' } as const;
const MACHINE_OFFERS = { skip: 'SkipVMDeployMachine', retry: 'RetryVMDeployMachine' } as const;

/**
 * A machine's offers, one object per action list: the lists are interned (normalize.ts), so 10,000
 * machines in the same state share one list and one offers object.
 */
const machineOffersOf = new WeakMap<readonly ActionState[], Unit['offers']>();
function machineOffers(actions: readonly ActionState[]): Unit['offers'] {
  let o = machineOffersOf.get(actions);
  if (!o) machineOffersOf.set(actions, (o = Object.freeze(offers(actions, MACHINE_OFFERS))));
  return o;
}

/** The offers named, from Yunxiao's action list: absent when it does not list the action. */
function offers<K extends string>(
  actions: readonly ActionState[],
  types: Readonly<Record<K, string>>,
): Partial<Record<K, Offer>> {
  const out: Partial<Record<K, Offer>> = {};
  for (const key of Object.keys(types) as K[]) {
    const a = actions.find((x) => x.type === types[key]);
    if (a) out[key] = a.disable ? DISABLED : ALLOWED;
  }
  return out;
}

const ALLOWED: Offer = Object.freeze({ allowed: true });
const DISABLED: Offer = Object.freeze({ allowed: false });
