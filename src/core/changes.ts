// The log shows changes, not polls: an overview on the first poll, a line per machine that changed,
// the order's status changes, and a batch picture when a batch starts or finishes. Bounded for huge
// host groups; one pass over each poll's machines with a Map of the previous poll by SN.
import { MACHINE_STATUSES, type DeployOrder, type Machine } from '../providers/yunxiao/model.js';

/** Machine lines per poll at most; the rest are counted in one "... and N more" line. */
export const MAX_MACHINE_LINES = 50;
/** Picture lines per poll at most, shared by the pictures of that poll. */
export const MAX_PICTURE_LINES = 50;

export interface StatusCount {
  status: string;
  count: number;
}

export type ChangeEvent =
  | {
      kind: 'first';
      deployOrderId: string;
      status: string;
      currentBatch: number;
      totalBatch: number;
      machines: number;
      counts: StatusCount[];
      exceptionCode?: string;
    }
  | {
      kind: 'order-status';
      deployOrderId: string;
      from: string;
      to: string;
      currentBatch: number;
      totalBatch: number;
      exceptionCode?: string;
    }
  | {
      kind: 'machine-status';
      machineSn: string;
      ip: string;
      batch: number;
      /** undefined: the machine was not in the previous poll */
      from?: string;
      to: string;
      fromClient?: string;
      toClient: string;
    }
  | {
      kind: 'batch-start' | 'batch-end';
      batch: number;
      totalBatch: number;
      machines: number;
      counts: StatusCount[];
      /** one line per machine (sn, ip, status, agent), problems first, bounded */
      picture?: string[];
    }
  | { kind: 'more'; count: number };

/** A batch is settled when none of its machines is still on its way (unknown statuses are). */
const SETTLED: ReadonlySet<string> = new Set(['Success', 'Skipped', 'Cancelled', 'Failed']);
const STATUS_ORDER: ReadonlyMap<string, number> = new Map(MACHINE_STATUSES.map((s, i) => [s, i]));

export function describeChanges(prev: DeployOrder | undefined, next: DeployOrder): ChangeEvent[] {
  const to = next.currentBatch;
  if (!prev) {
    const events: ChangeEvent[] = [
      {
        kind: 'first',
        deployOrderId: next.deployOrderId,
        status: next.status,
        currentBatch: next.currentBatch,
        totalBatch: next.totalBatch,
        machines: next.machines.length,
        counts: countByStatus(next.machines),
        ...(next.exceptionCode ? { exceptionCode: next.exceptionCode } : {}),
      },
    ];
    if (to > 0) {
      const members = next.machines.filter((m) => m.batchNum === to);
      events.push(batchEvent('batch-start', to, next.totalBatch, members, MAX_PICTURE_LINES));
    }
    return events;
  }

  const from = prev.currentBatch;
  const before = new Map<string, Machine>();
  const prevBatch = new BatchTally();
  const prevCurrent = new BatchTally();
  for (const m of prev.machines) {
    before.set(m.machineSn, m);
    if (m.batchNum === from) prevBatch.add(m);
    if (m.batchNum === to) prevCurrent.add(m);
  }

  // Problems (a machine turning Failed or unreachable) are listed before routine progress.
  const urgent: ChangeEvent[] = [];
  const routine: ChangeEvent[] = [];
  let changed = 0;
  const endedMembers: Machine[] = [];
  const currentMembers: Machine[] = [];
  const nextCurrent = new BatchTally();
  for (const m of next.machines) {
    if (m.batchNum === to) {
      currentMembers.push(m);
      nextCurrent.add(m);
    } else if (m.batchNum === from) endedMembers.push(m);
    const old = before.get(m.machineSn);
    if (old && old.status === m.status && old.clientStatus === m.clientStatus) continue;
    changed++;
    const problem = m.status === 'Failed' || (m.clientStatus === 'error' && old?.clientStatus !== 'error');
    const list = problem ? urgent : routine;
    if (list.length >= MAX_MACHINE_LINES) continue;
    list.push({
      kind: 'machine-status',
      machineSn: m.machineSn,
      ip: m.ip,
      batch: m.batchNum,
      ...(old ? { from: old.status, fromClient: old.clientStatus } : {}),
      to: m.status,
      toClient: m.clientStatus,
    });
  }

  const events: ChangeEvent[] = [];
  if (prev.status !== next.status) {
    events.push({
      kind: 'order-status',
      deployOrderId: next.deployOrderId,
      from: prev.status,
      to: next.status,
      currentBatch: next.currentBatch,
      totalBatch: next.totalBatch,
      ...(next.exceptionCode ? { exceptionCode: next.exceptionCode } : {}),
    });
  }
  const lines = [...urgent, ...routine].slice(0, MAX_MACHINE_LINES);
  events.push(...lines);
  if (changed > lines.length) events.push({ kind: 'more', count: changed - lines.length });

  // A batch ends once: when it settles, or when Yunxiao moves on before we saw it settle.
  const pictures: Array<{ kind: 'batch-start' | 'batch-end'; batch: number; members: Machine[] }> = [];
  if (from !== to) {
    if (from > 0 && !prevBatch.settled())
      pictures.push({ kind: 'batch-end', batch: from, members: endedMembers });
    if (to > 0) pictures.push({ kind: 'batch-start', batch: to, members: currentMembers });
  } else if (to > 0 && nextCurrent.settled() && !prevCurrent.settled()) {
    pictures.push({ kind: 'batch-end', batch: to, members: currentMembers });
  }
  const share = pictures.length > 0 ? Math.floor(MAX_PICTURE_LINES / pictures.length) : 0;
  for (const p of pictures) events.push(batchEvent(p.kind, p.batch, next.totalBatch, p.members, share));
  return events;
}

export function formatChange(e: ChangeEvent): string {
  switch (e.kind) {
    case 'first': {
      const exception = e.exceptionCode ? `, exception ${e.exceptionCode}` : '';
      return `Deploy order ${e.deployOrderId}: ${e.status}, batch ${e.currentBatch}/${e.totalBatch}, ${machinesText(e.machines)} (${formatCounts(e.counts)})${exception}`;
    }
    case 'order-status': {
      const exception = e.exceptionCode ? `, exception ${e.exceptionCode}` : '';
      return `Deploy order ${e.deployOrderId}: ${e.from} -> ${e.to} (batch ${e.currentBatch}/${e.totalBatch}${exception})`;
    }
    case 'machine-status': {
      const status = e.from === undefined ? `new, ${e.to}` : e.from === e.to ? e.to : `${e.from} -> ${e.to}`;
      return `machine ${e.machineSn} (${e.ip || 'no ip'}, batch ${e.batch}): ${status}${agentNote(e.fromClient, e.toClient)}`;
    }
    case 'batch-start':
    case 'batch-end': {
      const verb = e.kind === 'batch-start' ? 'started' : 'finished';
      return `Batch ${e.batch}/${e.totalBatch} ${verb}: ${machinesText(e.machines)} (${formatCounts(e.counts)})`;
    }
    case 'more':
      return `... and ${e.count} more machine changes`;
  }
}

/** Machines per status: documented statuses in their usual order, then new ones as first seen. */
export function countByStatus(machines: readonly Machine[]): StatusCount[] {
  const counts = new Map<string, number>();
  for (const m of machines) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const rank = (s: string): number => STATUS_ORDER.get(s) ?? STATUS_ORDER.size;
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => rank(a.status) - rank(b.status));
}

class BatchTally {
  private size = 0;
  private unsettled = 0;
  add(m: Machine): void {
    this.size++;
    if (!SETTLED.has(m.status)) this.unsettled++;
  }
  settled(): boolean {
    return this.size > 0 && this.unsettled === 0;
  }
}

function machinesText(n: number): string {
  return `${n} machine${n === 1 ? '' : 's'}`;
}

function formatCounts(counts: readonly StatusCount[]): string {
  return counts.length > 0 ? counts.map((c) => `${c.count} ${c.status}`).join(', ') : 'none';
}

function agentNote(from: string | undefined, to: string): string {
  if (to === 'error') return ' (agent unreachable)';
  if (from === 'error') return ' (agent reachable again)';
  if (to !== 'ok' && to !== '' && to !== from) return ` (agent ${to})`;
  return '';
}

function isProblem(m: Machine): boolean {
  const agentTrouble = m.clientStatus !== 'ok' && m.clientStatus !== '';
  return m.status === 'Failed' || agentTrouble || !STATUS_ORDER.has(m.status);
}

function batchEvent(
  kind: 'batch-start' | 'batch-end',
  batch: number,
  totalBatch: number,
  members: readonly Machine[],
  maxLines: number,
): ChangeEvent {
  // Problems first so a bounded picture still shows them; otherwise Yunxiao's order.
  const shown: Machine[] = [];
  for (const m of members) if (shown.length < maxLines && isProblem(m)) shown.push(m);
  for (const m of members) if (shown.length < maxLines && !isProblem(m)) shown.push(m);
  const snWidth = Math.max(0, ...shown.map((m) => m.machineSn.length));
  const ipWidth = Math.max(0, ...shown.map((m) => (m.ip || '-').length));
  const statusWidth = Math.max(0, ...shown.map((m) => m.status.length));
  // Each row starts with "- ", never with a value from Yunxiao (see common/untrusted.ts).
  const picture = shown.map(
    (m) =>
      `- ${m.machineSn.padEnd(snWidth)}  ${(m.ip || '-').padEnd(ipWidth)}  ${m.status.padEnd(statusWidth)}  agent ${m.clientStatus || '-'}`,
  );
  if (members.length > shown.length) picture.push(`... and ${members.length - shown.length} more`);
  return { kind, batch, totalBatch, machines: members.length, counts: countByStatus(members), picture };
}
