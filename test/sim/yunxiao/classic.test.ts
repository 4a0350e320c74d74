// The classic dialect of the simulator, as the gateway resolves an API: from x-acs-action, as the
// official classic SDKs (devops 2021-06-25) sign it. A name that is not the one of the path is the
// gateway's error, with its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalQuery, encodePath, signRequest } from '../../../src/providers/yunxiao/signer.js';
import { machines, scenario, startSimulator, type Simulator } from '../../../sim/yunxiao/index.js';

const ORG = 'org1';
const KEY = { id: 'AK1', secret: 'classic-secret-0123' };
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    edition: 'central',
    organizationId: ORG,
    token: 'unused',
    scenario: scenario({ batches: [machines(1, 1, { failTimes: Infinity })] }),
    accessKeys: { [KEY.id]: { secret: KEY.secret } },
  });
});
afterAll(() => sim.close());

async function call(
  method: string,
  path: string[],
  action: string,
  query: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const host = new URL(sim.url).host;
  const segments = ['organization', ORG, ...path];
  const signed = signRequest({
    method,
    host,
    path: segments,
    query,
    action,
    version: '2021-06-25',
    accessKeyId: KEY.id,
    accessKeySecret: KEY.secret,
  });
  const qs = canonicalQuery(query);
  const res = await fetch(`${sim.url}${encodePath(segments)}${qs ? `?${qs}` : ''}`, {
    method,
    headers: signed.headers,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ORDER = ['pipelines', '1234567', 'deploy', '44178813'];

describe('classic dialect: x-acs-action', () => {
  it.each<[string, string, string[], Record<string, string>?]>([
    ['ListPipelineJobs', 'POST', ['pipeline', '1234567', 'jobs'], { category: 'DEPLOY' }],
    [
      'ListPipelineJobHistorys',
      'POST',
      ['pipeline', '1234567', 'job', 'historys'],
      { category: 'DEPLOY', identifier: 'deploy_prod' },
    ],
    ['GetPipelineRun', 'GET', ['pipelines', '1234567', 'pipelineRuns', '88']],
    ['GetVMDeployOrder', 'GET', ORDER],
    ['LogVMDeployMachine', 'GET', [...ORDER, 'machine', 'm1-01', 'log']],
  ])('%s: the official name is accepted', async (action, method, path, query) => {
    const r = await call(method, path, action, query);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body['success']).toBe(true);
  });

  it.each<[string, string, string[]]>([
    ['SkipPipelineJobMachine', 'PUT', [...ORDER, 'machine', 'm1-01', 'skip']],
    ['GetVMDeployMachineLog', 'GET', [...ORDER, 'machine', 'm1-01', 'log']],
    ['GetVMDeployOrder', 'PUT', [...ORDER, 'stop']],
  ])('%s on its path is refused by the gateway', async (action, method, path) => {
    const r = await call(method, path, action);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ success: false, errorCode: 'InvalidAction.NotFound' });
    expect(sim.requests.at(-1)?.status).toBe(404);
  });

  it('SkipVMDeployMachine and RetryVMDeployMachine act on the machine', async () => {
    expect((await call('PUT', [...ORDER, 'machine', 'm1-01', 'skip'], 'SkipVMDeployMachine')).status).toBe(
      200,
    );
    expect(sim.engine.bySn.get('m1-01')?.status).toBe('Skipped');
  });
});
