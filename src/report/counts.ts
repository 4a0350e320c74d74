// What every report reads from a finished run, computed once in one pass over the machines and one
// over the actions: counts by status, batches, the machines that need a look, what this run did.
import type { DeployOrder, Machine } from '../providers/yunxiao/model.js';
import type { ActionKind, TakenAction } from '../core/types.js';
import type { RunOutcome } from './outcome.js';

export interface StatusCounts {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** every status other than Success, Failed and Skipped */
  other: number;
  /** every status seen (documented or not) -> machines */
  byStatus: Map<string, number>;
}

export interface Batch {
  batch: number;
  machines: Machine[];
  counts: StatusCounts;
}

/** What this run did to one machine. */
export interface MachineActions {
  /** a skip went through */
  skipped: boolean;
  /** retries that went through */
  retries: number;
  /** action kind -> times Yunxiao refused it (or the request failed) */
  refused: Map<ActionKind, number>;
}

export interface Tally {
  /** absent when no order could be read */
  counts?: StatusCounts;
  /** by batch number, ascending */
  batches: Batch[];
  /** Failed, Skipped or unreachable (clientStatus error) machines, by batch */
  needsLook: Machine[];
  failed: Machine[];
  skipped: Machine[];
  /** SNs this run skipped (the skip went through), in the order it skipped them */
  skippedByUs: string[];
  /** SNs whose status is Failed in the last order */
  failedSns: string[];
  /** SNs whose agent was unreachable (clientStatus error) in the last order */
  unreachableSns: string[];
  byMachine: Map<string, MachineActions>;
}

export function emptyCounts(): StatusCounts {
  return { total: 0, succeeded: 0, failed: 0, skipped: 0, other: 0, byStatus: new Map() };
}

export function addToCounts(c: StatusCounts, status: string): void {
  c.total++;
  if (status === 'Success') c.succeeded++;
  else if (status === 'Failed') c.failed++;
  else if (status === 'Skipped') c.skipped++;
  else c.other++;
  c.byStatus.set(status, (c.byStatus.get(status) ?? 0) + 1);
}

export function countByStatus(order: Pick<DeployOrder, 'machines'>): StatusCounts {
  const c = emptyCounts();
  for (const m of order.machines) addToCounts(c, m.status);
  return c;
}

export function needsALook(m: Machine): boolean {
  return m.status === 'Failed' || m.status === 'Skipped' || m.clientStatus === 'error';
}

export function actionsByMachine(taken: readonly TakenAction[]): Map<string, MachineActions> {
  const per = new Map<string, MachineActions>();
  for (const a of taken) {
    if (!a.machineSn) continue;
    let e = per.get(a.machineSn);
    if (!e) {
      e = { skipped: false, retries: 0, refused: new Map() };
      per.set(a.machineSn, e);
    }
    if (a.outcome !== 'ok') e.refused.set(a.kind, (e.refused.get(a.kind) ?? 0) + 1);
    else if (a.kind === 'skip') e.skipped = true;
    else if (a.kind === 'retry') e.retries++;
  }
  return per;
}

export function skippedByThisRun(taken: readonly TakenAction[]): string[] {
  const seen = new Set<string>();
  for (const a of taken) if (a.kind === 'skip' && a.outcome === 'ok' && a.machineSn) seen.add(a.machineSn);
  return [...seen];
}

export function tallyOf(outcome: RunOutcome): Tally {
  const machines = outcome.order?.machines ?? [];
  const counts = outcome.order ? emptyCounts() : undefined;
  const byBatch = new Map<number, Batch>();
  const failed: Machine[] = [];
  const skipped: Machine[] = [];
  const unreachableSns: string[] = [];
  for (const m of machines) {
    if (m.clientStatus === 'error') unreachableSns.push(m.machineSn);
    if (counts) addToCounts(counts, m.status);
    let b = byBatch.get(m.batchNum);
    if (!b) {
      b = { batch: m.batchNum, machines: [], counts: emptyCounts() };
      byBatch.set(m.batchNum, b);
    }
    b.machines.push(m);
    addToCounts(b.counts, m.status);
    if (m.status === 'Failed') failed.push(m);
    else if (m.status === 'Skipped') skipped.push(m);
  }
  // Few batches: sorting their keys is cheap, and walking them keeps the machines in order.
  const batches = [...byBatch.values()].sort((a, b) => a.batch - b.batch);
  const needsLook: Machine[] = [];
  for (const b of batches) for (const m of b.machines) if (needsALook(m)) needsLook.push(m);
  return {
    counts,
    batches,
    needsLook,
    failed,
    skipped,
    skippedByUs: skippedByThisRun(outcome.taken),
    failedSns: failed.map((m) => m.machineSn),
    unreachableSns,
    byMachine: actionsByMachine(outcome.taken),
  };
}

/** What this run did to a machine, or what happened to it otherwise, in a few words. */
export function whatHappened(m: Machine, tally: Pick<Tally, 'byMachine'>): string {
  const e = tally.byMachine.get(m.machineSn);
  const parts: string[] = [];
  if (e?.retries) parts.push(`retried ${times(e.retries)}`);
  if (e?.skipped) parts.push('skipped by this run');
  for (const [kind, n] of e?.refused ?? []) parts.push(`${kind} refused${n > 1 ? ` ${times(n)}` : ''}`);
  if (m.status === 'Skipped' && !e?.skipped) parts.push('skipped by someone else');
  return parts.length ? parts.join(', ') : 'nothing';
}

function times(n: number): string {
  return n === 1 ? '1 time' : `${n} times`;
}
