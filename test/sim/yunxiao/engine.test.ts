// The scripted deploy: batches, unreachable hosts, pauses, and the actions as Yunxiao applies them.
import { describe, expect, it } from 'vitest';
import { DeployEngine } from '../../../sim/yunxiao/engine.js';
import { bigOrder, machines, scenario } from '../../../sim/yunxiao/index.js';

const statuses = (e: DeployEngine): string => e.state.machines.map((m) => m.status[0]).join('');

describe('DeployEngine', () => {
  it('runs batch after batch: Queued -> Running -> Success, then the order succeeds', () => {
    const e = new DeployEngine(scenario({ batches: [machines(2, 1), machines(2, 2)] }));
    expect([e.state.status, statuses(e)]).toEqual(['Running', 'QQPP']);
    e.advance();
    expect(statuses(e)).toBe('RRPP');
    e.advance();
    expect([statuses(e), e.state.currentBatch]).toEqual(['SSQQ', 2]);
    e.advance();
    e.advance();
    expect([e.state.status, statuses(e)]).toEqual(['Success', 'SSSS']);
    expect(e.finalAt).toBeDefined();
  });

  it('an unreachable host fails its batch and pauses the order; skipping it lets the deploy go on', () => {
    const b = machines(2, 1);
    b[0] = { ...b[0]!, unreachable: true };
    const e = new DeployEngine(scenario({ batches: [b, machines(1, 2)] }));
    e.advance();
    expect([e.state.status, statuses(e)]).toEqual(['Waiting', 'FRP']);
    expect(e.machineActions(e.bySn.get('m1-01')!)).toContainEqual({
      type: 'SkipVMDeployMachine',
      disable: false,
    });
    expect(e.orderActions()).toContainEqual({ type: 'ResumeVMDeployOrder', disable: true });
    expect(e.skip('m1-01')).toEqual({ ok: true });
    expect(e.state.status).toBe('Running');
    e.advance();
    expect(statuses(e)).toBe('SSQ');
  });

  it('retry requeues a failed machine; a machine that always fails fails again', () => {
    const e = new DeployEngine(scenario({ batches: [machines(1, 1, { failTimes: Infinity })] }));
    e.advance();
    e.advance();
    expect([e.state.status, statuses(e)]).toEqual(['Waiting', 'F']);
    expect(e.retry('m1-01')).toEqual({ ok: true });
    expect([e.state.status, statuses(e)]).toEqual(['Running', 'Q']);
    expect(e.retry('m1-01').ok).toBe(false); // only a Failed machine can be retried
  });

  it('pauses between batches until resumed', () => {
    const e = new DeployEngine(
      scenario({ batches: [machines(1, 1), machines(1, 2)], pauseBetweenBatches: true }),
    );
    e.advance();
    e.advance();
    expect([e.state.status, e.state.currentBatch]).toEqual(['Waiting', 1]);
    e.advance();
    expect(e.state.status).toBe('Waiting');
    expect(e.resume()).toEqual({ ok: true });
    expect([e.state.status, e.state.currentBatch, statuses(e)]).toEqual(['Running', 2, 'SQ']);
  });

  it('stop cancels the order and every unfinished machine; disabled actions are refused', () => {
    const e = new DeployEngine(
      scenario({ batches: [machines(2, 1, { skipDisabled: true }), machines(1, 2)] }),
    );
    e.advance();
    expect(e.skip('m1-01')).toMatchObject({ ok: false, status: 400 });
    expect(e.stop()).toEqual({ ok: true });
    expect([e.state.status, statuses(e)]).toEqual(['Cancelled', 'CCC']);
    expect(e.stop().ok).toBe(false);
  });

  it('plays scheduled events: a skip by someone else, a cancel in Yunxiao', () => {
    const e = new DeployEngine(
      scenario({
        batches: [machines(3, 1, { runTicks: 9 })],
        events: [
          { atTick: 1, kind: 'skip-by-other', sn: 'm1-02' },
          { atTick: 2, kind: 'cancel' },
        ],
      }),
    );
    e.advance();
    expect(statuses(e)).toBe('RSR');
    e.advance();
    expect(e.state.status).toBe('Cancelled');
  });
});

describe('DeployEngine: more of the script', () => {
  it('failTimes: fails that many times, each retry consumes one, then succeeds', () => {
    const e = new DeployEngine(scenario({ batches: [machines(1, 1, { failTimes: 2 })] }));
    const failAndRetry = (): void => {
      e.advance(); // Queued -> Running
      e.advance(); // Running -> Failed
      expect([e.state.status, statuses(e)]).toEqual(['Waiting', 'F']);
      expect(e.retry('m1-01')).toEqual({ ok: true });
    };
    failAndRetry();
    failAndRetry();
    e.advance();
    e.advance();
    expect([e.state.status, statuses(e)]).toEqual(['Success', 'S']);
  });

  it('an unreachable host of a later batch stays Pending (clientStatus error) until its batch runs', () => {
    const e = new DeployEngine(
      scenario({ batches: [machines(1, 1), [{ sn: 'x', ip: '10.1.1.1', unreachable: true }]] }),
    );
    const x = e.bySn.get('x')!;
    expect([x.status, x.clientStatus]).toEqual(['Pending', 'error']);
    e.advance();
    e.advance(); // batch 1 done, batch 2 starts: x Queued
    expect([x.status, e.state.currentBatch]).toEqual(['Queued', 2]);
    e.advance();
    expect([x.status, x.clientStatus, e.state.status]).toEqual(['Failed', 'error', 'Waiting']);
    expect(e.resume().ok).toBe(false); // resume is refused while a machine is Failed
    expect(e.orderActions()).toEqual([
      { type: 'StopVMDeployOrder', disable: false },
      { type: 'ResumeVMDeployOrder', disable: true },
    ]);
  });

  it('skipping machines of a later batch ahead of time: an all-skipped batch ends at once', () => {
    const e = new DeployEngine(scenario({ batches: [machines(1, 1), machines(2, 2), machines(1, 3)] }));
    expect(e.skip('m2-01')).toEqual({ ok: true });
    expect(e.skip('m2-02')).toEqual({ ok: true });
    e.advance();
    e.advance();
    expect(e.state.currentBatch).toBe(3);
    expect(e.state.machines.map((m) => m.status)).toEqual(['Success', 'Skipped', 'Skipped', 'Queued']);
  });

  it('agent-lost: a running machine whose agent stops answering fails', () => {
    const e = new DeployEngine(
      scenario({
        batches: [machines(2, 1, { runTicks: 3 })],
        events: [{ atTick: 2, kind: 'agent-lost', sn: 'm1-02' }],
      }),
    );
    e.advance();
    e.advance();
    expect(e.bySn.get('m1-02')).toMatchObject({ status: 'Failed', clientStatus: 'error' });
    expect(e.state.status).toBe('Waiting');
  });

  it('runTicks Infinity never finishes (for timeouts)', () => {
    const e = new DeployEngine(scenario({ batches: [machines(1, 1, { runTicks: Infinity })] }));
    for (let i = 0; i < 500; i++) e.advance();
    expect([e.state.status, statuses(e), e.finalAt]).toEqual(['Running', 'R', undefined]);
  });

  it('once final, every action is disabled and refused', () => {
    const e = new DeployEngine(scenario({ batches: [machines(2, 1)] }));
    e.stop();
    for (const m of e.state.machines) {
      expect(e.machineActions(m).filter((a) => a.type !== 'LogVMDeployMachine')).toEqual([
        { type: 'RetryVMDeployMachine', disable: true },
        { type: 'SkipVMDeployMachine', disable: true },
      ]);
    }
    expect(e.orderActions().every((a) => a.disable)).toBe(true);
    expect(e.skip('m1-01').ok).toBe(false);
    expect(e.resume().ok).toBe(false);
  });

  it('retryDisabled and unknown machines are refused; a cancel event after the end changes nothing', () => {
    const e = new DeployEngine(
      scenario({
        batches: [[{ sn: 'a', ip: '10.0.0.1', failTimes: Infinity, retryDisabled: true }]],
        events: [{ atTick: 9, kind: 'cancel' }],
      }),
    );
    e.advance();
    e.advance();
    expect(e.retry('a')).toMatchObject({ ok: false, status: 400 });
    expect(e.skip('nope')).toMatchObject({ ok: false, status: 404 });
    e.skip('a');
    expect(e.state.status).toBe('Success');
    for (let i = 0; i < 10; i++) e.advance();
    expect(e.state.status).toBe('Success');
  });

  it('rejects a scenario with two machines of the same sn', () => {
    expect(() => new DeployEngine(scenario({ batches: [machines(1, 1), machines(1, 1)] }))).toThrow(
      /duplicate/,
    );
  });

  it('a 10,000-machine order: thousands of skips and ticks run to the end', () => {
    const s = scenario({ batches: bigOrder(10_000, 4) });
    const e = new DeployEngine(s);
    expect(e.state.machines).toHaveLength(10_000);
    for (const m of e.state.machines.slice(0, 2_500)) expect(e.skip(m.spec.sn)).toEqual({ ok: true });
    expect(e.state.currentBatch).toBe(2); // the first batch, all skipped, ended
    let ticks = 0;
    while (!e.isFinal() && ticks < 100) {
      e.advance();
      ticks++;
    }
    expect([e.state.status, ticks]).toEqual(['Success', 6]);
    expect(e.countIn(4, 'Success')).toBe(2_500);
  });
});
