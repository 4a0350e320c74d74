// The shared tallies every report reads.
import { describe, expect, it } from 'vitest';
import {
  actionsByMachine,
  countByStatus,
  skippedByThisRun,
  tallyOf,
  whatHappened,
} from '../../src/report/counts.js';
import { machine, order, unreachable } from '../support/orders.js';
import { act, outcomeOf } from './builder.js';

describe('counts', () => {
  it('counts by status, unknown statuses as other', () => {
    const c = countByStatus(
      order('Running', [
        machine('a', 'Success'),
        machine('b', 'Failed'),
        machine('c', 'Skipped'),
        machine('d', 'Queued'),
        machine('e', 'Exploded'),
      ]),
    );
    expect([c.total, c.succeeded, c.failed, c.skipped, c.other]).toEqual([5, 1, 1, 1, 2]);
    expect(c.byStatus.get('Exploded')).toBe(1);
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
    expect(t.needsLook.map((m) => m.machineSn)).toEqual(['d', 'c', 'a']);
    expect(t.batches.map((b) => [b.batch, b.counts.total])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(t.failedSns).toEqual(['a']);
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
    const t = { byMachine: actionsByMachine(taken) };
    expect(whatHappened(machine('r', 'Failed'), t)).toBe('retried 2 times');
    expect(whatHappened(machine('s', 'Skipped'), t)).toBe('skipped by this run');
    expect(whatHappened(machine('x', 'Skipped'), t)).toBe('skip refused, skipped by someone else');
    expect(whatHappened(machine('o', 'Skipped'), t)).toBe('skipped by someone else');
    expect(whatHappened(machine('n', 'Failed'), t)).toBe('nothing');
    expect(skippedByThisRun(taken)).toEqual(['s']);
  });

  it('no order: no counts, nothing to look at', () => {
    const t = tallyOf(outcomeOf({}, null, [act('skip', 'q')]));
    expect(t.counts).toBeUndefined();
    expect(t.needsLook).toEqual([]);
    expect(t.skippedByUs).toEqual(['q']);
  });
});
