// The log shows changes, not polls: an overview on the first poll, a line per machine that changes,
// the order's status changes, and the batch picture when a batch starts or ends. Bounded for huge
// host groups; one pass over the machines with a map of the previous poll.
import type { DeployOrder, Machine } from '../client/model.js';

export type ChangeEvent =
  | { kind: 'first'; order: DeployOrder; counts: Record<string, number> }
  | { kind: 'order-status'; from: string; to: string; order: DeployOrder }
  | { kind: 'machine-status'; machine: Machine; from: string; fromClient: string }
  | { kind: 'batch-start' | 'batch-end'; batch: number; totalBatch: number; picture: string[] }
  | { kind: 'more'; count: number };

/** Lines of one kind per poll, at most; the rest is counted. */
export const MAX_LINES = 50;

export function describeChanges(prev: DeployOrder | undefined, next: DeployOrder): ChangeEvent[] {
  if (!prev) {
    const events: ChangeEvent[] = [{ kind: 'first', order: next, counts: countByStatus(next.machines) }];
    if (next.currentBatch > 0) events.push(batchEvent('batch-start', next, next.currentBatch));
    return events;
  }
  const events: ChangeEvent[] = [];
  if (prev.status !== next.status)
    events.push({ kind: 'order-status', from: prev.status, to: next.status, order: next });
  // Yunxiao lists machines in the same order every poll: compare by position, and build a map only
  // when the list changed shape.
  const samePositions = prev.machines.length === next.machines.length;
  let before: Map<string, Machine> | undefined;
  const previous = (m: Machine, i: number): Machine | undefined => {
    const atSame = samePositions ? prev.machines[i] : undefined;
    if (atSame?.machineSn === m.machineSn) return atSame;
    before ??= new Map(prev.machines.map((x) => [x.machineSn, x]));
    return before.get(m.machineSn);
  };
  let hidden = 0;
  for (let i = 0; i < next.machines.length; i++) {
    const m = next.machines[i]!;
    const old = previous(m, i);
    if (old && old.status === m.status && old.clientStatus === m.clientStatus) continue;
    if (events.length >= MAX_LINES) {
      hidden++;
      continue;
    }
    events.push({
      kind: 'machine-status',
      machine: m,
      from: old?.status ?? '(new)',
      fromClient: old?.clientStatus ?? '',
    });
  }
  if (hidden > 0) events.push({ kind: 'more', count: hidden });
  if (prev.currentBatch !== next.currentBatch) {
    if (prev.currentBatch > 0) events.push(batchEvent('batch-end', next, prev.currentBatch));
    if (next.currentBatch > 0) events.push(batchEvent('batch-start', next, next.currentBatch));
  } else if (isFinal(next.status) && !isFinal(prev.status) && next.currentBatch > 0) {
    events.push(batchEvent('batch-end', next, next.currentBatch));
  }
  return events;
}

export function formatChange(e: ChangeEvent): string {
  switch (e.kind) {
    case 'first': {
      const counts = Object.entries(e.counts)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
      return `Deploy order ${e.order.deployOrderId}: ${e.order.status}, batch ${e.order.currentBatch}/${e.order.totalBatch}, ${e.order.machines.length} machines (${counts || 'none'})`;
    }
    case 'order-status':
      return `Deploy order ${e.order.deployOrderId}: ${e.from} -> ${e.to} (batch ${e.order.currentBatch}/${e.order.totalBatch})`;
    case 'machine-status': {
      const m = e.machine;
      const agent =
        m.clientStatus === 'error' && e.fromClient !== 'error'
          ? ' (agent unreachable)'
          : m.clientStatus !== 'error' && e.fromClient === 'error'
            ? ' (agent back)'
            : m.clientStatus === 'error'
              ? ' (agent unreachable)'
              : '';
      return `machine ${m.machineSn} (${m.ip || 'no ip'}, batch ${m.batchNum}): ${e.from} -> ${m.status}${agent}`;
    }
    case 'batch-start':
      return `Batch ${e.batch}/${e.totalBatch} started`;
    case 'batch-end':
      return `Batch ${e.batch}/${e.totalBatch} ended`;
    case 'more':
      return `... and ${e.count} more machine changes`;
  }
}

export function countByStatus(machines: readonly Machine[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of machines) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

function batchEvent(kind: 'batch-start' | 'batch-end', order: DeployOrder, batch: number): ChangeEvent {
  const machines = order.machines.filter((m) => m.batchNum === batch);
  const picture = machines
    .slice(0, MAX_LINES)
    .map(
      (m) =>
        `${m.machineSn}  ${m.ip || '-'}  ${m.status}${m.clientStatus === 'error' ? '  agent unreachable' : ''}`,
    );
  if (machines.length > MAX_LINES) picture.push(`... and ${machines.length - MAX_LINES} more machines`);
  const counts = Object.entries(countByStatus(machines))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  picture.unshift(`${machines.length} machines: ${counts || 'none'}`);
  return { kind, batch, totalBatch: order.totalBatch, picture };
}

function isFinal(status: string): boolean {
  return status === 'Success' || status === 'Cancelled';
}
