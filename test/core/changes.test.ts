import { describe, expect, it } from 'vitest';
import {
  describeChanges as coreDescribe,
  formatChange as coreFormat,
  MAX_UNIT_LINES as MAX_MACHINE_LINES,
  MAX_PICTURE_LINES,
  type ChangeEvent,
} from '../../src/core/changes.js';
import { YUNXIAO_WORDS } from '../../src/providers/yunxiao/snapshot.js';
import { machine, order, snap, type Order } from '../support/orders.js';

// The change log's tests, in Yunxiao's words: each order goes through the Yunxiao mapping table.
type DeployOrder = Order;
type Machine = Order['machines'][number];
const describeChanges = (prev: Order | undefined, next: Order): ChangeEvent[] =>
  coreDescribe(prev && snap(prev), snap(next), YUNXIAO_WORDS);
const formatChange = (e: ChangeEvent): string => coreFormat(e, YUNXIAO_WORDS);

// ---- builders -------------------------------------------------------------------------------

/** n machines named prefix1..prefixN in one batch. */
const many = (n: number, status: string, prefix: string, batchNum = 1): Machine[] =>
  Array.from({ length: n }, (_, i) => machine(`${prefix}${i + 1}`, status, { batchNum }));

const lines = (prev: DeployOrder | undefined, next: DeployOrder): string[] =>
  describeChanges(prev, next).map((e) => formatChange(e));

const kinds = (events: ChangeEvent[]): string[] => events.map((e) => e.kind);

const pictureOf = (e: ChangeEvent | undefined): string[] =>
  e && (e.kind === 'group-start' || e.kind === 'group-end') ? (e.picture ?? []) : [];

// ---- tests ----------------------------------------------------------------------------------

describe('describeChanges: the first poll', () => {
  it('gives one overview line and the picture of the current batch', () => {
    const o = order('Running', [
      machine('a1', 'Queued'),
      machine('a2', 'Running', { clientStatus: 'error' }),
      machine('b3', 'Pending', { batchNum: 2 }),
    ]);
    const events = describeChanges(undefined, o);
    expect(kinds(events)).toEqual(['first', 'group-start']);
    expect(formatChange(events[0]!)).toBe(
      'Deploy order 44178813: Running, batch 1/2, 3 machines (1 Pending, 1 Running, 1 Queued)',
    );
    expect(formatChange(events[1]!)).toBe('Batch 1/2 started: 2 machines (1 Running, 1 Queued)');
    const picture = pictureOf(events[1]);
    // problems first; only batch 1; sn, ip, status and agent on each line
    expect(picture).toEqual(['- a2  10.0.0.2  Running  agent error', '- a1  10.0.0.1  Queued   agent ok']);
  });

  it('mentions an exception code when Yunxiao gives one', () => {
    const o = order('Waiting', [machine('a', 'Failed')], { exceptionCode: 'DEPLOY_FAILED' });
    expect(lines(undefined, o)[0]).toContain('exception DEPLOY_FAILED');
  });

  it('shows no picture before the first batch', () => {
    const o = order('Running', [machine('a', 'Pending')], { currentBatch: 0 });
    expect(kinds(describeChanges(undefined, o))).toEqual(['first']);
  });

  it('stays bounded on a 10,000-machine order and still shows the problems', () => {
    const ms = many(10_000, 'Queued', 'm');
    ms[9_999] = machine('bad', 'Failed', { ip: '10.9.9.9' });
    const events = describeChanges(undefined, order('Running', ms));
    expect(kinds(events)).toEqual(['first', 'group-start']);
    expect(formatChange(events[0]!)).toBe(
      'Deploy order 44178813: Running, batch 1/2, 10000 machines (9999 Queued, 1 Failed)',
    );
    const picture = pictureOf(events[1]);
    expect(picture).toHaveLength(MAX_PICTURE_LINES + 1);
    expect(picture[0]).toMatch(/^- bad\s+10\.9\.9\.9\s+Failed\s+agent ok$/);
    expect(picture.at(-1)).toBe(`... and ${10_000 - MAX_PICTURE_LINES} more`);
  });
});

describe('describeChanges: later polls', () => {
  it('says nothing when nothing changed, whatever order Yunxiao lists the machines in', () => {
    const ms = [machine('a', 'Running'), machine('b', 'Queued')];
    expect(describeChanges(order('Running', ms), order('Running', ms))).toEqual([]);
    expect(describeChanges(order('Running', ms), order('Running', [...ms].reverse()))).toEqual([]);
  });

  it('gives a line per machine whose status or agent changed, none for the others', () => {
    const prev = order('Running', [
      machine('a', 'Queued'),
      machine('b2', 'Running', { batchNum: 2 }),
      machine('c', 'Running'),
      machine('d', 'Running', { clientStatus: 'error' }),
      machine('e', 'Running'),
    ]);
    const next = order('Running', [
      machine('a', 'Running'),
      machine('b2', 'Failed', { batchNum: 2, clientStatus: 'error' }),
      machine('c', 'Running', { clientStatus: 'error' }),
      machine('d', 'Running'),
      machine('e', 'Running'),
      machine('n', 'Queued'),
    ]);
    expect(lines(prev, next)).toEqual([
      // problems first, then the rest in Yunxiao's order
      'machine b2 (10.0.0.2, batch 2): Running -> Failed (agent unreachable)',
      'machine c (10.0.0.1, batch 1): Running (agent unreachable)',
      'machine a (10.0.0.1, batch 1): Queued -> Running',
      'machine d (10.0.0.1, batch 1): Running (agent reachable again)',
      'machine n (10.0.0.1, batch 1): new, Queued',
    ]);
  });

  it('shows a machine without an ip', () => {
    const prev = order('Running', [machine('a', 'Queued', { ip: '' })]);
    const next = order('Running', [machine('a', 'Running', { ip: '' })]);
    expect(lines(prev, next)).toEqual(['machine a (no ip, batch 1): Queued -> Running']);
  });

  it('gives a line when the order status changes', () => {
    const ms = [machine('a', 'Running')];
    expect(lines(order('Running', ms), order('Waiting', ms, { exceptionCode: 'X1' }))).toEqual([
      'Deploy order 44178813: Running -> Waiting (batch 1/2, exception X1)',
    ]);
  });

  it('shows the pictures of the batch that ended and the batch that started', () => {
    const prev = order('Running', [machine('a', 'Running'), machine('b', 'Pending', { batchNum: 2 })]);
    const next = order('Running', [machine('a', 'Success'), machine('b', 'Queued', { batchNum: 2 })], {
      currentBatch: 2,
    });
    const events = describeChanges(prev, next).filter(
      (e) => e.kind === 'group-end' || e.kind === 'group-start',
    );
    expect(events.map((e) => formatChange(e))).toEqual([
      'Batch 1/2 finished: 1 machine (1 Success)',
      'Batch 2/2 started: 1 machine (1 Queued)',
    ]);
    expect(pictureOf(events[0])).toEqual(['- a  10.0.0.1  Success  agent ok']);
    expect(pictureOf(events[1])).toEqual(['- b  10.0.0.1  Queued  agent ok']);
  });

  it('shows a batch finishing when the order pauses, once, and then only the next start', () => {
    const running = order('Running', [...many(2, 'Running', 'a'), ...many(2, 'Pending', 'b', 2)]);
    const pausedMs = [...many(2, 'Success', 'a'), ...many(2, 'Pending', 'b', 2)];
    const paused = order('Waiting', pausedMs);
    const first = describeChanges(running, paused);
    expect(kinds(first)).toEqual(['run-status', 'unit-status', 'unit-status', 'group-end']);
    expect(formatChange(first.at(-1)!)).toBe('Batch 1/2 finished: 2 machines (2 Success)');
    expect(describeChanges(paused, paused)).toEqual([]);
    const resumed = order('Running', [...many(2, 'Success', 'a'), ...many(2, 'Queued', 'b', 2)], {
      currentBatch: 2,
    });
    const next = describeChanges(paused, resumed);
    expect(kinds(next).filter((k) => k.startsWith('group'))).toEqual(['group-start']);
  });

  it('shows the last batch finishing when the order succeeds', () => {
    const prev = order('Running', [machine('a', 'Success'), machine('b', 'Running', { batchNum: 2 })], {
      currentBatch: 2,
    });
    const next = order('Success', [machine('a', 'Success'), machine('b', 'Success', { batchNum: 2 })], {
      currentBatch: 2,
    });
    expect(kinds(describeChanges(prev, next))).toEqual(['run-status', 'unit-status', 'group-end']);
  });

  it('does not call a batch finished while a machine in an unknown status is in it', () => {
    const prev = order('Running', [machine('a', 'Running'), machine('b', 'Running')]);
    const next = order('Running', [machine('a', 'Success'), machine('b', 'Warming')]);
    expect(kinds(describeChanges(prev, next))).toEqual(['unit-status', 'unit-status']);
  });

  it('stays bounded when 10,000 machines change at once, listing problems first', () => {
    const ms = many(10_000, 'Queued', 'm');
    const nextMs = ms.map((m) => ({ ...m, status: 'Running' }));
    nextMs[9_999] = { ...nextMs[9_999]!, status: 'Failed' };
    const events = describeChanges(order('Running', ms), order('Running', nextMs));
    const machineLines = events.filter((e) => e.kind === 'unit-status');
    expect(machineLines).toHaveLength(MAX_MACHINE_LINES);
    expect(formatChange(machineLines[0]!)).toBe('machine m10000 (10.0.0.10000, batch 1): Queued -> Failed');
    expect(events).toHaveLength(MAX_MACHINE_LINES + 1);
    expect(formatChange(events.at(-1)!)).toBe(`... and ${10_000 - MAX_MACHINE_LINES} more machine changes`);
  });

  it('shares the picture bound between the two pictures of one poll', () => {
    const prev = order('Running', [...many(5_000, 'Running', 'a'), ...many(5_000, 'Pending', 'b', 2)]);
    const next = order('Running', [...many(5_000, 'Success', 'a'), ...many(5_000, 'Queued', 'b', 2)], {
      currentBatch: 2,
    });
    const events = describeChanges(prev, next);
    const pictures = events.filter((e) => e.kind === 'group-end' || e.kind === 'group-start');
    expect(pictures.map((e) => e.kind)).toEqual(['group-end', 'group-start']);
    const pictureLines = pictures.flatMap((e) => pictureOf(e).filter((l) => !l.startsWith('...')));
    expect(pictureLines).toHaveLength(MAX_PICTURE_LINES);
    expect(pictureOf(pictures[0]).at(-1)).toBe(`... and ${5_000 - MAX_PICTURE_LINES / 2} more`);
    expect(events.length).toBeLessThanOrEqual(MAX_MACHINE_LINES + 1 + 2);
  });
});
