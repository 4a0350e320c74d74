// Annotations: an error per failed machine, a warning per skipped one, capped with a note.
import { describe, expect, it } from 'vitest';
import { annotationsOf, MAX_PER_LEVEL } from '../../src/report/annotations.js';
import { machine, unreachable } from '../support/orders.js';
import { act, BIG, fleet, outcomeOf } from './builder.js';

describe('annotationsOf', () => {
  it('an error per failed machine, a warning per skipped one, naming SN, IP and batch', () => {
    const list = annotationsOf(
      outcomeOf(
        { result: 'failure' },
        [
          machine('f1', 'Failed', { batchNum: 2 }),
          unreachable('s2', 'Skipped', { batchNum: 3 }),
          machine('s3', 'Skipped'),
          machine('ok4', 'Success'),
        ],
        [act('retry', 'f1'), act('skip', 's2')],
      ),
    );
    expect(list).toEqual([
      {
        level: 'error',
        title: 'Machine f1 (10.0.0.1) failed',
        message: `Batch 2 of deploy order ${BIG}: Failed; this run: retried 1 time.`,
      },
      {
        level: 'warning',
        title: 'Machine s2 (10.0.0.2) skipped',
        message: `Batch 3 of deploy order ${BIG}: skipped by this run (agent unreachable). It did not get this release.`,
      },
      {
        level: 'warning',
        title: 'Machine s3 (10.0.0.3) skipped',
        message: `Batch 1 of deploy order ${BIG}: skipped by someone else. It did not get this release.`,
      },
    ]);
  });

  it('capped per level, with one more saying how many were left out and where to find them', () => {
    const ms = fleet(40, (i) => (i < 25 ? 'Failed' : i < 34 ? 'Skipped' : 'Success'));
    const list = annotationsOf(outcomeOf({ result: 'failure' }, ms));
    const errors = list.filter((a) => a.level === 'error');
    const warnings = list.filter((a) => a.level === 'warning');
    expect(errors).toHaveLength(MAX_PER_LEVEL + 1);
    expect(warnings).toHaveLength(MAX_PER_LEVEL + 1);
    expect(errors.at(-1)?.title).toBe(`${25 - MAX_PER_LEVEL} more failed machines`);
    expect(errors.at(-1)?.message).toContain('JSON report');
    expect(warnings.at(-1)?.title).toBe(`${9 - MAX_PER_LEVEL} more skipped machine`);
    expect(list.length).toBeLessThanOrEqual(20);
  });

  it('none for a clean run or when no order was read', () => {
    expect(annotationsOf(outcomeOf())).toEqual([]);
    expect(annotationsOf(outcomeOf({ result: 'timed-out' }, null))).toEqual([]);
  });

  it('names from outside stay on one line', () => {
    const [a] = annotationsOf(outcomeOf({}, [machine('bad\nname', 'Failed', { ip: '1.2.3.4\r\n' })]));
    expect(a?.title).toBe('Machine bad name (1.2.3.4 ) failed');
  });
});
