// The log shows changes, not polls: an overview on the first poll, a line per unit that changed,
// the run's status changes, and a group picture when a group (a batch) starts or finishes. Bounded
// for huge host groups; one pass over each poll's units with a Map of the previous poll by id.
import type { Snapshot, Unit } from './snapshot.js';
import { capital, plural, type Words } from './words.js';

/** Unit lines per poll at most; the rest are counted in one "... and N more" line. */
export const MAX_UNIT_LINES = 50;
/** Picture lines per poll at most, shared by the pictures of that poll. */
export const MAX_PICTURE_LINES = 50;

export interface StatusCount {
  status: string;
  count: number;
}

export type ChangeEvent =
  | {
      kind: 'first';
      runId: string;
      status: string;
      current: number;
      total: number;
      units: number;
      counts: StatusCount[];
      exception?: string;
    }
  | {
      kind: 'run-status';
      runId: string;
      from: string;
      to: string;
      current: number;
      total: number;
      exception?: string;
    }
  | {
      kind: 'unit-status';
      label: string;
      detail: string;
      group: number;
      /** undefined: the unit was not in the previous poll */
      from?: string;
      to: string;
      fromAgent?: string;
      toAgent?: string;
    }
  | {
      kind: 'group-start' | 'group-end';
      group: number;
      total: number;
      units: number;
      counts: StatusCount[];
      /** one line per unit (label, detail, status, agent), problems first, bounded */
      picture?: string[];
    }
  | { kind: 'more'; count: number };

/** A group is settled when none of its units is still on its way (unknown statuses are). */
const SETTLED: ReadonlySet<string> = new Set(['succeeded', 'skipped', 'cancelled', 'failed']);

export function describeChanges(prev: Snapshot | undefined, next: Snapshot, words: Words): ChangeEvent[] {
  const to = next.progress.current;
  if (!prev) {
    const events: ChangeEvent[] = [
      {
        kind: 'first',
        runId: next.id,
        status: next.status,
        current: next.progress.current,
        total: next.progress.total,
        units: next.units.length,
        counts: countByStatus(next.units, words),
        ...(next.exception ? { exception: next.exception } : {}),
      },
    ];
    if (to > 0) {
      const members = next.units.filter((u) => u.group === to);
      events.push(groupEvent('group-start', to, next.progress.total, members, MAX_PICTURE_LINES, words));
    }
    return events;
  }

  const from = prev.progress.current;
  const prevGroup = new GroupTally();
  const prevCurrent = new GroupTally();
  for (const u of prev.units) {
    if (u.group === from) prevGroup.add(u);
    if (u.group === to) prevCurrent.add(u);
  }
  // Units come in the same order from poll to poll, most of them the very same objects (the reader
  // reuses unchanged ones): the unit at the same place first, a map by id only when the order moved.
  let byId: Map<string, Unit> | undefined;
  const previous = (u: Unit, i: number): Unit | undefined => {
    const same = prev.units[i];
    if (same !== undefined && same.id === u.id) return same;
    byId ??= new Map(prev.units.map((p) => [p.id, p]));
    return byId.get(u.id);
  };

  // Problems (a unit turning failed or unreachable) are listed before routine progress.
  const urgent: ChangeEvent[] = [];
  const routine: ChangeEvent[] = [];
  let changed = 0;
  const endedMembers: Unit[] = [];
  const currentMembers: Unit[] = [];
  const nextCurrent = new GroupTally();
  for (const [i, u] of next.units.entries()) {
    if (u.group === to) {
      currentMembers.push(u);
      nextCurrent.add(u);
    } else if (u.group === from) endedMembers.push(u);
    if (prev.units[i] === u) continue;
    const old = previous(u, i);
    if (old && old.status === u.status && old.agent === u.agent) continue;
    changed++;
    const problem = u.phase === 'failed' || (u.reachable === false && old?.reachable !== false);
    const list = problem ? urgent : routine;
    if (list.length >= MAX_UNIT_LINES) continue;
    list.push({
      kind: 'unit-status',
      label: u.label,
      detail: u.detail ?? '',
      group: u.group,
      ...(old ? { from: old.status, fromAgent: old.agent } : {}),
      to: u.status,
      toAgent: u.agent,
    });
  }

  const events: ChangeEvent[] = [];
  if (prev.status !== next.status) {
    events.push({
      kind: 'run-status',
      runId: next.id,
      from: prev.status,
      to: next.status,
      current: next.progress.current,
      total: next.progress.total,
      ...(next.exception ? { exception: next.exception } : {}),
    });
  }
  const lines = [...urgent, ...routine].slice(0, MAX_UNIT_LINES);
  events.push(...lines);
  if (changed > lines.length) events.push({ kind: 'more', count: changed - lines.length });

  // A group ends once: when it settles, or when the provider moves on before we saw it settle.
  const pictures: Array<{ kind: 'group-start' | 'group-end'; group: number; members: Unit[] }> = [];
  if (from !== to) {
    if (from > 0 && !prevGroup.settled())
      pictures.push({ kind: 'group-end', group: from, members: endedMembers });
    if (to > 0) pictures.push({ kind: 'group-start', group: to, members: currentMembers });
  } else if (to > 0 && nextCurrent.settled() && !prevCurrent.settled()) {
    pictures.push({ kind: 'group-end', group: to, members: currentMembers });
  }
  const share = pictures.length > 0 ? Math.floor(MAX_PICTURE_LINES / pictures.length) : 0;
  for (const p of pictures)
    events.push(groupEvent(p.kind, p.group, next.progress.total, p.members, share, words));
  return events;
}

export function formatChange(e: ChangeEvent, words: Words): string {
  switch (e.kind) {
    case 'first': {
      const exception = e.exception ? `, exception ${e.exception}` : '';
      return `${capital(words.run)} ${e.runId}: ${e.status}, ${words.group} ${e.current}/${e.total}, ${plural(e.units, words.unit)} (${formatCounts(e.counts)})${exception}`;
    }
    case 'run-status': {
      const exception = e.exception ? `, exception ${e.exception}` : '';
      return `${capital(words.run)} ${e.runId}: ${e.from} -> ${e.to} (${words.group} ${e.current}/${e.total}${exception})`;
    }
    case 'unit-status': {
      const status = e.from === undefined ? `new, ${e.to}` : e.from === e.to ? e.to : `${e.from} -> ${e.to}`;
      const detail = e.detail || `no ${words.detail}`;
      return `${words.unit} ${e.label} (${detail}, ${words.group} ${e.group}): ${status}${agentNote(e.fromAgent, e.toAgent, words)}`;
    }
    case 'group-start':
    case 'group-end': {
      const verb = e.kind === 'group-start' ? 'started' : 'finished';
      return `${capital(words.group)} ${e.group}/${e.total} ${verb}: ${plural(e.units, words.unit)} (${formatCounts(e.counts)})`;
    }
    case 'more':
      return `... and ${e.count} more ${words.unit} changes`;
  }
}

/** Units per status: documented statuses in their usual order, then new ones as first seen. */
export function countByStatus(units: readonly Unit[], words: Words): StatusCount[] {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.status, (counts.get(u.status) ?? 0) + 1);
  const order = words.unitStatuses;
  const rank = (s: string): number => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => rank(a.status) - rank(b.status));
}

class GroupTally {
  private size = 0;
  private unsettled = 0;
  add(u: Unit): void {
    this.size++;
    if (!SETTLED.has(u.phase)) this.unsettled++;
  }
  settled(): boolean {
    return this.size > 0 && this.unsettled === 0;
  }
}

function formatCounts(counts: readonly StatusCount[]): string {
  return counts.length > 0 ? counts.map((c) => `${c.count} ${c.status}`).join(', ') : 'none';
}

/** What changed about a unit's reachability (machines' agents); nothing for units without one. */
function agentNote(from: string | undefined, to: string | undefined, words: Words): string {
  const agent = words.reachability;
  if (!agent || to === undefined) return '';
  if (to === 'error') return ` (${agent} unreachable)`;
  if (from === 'error') return ` (${agent} reachable again)`;
  if (to !== 'ok' && to !== '' && to !== from) return ` (${agent} ${to})`;
  return '';
}

function isProblem(u: Unit): boolean {
  const agentTrouble = u.agent !== undefined && u.agent !== 'ok' && u.agent !== '';
  return u.phase === 'failed' || agentTrouble || !u.known;
}

function groupEvent(
  kind: 'group-start' | 'group-end',
  group: number,
  total: number,
  members: readonly Unit[],
  maxLines: number,
  words: Words,
): ChangeEvent {
  // Problems first so a bounded picture still shows them; otherwise the provider's order.
  const shown: Unit[] = [];
  for (const u of members) if (shown.length < maxLines && isProblem(u)) shown.push(u);
  for (const u of members) if (shown.length < maxLines && !isProblem(u)) shown.push(u);
  const labelWidth = Math.max(0, ...shown.map((u) => u.label.length));
  const detailWidth = Math.max(0, ...shown.map((u) => (u.detail || '-').length));
  const statusWidth = Math.max(0, ...shown.map((u) => u.status.length));
  const agent = words.reachability;
  // Each row starts with "- ", never with a value from the provider (see common/untrusted.ts).
  const picture = shown.map((u) => {
    const row = `- ${u.label.padEnd(labelWidth)}  ${(u.detail || '-').padEnd(detailWidth)}  ${u.status.padEnd(statusWidth)}`;
    return agent ? `${row}  ${agent} ${u.agent || '-'}` : row.trimEnd();
  });
  if (members.length > shown.length) picture.push(`... and ${members.length - shown.length} more`);
  return { kind, group, total, units: members.length, counts: countByStatus(members, words), picture };
}
