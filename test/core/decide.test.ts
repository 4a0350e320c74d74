import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../src/common/redact.js';
import { actionsOnTimeout as onTimeout, decide as coreDecide, MAX_WARNINGS } from '../../src/core/decide.js';
import type { Policy } from '../../src/core/policy.js';
import type { Decision, GateMemory, PlannedAction, TakenAction } from '../../src/core/types.js';
import type { ActionState } from '../../src/providers/yunxiao/model.js';
import { YUNXIAO_WORDS } from '../../src/providers/yunxiao/snapshot.js';
import {
  defaultMachineActions as machineActions,
  machine,
  many,
  memory as yunxiaoMemory,
  order as yunxiaoOrder,
  policy,
  snap,
  unreachable,
  type Order,
  type YunxiaoTook,
} from '../support/orders.js';

// The decision function's table tests, written in Yunxiao's terms: each order goes through the
// Yunxiao mapping table (test/support/orders.ts) into the core's snapshot.

// ---- builders -------------------------------------------------------------------------------

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

const decide = (o: Order, p: Policy, m: GateMemory): Decision => coreDecide(snap(o), p, m, YUNXIAO_WORDS);
const actionsOnTimeout = (o: Order | undefined, p: Policy, m: GateMemory): PlannedAction[] =>
  onTimeout(o && snap(o), p, m);

/** The unit tests' orders: resume offered only while paused with nothing failed. */
function order(status: string, machines: Order['machines'], over: Partial<Order> = {}): Order {
  return yunxiaoOrder(status, machines, {
    actions: [
      { type: 'StopVMDeployOrder', disable: !(status === 'Running' || status === 'Waiting') },
      { type: 'ResumeVMDeployOrder', disable: status !== 'Waiting' },
    ],
    ...over,
  });
}

const withoutAction = (o: Order, type: string): Order => ({
  ...o,
  actions: o.actions.filter((a) => a.type !== type),
});
const withDisabled = (o: Order, type: string): Order => ({
  ...o,
  actions: [...o.actions.filter((a) => a.type !== type), { type, disable: true }],
});

type Took = YunxiaoTook;
type Machine = Order['machines'][number];

function memory(...taken: Took[]): GateMemory {
  return yunxiaoMemory(...taken.map((t) => ({ at: iso(T0), ...t })));
}

/** What the shell does after a decision: record each planned action as performed at `at`. */
function afterShell(
  mem: GateMemory,
  d: Decision,
  at: number,
  outcome: TakenAction['outcome'] = 'ok',
): GateMemory {
  return {
    taken: [...mem.taken, ...d.actions.map((a) => ({ ...a, at: iso(at), outcome }))],
    warnedStatuses: new Set([...mem.warnedStatuses, ...d.newlyWarned]),
    effectsSeen: new Set([...mem.effectsSeen, ...d.effectsSeen]),
  };
}

/** skip:sn, retry:sn, resume, stop: the actions in Yunxiao's words. */
const kinds = (d: Decision | PlannedAction[]): string[] =>
  ('actions' in d ? d.actions : d).map((a) => {
    const unit = (a.kind === 'skip' || a.kind === 'retry') && a.target;
    return `${YUNXIAO_WORDS.actions[a.kind]}${unit ? `:${a.target}` : ''}`;
  });

const count = (n: number): Policy['maxSkipped'] => ({ kind: 'count', count: n });

// ---- verdicts -------------------------------------------------------------------------------

describe('decide: verdicts on a finished order', () => {
  it.each<[string, Order, Policy, string]>([
    ['Success, every machine deployed', order('Success', many(3, 'Success')), policy(), 'success'],
    [
      'Success with one Failed machine',
      order('Success', [...many(2, 'Success'), machine('x9', 'Failed')]),
      policy(),
      'failure',
    ],
    [
      'Success with skips within the budget',
      order('Success', [...many(9, 'Success'), machine('s1', 'Skipped')]),
      policy({ maxSkipped: count(1) }),
      'success',
    ],
    [
      'Success with skips over the budget (made by someone else)',
      order('Success', [...many(8, 'Success'), machine('s1', 'Skipped'), machine('s2', 'Skipped')]),
      policy({ maxSkipped: count(1) }),
      'failure',
    ],
    [
      'Success with an undocumented machine status',
      order('Success', [...many(2, 'Success'), machine('w', 'Warming')]),
      policy(),
      'failure',
    ],
    ['Success with no machines', order('Success', []), policy(), 'failure'],
    [
      'Success with no deployMachineInfo (no machines read)',
      order('Success', [], { currentBatch: 0, totalBatch: 0 }),
      policy({ maxSkipped: count(5) }),
      'failure',
    ],
    ['Success with every machine Cancelled', order('Success', many(2, 'Cancelled')), policy(), 'failure'],
    [
      'Success with every machine Skipped, even within the budget: nothing was deployed',
      order('Success', many(2, 'Skipped')),
      policy({ maxSkipped: count(2) }),
      'failure',
    ],
    ['Success with machines still Running', order('Success', many(2, 'Running')), policy(), 'failure'],
    ['Success with machines still Pending', order('Success', many(2, 'Pending')), policy(), 'failure'],
    ...(['FAILED', 'Error', 'Timeout'] as const).map((status): [string, Order, Policy, string] => [
      `Success with a machine "${status}" (an undocumented spelling)`,
      order('Success', [machine('a', 'Success'), machine('b', status)]),
      policy(),
      'failure',
    ]),
    ['Cancelled in Yunxiao', order('Cancelled', many(2, 'Cancelled')), policy(), 'cancelled'],
    [
      'Cancelled with a Failed machine is still cancelled',
      order('Cancelled', [machine('f', 'Failed'), machine('c', 'Cancelled')]),
      policy(),
      'cancelled',
    ],
  ])('%s', (_name, o, p, result) => {
    const d = decide(o, p, memory());
    expect(d.verdict?.result).toBe(result);
    expect(d.actions).toEqual([]);
    expect(d.verdict?.reason).toContain('44178813');
  });

  it('names the failed machines of a Success order with their IPs, at most five', () => {
    const one = decide(
      order('Success', [machine('m1', 'Success'), machine('bad7', 'Failed', { ip: '10.9.9.9' })]),
      policy(),
      memory(),
    );
    expect(one.verdict?.reason).toContain('bad7 (10.9.9.9)');
    const eight = decide(order('Success', many(8, 'Failed', 'f')), policy(), memory());
    expect(eight.verdict?.reason).toContain(
      'f1 (10.0.0.1): Failed, f2 (10.0.0.2): Failed, f3 (10.0.0.3): Failed, f4 (10.0.0.4): Failed, f5',
    );
    expect(eight.verdict?.reason).toContain('and 3 more');
    expect(eight.verdict?.reason).not.toContain('f6');
  });

  it('says the order was cancelled in Yunxiao, or stopped by this gate when its stop went through', () => {
    const o = order('Cancelled', many(1, 'Cancelled'));
    expect(decide(o, policy(), memory()).verdict?.reason).toContain('cancelled in Yunxiao');
    const stopped = decide(o, policy({ onFailure: 'stop' }), memory({ kind: 'stop' }));
    expect(stopped.verdict).toMatchObject({ result: 'cancelled' });
    expect(stopped.verdict?.reason).toContain('stopped by this gate');
    const stopFailed = decide(o, policy(), memory({ kind: 'stop', outcome: 'error', detail: 'HTTP 500' }));
    expect(stopFailed.verdict?.reason).toContain('cancelled in Yunxiao');
  });

  it('gives no verdict while the order runs or is paused', () => {
    for (const status of ['Running', 'Waiting']) {
      const d = decide(order(status, many(3, 'Running')), policy(), memory());
      expect(d.verdict).toBeUndefined();
      expect(d.actions).toEqual([]);
    }
  });

  it('is pure: the order and the memory are left as they were', () => {
    const o = order('Waiting', [
      unreachable('u2', 'Queued', { batchNum: 2 }),
      machine('f', 'Failed'),
      unreachable('u1', 'Queued'),
    ]);
    const mem = memory({ kind: 'retry', machineSn: 'x', at: iso(T0) });
    const before = structuredClone({ o, taken: mem.taken });
    const p = policy({ skipUnreachable: true, retryFailed: 1, maxSkipped: count(5) });
    const first = decide(o, p, mem);
    expect({ o, taken: mem.taken }).toEqual(before);
    expect(decide(o, p, mem)).toEqual(first);
  });
});

// ---- the skip budget ------------------------------------------------------------------------

describe('decide: duplicate machines in one answer', () => {
  it('never plans two actions on one SN in a poll, and says so once', () => {
    const p = policy({ skipUnreachable: true, maxSkipped: count(5), retryFailed: 2 });
    const twice = [
      unreachable('u', 'Queued'),
      unreachable('u', 'Queued'),
      machine('f', 'Failed'),
      machine('f', 'Failed'),
    ];
    const d = decide(order('Running', [...many(6, 'Running'), ...twice]), p, memory());
    expect(kinds(d)).toEqual(['skip:u', 'retry:f']);
    expect(d.warnings.filter((w) => w.includes('appears more than once'))).toHaveLength(2);
    const mem = { ...memory(), warnedStatuses: new Set(d.newlyWarned) };
    expect(decide(order('Running', [...many(6, 'Running'), ...twice]), p, mem).warnings).toEqual([]);
  });
});

describe('decide: bounded warnings, each SN counted once', () => {
  it("a server value cut short never leaves a piece of this run's secret at the cut", () => {
    const secret = 'pt-decideSecret_0123456789';
    registerSecret(secret);
    // the status is cut to 59 characters: the cut falls 5 characters into the secret
    const status = `${'s'.repeat(54)}${secret}`;
    const d = decide(order('Running', [machine('m1', status)]), policy(), memory());
    const warning = d.warnings.find((w) => w.includes('does not document'));
    expect(warning).toBeDefined();
    expect(warning).not.toContain(secret.slice(0, 3));
    expect(warning).toContain('***');
  });

  it('a new undocumented word for every machine: at most MAX_WARNINGS warnings, then one more saying so', () => {
    const ms = Array.from({ length: 500 }, (_, i) => machine(`m${i}`, `Weird-${i}-${'x'.repeat(500)}`));
    const d = decide(order('Running', ms), policy(), memory());
    expect(d.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(d.warnings.at(-1)).toContain(
      'more undocumented statuses or repeated machines than the gate lists',
    );
    expect(Math.max(...d.warnings.map((w) => w.length))).toBeLessThan(300);
    const later = { ...memory(), warnedStatuses: new Set(d.newlyWarned) };
    const next = decide(
      order(
        'Running',
        ms.map((m, i) => ({ ...m, status: `Other-${i}` })),
      ),
      policy(),
      later,
    );
    expect(next.warnings).toEqual([]);
  });

  it('one SN listed many times is one machine: it cannot inflate the count or the skip budget', () => {
    const listed = [machine('a', 'Skipped'), ...Array.from({ length: 9 }, () => machine('b', 'Success'))];
    const d = decide(
      order('Success', listed),
      policy({ maxSkipped: { kind: 'share', percent: 10 } }),
      memory(),
    );
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('1 skipped machine');
    const conflicting = decide(
      order('Success', [machine('a', 'Success'), machine('a', 'Failed')]),
      policy(),
      memory(),
    );
    expect(conflicting.verdict?.result).toBe('failure');
  });
});

describe('decide: the skip budget', () => {
  const skipping = (over: Partial<Policy> = {}): Policy => policy({ skipUnreachable: true, ...over });

  it('rounds a share down: 10% of 19 machines allows one skip, not two', () => {
    const ms = [...many(17, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Queued')];
    const d = decide(order('Running', ms), skipping(), memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain(
      '2 machines unreachable (u1 (10.0.0.1), u2 (10.0.0.2)); skipping them would make 2 skipped machines, more than max-skipped 10% = 1 of 19. None was skipped.',
    );
    // the gate fails: no skip is made, not even the one within the budget
    expect(d.actions).toEqual([]);
  });

  it('skips exactly up to the budget', () => {
    const ms = [...many(8, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Pending')];
    const d = decide(order('Running', ms), skipping({ maxSkipped: count(2) }), memory());
    expect(d.verdict).toBeUndefined();
    expect(kinds(d)).toEqual(['skip:u1', 'skip:u2']);
  });

  it('refuses the skip one over the budget and fails at once', () => {
    const ms = [...many(7, 'Running'), ...['u1', 'u2', 'u3'].map((sn) => unreachable(sn, 'Queued'))];
    const d = decide(order('Running', ms), skipping({ maxSkipped: count(2) }), memory());
    expect(d.verdict?.result).toBe('failure');
    // every unreachable machine named, and none said to be skipped
    expect(d.verdict?.reason).toContain(
      '3 machines unreachable (u1 (10.0.0.1), u2 (10.0.0.2), u3 (10.0.0.3))',
    );
    expect(d.verdict?.reason).toContain(
      'would make 3 skipped machines, more than max-skipped 2. None was skipped.',
    );
    expect(d.actions).toEqual([]);
  });

  it('counts machines skipped by someone else', () => {
    const ms = [...many(8, 'Running'), machine('s1', 'Skipped'), unreachable('u1', 'Queued')];
    const within = decide(order('Running', ms), skipping({ maxSkipped: count(2) }), memory());
    expect(kinds(within)).toEqual(['skip:u1']);
    const over = decide(order('Running', ms), skipping({ maxSkipped: count(1) }), memory());
    expect(over.verdict?.result).toBe('failure');
    expect(over.verdict?.reason).toContain('would make 2 skipped machines');
  });

  it.each(['Running', 'Waiting', 'Deploying'])(
    'fails at once when others skipped beyond the budget, order %s',
    (status) => {
      const ms = [...many(8, 'Running'), machine('s1', 'Skipped'), machine('s2', 'Skipped')];
      const d = decide(order(status, ms), policy({ maxSkipped: count(1) }), memory());
      expect(d.verdict?.result).toBe('failure');
      expect(d.verdict?.reason).toContain('2 skipped machines (s1 (10.0.0.1), s2 (10.0.0.2))');
      expect(d.verdict?.reason).toContain('more than max-skipped 1');
    },
  );

  it('counts our own skips that Yunxiao does not show yet', () => {
    const ms = [...many(8, 'Running'), unreachable('u1', 'Queued'), unreachable('u2', 'Queued')];
    const mem = memory({ kind: 'skip', machineSn: 'u1' });
    const over = decide(order('Running', ms), skipping({ maxSkipped: count(1) }), mem);
    expect(over.verdict?.result).toBe('failure'); // u1 (not shown yet) + u2 would be 2 > 1
    expect(over.verdict?.reason).toContain(
      '1 machine unreachable (u2 (10.0.0.2)); skipping them would make 2 skipped machines, more than max-skipped 1 (1 skipped earlier by this gate). None was skipped.',
    );
    const within = decide(order('Running', ms), skipping({ maxSkipped: count(2) }), mem);
    expect(kinds(within)).toEqual(['skip:u2']);
  });

  it('fails when skips by others push our unshown skips over the budget', () => {
    const ms = [...many(7, 'Running'), machine('s1', 'Skipped'), unreachable('u1', 'Queued')];
    const d = decide(
      order('Running', ms),
      skipping({ maxSkipped: count(1) }),
      memory({ kind: 'skip', machineSn: 'u1' }),
    );
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('1 more being skipped by this gate');
  });

  it('does not count a skip of ours whose machine ended another way', () => {
    const ms = [...many(8, 'Running'), machine('u1', 'Success'), unreachable('u2', 'Queued')];
    const d = decide(
      order('Running', ms),
      skipping({ maxSkipped: count(1) }),
      memory({ kind: 'skip', machineSn: 'u1' }),
    );
    expect(kinds(d)).toEqual(['skip:u2']);
  });

  it('a skip that shows up is counted once', () => {
    const ms = [...many(8, 'Running'), machine('u1', 'Skipped'), unreachable('u2', 'Queued')];
    const d = decide(
      order('Running', ms),
      skipping({ maxSkipped: count(2) }),
      memory({ kind: 'skip', machineSn: 'u1' }),
    );
    expect(kinds(d)).toEqual(['skip:u2']);
  });

  it('skips within a share budget on a 10,000-machine order', () => {
    const ms = many(10_000, 'Running');
    for (let i = 0; i < 10_000; i += 40) ms[i] = unreachable(`u${String(i).padStart(5, '0')}`, 'Running');
    const d = decide(order('Running', ms), skipping({ maxSkipped: { kind: 'share', percent: 5 } }), memory());
    expect(d.verdict).toBeUndefined();
    expect(d.actions).toHaveLength(250);
    expect(d.actions.every((a) => a.kind === 'skip')).toBe(true);
    expect(d.actions[0]?.target).toBe('u00000');
  });
});

// ---- skipping unreachable machines ----------------------------------------------------------

describe('decide: skipping unreachable machines', () => {
  const p = policy({ skipUnreachable: true, maxSkipped: count(5) });

  it.each(['Pending', 'Queued', 'Running', 'Failed'])('skips an unreachable %s machine', (status) => {
    const d = decide(order('Running', [machine('a', 'Running'), unreachable('u', status)]), p, memory());
    expect(kinds(d)).toEqual(['skip:u']);
    expect(d.actions[0]?.reason).toContain('agent unreachable');
    expect(d.verdict).toBeUndefined();
  });

  it.each(['Success', 'Skipped', 'Cancelled', 'Deploying'])(
    'never skips an unreachable %s machine',
    (status) => {
      // the skip action is even offered, to be sure the status alone decides
      const u = unreachable('u', status, { actions: [{ type: 'SkipVMDeployMachine', disable: false }] });
      const d = decide(order('Running', [machine('a', 'Running'), u]), p, memory());
      expect(d.actions).toEqual([]);
    },
  );

  it.each(['Pending', 'Queued', 'Running', 'Failed'])('never skips a reachable %s machine', (status) => {
    const d = decide(order('Running', [machine('a', status)]), p, memory());
    expect(d.actions.filter((a) => a.kind === 'skip')).toEqual([]);
  });

  it('with skip-unreachable off: waits on an unfinished machine, fails on a Failed one once paused', () => {
    const running = decide(
      order('Running', [machine('a', 'Running'), unreachable('u', 'Queued')]),
      policy(),
      memory(),
    );
    expect(running.verdict).toBeUndefined();
    expect(running.actions).toEqual([]);
    const paused = decide(
      order('Waiting', [machine('a', 'Success'), unreachable('u', 'Failed')]),
      policy(),
      memory(),
    );
    expect(paused.actions).toEqual([]);
    expect(paused.verdict?.result).toBe('failure');
    expect(paused.verdict?.reason).toContain(
      'u (10.0.0.1): its agent is unreachable and skip-unreachable is off',
    );
  });

  it('never retries an unreachable Failed machine', () => {
    const d = decide(order('Waiting', [unreachable('u', 'Failed')]), policy({ retryFailed: 3 }), memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
  });

  it.each<[string, ActionState[], string]>([
    ['disabled', [{ type: 'SkipVMDeployMachine', disable: true }], 'does not allow skipping it now'],
    ['absent', [{ type: 'LogVMDeployMachine', disable: false }], 'offers no skip action for it'],
  ])('never skips a machine whose skip action is %s', (_name, actions, why) => {
    const queued = decide(order('Running', [unreachable('u1', 'Queued', { actions })]), p, memory());
    expect(queued.actions).toEqual([]);
    expect(queued.verdict).toBeUndefined(); // an unfinished machine is waited on
    const failedRunning = decide(order('Running', [unreachable('u1', 'Failed', { actions })]), p, memory());
    expect(failedRunning.actions).toEqual([]);
    expect(failedRunning.verdict).toBeUndefined();
    expect(failedRunning.waitingFor).toContain(why);
    const failedPaused = decide(order('Waiting', [unreachable('u1', 'Failed', { actions })]), p, memory());
    expect(failedPaused.actions).toEqual([]);
    expect(failedPaused.verdict?.result).toBe('failure');
    expect(failedPaused.verdict?.reason).toContain(why);
  });

  it('does not repeat a skip on repeated polls of the same order', () => {
    const o = order('Running', [machine('a', 'Running'), unreachable('u', 'Queued')]);
    const first = decide(o, p, memory());
    expect(kinds(first)).toEqual(['skip:u']);
    const mem = afterShell(memory(), first, T0);
    for (let i = 0; i < 3; i++) {
      const again = decide(o, p, mem);
      expect(again.actions).toEqual([]);
      expect(again.verdict).toBeUndefined();
    }
  });

  it('waits on a paused order whose Failed machine we skipped until Yunxiao shows it', () => {
    const o = order('Waiting', [machine('a', 'Success'), unreachable('u', 'Failed')]);
    const p2: Policy = { ...p, confirm: 'pass', retryFailed: 2 };
    const first = decide(o, p2, memory());
    expect(kinds(first)).toEqual(['skip:u']);
    const again = decide(o, p2, afterShell(memory(), first, T0));
    expect(again.actions).toEqual([]); // no second skip, no resume, no retry
    expect(again.verdict).toBeUndefined();
    expect(again.waitingFor).toContain('u (10.0.0.1)');
    // even if the agent comes back meanwhile, a machine we skipped is not retried
    const back = order('Waiting', [machine('a', 'Success'), machine('u', 'Failed')]);
    expect(decide(back, p2, afterShell(memory(), first, T0)).actions).toEqual([]);
  });

  it('tries a skip again after a transient error, never after a permanent one', () => {
    const o = order('Running', [unreachable('u', 'Queued')]);
    const transient = memory({ kind: 'skip', machineSn: 'u', outcome: 'error', transient: true });
    expect(kinds(decide(o, p, transient))).toEqual(['skip:u']);
    const permanent = memory({ kind: 'skip', machineSn: 'u', outcome: 'error', transient: false });
    expect(decide(o, p, permanent).actions).toEqual([]);
    const unknown = memory({ kind: 'skip', machineSn: 'u', outcome: 'error' });
    expect(decide(o, p, unknown).actions).toEqual([]);
  });

  it('a permanently refused skip of a Failed machine fails a paused order', () => {
    const mem = memory({ kind: 'skip', machineSn: 'u', outcome: 'error', detail: 'HTTP 403 Forbidden' });
    const d = decide(order('Waiting', [unreachable('u', 'Failed')]), p, mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('skipping it failed (HTTP 403 Forbidden)');
  });

  it('plans skips by batch then SN, then retries, in one decision', () => {
    const ms = [
      unreachable('b', 'Pending', { batchNum: 2 }),
      machine('r2', 'Failed'),
      unreachable('z', 'Queued', { batchNum: 1 }),
      machine('r1', 'Failed'),
      unreachable('a', 'Pending', { batchNum: 2 }),
    ];
    const d = decide(order('Waiting', ms), { ...p, retryFailed: 1, confirm: 'pass' }, memory());
    expect(kinds(d)).toEqual(['skip:z', 'skip:a', 'skip:b', 'retry:r1', 'retry:r2']);
    for (const a of d.actions) {
      expect(a.reason.length).toBeGreaterThan(0);
      expect(a.reason).not.toContain('\n');
    }
  });
});

// ---- retrying failed machines ---------------------------------------------------------------

describe('decide: retrying failed machines', () => {
  const p = policy({ retryFailed: 2 });
  const failedAt = (t: number, over: Partial<Machine> = {}): Machine =>
    machine('f', 'Failed', { updateTime: t, ...over });

  it.each(['Waiting', 'Running'])('retries a reachable Failed machine, order %s', (status) => {
    const d = decide(order(status, [failedAt(T0 - 1000), machine('r', 'Running')]), p, memory());
    expect(kinds(d)).toEqual(['retry:f']);
    expect(d.actions[0]?.reason).toContain('retry 1 of 2');
    expect(d.verdict).toBeUndefined();
  });

  it('does not repeat a retry on repeated polls of the same order (Yunxiao lag)', () => {
    const o = order('Waiting', [failedAt(T0 - 1000)]);
    const first = decide(o, p, memory());
    expect(kinds(first)).toEqual(['retry:f']);
    expect(first.actions[0]?.seen).toEqual({ status: 'Failed', updateTime: T0 - 1000 });
    const mem = afterShell(memory(), first, T0);
    const again = decide(o, p, mem);
    expect(again.actions).toEqual([]);
    expect(again.verdict).toBeUndefined();
    expect(again.waitingFor).toContain('f (10.0.0.1)');
    expect(again.effectsSeen).toEqual([]);
  });

  // The runner's clock is never compared with Yunxiao's: whatever the skew, or a server that serves
  // fixed timestamps, a retry is made once per failure, and a new failure is retried again.
  it.each<[string, number]>([
    ['an hour behind the runner', T0 - 3_600_000],
    ['an hour ahead of the runner', T0 + 3_600_000],
    ['years in the past (fixed timestamps)', Date.UTC(2001, 0, 1)],
  ])('the server clock %s: one retry per failure, and the next failure retried', (_name, serverTime) => {
    let mem = memory();
    let d = decide(order('Waiting', [failedAt(serverTime)]), p, mem);
    expect(kinds(d)).toEqual(['retry:f']);
    mem = afterShell(mem, d, T0); // the runner's clock says T0, whatever the server's says
    d = decide(order('Waiting', [failedAt(serverTime)]), p, mem);
    expect(d.actions).toEqual([]); // the same failure seen again
    mem = afterShell(mem, d, T0 + 1000);
    d = decide(order('Running', [machine('f', 'Running', { updateTime: serverTime })]), p, mem);
    expect(d.effectsSeen).toEqual([0]); // the retry shows
    mem = afterShell(mem, d, T0 + 2000);
    d = decide(order('Waiting', [failedAt(serverTime)]), p, mem);
    expect(kinds(d)).toEqual(['retry:f']); // a new failure, even with the very same timestamp
    expect(d.actions[0]?.reason).toContain('retry 2 of 2');
  });

  it('a newer updateTime from the server is a new failure, even before any other status was seen', () => {
    let mem = memory();
    const d = decide(order('Waiting', [failedAt(T0)]), p, mem);
    mem = afterShell(mem, d, T0 + 999_999);
    const next = decide(order('Waiting', [failedAt(T0 + 1)]), p, mem);
    expect(kinds(next)).toEqual(['retry:f']);
    expect(next.effectsSeen).toEqual([0]);
  });

  it('retries a new failure after the retry, up to retry-failed times, then fails a paused order', () => {
    let mem = memory();
    let d = decide(order('Waiting', [failedAt(T0 - 1000)]), p, mem);
    expect(kinds(d)).toEqual(['retry:f']);
    mem = afterShell(mem, d, T0);
    d = decide(order('Waiting', [failedAt(T0 + 5000)]), p, mem);
    expect(kinds(d)).toEqual(['retry:f']);
    expect(d.actions[0]?.reason).toContain('retry 2 of 2');
    mem = afterShell(mem, d, T0 + 10_000);
    d = decide(order('Waiting', [failedAt(T0 + 20_000)]), p, mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('f (10.0.0.1): retried 2 times already (retry-failed 2)');
  });

  it('an exhausted machine on a running order keeps the watch going', () => {
    const mem = memory({ kind: 'retry', machineSn: 'f' }, { kind: 'retry', machineSn: 'f' });
    const d = decide(order('Running', [failedAt(T0 + 1000), machine('r', 'Running')]), p, mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain('retried 2 times already');
  });

  it('with retry-failed 0, a failed machine fails a paused order at once and is watched on a running one', () => {
    const paused = decide(order('Waiting', [failedAt(T0)]), policy(), memory());
    expect(paused.verdict?.result).toBe('failure');
    expect(paused.verdict?.reason).toContain('retry-failed is 0');
    const running = decide(order('Running', [failedAt(T0), machine('r', 'Running')]), policy(), memory());
    expect(running.verdict).toBeUndefined();
    expect(running.actions).toEqual([]);
    expect(running.waitingFor).toContain('f (10.0.0.1)');
  });

  it.each<[string, ActionState[], string]>([
    ['disabled', [{ type: 'RetryVMDeployMachine', disable: true }], 'does not allow retrying it now'],
    ['absent', [{ type: 'SkipVMDeployMachine', disable: false }], 'offers no retry action for it'],
  ])('never retries when the retry action is %s', (_name, actions, why) => {
    const d = decide(order('Waiting', [machine('f', 'Failed', { actions })]), p, memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain(why);
  });

  it('a transient retry error does not use up the allowance', () => {
    const once = policy({ retryFailed: 1 });
    const mem = memory({ kind: 'retry', machineSn: 'f', outcome: 'error', transient: true });
    const d = decide(order('Waiting', [failedAt(T0 - 1000)]), once, mem);
    expect(kinds(d)).toEqual(['retry:f']);
    expect(d.actions[0]?.reason).toContain('retry 1 of 1');
  });

  it('a permanent retry error ends retrying that machine', () => {
    const mem = memory({
      kind: 'retry',
      machineSn: 'f',
      outcome: 'error',
      transient: false,
      detail: 'HTTP 403',
    });
    const d = decide(order('Waiting', [failedAt(T0 + 1)]), p, mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict?.reason).toContain('retrying it failed (HTTP 403)');
  });

  it('counts retries per machine', () => {
    const mem = memory({ kind: 'retry', machineSn: 'g' }, { kind: 'retry', machineSn: 'g' });
    const d = decide(order('Waiting', [failedAt(T0 - 5), machine('g', 'Success')]), p, mem);
    expect(kinds(d)).toEqual(['retry:f']);
  });

  it('with no updateTime at all, a Failed machine after our retry is waited on until it shows another status', () => {
    const noTime = order('Waiting', [machine('f', 'Failed')], { updateTime: undefined });
    let mem = afterShell(memory(), decide(noTime, p, memory()), T0);
    const d = decide(noTime, p, mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain('f (10.0.0.1)');
    mem = afterShell(mem, decide(order('Running', [machine('f', 'Queued')]), p, mem), T0 + 1);
    expect(kinds(decide(noTime, p, mem))).toEqual(['retry:f']);
  });

  it('treats an undocumented agent status as reachable', () => {
    const d = decide(order('Waiting', [failedAt(T0, { clientStatus: 'degraded' })]), p, memory());
    expect(kinds(d)).toEqual(['retry:f']);
  });
});

// ---- pauses ---------------------------------------------------------------------------------

describe('decide: a paused order', () => {
  const paused = order('Waiting', [...many(2, 'Success'), ...many(2, 'Pending', 'n')], {
    currentBatch: 1,
    totalBatch: 3,
    updateTime: T0 - 1000,
  });
  const auto = policy({ resume: 'auto' });

  it('resumes with resume: auto', () => {
    const d = decide(paused, auto, memory());
    expect(kinds(d)).toEqual(['resume']);
    expect(d.actions[0]?.reason).toContain('batch 1 of 3');
    expect(d.verdict).toBeUndefined();
  });

  it('waits for a person with resume: never', () => {
    const d = decide(paused, policy({ resume: 'never' }), memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain('paused after batch 1 of 3');
    expect(d.waitingFor).toContain('waiting for a person to resume it in Yunxiao');
  });

  it.each<[string, Order, string]>([
    ['disabled', withDisabled(paused, 'ResumeVMDeployOrder'), 'does not allow resuming it now'],
    ['absent', withoutAction(paused, 'ResumeVMDeployOrder'), 'offers no resume action'],
  ])('does not resume when the resume action is %s', (_name, o, why) => {
    const d = decide(o, auto, memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.waitingFor).toContain(why);
    expect(d.waitingFor).toContain('waiting for a person');
  });

  it('does not resume twice before Yunxiao shows the first resume', () => {
    const first = decide(paused, auto, memory());
    const mem = afterShell(memory(), first, T0);
    const again = decide(paused, auto, mem);
    expect(again.actions).toEqual([]);
    expect(again.waitingFor).toContain('resume');
    // the next pause, after the order changed since the resume
    const nextPause = { ...paused, currentBatch: 2, updateTime: T0 + 60_000 };
    expect(kinds(decide(nextPause, auto, mem))).toEqual(['resume']);
  });

  it('without an order updateTime, its status and batch tell whether the resume showed', () => {
    const stale = { ...paused, updateTime: undefined };
    const mem = afterShell(memory(), decide(stale, auto, memory()), T0);
    expect(decide(stale, auto, mem).actions).toEqual([]);
    // paused again after the next batch: the order moved on since the resume
    expect(kinds(decide({ ...stale, currentBatch: 2 }, auto, mem))).toEqual(['resume']);
    // or it was seen running in between
    const ran = decide({ ...stale, status: 'Running' }, auto, mem);
    expect(ran.effectsSeen).toEqual([0]);
    const later = afterShell(mem, ran, T0 + 1);
    expect(kinds(decide(stale, auto, later))).toEqual(['resume']);
  });

  it('the server clock skewed or fixed: one resume per pause, never a stall', () => {
    const fixed = { ...paused, updateTime: Date.UTC(2001, 0, 1) };
    const mem = afterShell(memory(), decide(fixed, auto, memory()), T0 + 3_600_000);
    expect(decide(fixed, auto, mem).actions).toEqual([]);
    expect(kinds(decide({ ...fixed, currentBatch: 2 }, auto, mem))).toEqual(['resume']);
  });

  it('a transient resume error lets it be tried again', () => {
    const mem = memory({ kind: 'resume', outcome: 'error', transient: true });
    expect(kinds(decide(paused, auto, mem))).toEqual(['resume']);
  });

  // A resume Yunxiao refused (false, a 4xx) was sent again at every poll until the deadline.
  it('a resume refused for good is not sent again until the order moves on', () => {
    const first = decide(paused, auto, memory());
    const refused = afterShell(memory(), first, T0, 'error');
    const again = decide(paused, auto, refused);
    expect(again.actions).toEqual([]);
    expect(again.verdict).toBeUndefined();
    expect(again.waitingFor).toContain('resuming it failed');
    expect(again.waitingFor).toContain('waiting for a person to resume it in Yunxiao');
    // the next pause is another matter
    expect(kinds(decide({ ...paused, currentBatch: 2, updateTime: T0 + 60_000 }, auto, refused))).toEqual([
      'resume',
    ]);
  });

  it('resumes only when nothing else is planned', () => {
    const o = { ...paused, machines: [...paused.machines, unreachable('u', 'Pending', { batchNum: 2 })] };
    const p = policy({ resume: 'auto', skipUnreachable: true, maxSkipped: count(1) });
    const first = decide(o, p, memory());
    expect(kinds(first)).toEqual(['skip:u']);
    // the skip went through (not shown yet): now the resume
    expect(kinds(decide(o, p, afterShell(memory(), first, T0)))).toEqual(['resume']);
  });

  it('never resumes with a Failed machine in the order', () => {
    const o = { ...paused, machines: [...paused.machines, machine('f', 'Failed', { updateTime: T0 - 5 })] };
    // the retry is not visible yet
    const mem = memory({ kind: 'retry', machineSn: 'f', seen: { status: 'Failed', updateTime: T0 - 5 } });
    const d = decide(o, policy({ resume: 'auto', retryFailed: 1 }), mem);
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
  });
});

describe('decide: failed machines the policy cannot handle', () => {
  it('fails a paused order at once but keeps watching a running one', () => {
    const ms = [machine('f', 'Failed'), machine('r', 'Running')];
    const paused = decide(order('Waiting', ms), policy(), memory());
    expect(paused.verdict?.result).toBe('failure');
    expect(paused.verdict?.reason).toContain('44178813 is paused on 1 failed machine the gate cannot handle');
    const running = decide(order('Running', ms), policy(), memory());
    expect(running.verdict).toBeUndefined();
    expect(running.waitingFor).toContain('waiting for the batch to settle');
    const unknown = decide(order('Deploying', ms), policy(), memory());
    expect(unknown.verdict).toBeUndefined();
  });

  it('fails a paused order even when another failed machine could be retried', () => {
    const ms = [
      machine('f1', 'Failed'),
      machine('f2', 'Failed', { actions: [{ type: 'RetryVMDeployMachine', disable: true }] }),
    ];
    const d = decide(order('Waiting', ms), policy({ retryFailed: 1 }), memory());
    expect(d.verdict?.result).toBe('failure');
    expect(d.actions).toEqual([]);
    expect(d.verdict?.reason).toContain('f2 (10.0.0.2)');
    expect(d.verdict?.reason).not.toContain('f1');
  });

  it('names at most five machines, then how many more', () => {
    const d = decide(order('Waiting', many(8, 'Failed', 'f')), policy(), memory());
    expect(d.verdict?.reason).toContain('8 failed machines');
    expect(d.verdict?.reason).toContain('f5 (10.0.0.5)');
    expect(d.verdict?.reason).not.toContain('f6');
    expect(d.verdict?.reason).toContain('and 3 more');
  });
});

// ---- on-failure stop ------------------------------------------------------------------------

describe('decide: on-failure stop', () => {
  const stop = policy({ onFailure: 'stop' });

  const retriedOnce = memory({ kind: 'retry', machineSn: 'f', at: iso(T0) });
  it.each<[string, Order, Policy, GateMemory?]>([
    ['paused on a failed machine, retry-failed 0', order('Waiting', [machine('f', 'Failed')]), stop],
    [
      'paused on an unreachable failed machine, skipping off',
      order('Waiting', [unreachable('u', 'Failed')]),
      stop,
    ],
    [
      'retries used up',
      order('Waiting', [machine('f', 'Failed', { updateTime: T0 + 1 })]),
      { ...stop, retryFailed: 1 },
      retriedOnce,
    ],
    [
      'skipped by others over the budget',
      order('Running', [...many(3, 'Running'), machine('s', 'Skipped')]),
      { ...stop, maxSkipped: count(0) },
    ],
    [
      'a skip would exceed the budget',
      order('Running', [...many(3, 'Running'), unreachable('u', 'Queued')]),
      { ...stop, skipUnreachable: true, maxSkipped: count(0) },
    ],
    [
      'skipping disabled on a paused order',
      order('Waiting', [unreachable('u', 'Failed', { actions: [] })]),
      { ...stop, skipUnreachable: true, maxSkipped: count(3) },
    ],
  ])('stops the order once: %s', (_name, o, p, mem = memory()) => {
    const d = decide(o, p, mem);
    expect(d.verdict?.result).toBe('failure');
    expect(kinds(d)).toEqual(['stop']);
    expect(d.actions[0]?.reason).toContain('on-failure: stop');
    // the same failure with on-failure: leave plans nothing
    expect(decide(o, { ...p, onFailure: 'leave' }, mem).actions).toEqual([]);
  });

  it('does not stop a Success order with a failed machine, nor on success or a cancelled order', () => {
    const failedSuccess = decide(order('Success', [machine('f', 'Failed')]), stop, memory());
    expect(failedSuccess.verdict?.result).toBe('failure');
    expect(failedSuccess.actions).toEqual([]);
    expect(decide(order('Success', many(2, 'Success')), stop, memory()).actions).toEqual([]);
    expect(decide(order('Cancelled', many(2, 'Cancelled')), stop, memory()).actions).toEqual([]);
  });

  it('does not stop when the stop action is disabled, or a stop already went through', () => {
    const o = order('Waiting', [machine('f', 'Failed')]);
    const disabled = decide(withDisabled(o, 'StopVMDeployOrder'), stop, memory());
    expect(disabled.verdict?.result).toBe('failure');
    expect(disabled.actions).toEqual([]);
    expect(decide(o, stop, memory({ kind: 'stop' })).actions).toEqual([]);
  });

  it('still tries to stop when the stop action is absent, or an earlier stop failed', () => {
    const o = order('Waiting', [machine('f', 'Failed')]);
    expect(kinds(decide(withoutAction(o, 'StopVMDeployOrder'), stop, memory()))).toEqual(['stop']);
    const failedStop = memory({ kind: 'stop', outcome: 'error', transient: false });
    expect(kinds(decide(o, stop, failedStop))).toEqual(['stop']);
  });
});

describe('actionsOnTimeout', () => {
  const stop = policy({ onFailure: 'stop' });
  const running = order('Running', many(2, 'Running'));

  it.each<[string, Order | undefined, Policy, GateMemory, string[]]>([
    ['running order, on-failure stop', running, stop, memory(), ['stop']],
    ['paused order, on-failure stop', order('Waiting', many(2, 'Success')), stop, memory(), ['stop']],
    ['stop action absent', withoutAction(running, 'StopVMDeployOrder'), stop, memory(), ['stop']],
    ['on-failure leave', running, policy(), memory(), []],
    ['nothing read yet', undefined, stop, memory(), []],
    ['a stop already went through', running, stop, memory({ kind: 'stop' }), []],
    ['stop action disabled', withDisabled(running, 'StopVMDeployOrder'), stop, memory(), []],
    ['order already Success', order('Success', many(1, 'Success')), stop, memory(), []],
    ['order already Cancelled', order('Cancelled', many(1, 'Cancelled')), stop, memory(), []],
  ])('%s', (_name, o, p, mem, expected) => {
    const actions = actionsOnTimeout(o, p, mem);
    expect(kinds(actions)).toEqual(expected);
    for (const a of actions) expect(a.reason).toContain('deadline');
  });
});

// ---- unknown statuses -----------------------------------------------------------------------

describe('decide: unknown statuses', () => {
  it('warns once per unknown value and goes on', () => {
    const o = order('Deploying', [
      machine('a', 'Warming'),
      machine('b', 'Warming'),
      machine('c', 'Running', { clientStatus: 'degraded' }),
      machine('d', 'Running', { clientStatus: 'degraded' }),
    ]);
    const first = decide(o, policy(), memory());
    expect(first.verdict).toBeUndefined();
    expect(first.warnings).toHaveLength(3);
    expect(first.warnings.join('\n')).toContain('"Deploying"');
    expect(first.warnings.join('\n')).toContain('"Warming"');
    expect(first.warnings.join('\n')).toContain('"degraded"');
    expect([...first.newlyWarned].sort()).toEqual(['agent:degraded', 'run:Deploying', 'unit:Warming']);
    const again = decide(o, policy(), afterShell(memory(), first, T0));
    expect(again.warnings).toEqual([]);
    expect(again.newlyWarned).toEqual([]);
    expect(again.verdict).toBeUndefined();
  });

  it('documented statuses and a missing agent status give no warning', () => {
    const d = decide(order('Running', [machine('a', 'Queued', { clientStatus: '' })]), policy(), memory());
    expect(d.warnings).toEqual([]);
    expect(d.newlyWarned).toEqual([]);
  });

  it('never skips or retries a machine in an unknown status, and never ends on one', () => {
    const p = policy({ skipUnreachable: true, retryFailed: 2, resume: 'auto', maxSkipped: count(5) });
    const u = unreachable('u', 'Warming', { actions: machineActions('Failed') });
    const d = decide(order('Running', [u]), p, memory());
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
    expect(d.warnings).toHaveLength(1);
  });
});
