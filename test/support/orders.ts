// Builders for Yunxiao deploy orders and policies in unit tests: orders are written in Yunxiao's
// own fields (machines, statuses, actions) and turned into the core's snapshot by the provider's
// mapping table, so tests of the core read as Yunxiao rules and hold the table too.
import type { Policy } from '../../src/core/policy.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import type { GateMemory, TakenAction } from '../../src/core/types.js';
import type { ActionState, Machine, OrderFields } from '../../src/providers/yunxiao/model.js';
import { machineUnit, orderSnapshot } from '../../src/providers/yunxiao/snapshot.js';

export const ORDER_ID = '44178813';

/** A deploy order as Yunxiao sends it: its fields and its machines. */
export type Order = OrderFields & { machines: Machine[] };

export function machine(sn: string, status: string, over: Partial<Machine> = {}): Machine {
  return {
    machineSn: sn,
    ip: `10.0.0.${sn.replace(/\D/g, '') || '1'}`,
    status,
    clientStatus: 'ok',
    batchNum: 1,
    actions: defaultMachineActions(status),
    ...over,
  };
}

export function defaultMachineActions(status: string): ActionState[] {
  const unfinished = ['Pending', 'Queued', 'Running', 'Failed'].includes(status);
  return [
    { type: 'RetryVMDeployMachine', disable: status !== 'Failed' },
    { type: 'SkipVMDeployMachine', disable: !unfinished },
    { type: 'LogVMDeployMachine', disable: false },
  ];
}

export const unreachable = (sn: string, status: string, over: Partial<Machine> = {}): Machine =>
  machine(sn, status, { clientStatus: 'error', ...over });

export function order(status: string, machines: Machine[], over: Partial<Order> = {}): Order {
  const failed = machines.some((m) => m.status === 'Failed');
  return {
    deployOrderId: ORDER_ID,
    status,
    currentBatch: 1,
    totalBatch: 2,
    actions: [
      { type: 'StopVMDeployOrder', disable: !(status === 'Running' || status === 'Waiting') },
      { type: 'ResumeVMDeployOrder', disable: !(status === 'Waiting' && !failed) },
    ],
    machines,
    ...over,
  };
}

/** The order in the core's terms, through the Yunxiao mapping table. */
export function snap(o: Order): Snapshot {
  const { machines, ...fields } = o;
  return orderSnapshot(
    fields,
    machines.map((m) => machineUnit(m)),
  );
}

/** A policy, with Yunxiao's `resume` (never: wait for a person; auto: pass the pause). */
export function policy(over: Partial<Policy> & { resume?: 'never' | 'auto' } = {}): Policy {
  const { resume, ...rest } = over;
  return {
    skipUnreachable: false,
    maxSkipped: { kind: 'share', percent: 10 },
    retryFailed: 0,
    confirm: resume === 'auto' ? 'pass' : 'wait',
    onFailure: 'leave',
    ...rest,
  };
}

/** A taken action in Yunxiao's words: a machine's SN, or a resume of the order. */
export type YunxiaoTook = Partial<Omit<TakenAction, 'kind'>> & {
  kind: TakenAction['kind'] | 'resume';
  machineSn?: string;
};

export function took({ machineSn, kind, ...rest }: YunxiaoTook): TakenAction {
  const pass = kind === 'resume';
  return {
    reason: 'test',
    at: '2026-01-01T00:00:00.000Z',
    outcome: 'ok',
    kind: pass ? 'pass' : kind,
    ...(machineSn !== undefined ? { target: machineSn, label: machineSn } : pass ? { target: ORDER_ID } : {}),
    ...rest,
  };
}

export function memory(...taken: YunxiaoTook[]): GateMemory {
  return { taken: taken.map(took), warnedStatuses: new Set(), effectsSeen: new Set() };
}

/** n healthy machines m1..mn in batch 1 with the given status. */
export function many(n: number, status: string, prefix = 'm'): Machine[] {
  return Array.from({ length: n }, (_, i) => machine(`${prefix}${i + 1}`, status));
}
