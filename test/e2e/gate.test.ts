// The bundled action against the simulator, end to end, for each capability of the gate.
import { describe, expect, it } from 'vitest';
import { everything } from '../../scripts/lib/runner.js';
import { machines } from '../../sim/yunxiao/index.js';
import { count, gate, ORG, TOKEN } from './support.js';

const BIG = '9007199254740993'; // above 2^53: a JS number would read it as ...992

describe('success in both editions', () => {
  it.each(['central', 'region'] as const)(
    '%s edition: resolves the order through the job chain and passes',
    async (edition) => {
      const { run, sim, ops } = await gate({}, {}, { edition });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({
        result: 'success',
        status: 'Success',
        'deploy-order-id': '44178813',
        'pipeline-run-id': '88',
        'job-id': '5550002',
        'job-name': 'Deploy to production',
        'current-batch': '2',
        'total-batch': '2',
        'machines-total': '4',
        'machines-succeeded': '4',
        'machines-failed': '0',
        'machines-skipped': '0',
        'skipped-machines': '[]',
        'failed-machines': '[]',
      });
      expect(ops.slice(0, 3)).toEqual(['ListPipelineJobs', 'ListPipelineJobHistorys', 'GetPipelineRun']);
      const orgSegment = `/organizations/${ORG}/`;
      expect(sim.requests.every((r) => r.path.includes(orgSegment) === (edition === 'central'))).toBe(true);
      expect(sim.requests.every((r) => r.headers['x-yunxiao-token'] === TOKEN)).toBe(true);
      expect(sim.requests[0]?.headers['user-agent']).toMatch(/^yunxiao-deploy-gate\/\d+\.\d+\.\d+/);
      expect(run.summary).toContain('Deploy succeeded');
      expect(run.report?.['verdict']).toMatchObject({ result: 'success' });
      expect(everything(run)).not.toContain(TOKEN);
    },
  );
});

describe('resolution', () => {
  it('deploy-order-id: watches it with no job lookup', async () => {
    const { run, ops } = await gate({}, { 'deploy-order-id': '44178813' });
    expect(run.code).toBe(0);
    expect(ops.every((o) => o === 'GetVMDeployOrder')).toBe(true);
  });

  it('pipeline-run-id: reads the run, and waits for its deploy job to appear', async () => {
    const { run, ops } = await gate({ deployJobAppearsAfterReads: 3 }, { 'pipeline-run-id': '88' });
    expect(run.code).toBe(0);
    expect(count(ops, 'ListPipelineJobs')).toBe(0);
    expect(count(ops, 'GetPipelineRun')).toBe(4);
    expect(run.stdout).toContain('has not reached its deploy job yet');
  });

  it('finds the order id when it is only in the action data', async () => {
    const { run } = await gate({ orderIdOnlyInData: true, deployOrderId: BIG });
    expect(run.code).toBe(0);
    expect(run.outputs['deploy-order-id']).toBe(BIG);
  });

  it('pages through the job history: oldest first, the last run is on the last page, read second', async () => {
    const { run, ops } = await gate({ olderHistoryRows: 65 });
    expect(run.code).toBe(0);
    expect(count(ops, 'ListPipelineJobHistorys')).toBe(2);
  });

  it('chooses the job by name among several, and lists the names when it is not there', async () => {
    const jobs = [
      { identifier: 'deploy_prod', jobName: 'Deploy to production', jobId: '5550002' },
      { identifier: 'deploy_gray', jobName: 'Gray release', jobId: '5550009' },
    ];
    const ok = await gate({ jobs }, { job: 'Deploy to production' });
    expect(ok.run.code).toBe(0);
    expect(ok.run.outputs['job-name']).toBe('Deploy to production');
    const missing = await gate({ jobs }, { job: 'Deploy to moon' });
    expect(missing.run.code).toBe(1);
    expect(missing.run.stdout).toContain('no DEPLOY job named "Deploy to moon"');
    expect(missing.run.stdout).toContain('"Gray release" (deploy_gray)');
  });

  it('fails clearly when the pipeline has no DEPLOY job', async () => {
    const { run } = await gate({ jobs: [] });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toContain('has no DEPLOY job');
  });

  it('fails clearly when the run ended without a deploy order', async () => {
    const { run } = await gate({ runEndsWithoutOrder: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ended \(FAIL\) without (.* )?creating a deploy order/);
  });

  it('passes on the API answer with a hint for an id that does not exist', async () => {
    const { run, ops } = await gate({}, { 'deploy-order-id': '999' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 404');
    expect(run.stdout).toContain('Hint: check the pipeline, run and deploy order ids');
    expect(count(ops, 'GetVMDeployOrder')).toBe(1); // a 404 is not retried
  });

  it('says which edition to set when the paths do not match the edition', async () => {
    const { run } = await gate({}, { edition: 'central', 'organization-id': ORG }, { edition: 'region' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('UnsupportedInCurrentEnv');
    expect(run.stdout).toContain('set `edition`');
  });
});

describe('skipping unreachable hosts', () => {
  const withUnreachable = (n: number) => {
    const b1 = machines(10, 1);
    for (let i = 0; i < n; i++) b1[i] = { ...b1[i]!, unreachable: true };
    return [b1, machines(10, 2)];
  };

  it('skips within the budget and passes', async () => {
    const { run, sim } = await gate(
      { batches: withUnreachable(2) },
      { 'skip-unreachable': 'true', 'max-skipped': '10%' },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['skipped-machines'] ?? '')).toEqual(['m1-01', 'm1-02']);
    expect(run.outputs['machines-skipped']).toBe('2');
    const skips = sim.requests.filter((r) => r.operation === 'SkipVMDeployMachine');
    expect(skips.map((r) => r.path.split('/').at(-2))).toEqual(['m1-01', 'm1-02']);
    expect(run.summary).toContain('skipped by this run');
  });

  it('does not make a skip over the budget; fails instead', async () => {
    const { run, ops } = await gate(
      { batches: withUnreachable(3) },
      { 'skip-unreachable': 'true', 'max-skipped': '2' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'SkipVMDeployMachine')).toBe(0);
    expect(run.stdout).toMatch(/would make 3 skipped machines, more than max-skipped 2/);
  });

  it('with skipping off, an unreachable host fails the gate as soon as the order pauses', async () => {
    const { run, ops } = await gate({ batches: withUnreachable(1) }, { timeout: '20s' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(run.outputs['failed-machines']).toBe('["m1-01"]');
    expect(count(ops, 'SkipVMDeployMachine')).toBe(0);
    expect(run.wallMs).toBeLessThan(15_000); // at once, not at the deadline
    expect(run.stdout).toContain('skip-unreachable is off');
    expect(count(ops, 'GetVMDeployMachineLog')).toBe(1);
    expect(run.summary).toContain('Deploy log of m1-01');
  });

  it('fails when machines skipped by someone else exceed the budget', async () => {
    const { run, ops } = await gate(
      {
        batches: [machines(4, 1, { runTicks: 5 })],
        events: [{ atTick: 2, kind: 'skip-by-other', sn: 'm1-03' }],
      },
      { 'max-skipped': '0' },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 skipped machine\b/);
    expect(run.outputs['skipped-machines']).toBe('[]');
    expect(count(ops, 'SkipVMDeployMachine')).toBe(0);
  });
});

describe('retry, resume, stop', () => {
  it('retries a failed machine and passes', async () => {
    const b = machines(3, 1);
    b[1] = { ...b[1]!, failTimes: 1 };
    const { run, ops } = await gate({ batches: [b] }, { 'retry-failed': '1' });
    expect(run.code).toBe(0);
    expect(count(ops, 'RetryVMDeployMachine')).toBe(1);
    expect((run.report?.['actions'] as Array<{ kind: string }>).map((a) => a.kind)).toEqual(['retry']);
  });

  it('fails after the retries are used up', async () => {
    const b = machines(2, 1);
    b[0] = { ...b[0]!, failTimes: Infinity };
    const { run, ops } = await gate({ batches: [b] }, { 'retry-failed': '2' });
    expect(run.code).toBe(1);
    expect(count(ops, 'RetryVMDeployMachine')).toBe(2);
    expect(run.stdout).toContain('retried 2 times already');
  });

  it('resume: auto resumes each pause between batches', async () => {
    const { run, ops } = await gate(
      { batches: [machines(2, 1), machines(2, 2), machines(2, 3)], pauseBetweenBatches: true },
      { resume: 'auto' },
    );
    expect(run.code).toBe(0);
    expect(count(ops, 'ResumeVMDeployOrder')).toBe(2);
  });

  it('resume: never waits for a person and times out', async () => {
    const { run, ops } = await gate({ pauseBetweenBatches: true }, { resume: 'never', timeout: '2s' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('timed-out');
    expect(count(ops, 'ResumeVMDeployOrder')).toBe(0);
    expect(count(ops, 'StopVMDeployOrder')).toBe(0);
    expect(run.stdout).toContain('waiting for a person to resume it');
  });

  it('timeout with on-failure: stop stops the order', async () => {
    const { run, ops, sim } = await gate(
      { batches: [machines(2, 1, { runTicks: Infinity })] },
      { timeout: '1500ms', 'on-failure': 'stop' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('timed-out');
    expect(count(ops, 'StopVMDeployOrder')).toBe(1);
    expect(sim.order().status).toBe('Cancelled');
    expect(run.outputs['status']).toBe('Cancelled');
    expect(run.wallMs).toBeLessThan(1500 + 8000);
  });

  it('timeout with on-failure: leave leaves the order running', async () => {
    const { run, ops, sim } = await gate(
      { batches: [machines(2, 1, { runTicks: Infinity })] },
      { timeout: '1500ms' },
    );
    expect(run.outputs['result']).toBe('timed-out');
    expect(count(ops, 'StopVMDeployOrder')).toBe(0);
    expect(sim.order().status).toBe('Running');
    expect(run.summary).toContain('timed out');
  });

  it('a failure with on-failure: stop stops the order', async () => {
    const b = machines(2, 1);
    b[0] = { ...b[0]!, failTimes: 1 };
    const { run, ops } = await gate({ batches: [b, machines(2, 2)] }, { 'on-failure': 'stop' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'StopVMDeployOrder')).toBe(1);
  });

  it('the order cancelled in Yunxiao gives cancelled', async () => {
    const { run } = await gate({
      batches: [machines(2, 1, { runTicks: 10 })],
      events: [{ atTick: 3, kind: 'cancel' }],
    });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('cancelled');
    expect(run.stdout).toContain('cancelled in Yunxiao');
  });
});

describe('a flaky API mid-watch', () => {
  it('rides out a 429 with Retry-After, a 502 HTML page and a connection reset', async () => {
    const { run, sim } = await gate(
      { batches: [machines(2, 1, { runTicks: 3 })] },
      {},
      {
        faults: [
          { operation: 'GetVMDeployOrder', after: 1, kind: '429', retryAfter: '1' },
          { operation: 'GetVMDeployOrder', after: 3, kind: '502-html' },
          { operation: 'GetVMDeployOrder', after: 5, kind: 'reset' },
        ],
      },
    );
    expect(run.code).toBe(0);
    expect(sim.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['429', '502-html', 'reset']);
    const i = sim.requests.findIndex((r) => r.fault === '429');
    expect((sim.requests[i + 1]?.at ?? 0) - (sim.requests[i]?.at ?? 0)).toBeGreaterThanOrEqual(900); // Retry-After: 1
  });
});

describe('ids, wait: false, EMAS, scale', () => {
  it('keeps ids above 2^53 exact in paths and outputs', async () => {
    const { run, sim } = await gate({
      pipelineId: '9007199254740995',
      pipelineRunId: '9007199254740997',
      deployOrderId: BIG,
      jobs: [{ identifier: 'd', jobName: 'Deploy', jobId: '9007199254740999' }],
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'deploy-order-id': BIG,
      'pipeline-run-id': '9007199254740997',
      'job-id': '9007199254740999',
    });
    expect(
      sim.requests
        .filter((r) => r.operation === 'GetVMDeployOrder')
        .every((r) => r.path.endsWith(`/pipelines/9007199254740995/deploy/${BIG}`)),
    ).toBe(true);
    expect(run.reportText).toContain(`"deployOrderId":"${BIG}"`);
  });

  it('wait: false reads once, reports in-progress and exits 0', async () => {
    const { run, ops } = await gate({ batches: [machines(2, 1, { runTicks: 5 })] }, { wait: 'false' });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('in-progress');
    expect(run.outputs['status']).toBe('Running');
    expect(count(ops, 'GetVMDeployOrder')).toBe(1);
  });

  const emas = {
    serviceConnectionId: '3011',
    emasJobInstanceId: '90817',
    md5: 'abc123',
    url: 'https://emas.example.com/a.apk?sig=1',
  };

  it('gets the EMAS artifact URL from the run, and from explicit inputs', async () => {
    const fromRun = await gate({ emas });
    expect(fromRun.run.outputs['artifact-url']).toBe(emas.url);
    const explicit = await gate(
      { emas },
      { 'emas-job-instance-id': '90817', 'emas-md5': 'abc123', 'service-connection-id': '3011' },
    );
    expect(explicit.run.outputs['artifact-url']).toBe(emas.url);
    const wrong = await gate(
      { emas },
      { 'emas-job-instance-id': '1', 'emas-md5': 'nope', 'service-connection-id': '3011' },
    );
    expect(wrong.run.code).toBe(1);
    expect(wrong.run.stdout).toMatch(/could not get the EMAS artifact URL/i);
  });

  it('5,000 machines: a summary under 1 MiB that lists every failed and skipped machine', async () => {
    const b = machines(5000, 1);
    for (let i = 0; i < 300; i++) b[i * 10] = { ...b[i * 10]!, unreachable: true };
    const { run } = await gate({ batches: [b] }, { 'skip-unreachable': 'true', 'max-skipped': '10%' });
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(run.outputs['machines-skipped']).toBe('300');
    for (let i = 0; i < 300; i++) expect(run.summary).toContain(`\`${b[i * 10]!.sn}\``);
  });
});

describe('bad inputs', () => {
  it('lists every bad input and exits 1 without a request', async () => {
    const { run, sim } = await gate(
      {},
      {
        timeout: 'ten minutes',
        'max-skipped': 'lots',
        resume: 'Auto',
        wait: 'yes',
        endpoint: 'http://yunxiao.example.com',
      },
    );
    expect(run.code).toBe(1);
    expect(sim.requests).toEqual([]);
    for (const name of [
      'timeout: "ten minutes"',
      'max-skipped: "lots"',
      'resume: "Auto"',
      'wait: "yes"',
      'endpoint:',
    ]) {
      expect(run.stdout).toContain(name);
    }
    expect(everything(run)).not.toContain(TOKEN);
  });
});
