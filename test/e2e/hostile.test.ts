// A server that sends what it should not (issue: a verdict and a log that nothing can forge). The
// bundled action runs against the simulator with answers rewritten by a hostile hand, and its stdout
// is read the way the runner reads it.
import { describe, expect, it } from 'vitest';
import { everything } from '../../scripts/lib/runner.js';
import { machines, type Reply } from '../../sim/yunxiao/index.js';
import { readRunnerLog, type RunnerLog } from '../support/runner-log.js';
import { count, gate, TOKEN } from './support.js';

const HOSTILE = {
  sn: '::error::PWNED-SN',
  ip: '  ::add-mask::failure',
  clientStatus: 'x##[error]PWNED-CS',
  exceptionCode: 'E1\r::warning::PWNED-EX',
  jobName: '::stop-commands::pwn-job',
  orderStatus: 'Run\r::error::PWNED-STATUS',
};
const HOSTILE_LOG = [
  'deploy step 1',
  '::stop-commands::pwn-log',
  '::error::PWNED-LOG1',
  'x ##[error]PWNED-LOG2',
  'y\r::add-mask::failure',
  '  ::warning::PWNED-LOG3',
  '\u001b]8;;https://evil.example\u0007click me\u001b]8;;\u0007 \u001b[31mred\u001b[0m',
  'right-to-left \u202eoverride',
  'deploy failed: exit 1',
].join('\n');

/** Rewrites the JSON of one operation's successful answers. */
function rewriteJson(
  operation: string,
  change: (body: Record<string, unknown>) => void,
): (op: string, reply: Reply) => Reply {
  return (op, reply) => {
    if (op !== operation || reply.status !== 200) return reply;
    const body = JSON.parse(reply.body.toString()) as Record<string, unknown>;
    change(body);
    return { ...reply, body: JSON.stringify(body) };
  };
}

type Machines = { deployMachineInfo: { deployMachines: Array<Record<string, unknown>> } };

/** What the gate itself may say to the runner: nothing that came from the server as a command. */
function expectOnlyOwnCommands(log: RunnerLog): void {
  const own = new Set(['add-mask', 'warning', 'error', 'debug', 'group', 'endgroup', 'stop-commands']);
  for (const c of log.commands) {
    expect(own.has(c.name) || /^[0-9a-f]{32}$/.test(c.name), c.line).toBe(true);
    expect(c.data.startsWith('PWNED'), c.line).toBe(false);
  }
  for (const mask of log.commands.filter((c) => c.name === 'add-mask')) expect(mask.data).not.toBe('failure');
  // every stop-commands of the gate is its own fresh token, and each is resumed
  const stops = log.commands.filter((c) => c.name === 'stop-commands').map((c) => c.data);
  for (const token of stops) {
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(log.commands.some((c) => c.name === token)).toBe(true);
  }
  expect(new Set(stops).size).toBe(stops.length);
  expect(log.stoppedAtEnd).toBe(false);
}

describe('server text never becomes a workflow command', () => {
  it('SN, IP, agent status, exception code, job name and deploy log: no command but the gate’s own', async () => {
    const order = rewriteJson('GetVMDeployOrder', (o) => {
      o['exceptionCode'] = HOSTILE.exceptionCode;
      const other = (o as unknown as Machines).deployMachineInfo.deployMachines.find(
        (m) => m['machineSn'] === 'm1-02',
      );
      if (other) other['clientStatus'] = HOSTILE.clientStatus;
    });
    const logs = rewriteJson('GetVMDeployMachineLog', (l) => (l['deployLog'] = HOSTILE_LOG));
    const { run } = await gate(
      {
        jobs: [{ identifier: 'deploy_prod', jobName: HOSTILE.jobName, jobId: '5550002' }],
        batches: [
          [
            { sn: HOSTILE.sn, ip: HOSTILE.ip, failTimes: Infinity },
            { sn: 'm1-02', ip: '10.0.1.2', runTicks: 2 },
          ],
        ],
      },
      {},
      { rewrite: (op, r) => logs(op, order(op, r)) },
    );
    expect(run.code).toBe(1);
    const log = readRunnerLog(run.stdout);
    expectOnlyOwnCommands(log);
    // the gate's failure message and its annotations still come through
    const errors = log.commands.filter((c) => c.name === 'error');
    expect(errors.some((e) => e.data.startsWith('Deploy order 44178813 is paused on 1 failed machine'))).toBe(
      true,
    );
    expect(errors.some((e) => e.props['title']?.startsWith('Machine ::error::PWNED-SN'))).toBe(true);
    // the log excerpt is there, fenced, without escapes or bidi controls
    expect(run.stdout).toContain('PWNED-LOG1');
    expect(run.stdout).toContain('click me');
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run.summary).not.toMatch(/[\u001b\u202e]/);
    expect(run.outputs['failed-machines']).toBe(JSON.stringify([HOSTILE.sn]));
  });

  it('the order status in the wait: false reason and the change lines', async () => {
    const { run } = await gate(
      {},
      { wait: 'false' },
      { rewrite: rewriteJson('GetVMDeployOrder', (o) => (o['status'] = HOSTILE.orderStatus)) },
    );
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('in-progress');
    expectOnlyOwnCommands(readRunnerLog(run.stdout));
    expect(run.stdout).toContain('PWNED-STATUS');
  });
});

describe('the summary and the report never render server text', () => {
  it('an error message with HTML, a markdown link and bidi controls is shown as text', async () => {
    const message =
      '<img src="https://track.example/p.png"> [click here](https://phish.example/login) \u202eevil';
    const { run } = await gate(
      {},
      {},
      {
        rewrite: (op, r) =>
          op === 'ListPipelineJobs'
            ? { status: 403, body: JSON.stringify({ errorCode: 'Forbidden', errorMessage: message }) }
            : r,
      },
    );
    expect(run.code).toBe(1);
    expect(run.summary).toContain('no deploy order to watch');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toContain('](https://phish');
    expect(run.summary).not.toContain('https://phish');
    expect(run.summary).not.toContain('\u202e');
    expect(run.summary).toContain('&lt;img src=');
    expectOnlyOwnCommands(readRunnerLog(run.stdout));
  });

  it('the JSON report is valid UTF-8 even when the answer is not', async () => {
    const { run } = await gate(
      {},
      {},
      {
        rewrite: (op, r) => {
          if (op !== 'GetVMDeployOrder' || r.status !== 200) return r;
          const text = r.body.toString().replace('"hostName":"web-1-2"', '"hostName":"web-\u202e2"');
          const [before, after] = text.split('"hostName":"web-1-1"');
          if (after === undefined) return { ...r, body: text };
          const bad = Buffer.from([0xff, 0xfe, 0xc3]); // not UTF-8
          return {
            ...r,
            body: Buffer.concat([Buffer.from(`${before}"hostName":"web-`), bad, Buffer.from(`"${after}`)]),
          };
        },
      },
    );
    expect(run.code).toBe(0);
    const bytes = run.reportBytes ?? Buffer.alloc(0);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // throws on invalid UTF-8
    const report = JSON.parse(text) as { deployOrder: Machines };
    expect(text).not.toContain('\u202e');
    const hosts = report.deployOrder.deployMachineInfo.deployMachines.map((m) => m['hostName']);
    expect(hosts).toContain('web-\u202e2'); // the same data, escaped in the file
    expect(hosts).toContain('web-\ufffd\ufffd\ufffd');
  });
});

describe('no piece of a credential anywhere', () => {
  it('a token split by invisible characters, and one echoed in server data, never shows', async () => {
    const hidden = TOKEN.match(/.{1,4}/g)!.join('\u200e');
    const { run } = await gate(
      { batches: [machines(1, 1, { failTimes: Infinity })] },
      {},
      {
        rewrite: (op, r) => {
          if (op === 'GetVMDeployMachineLog')
            return { ...r, body: JSON.stringify({ deployLog: `auth failed for ${TOKEN}\nsplit ${hidden}` }) };
          if (op === 'GetVMDeployOrder' && r.status === 200) {
            const o = JSON.parse(r.body.toString()) as Record<string, unknown>;
            o['creator'] = `someone ${TOKEN}`;
            return { ...r, body: JSON.stringify(o) };
          }
          return r;
        },
      },
    );
    expect(run.outputs['result']).toBe('failure');
    const seen = everything(run);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(seen).not.toContain(TOKEN.slice(i, i + 8));
    expect(run.stdout).toContain('auth failed for ***');
  });

  it('a 403 whose message holds the token split by escapes: redacted in log, summary and report', async () => {
    const hidden = TOKEN.match(/.{1,4}/g)!.join('\u001b[0m');
    const { run } = await gate(
      {},
      {},
      {
        rewrite: (op, r) =>
          op === 'GetVMDeployOrder'
            ? {
                status: 403,
                body: JSON.stringify({ errorCode: 'Forbidden', errorMessage: `token ${hidden} refused` }),
              }
            : r,
      },
    );
    expect(run.outputs['result']).toBe('failure');
    const seen = everything(run);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(seen).not.toContain(TOKEN.slice(i, i + 8));
    expect(run.stdout).toContain('token *** refused');
  });

  it('an error page echoing the request headers, the cut inside the token', async () => {
    const page = `<html><body><pre>GET /x HTTP/1.1\nuser-agent: yunxiao-deploy-gate\n${'h'.repeat(90)}\nx-yunxiao-token: ${TOKEN}\n</pre></body></html>`;
    const { run } = await gate(
      {},
      {},
      {
        faults: [
          { operation: 'GetVMDeployOrder', kind: 'answer', body: page, contentType: 'text/html', times: 5 },
        ],
      },
    );
    expect(run.code).toBe(1);
    const seen = everything(run);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(seen).not.toContain(TOKEN.slice(i, i + 8));
    expect(run.outputs['result']).toBe('failure');
    expect(run.outputs['status']).toBe('');
  });
});

describe('a server that floods', () => {
  it('a new undocumented status for every machine at every poll: bounded warnings, log and report, and a verdict', async () => {
    let poll = 0;
    const { run } = await gate(
      { batches: [machines(2000, 1, { runTicks: Infinity })] },
      { timeout: '6s', 'poll-interval': '200ms' },
      {
        rewrite: rewriteJson('GetVMDeployOrder', (o) => {
          poll++;
          for (const m of (o as unknown as Machines).deployMachineInfo.deployMachines)
            m['status'] = `Odd-${poll}-${String(m['machineSn'])}-${'x'.repeat(1000)}`;
        }),
      },
    );
    expect(run.outputs['result']).toBe('timed-out');
    expect(run.signal).toBeNull();
    expect(readRunnerLog(run.stdout).commands.filter((c) => c.name === 'warning').length).toBeLessThanOrEqual(
      22,
    );
    expect(run.stdout.length).toBeLessThan(2_000_000);
    expect((run.report?.['warnings'] as string[]).length).toBeLessThanOrEqual(21);
  });

  it('an error message of megabytes: one bounded line', async () => {
    const { run } = await gate(
      {},
      {},
      {
        rewrite: (op, r) =>
          op === 'ListPipelineJobs'
            ? {
                status: 403,
                body: JSON.stringify({ errorCode: 'Forbidden', errorMessage: 'y'.repeat(3_000_000) }),
              }
            : r,
      },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout.length).toBeLessThan(20_000);
  });

  it('bad answers of changing kinds fail within seconds too', async () => {
    const kinds = ['<html><body>login</body></html>', '{"deployOrderId": 4417', ''];
    const faults = kinds.map((body, i) => ({
      operation: 'GetVMDeployOrder',
      kind: 'answer' as const,
      body,
      after: 1 + i,
      times: 1,
    }));
    const { run } = await gate({}, { timeout: '60s' }, { faults });
    expect(run.outputs['result']).toBe('failure');
    expect(run.wallMs).toBeLessThan(10_000);
    expect(run.stdout).toContain('3 bad answers in a row');
  });

  it('a redirect is not followed and not read as an answer', async () => {
    const { run } = await gate(
      {},
      {},
      {
        rewrite: (op, r) =>
          op === 'GetVMDeployOrder'
            ? { ...r, status: 302, headers: { location: 'https://elsewhere.example/deploy' } }
            : r,
      },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/HTTP 302.*redirect to https:\/\/elsewhere\.example\/deploy/);
  });
});

describe('success only when the deploy really succeeded', () => {
  it('an order that says Success while its machines are still Running fails, naming them', async () => {
    const { run } = await gate(
      {},
      {},
      { rewrite: rewriteJson('GetVMDeployOrder', (o) => (o['status'] = 'Success')) },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(run.outputs['status']).toBe('Success');
    expect(
      readRunnerLog(run.stdout).commands.find((c) => c.name === 'error' && !c.props['title'])?.data,
    ).toMatch(
      /ended Success, but 4 machines did not deploy: m1-01 \(10\.0\.1\.1\): Running, m1-02 \(10\.0\.1\.2\): Running, m2-01 \(10\.0\.2\.1\): Pending/,
    );
  });

  it('an answer about another deploy order is an error, not a verdict', async () => {
    const { run } = await gate(
      {},
      {},
      {
        rewrite: rewriteJson('GetVMDeployOrder', (o) => {
          o['deployOrderId'] = 99;
          o['status'] = 'Success';
        }),
      },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toContain('the answer is about deploy order "99", not deploy order 44178813');
    expect(run.wallMs).toBeLessThan(10_000);
  });

  it('an SN twice in one answer is acted on once, with a warning', async () => {
    const dup = rewriteJson('GetVMDeployOrder', (o) => {
      const list = (o as unknown as Machines).deployMachineInfo.deployMachines;
      const u = list.find((m) => m['machineSn'] === 'm1-02');
      if (u) list.push({ ...u });
    });
    const b1 = machines(2, 1);
    b1[1] = { ...b1[1]!, unreachable: true };
    const { run, sim } = await gate(
      { batches: [b1, machines(8, 2)] },
      { 'skip-unreachable': 'true', 'max-skipped': '2' },
      { rewrite: dup },
    );
    expect(run.code).toBe(0);
    expect(sim.requests.filter((r) => r.operation === 'SkipVMDeployMachine')).toHaveLength(1);
    expect(run.stdout).toMatch(/::warning::Machine "m1-02" appears more than once/);
  });
});

describe("Yunxiao's clock is compared only with Yunxiao's clock", () => {
  it.each<[string, { offsetMs: number } | { fixed: number }]>([
    ['an hour behind', { offsetMs: -3_600_000 }],
    ['an hour ahead', { offsetMs: 3_600_000 }],
    ['fixed, years in the past', { fixed: Date.UTC(2019, 4, 1) }],
  ])(
    'the server clock %s: retries and resumes go through, and the gate passes',
    async (_name, serverTime) => {
      const b1 = machines(2, 1);
      b1[0] = { ...b1[0]!, failTimes: 1 };
      const { run, ops } = await gate(
        { batches: [b1, machines(2, 2), machines(2, 3)], pauseBetweenBatches: true },
        { 'retry-failed': '1', resume: 'auto', timeout: '20s' },
        { serverTime },
      );
      expect(run.outputs['result']).toBe('success');
      expect(count(ops, 'RetryVMDeployMachine')).toBe(1);
      expect(count(ops, 'ResumeVMDeployOrder')).toBe(2);
    },
  );
});

describe('a bad answer: retried when it is a blip, a clear failure when it is not', () => {
  it.each<[string, string]>([
    ['truncated JSON', '{"deployOrderId": 44178813, "stat'],
    ['an empty body', ''],
    ['null', 'null'],
    ['plain text', 'upstream connect error'],
  ])('one garbled 200 (%s) in a healthy deploy is ridden out', async (_what, body) => {
    const { run } = await gate(
      {},
      {},
      { faults: [{ operation: 'GetVMDeployOrder', kind: 'answer', body, after: 2, times: 1 }] },
    );
    expect(run.outputs['result']).toBe('success');
  });

  it('an HTML page with 200 on every read fails within seconds, with the login-page hint', async () => {
    const page = '<!DOCTYPE html><html><head><title>Sign in to continue</title></head></html>';
    const { run } = await gate(
      {},
      { timeout: '60s' },
      {
        faults: [
          {
            operation: 'GetVMDeployOrder',
            kind: 'answer',
            body: page,
            contentType: 'text/html',
            after: 1,
            times: 99,
          },
        ],
      },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.wallMs).toBeLessThan(10_000);
    const failure = readRunnerLog(run.stdout).commands.find((c) => c.name === 'error' && !c.props['title']);
    expect(failure?.data).toContain('HTTP 200');
    expect(failure?.data).toContain('text/html');
    expect(failure?.data).toContain('Sign in to continue');
    expect(failure?.data).toMatch(/login page/);
  });

  it('a timed-out verdict names the last error seen', async () => {
    const { run } = await gate(
      { batches: [machines(1, 1, { runTicks: Infinity })] },
      { timeout: '2s' },
      { faults: [{ operation: 'GetVMDeployOrder', kind: '502-html', after: 2, times: 999 }] },
    );
    expect(run.outputs['result']).toBe('timed-out');
    expect(run.stdout).toMatch(
      /::error::Deploy order 44178813 did not finish within 2s .*Last error: GetVMDeployOrder failed: HTTP 502/,
    );
  });

  it('a token with a control character is a bad input, reported before any request', async () => {
    const { run, sim } = await gate({}, { token: `${TOKEN}\u0007` });
    expect(run.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(run.stdout).toMatch(/token: \(value hidden\) has a control character/);
    expect(run.outputs['result']).toBe('failure');
  });
});
