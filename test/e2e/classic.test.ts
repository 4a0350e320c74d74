// The whole gate over the classic API: AccessKey signatures the simulator verifies independently.
import { describe, expect, it } from 'vitest';
import { everything } from '../../scripts/lib/runner.js';
import { machines } from '../../sim/yunxiao/index.js';
import { count, gate, ORG } from './support.js';

const KEY_ID = 'LTAI5tE2eClassicKey';
const SECRET = 'e2eClassicSecret0123456789abcdef';
const STS_ID = 'STS.NUgYrLnoC37mZZCNnAbez';
const STS_SECRET = 'stsSecret0123456789abcdefghij';
const STS_TOKEN = 'CAIS-sts-token-0123456789abcdefghijklmnopqrstuvwxyz';
const keys = { [KEY_ID]: { secret: SECRET }, [STS_ID]: { secret: STS_SECRET, securityToken: STS_TOKEN } };

const classic = (inputs: Record<string, string> = {}) => ({
  token: '',
  edition: 'auto',
  'organization-id': ORG,
  'access-key-id': KEY_ID,
  'access-key-secret': SECRET,
  ...inputs,
});

describe('the gate over the classic API', () => {
  it('resolves through the classic chain, skips an unreachable host and passes', async () => {
    const b1 = machines(10, 1);
    b1[3] = { ...b1[3]!, unreachable: true };
    const { run, sim, ops } = await gate(
      { batches: [b1], olderHistoryRows: 60 },
      classic({ 'skip-unreachable': 'true' }),
      { accessKeys: keys },
    );
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'success',
      'skipped-machines': '["m1-04"]',
      'job-id': '5550002',
      'pipeline-run-id': '88',
    });
    expect(ops.slice(0, 4)).toEqual([
      'ListPipelineJobs',
      'ListPipelineJobHistorys',
      'ListPipelineJobHistorys',
      'GetPipelineRun',
    ]);
    expect(count(ops, 'SkipVMDeployMachine')).toBe(1);
    expect(sim.requests.every((r) => r.path.startsWith(`/organization/${ORG}/`) && r.status === 200)).toBe(
      true,
    );
    expect(
      sim.requests.every((r) =>
        r.headers['authorization']?.startsWith(`ACS3-HMAC-SHA256 Credential=${KEY_ID},`),
      ),
    ).toBe(true);
    expect(run.summary).toContain('classic (AccessKey)');
    expect(everything(run)).not.toContain(SECRET);
  });

  it('retries a failed machine', async () => {
    const b = machines(2, 1);
    b[0] = { ...b[0]!, failTimes: 1 };
    const { run, ops } = await gate({ batches: [b] }, classic({ 'retry-failed': '1' }), { accessKeys: keys });
    expect(run.code).toBe(0);
    expect(count(ops, 'RetryVMDeployMachine')).toBe(1);
  });

  it('rides out throttling (400 Throttling.User with x-acs-retry-after)', async () => {
    const { run, sim } = await gate({}, classic(), {
      accessKeys: keys,
      faults: [{ operation: 'GetVMDeployOrder', after: 1, times: 2, kind: 'throttle', retryAfter: '300' }],
    });
    expect(run.code).toBe(0);
    expect(sim.requests.filter((r) => r.fault === 'throttle')).toHaveLength(2);
  });

  it('a wrong secret fails at once with a clear message and no retry storm', async () => {
    const { run, sim } = await gate({}, classic({ 'access-key-secret': 'not-the-secret-value' }), {
      accessKeys: keys,
    });
    expect(run.code).toBe(1);
    expect(sim.requests).toHaveLength(1);
    expect(run.stdout).toContain('SignatureDoesNotMatch');
    expect(run.stdout).toContain('check `access-key-secret`');
    expect(everything(run)).not.toContain('not-the-secret-value');
  });

  it('signs with an STS token, and refuses a request without it', async () => {
    const sts = classic({
      'access-key-id': STS_ID,
      'access-key-secret': STS_SECRET,
      'security-token': STS_TOKEN,
    });
    const ok = await gate({}, sts, { accessKeys: keys });
    expect(ok.run.code).toBe(0);
    expect(ok.sim.requests.every((r) => r.headers['x-acs-security-token'] === STS_TOKEN)).toBe(true);
    expect(ok.sim.requests[0]?.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-acs-security-token/);
    expect(everything(ok.run)).not.toContain(STS_TOKEN);
    const missing = await gate({}, classic({ 'access-key-id': STS_ID, 'access-key-secret': STS_SECRET }), {
      accessKeys: keys,
    });
    expect(missing.run.code).toBe(1);
    expect(missing.run.stdout).toContain('InvalidSecurityToken');
  });
});
