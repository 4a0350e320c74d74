// The workflow cancelled mid-watch: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills
// the process 2.5 s after that. Everything must be written, and the process gone, before the kill.
import { describe, expect, it } from 'vitest';
import { machines } from '../../sim/yunxiao/index.js';
import { count, gate, waitForCalls } from './support.js';

const forever = { batches: [machines(3, 1, { runTicks: Infinity })] };
const RUNNER_KILL_MS = 10_000;

describe('cancellation', () => {
  it('stop-on-cancel: stops the order, writes outputs, report and summary, exits non-zero in time', async () => {
    let sentAt = 0;
    const { run, ops, sim } = await gate(
      forever,
      { 'stop-on-cancel': 'true', 'poll-interval': '200ms', timeout: '1m' },
      {},
      {
        whileRunning: (child, s) => {
          void waitForCalls(s, 'GetVMDeployOrder', 3).then(() => {
            sentAt = Date.now();
            child.kill('SIGINT');
            // a second signal must not lose anything
            setTimeout(() => child.kill('SIGTERM'), 50);
          });
        },
      },
    );
    const afterSignal = sim.requests.filter((r) => r.at >= sentAt);
    expect(run.code).not.toBe(0);
    expect(run.signal).toBeNull();
    expect(count(ops, 'StopVMDeployOrder')).toBe(1);
    expect(afterSignal.find((r) => r.operation === 'StopVMDeployOrder')!.at - sentAt).toBeLessThan(5000);
    expect(sim.order().status).toBe('Cancelled');
    expect(run.outputs['result']).toBe('cancelled');
    expect(run.outputs['deploy-order-id']).toBe('44178813');
    expect(run.summary).toContain('Deploy cancelled');
    expect(run.summary).toContain('the deploy order was **stopped**');
    expect(run.summary).toContain('https://flow.aliyun.com/pipelines/1234567/builds/88');
    expect(run.report?.['stoppedOnCancel']).toBe(true);
    expect(run.wallMs).toBeGreaterThan(0);
    expect(Date.now() - sentAt).toBeLessThan(RUNNER_KILL_MS);
  });

  it('without stop-on-cancel: leaves the order running and says so', async () => {
    const { run, ops, sim } = await gate(
      forever,
      { 'poll-interval': '200ms', timeout: '1m' },
      {},
      {
        whileRunning: (child, s) =>
          void waitForCalls(s, 'GetVMDeployOrder', 2).then(() => child.kill('SIGINT')),
      },
    );
    expect(run.code).not.toBe(0);
    expect(count(ops, 'StopVMDeployOrder')).toBe(0);
    expect(sim.order().status).toBe('Running');
    expect(run.outputs['result']).toBe('cancelled');
    expect(run.summary).toContain('the deploy order was **left running**');
  });

  it('a stop that hangs is abandoned within the window', async () => {
    let sentAt = 0;
    const { run } = await gate(
      forever,
      { 'stop-on-cancel': 'true', 'poll-interval': '200ms', timeout: '1m' },
      { faults: [{ operation: 'StopVMDeployOrder', kind: 'hang' }] },
      {
        whileRunning: (child, s) =>
          void waitForCalls(s, 'GetVMDeployOrder', 2).then(() => {
            sentAt = Date.now();
            child.kill('SIGINT');
          }),
      },
    );
    expect(run.outputs['result']).toBe('cancelled');
    expect(run.summary).toContain('left running');
    expect(Date.now() - sentAt).toBeLessThan(RUNNER_KILL_MS - 2000);
  });
});
