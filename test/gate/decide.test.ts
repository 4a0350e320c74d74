import { describe, expect, it } from 'vitest';
import { actionsOnTimeout, decide } from '../../src/gate/decide.js';
import { machine, many, memory, order, policy, unreachable } from '../support/orders.js';

const kinds = (d: ReturnType<typeof decide>): string[] =>
  d.actions.map((a) => `${a.kind}${a.machineSn ? `:${a.machineSn}` : ''}`);

describe('decide: verdicts on a finished order', () => {
  it.each([
    ['Success, nothing skipped', order('Success', many(3, 'Success')), policy(), 'success'],
    [
      'Success with one Failed machine',
      order('Success', [...many(2, 'Success'), machine('x9', 'Failed')]),
      policy(),
      'failure',
    ],
    [
      'Success with skips within the budget',
      order('Success', [...many(9, 'Success'), machine('s1', 'Skipped')]),
      policy({ maxSkipped: { kind: 'count', count: 1 } }),
      'success',
    ],
    [
      'Success with skips over the budget (by anyone)',
      order('Success', [...many(8, 'Success'), machine('s1', 'Skipped'), machine('s2', 'Skipped')]),
      policy({ maxSkipped: { kind: 'count', count: 1 } }),
      'failure',
    ],
    ['Cancelled in Yunxiao', order('Cancelled', many(2, 'Cancelled')), policy(), 'cancelled'],
  ])('%s', (_name, o, p, result) => {
    const d = decide(o, p, memory());
    expect(d.verdict?.result).toBe(result);
    expect(d.actions).toEqual([]);
  });

  it('names the failed machine in the reason', () => {
    const d = decide(
      order('Success', [machine('m1', 'Success'), machine('bad7', 'Failed', { ip: '10.9.9.9' })]),
      policy(),
      memory(),
    );
    expect(d.verdict?.reason).toContain('bad7 (10.9.9.9)');
  });

  it('says the gate stopped a Cancelled order when its own stop went through', () => {
    const d = decide(order('Cancelled', many(1, 'Cancelled')), policy(), memory([{ kind: 'stop' }]));
    expect(d.verdict).toMatchObject({ result: 'cancelled' });
    expect(d.verdict?.reason).toContain('stopped by this gate');
  });
});

describe('decide: the skip budget', () => {
  it('rounds a share down: 10% of 19 machines is 1', () => {
    const ms = [...many(17, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Queued')];
    const d = decide(order('Running', ms), policy({ skipUnreachable: true }), memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toMatch(
      /u2 .* would make 2 skipped machines, more than max-skipped 10% = 1 of 19/,
    );
    expect(d.actions).toEqual([]); // the over-budget skip is not made, nor the first (the gate fails)
  });

  it('skips exactly up to the budget', () => {
    const ms = [...many(8, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Pending')];
    const d = decide(
      order('Running', ms),
      policy({ skipUnreachable: true, maxSkipped: { kind: 'count', count: 2 } }),
      memory(),
    );
    expect(d.verdict).toBeUndefined();
    expect(kinds(d)).toEqual(['skip:u1', 'skip:u2']);
  });

  it('counts machines skipped by someone else', () => {
    const ms = [...many(8, 'Running'), machine('s1', 'Skipped'), unreachable('u1', 'Queued')];
    const d = decide(
      order('Running', ms),
      policy({ skipUnreachable: true, maxSkipped: { kind: 'count', count: 1 } }),
      memory(),
    );
    expect(d.verdict?.result).toBe('failure');
    expect(d.actions).toEqual([]);
  });

  it('fails at once when others skipped beyond the budget, while the order still runs', () => {
    const ms = [...many(8, 'Running'), machine('s1', 'Skipped'), machine('s2', 'Skipped')];
    const d = decide(order('Running', ms), policy({ maxSkipped: { kind: 'count', count: 1 } }), memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('2 skipped machines');
  });

  it('counts our own skips that Yunxiao has not applied yet', () => {
    const ms = [...many(8, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Queued')];
    const d = decide(
      order('Running', ms),
      policy({ skipUnreachable: true, maxSkipped: { kind: 'count', count: 1 } }),
      memory([{ kind: 'skip', machineSn: 'u1' }]),
    );
    expect(d.verdict?.result).toBe('failure'); // u1 (in flight) + u2 would be 2 > 1
  });
});

describe('decide: skipping unreachable machines', () => {
  const p = policy({ skipUnreachable: true, maxSkipped: { kind: 'count', count: 5 } });

  it.each(['Pending', 'Queued', 'Running', 'Failed'])('skips an unreachable %s machine', (status) => {
    const d = decide(order('Running', [machine('a', 'Running'), unreachable('u', status)]), p, memory());
    expect(kinds(d)).toEqual(['skip:u']);
  });

  it.each(['Success', 'Skipped', 'Cancelled', 'Deploying'])(
    'never skips an unreachable %s machine',
    (status) => {
      const d = decide(order('Running', [machine('a', 'Running'), unreachable('u', status)]), p, memory());
      expect(d.actions).toEqual([]);
    },
  );

  it('never skips a reachable machine, even a failed one', () => {
    const d = decide(order('Waiting', [machine('f', 'Failed'), machine('q', 'Queued')]), p, memory());
    expect(d.actions.filter((a) => a.kind === 'skip')).toEqual([]);
  });

  it('does not skip when skip-unreachable is off, and fails at once on a paused order', () => {
    const d = decide(
      order('Waiting', [machine('a', 'Success'), unreachable('u', 'Failed')]),
      policy(),
      memory(),
    );
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('skip-unreachable is off');
  });

  it('keeps watching an unreachable Queued machine when skipping is off (not failed yet)', () => {
    const d = decide(
      order('Running', [machine('a', 'Running'), unreachable('u', 'Queued')]),
      policy(),
      memory(),
    );
    expect(d.verdict).toBeUndefined();
    expect(d.actions).toEqual([]);
  });

  it('never skips a machine whose skip action is disabled or absent', () => {
    const disabled = unreachable('u1', 'Queued', {
      actions: [{ type: 'SkipVMDeployMachine', disable: true }],
    });
    const absent = unreachable('u2', 'Queued', { actions: [] });
    const d = decide(order('Running', [disabled, absent]), p, memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
  });

  it('fails on a paused order whose unreachable failed machine may not be skipped', () => {
    const u = unreachable('u1', 'Failed', { actions: [{ type: 'SkipVMDeployMachine', disable: true }] });
    const d = decide(order('Waiting', [u]), p, memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('does not allow skipping');
  });

  it('does not repeat a skip on repeated polls of the same order', () => {
    const o = order('Running', [machine('a', 'Running'), unreachable('u', 'Queued')]);
    const first = decide(o, p, memory());
    expect(kinds(first)).toEqual(['skip:u']);
    const again = decide(o, p, memory([{ kind: 'skip', machineSn: 'u' }]));
    expect(again.actions).toEqual([]);
    expect(again.verdict).toBeUndefined();
  });

  it('tries a skip again after a transient error, never after a permanent one', () => {
    const o = order('Running', [unreachable('u', 'Queued')]);
    expect(
      kinds(decide(o, p, memory([{ kind: 'skip', machineSn: 'u', outcome: 'error', transient: true }]))),
    ).toEqual(['skip:u']);
    expect(
      decide(o, p, memory([{ kind: 'skip', machineSn: 'u', outcome: 'error', transient: false }])).actions,
    ).toEqual([]);
  });

  it('orders skips by batch, then SN', () => {
    const ms = [
      unreachable('b', 'Pending', { batchNum: 2 }),
      unreachable('z', 'Queued', { batchNum: 1 }),
      unreachable('a', 'Pending', { batchNum: 2 }),
    ];
    expect(kinds(decide(order('Running', ms), p, memory()))).toEqual(['skip:z', 'skip:a', 'skip:b']);
  });
});

describe('decide: retrying failed machines', () => {
  const p = policy({ retryFailed: 2 });
  const failedAt = (t: number) => machine('f', 'Failed', { updateTime: t });
  const T0 = Date.parse('2026-01-01T00:00:00.000Z');

  it('retries a reachable failed machine', () => {
    const d = decide(order('Waiting', [failedAt(T0 - 1000)]), p, memory());
    expect(kinds(d)).toEqual(['retry:f']);
    expect(d.verdict).toBeUndefined();
  });

  it('does not retry the same failure seen again before Yunxiao applied the retry', () => {
    const d = decide(order('Waiting', [failedAt(T0 - 1000)]), p, memory([{ kind: 'retry', machineSn: 'f' }]));
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
  });

  it('retries a new failure after the retry, up to retry-failed times, then fails', () => {
    const once = memory([{ kind: 'retry', machineSn: 'f' }]);
    expect(kinds(decide(order('Waiting', [failedAt(T0 + 5000)]), p, once))).toEqual(['retry:f']);
    const twice = memory([
      { kind: 'retry', machineSn: 'f' },
      { kind: 'retry', machineSn: 'f', at: '2026-01-01T00:00:10.000Z' },
    ]);
    const d = decide(order('Waiting', [failedAt(T0 + 20_000)]), p, twice);
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('retried 2 times already');
  });

  it('with retry-failed 0, a failed machine on a paused order fails the gate at once', () => {
    const d = decide(order('Waiting', [failedAt(T0)]), policy(), memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('retry-failed is 0');
  });

  it('keeps watching while the order still runs the batch', () => {
    const d = decide(order('Running', [failedAt(T0), machine('r', 'Running')]), policy(), memory());
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain('f');
  });

  it('never retries when the retry action is disabled or absent', () => {
    const disabled = machine('f', 'Failed', { actions: [{ type: 'RetryVMDeployMachine', disable: true }] });
    const d = decide(order('Waiting', [disabled]), p, memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict?.reason).toContain('does not allow retrying');
    const absent = machine('f', 'Failed', { actions: [] });
    expect(decide(order('Waiting', [absent]), p, memory()).actions).toEqual([]);
  });

  it('a transient retry error does not use up the allowance; a permanent one ends retrying', () => {
    const transient = memory([{ kind: 'retry', machineSn: 'f', outcome: 'error', transient: true }]);
    expect(kinds(decide(order('Waiting', [failedAt(T0 + 1)]), p, transient))).toEqual(['retry:f']);
    const permanent = memory([
      { kind: 'retry', machineSn: 'f', outcome: 'error', transient: false, detail: 'HTTP 403' },
    ]);
    expect(decide(order('Waiting', [failedAt(T0 + 1)]), p, permanent).verdict?.reason).toContain(
      'retrying it failed (HTTP 403)',
    );
  });
});

describe('decide: pauses between batches', () => {
  const paused = order('Waiting', many(2, 'Success'), { currentBatch: 1, totalBatch: 3 });

  it('resumes with resume: auto', () => {
    expect(kinds(decide(paused, policy({ resume: 'auto' }), memory()))).toEqual(['resume']);
  });

  it('waits for a person with resume: never', () => {
    const d = decide(paused, policy({ resume: 'never' }), memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain('waiting for a person');
  });

  it('does not resume when the resume action is disabled', () => {
    const o = { ...paused, actions: [{ type: 'ResumeVMDeployOrder', disable: true }] };
    expect(decide(o, policy({ resume: 'auto' }), memory()).actions).toEqual([]);
  });

  it('does not resume twice before Yunxiao applied the first', () => {
    const o = { ...paused, updateTime: Date.parse('2025-12-31T23:59:59.000Z') };
    expect(decide(o, policy({ resume: 'auto' }), memory([{ kind: 'resume' }])).actions).toEqual([]);
    const later = { ...paused, updateTime: Date.parse('2026-01-01T00:05:00.000Z') };
    expect(kinds(decide(later, policy({ resume: 'auto' }), memory([{ kind: 'resume' }])))).toEqual([
      'resume',
    ]);
  });
});

describe('decide: on-failure stop', () => {
  const stop = policy({ onFailure: 'stop' });

  it('stops the order on every failure path', () => {
    const paused = decide(order('Waiting', [machine('f', 'Failed')]), stop, memory());
    expect(paused.verdict?.result).toBe('failure');
    expect(kinds(paused)).toEqual(['stop']);
    const overBudget = decide(
      order('Running', [...many(3, 'Running'), machine('s', 'Skipped')]),
      { ...stop, maxSkipped: { kind: 'count', count: 0 } },
      memory(),
    );
    expect(kinds(overBudget)).toEqual(['stop']);
  });

  it('does not stop on success, on a cancelled order, or when the stop action is disabled', () => {
    expect(decide(order('Success', many(2, 'Success')), stop, memory()).actions).toEqual([]);
    expect(decide(order('Cancelled', many(2, 'Cancelled')), stop, memory()).actions).toEqual([]);
    const o = order('Waiting', [machine('f', 'Failed')], {
      actions: [{ type: 'StopVMDeployOrder', disable: true }],
    });
    expect(decide(o, stop, memory()).actions).toEqual([]);
  });

  it('leaves the order alone with on-failure: leave', () => {
    expect(decide(order('Waiting', [machine('f', 'Failed')]), policy(), memory()).actions).toEqual([]);
  });

  it('actionsOnTimeout stops only with on-failure: stop, an unfinished order, and no stop yet', () => {
    const running = order('Running', many(2, 'Running'));
    expect(actionsOnTimeout(running, stop, memory()).map((a) => a.kind)).toEqual(['stop']);
    expect(actionsOnTimeout(running, policy(), memory())).toEqual([]);
    expect(actionsOnTimeout(running, stop, memory([{ kind: 'stop' }]))).toEqual([]);
    expect(actionsOnTimeout(order('Success', many(1, 'Success')), stop, memory())).toEqual([]);
    expect(actionsOnTimeout(undefined, stop, memory())).toEqual([]);
  });
});

describe('decide: unknown statuses', () => {
  it('warns once per unknown value and goes on', () => {
    const o = order('Deploying', [
      machine('a', 'Warming'),
      machine('b', 'Warming'),
      machine('c', 'Running', { clientStatus: 'degraded' }),
    ]);
    const first = decide(o, policy(), memory());
    expect(first.verdict).toBeUndefined();
    expect(first.warnings).toHaveLength(3);
    expect(first.newlyWarned.sort()).toEqual(['client:degraded', 'machine:Warming', 'order:Deploying']);
    const mem = memory();
    const again = decide(o, policy(), { ...mem, warnedStatuses: new Set(first.newlyWarned) });
    expect(again.warnings).toEqual([]);
  });
});
