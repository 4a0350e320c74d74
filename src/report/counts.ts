// What every report reads from a finished run, computed once in one pass over the units and one over
// the actions: counts by phase, groups, the units that need a look, what this run did.
import type { Point, Unit } from '../core/snapshot.js';
import type { ActionKind, TakenAction } from '../core/types.js';
import type { RunOutcome } from './outcome.js';

export interface StatusCounts {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** every unit in another phase */
  other: number;
  /** every status seen (documented or not) -> units */
  byStatus: Map<string, number>;
  /** the same, of the units in another phase only */
  otherByStatus: Map<string, number>;
}

export interface Group {
  group: number;
  units: Unit[];
  counts: StatusCounts;
}

/** What this run did to one unit. */
export interface UnitActions {
  /** a skip went through */
  skipped: boolean;
  /** retries that went through */
  retries: number;
  /** action kind -> times the provider refused it (or the request failed) */
  refused: Map<ActionKind, number>;
  /** action kinds sent whose answer never came (the deadline or a cancel) */
  unanswered: Set<ActionKind>;
}

export interface Tally {
  /** absent when no snapshot could be read */
  counts?: StatusCounts;
  /** by group number, ascending */
  groups: Group[];
  /** failed, skipped or unreachable units, by group */
  needsLook: Unit[];
  failed: Unit[];
  skipped: Unit[];
  /** ids this run skipped (the skip went through), in the order it skipped them */
  skippedByUs: string[];
  /** ids of the failed units of the last snapshot */
  failedIds: string[];
  /** ids of the units unreachable at the last snapshot */
  unreachableIds: string[];
  byUnit: Map<string, UnitActions>;
}

export function emptyCounts(): StatusCounts {
  return {
    total: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    other: 0,
    byStatus: new Map(),
    otherByStatus: new Map(),
  };
}

export function addToCounts(c: StatusCounts, u: Unit): void {
  c.total++;
  if (u.phase === 'succeeded') c.succeeded++;
  else if (u.phase === 'failed') c.failed++;
  else if (u.phase === 'skipped') c.skipped++;
  else {
    c.other++;
    c.otherByStatus.set(u.status, (c.otherByStatus.get(u.status) ?? 0) + 1);
  }
  c.byStatus.set(u.status, (c.byStatus.get(u.status) ?? 0) + 1);
}

export function needsALook(u: Unit): boolean {
  return u.phase === 'failed' || u.phase === 'skipped' || u.reachable === false;
}

export function actionsByUnit(taken: readonly TakenAction[]): Map<string, UnitActions> {
  const per = new Map<string, UnitActions>();
  for (const a of taken) {
    if (!a.target || (a.kind !== 'skip' && a.kind !== 'retry')) continue;
    let e = per.get(a.target);
    if (!e) {
      e = { skipped: false, retries: 0, refused: new Map(), unanswered: new Set() };
      per.set(a.target, e);
    }
    if (a.outcome === 'error') e.refused.set(a.kind, (e.refused.get(a.kind) ?? 0) + 1);
    else if (a.outcome === 'unknown') e.unanswered.add(a.kind);
    else if (a.kind === 'skip') e.skipped = true;
    else e.retries++;
  }
  return per;
}

export function skippedByThisRun(taken: readonly TakenAction[]): string[] {
  const seen = new Set<string>();
  for (const a of taken) if (a.kind === 'skip' && a.outcome === 'ok' && a.target) seen.add(a.target);
  return [...seen];
}

export function tallyOf(outcome: RunOutcome): Tally {
  const units = outcome.snapshot?.units ?? [];
  const counts = outcome.snapshot ? emptyCounts() : undefined;
  const byGroup = new Map<number, Group>();
  const failed: Unit[] = [];
  const skipped: Unit[] = [];
  const unreachableIds: string[] = [];
  for (const u of units) {
    if (u.reachable === false) unreachableIds.push(u.id);
    if (counts) addToCounts(counts, u);
    let g = byGroup.get(u.group);
    if (!g) {
      g = { group: u.group, units: [], counts: emptyCounts() };
      byGroup.set(u.group, g);
    }
    g.units.push(u);
    addToCounts(g.counts, u);
    if (u.phase === 'failed') failed.push(u);
    else if (u.phase === 'skipped') skipped.push(u);
  }
  // Few groups: sorting their keys is cheap, and walking them keeps the units in order.
  const groups = [...byGroup.values()].sort((a, b) => a.group - b.group);
  const needsLook: Unit[] = [];
  for (const g of groups) for (const u of g.units) if (needsALook(u)) needsLook.push(u);
  return {
    counts,
    groups,
    needsLook,
    failed,
    skipped,
    skippedByUs: skippedByThisRun(outcome.taken),
    failedIds: failed.map((u) => u.id),
    unreachableIds,
    byUnit: actionsByUnit(outcome.taken),
  };
}

/** What this run did to a unit, or what happened to it otherwise, in a few words. */
export function whatHappened(
  u: Unit,
  tally: Pick<Tally, 'byUnit'>,
  actionNames: Readonly<Record<ActionKind, string>>,
): string {
  const e = tally.byUnit.get(u.id);
  const parts: string[] = [];
  if (e?.retries) parts.push(`retried ${times(e.retries)}`);
  if (e?.skipped) parts.push('skipped by this run');
  for (const [kind, n] of e?.refused ?? [])
    parts.push(`${actionNames[kind]} refused${n > 1 ? ` ${times(n)}` : ''}`);
  for (const kind of e?.unanswered ?? []) parts.push(`${actionNames[kind]} sent, no answer`);
  if (u.phase === 'skipped' && !e?.skipped && !e?.unanswered.has('skip'))
    parts.push('skipped by someone else');
  return parts.length ? parts.join(', ') : 'nothing';
}

function times(n: number): string {
  return n === 1 ? '1 time' : `${n} times`;
}

/** A confirmation point the run reached, and what became of it. */
export interface PointOutcome {
  point: Point;
  /** passed or refused by this gate; pending (waiting at the end); done (by someone else) */
  decision: 'passed' | 'refused' | 'pending' | 'done';
}

/** Every confirmation point the run reached (where the provider shows them), with its decision. */
export function pointsOf(outcome: RunOutcome): PointOutcome[] {
  const byUs = new Map<string, 'passed' | 'refused'>();
  for (const a of outcome.taken)
    if (a.outcome === 'ok' && a.target && (a.kind === 'pass' || a.kind === 'refuse'))
      byUs.set(a.target, a.kind === 'pass' ? 'passed' : 'refused');
  // A pass the server answered `ok` while the point still waits at the end did not take: the point
  // is pending, never "passed by this gate". (A refusal ends the watch on the answer before it.)
  return (outcome.snapshot?.reached ?? []).map((point) => {
    const mine = byUs.get(point.id);
    const decision = mine === 'refused' ? mine : point.waiting ? 'pending' : (mine ?? 'done');
    return { point, decision };
  });
}
