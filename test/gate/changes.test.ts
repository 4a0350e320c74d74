import { describe, expect, it } from 'vitest';
import { describeChanges, formatChange, MAX_LINES } from '../../src/gate/changes.js';
import { machine, order, unreachable } from '../support/orders.js';

const lines = (
  prev: Parameters<typeof describeChanges>[0],
  next: Parameters<typeof describeChanges>[1],
): string[] => describeChanges(prev, next).map(formatChange);

describe('describeChanges', () => {
  it('first poll: an overview and the current batch picture', () => {
    const events = describeChanges(
      undefined,
      order('Running', [machine('a', 'Queued'), machine('b', 'Pending', { batchNum: 2 })]),
    );
    expect(events.map((e) => e.kind)).toEqual(['first', 'batch-start']);
    expect(formatChange(events[0]!)).toBe(
      'Deploy order 44178813: Running, batch 1/2, 2 machines (1 Queued, 1 Pending)',
    );
  });

  it('a line per machine that changed, none for the others', () => {
    const prev = order('Running', [machine('a', 'Queued'), machine('b', 'Queued')]);
    const next = order('Running', [machine('a', 'Running'), unreachable('b', 'Queued')]);
    expect(lines(prev, next)).toEqual([
      'machine a (10.0.0.1, batch 1): Queued -> Running',
      'machine b (10.0.0.1, batch 1): Queued -> Queued (agent unreachable)',
    ]);
    expect(lines(next, next)).toEqual([]);
  });

  it('the order status and the batch ending and starting', () => {
    const prev = order('Running', [machine('a', 'Running'), machine('b', 'Pending', { batchNum: 2 })]);
    const next = order('Running', [machine('a', 'Success'), machine('b', 'Queued', { batchNum: 2 })], {
      currentBatch: 2,
    });
    const events = describeChanges(prev, next);
    expect(
      events.filter((e) => e.kind === 'batch-end' || e.kind === 'batch-start').map(formatChange),
    ).toEqual(['Batch 1/2 ended', 'Batch 2/2 started']);
    const done = describeChanges(
      next,
      order('Success', [machine('a', 'Success'), machine('b', 'Success', { batchNum: 2 })], {
        currentBatch: 2,
      }),
    );
    expect(done.map((e) => e.kind)).toEqual(['order-status', 'machine-status', 'batch-end']);
  });

  it('stays bounded on a 10,000-machine order', () => {
    const ms = Array.from({ length: 10_000 }, (_, i) => machine(`m${i}`, 'Queued'));
    const first = describeChanges(undefined, order('Running', ms));
    const picture = first.find((e) => e.kind === 'batch-start');
    expect(picture && 'picture' in picture ? picture.picture.length : 0).toBeLessThanOrEqual(MAX_LINES + 2);
    const next = order(
      'Running',
      ms.map((m) => ({ ...m, status: 'Running' })),
    );
    const events = describeChanges(order('Running', ms), next);
    expect(events.length).toBeLessThanOrEqual(MAX_LINES + 1);
    expect(formatChange(events.at(-1)!)).toBe(`... and ${10_000 - MAX_LINES} more machine changes`);
  });
});
