// Never hang, never lose the outputs (issue: a verdict and a log that nothing can forge, item 7).
// `timeout` is the bound a user plans for: the process exits within it plus 10 s whatever hangs,
// and what it knows is written first.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { machines } from '../../sim/yunxiao/index.js';
import { startFakeGithub } from '../support/fake-github.js';
import { readRunnerLog } from '../support/runner-log.js';
import { gate, waitForCalls } from './support.js';

const forever = { batches: [machines(3, 1, { runTicks: Infinity })] };
const BOUND_MS = 10_000;

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((s) => void sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('the timeout bounds the whole run', () => {
  it('a GitHub API that does not answer cannot hold the gate past the deadline', async () => {
    const silent = await silentServer();
    try {
      const { run } = await gate(
        forever,
        { environment: 'production', timeout: '3s' },
        {},
        { env: { GITHUB_API_URL: silent.url } },
      );
      expect(run.wallMs).toBeLessThan(3000 + BOUND_MS);
      expect(run.outputs['result']).toBe('timed-out');
      expect(run.summary).toContain('Deploy gate timed out');
      expect(run.stdout).toMatch(/::warning::environment: GitHub refused to create a deployment/);
    } finally {
      await silent.close();
    }
  });

  it('a hung retry, stop, log and GitHub status: within timeout + 10 s, everything written, the retry in the report', async () => {
    const gh = await startFakeGithub({ hang: 'final-status' });
    const b1 = [...machines(1, 1, { failTimes: Infinity }), ...machines(1, 1, { runTicks: Infinity })];
    b1[1] = { ...b1[1]!, sn: 'm1-02', ip: '10.0.1.2' };
    try {
      const { run } = await gate(
        { batches: [b1] },
        { 'retry-failed': '1', 'on-failure': 'stop', environment: 'production', timeout: '3s' },
        {
          faults: [
            { operation: 'RetryVMDeployMachine', kind: 'hang' },
            { operation: 'StopVMDeployOrder', kind: 'hang' },
            { operation: 'GetVMDeployMachineLog', kind: 'hang' },
          ],
        },
        { env: { GITHUB_API_URL: gh.url } },
      );
      expect(run.wallMs).toBeLessThan(3000 + BOUND_MS);
      expect(run.signal).toBeNull();
      expect(run.outputs['result']).toBe('timed-out');
      expect(run.summary).toContain('Deploy gate timed out');
      const actions = run.report?.['actions'] as Array<Record<string, unknown>>;
      // sent, then the deadline came: recorded with its outcome unknown, never forgotten
      expect(actions.find((a) => a['kind'] === 'retry')).toMatchObject({
        machineSn: 'm1-01',
        outcome: 'unknown',
      });
      expect(actions.find((a) => a['kind'] === 'stop')).toMatchObject({ outcome: 'unknown' });
      // not shown as skipped or retried by someone else
      expect(run.summary).not.toContain('by someone else');
    } finally {
      await gh.close();
    }
  });

  it('deadline first, then a cancel: the waits after the deadline end at once, and the results are written', async () => {
    let sentAt = 0;
    const { run } = await gate(
      forever,
      { 'on-failure': 'stop', timeout: '2s', 'poll-interval': '200ms' },
      { faults: [{ operation: 'StopVMDeployOrder', kind: 'hang' }] },
      {
        whileRunning: (child, s) =>
          void waitForCalls(s, 'StopVMDeployOrder', 1).then(() => {
            sentAt = Date.now();
            child.kill('SIGINT');
          }),
      },
    );
    expect(sentAt).toBeGreaterThan(0);
    expect(Date.now() - sentAt).toBeLessThan(3000);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('timed-out');
    expect(run.summary).toContain('Deploy gate timed out');
    expect(run.report?.['verdict']).toMatchObject({ result: 'timed-out' });
  });

  it('a cancel in the first milliseconds: the process still finishes and writes the result', async () => {
    // The entry point says it started (a debug line) right after its signal handlers are in place,
    // before the rest of the action loads: the cancel comes as soon as that line does.
    const { run } = await gate(
      forever,
      { timeout: '30s' },
      {},
      {
        whileRunning: (child) => {
          let sent = false;
          child.stdout?.on('data', (d: Buffer) => {
            if (!sent && d.toString().includes('::debug::yunxiao-deploy-gate ')) {
              sent = true;
              child.kill('SIGINT');
            }
          });
        },
      },
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('cancelled');
  });

  it('signals after the first never kill the process before it is done', async () => {
    const { run } = await gate(
      forever,
      { 'stop-on-cancel': 'true', timeout: '30s', 'poll-interval': '200ms' },
      { faults: [{ operation: 'StopVMDeployOrder', kind: 'slow', delayMs: 800 }] },
      {
        whileRunning: (child, s) =>
          void waitForCalls(s, 'GetVMDeployOrder', 2).then(() => {
            for (const ms of [0, 100, 400, 900, 1300]) setTimeout(() => child.kill('SIGINT'), ms);
            setTimeout(() => child.kill('SIGTERM'), 500);
          }),
      },
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('cancelled');
    expect(run.report?.['stoppedOnCancel']).toBe(true);
  });
});

describe('answers have a size bound', () => {
  it('a deploy log of hundreds of MB: a warning, the verdict and the outputs as usual', async () => {
    const { run } = await gate(
      { batches: [machines(1, 1, { failTimes: Infinity })] },
      {},
      { faults: [{ operation: 'GetVMDeployMachineLog', kind: 'huge', size: 400 * 1024 * 1024, times: 9 }] },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.outputs['failed-machines']).toBe('["m1-01"]');
    expect(run.stdout).toMatch(
      /::warning::Could not fetch the deploy log of machine m1-01: .*larger than 16 MiB/,
    );
    expect(run.wallMs).toBeLessThan(15_000);
  });

  it('a deploy order answer of 1.5 GiB is refused without reading it', async () => {
    const { run } = await gate(
      {},
      { timeout: '60s' },
      {
        faults: [
          {
            operation: 'GetVMDeployOrder',
            kind: 'huge',
            size: 1.5 * 1024 * 1024 * 1024,
            declare: true,
            times: 9,
          },
        ],
      },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/larger than 64 MiB/);
    expect(run.wallMs).toBeLessThan(10_000);
  });
});

describe('the verdict is never lost', () => {
  it('an unwritable GITHUB_OUTPUT still shows the verdict in the log and the summary', async () => {
    const { run } = await gate({}, {}, {}, { env: { GITHUB_OUTPUT: '/nonexistent/dir/github_output' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::Could not write the step outputs \(GITHUB_OUTPUT\)/);
    expect(run.stdout).toContain('Deploy order 44178813 succeeded');
    expect(run.summary).toContain('Deploy succeeded');
    expect(readRunnerLog(run.stdout).commands.filter((c) => c.name === 'warning')).toHaveLength(1);
  });

  it('after on-failure: stop, the outputs and the summary show the order as the stop left it', async () => {
    const { run, sim } = await gate(
      { batches: [machines(1, 1, { failTimes: Infinity }), machines(2, 2)] },
      { 'on-failure': 'stop' },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(sim.order().status).toBe('Cancelled');
    expect(run.outputs['status']).toBe('Cancelled');
    expect(run.summary).not.toContain('| Status | Waiting |');
  });
});
