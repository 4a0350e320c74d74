// The shared tallies every report reads.
import { describe, expect, it } from 'vitest';
import {
  actionsByUnit,
  addToCounts,
  emptyCounts,
  skippedByThisRun,
  tallyOf,
  whatHappened,
} from '../../src/report/counts.js';
import { machineUnit, YUNXIAO_WORDS } from '../../src/providers/yunxiao/snapshot.js';
import { machine, unreachable } from '../support/orders.js';
import { act, outcomeOf } from './builder.js';

const unit = machineUnit;
const names = YUNXIAO_WORDS.actions;

describe('counts', () => {
  it('counts by status, unknown statuses as other', () => {
    const c = emptyCounts();
    for (const m of [
      machine('a', 'Success'),
      machine('b', 'Failed'),
      machine('c', 'Skipped'),
      machine('d', 'Queued'),
      machine('e', 'Exploded'),
    ])
      addToCounts(c, unit(m));
    expect([c.total, c.succeeded, c.failed, c.skipped, c.other]).toEqual([5, 1, 1, 1, 2]);
    expect(c.byStatus.get('Exploded')).toBe(1);
    expect([...c.otherByStatus]).toEqual([
      ['Queued', 1],
      ['Exploded', 1],
    ]);
  });

  it('machines needing a look, by batch: Failed, Skipped and unreachable', () => {
    const t = tallyOf(
      outcomeOf({}, [
        machine('a', 'Failed', { batchNum: 3 }),
        machine('b', 'Success', { batchNum: 1 }),
        unreachable('c', 'Queued', { batchNum: 2 }),
        machine('d', 'Skipped', { batchNum: 1 }),
      ]),
    );
    expect(t.needsLook.map((u) => u.id)).toEqual(['d', 'c', 'a']);
    expect(t.groups.map((g) => [g.group, g.counts.total])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(t.failedIds).toEqual(['a']);
    expect(t.unreachableIds).toEqual(['c']);
  });

  it('what this run did to each machine', () => {
    const taken = [
      act('retry', 'r'),
      act('retry', 'r'),
      act('skip', 's'),
      act('skip', 'x', 'error'),
      act('stop'),
      act('skip', 's'),
    ];
    const t = { byUnit: actionsByUnit(taken) };
    expect(whatHappened(unit(machine('r', 'Failed')), t, names)).toBe('retried 2 times');
    expect(whatHappened(unit(machine('s', 'Skipped')), t, names)).toBe('skipped by this run');
    expect(whatHappened(unit(machine('x', 'Skipped')), t, names)).toBe(
      'skip refused, skipped by someone else',
    );
    expect(whatHappened(unit(machine('o', 'Skipped')), t, names)).toBe('skipped by someone else');
    expect(whatHappened(unit(machine('n', 'Failed')), t, names)).toBe('nothing');
    expect(skippedByThisRun(taken)).toEqual(['s']);
  });

  it('no order: no counts, nothing to look at', () => {
    const t = tallyOf(outcomeOf({}, null, [act('skip', 'q')]));
    expect(t.counts).toBeUndefined();
    expect(t.needsLook).toEqual([]);
    expect(t.skippedByUs).toEqual(['q']);
  });
});
