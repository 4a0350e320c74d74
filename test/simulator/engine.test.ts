// The scripted deploy: batches, unreachable hosts, pauses, and the actions as Yunxiao applies them.
import { describe, expect, it } from 'vitest';
import { DeployEngine } from '../../src/simulator/engine.js';
import { machines, scenario } from '../../src/simulator/index.js';

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
