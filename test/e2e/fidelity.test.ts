// The gate against the shapes real Yunxiao answers have (issue: faithful to the real Yunxiao), and
// the credentials people already have in the environment.
import { describe, expect, it } from 'vitest';
import { everything } from '../../scripts/lib/runner.js';
import { machines } from '../../sim/yunxiao/index.js';
import { count, gate, ORG } from './support.js';

const KEY_ID = 'STS.envOidcKey0123';
const SECRET = 'envOidcSecret0123456789abcdef';
const STS = 'CAIS-oidc-sts-token-0123456789abcdefghij';

describe('classic API: official action names, credentials from the environment', () => {
  it('reads ALIBABA_CLOUD_* when no credential input is given, signs with the official names, fetches the log', async () => {
    const { run, sim, ops } = await gate(
      { batches: [machines(1, 1, { failTimes: Infinity }), machines(1, 2)] },
      { token: '', 'organization-id': ORG },
      { accessKeys: { [KEY_ID]: { secret: SECRET, securityToken: STS } } },
      {
        env: {
          ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
          ALIBABA_CLOUD_SECURITY_TOKEN: STS,
        },
      },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'LogVMDeployMachine')).toBe(1);
    // the simulator refuses any x-acs-action that is not the official name of its path
    expect(sim.requests.every((r) => r.status === 200)).toBe(true);
    expect(sim.requests.every((r) => r.headers['x-acs-action'] === r.operation)).toBe(true);
    expect(sim.requests.every((r) => r.headers['x-acs-security-token'] === STS)).toBe(true);
    expect(run.summary).toContain('classic (AccessKey)');
    expect(run.summary).toMatch(/Deploy log of m1-01 \(last lines, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(run.stdout).toMatch(/::add-mask::envOidcSecret/);
    const seen = everything(run);
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain(STS);
  });
});

describe('shapes of real answers', () => {
  it('a machine log with times as strings of epoch milliseconds: shown as times', async () => {
    const { run } = await gate({ batches: [machines(1, 1, { failTimes: Infinity })] });
    expect(run.outputs['result']).toBe('failure');
    expect(run.summary).toMatch(
      /Deploy log of m1-01 \(last lines, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d–\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/,
    );
    const logs = run.report?.['machineLogs'] as Record<string, { began: string; ended: string }>;
    expect(logs['m1-01']?.began).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it.each(['none', 'no-resume'] as const)(
    'a paused order offering %s resume action: resume: auto says so once and waits for a person',
    async (orderActions) => {
      const { run, ops } = await gate(
        { pauseBetweenBatches: true, orderActions },
        { resume: 'auto', timeout: '2s' },
      );
      expect(run.outputs['result']).toBe('timed-out');
      expect(count(ops, 'ResumeVMDeployOrder')).toBe(0);
      // said once while it waits (not at every poll), and once more by the verdict at the deadline
      const lines = run.stdout.split('\n');
      const said = lines.filter((l) => !l.startsWith('::error::') && l.includes('offers no resume action'));
      expect(said).toHaveLength(1);
      expect(said[0]).toContain('waiting for a person to resume it in Yunxiao');
      expect(lines.find((l) => l.startsWith('::error::'))).toContain('at the end: deploy order');
    },
  );

  it.each(['oldest-first', 'newest-first'] as const)(
    'the job history %s: the last run is found, reading few pages',
    async (historyOrder) => {
      const { run, ops } = await gate({ olderHistoryRows: 200, historyOrder });
      expect(run.outputs['result']).toBe('success');
      expect(run.outputs['pipeline-run-id']).toBe('88');
      expect(count(ops, 'ListPipelineJobHistorys')).toBe(historyOrder === 'newest-first' ? 1 : 2);
    },
  );

  it('the deploy job with params.deployOrderId null and the id only in data', async () => {
    const { run } = await gate({ orderIdOnlyInData: true });
    expect(run.outputs['deploy-order-id']).toBe('44178813');
    expect(run.outputs['result']).toBe('success');
  });

  it.each<[string, { run: string; deploy: string }]>([
    ['QUEUED', { run: 'QUEUED', deploy: 'QUEUED' }],
    ['INIT', { run: 'INIT', deploy: 'INIT' }],
    ['SWITCH_MANUAL', { run: 'SWITCH_MANUAL', deploy: 'WAITING' }],
  ])('a run %s before its deploy job is waited on', async (_name, runBeforeDeploy) => {
    const { run, ops } = await gate(
      { deployJobAppearsAfterReads: 2, runBeforeDeploy },
      { 'pipeline-run-id': '88' },
    );
    expect(run.outputs['result']).toBe('success');
    expect(count(ops, 'GetPipelineRun')).toBe(3);
  });

  it.each<[string, { run: string; deploy: string }]>([
    ['TIMEOUT', { run: 'TIMEOUT', deploy: 'TIMEOUT' }],
    ['CANCELLED', { run: 'CANCELLED', deploy: 'CANCELLED' }],
    ['a SKIPPED deploy job in a SUCCESS run', { run: 'SUCCESS', deploy: 'SKIPPED' }],
  ])('%s: no order will come, and the gate says so at once', async (_name, runEndsWithoutOrder) => {
    const { run, ops } = await gate({ runEndsWithoutOrder });
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'GetPipelineRun')).toBe(1);
    expect(run.stdout).toMatch(/ended \((TIMEOUT|CANCELLED|SKIPPED)\) without/);
  });

  it('an empty 200 to a skip means it was not done: said, and the gate fails on the unhandled machine', async () => {
    const b1 = machines(3, 1);
    b1[1] = { ...b1[1]!, unreachable: true };
    const { run, ops } = await gate(
      { batches: [b1] },
      { 'skip-unreachable': 'true', 'max-skipped': '1' },
      { faults: [{ operation: 'SkipVMDeployMachine', kind: 'answer', body: '', times: 9 }] },
    );
    expect(count(ops, 'SkipVMDeployMachine')).toBe(1);
    expect(run.stdout).toContain('::warning::Could not skip machine m1-02: Yunxiao answered false.');
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/skipping it failed \(Yunxiao answered false\)/);
  });
});
