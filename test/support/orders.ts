// Builders for deploy orders and policies in unit tests.
import type { ActionState, DeployOrder, Machine } from '../../src/providers/yunxiao/model.js';
import type { Policy } from '../../src/inputs/config.js';
import type { GateMemory, TakenAction } from '../../src/core/types.js';

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

export function order(status: string, machines: Machine[], over: Partial<DeployOrder> = {}): DeployOrder {
  const failed = machines.some((m) => m.status === 'Failed');
  return {
    deployOrderId: '44178813',
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

export function policy(over: Partial<Policy> = {}): Policy {
  return {
    skipUnreachable: false,
    maxSkipped: { kind: 'share', percent: 10 },
    retryFailed: 0,
    resume: 'never',
    onFailure: 'leave',
    ...over,
  };
}

export function memory(taken: Array<Partial<TakenAction> & Pick<TakenAction, 'kind'>> = []): GateMemory {
  return {
    taken: taken.map((t) => ({ reason: 'test', at: '2026-01-01T00:00:00.000Z', outcome: 'ok', ...t })),
    warnedStatuses: new Set(),
    effectsSeen: new Set(),
  };
}

/** n healthy machines m1..mn in batch 1 with the given status. */
export function many(n: number, status: string, prefix = 'm'): Machine[] {
  return Array.from({ length: n }, (_, i) => machine(`${prefix}${i + 1}`, status));
}
