// The simulator's answers held against the example responses of the API pages the product was
// specified from (copied into test/fixtures, see its README) and the shapes of yunxiao-api.md, field
// for field. Plain fetch only: the simulator is checked against the documents, never our own client.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machines, scenario, startSimulator, type Simulator } from '../../../sim/yunxiao/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
/** The example response of an API page, as copied into test/fixtures. */
const example = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;

type Shape = string | { [k: string]: Shape } | Shape[];
/** Keys and JSON types at every level (every element of an array). */
function shape(v: unknown): Shape {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return v === null ? 'null' : typeof v;
}
/** `sub`'s keys all in `sup` with the same types (extra keys in `sup` allowed where `extra` says). */
function sameShape(sub: Shape, sup: Shape, path: string, extra: Record<string, string[]>): void {
  if (typeof sub === 'string' || typeof sup === 'string') return void expect(sup, path).toBe(sub);
  if (Array.isArray(sub)) {
    expect(Array.isArray(sup), path).toBe(true);
    // every element of ours against the example's element
    for (const el of sup as Shape[]) if (sub[0]) sameShape(sub[0], el, `${path}[]`, extra);
    return;
  }
  expect(Array.isArray(sup), path).toBe(false);
  const supObj = sup as Record<string, Shape>;
  for (const [k, v] of Object.entries(sub)) {
    expect(supObj, `${path}.${k}`).toHaveProperty([k]);
    sameShape(v, supObj[k]!, `${path}.${k}`, extra);
  }
  const allowed = extra[path] ?? [];
  expect(
    Object.keys(supObj).filter((k) => !(k in sub) && !allowed.includes(k)),
    `extra keys at ${path}`,
  ).toEqual([]);
}

let sim: Simulator;
const TOKEN = 'pt-seed';
beforeAll(async () => {
  sim = await startSimulator({
    edition: 'region',
    token: TOKEN,
    scenario: scenario({
      batches: [[...machines(2, 1), { sn: 'bad', ip: '10.9.9.9', unreachable: true }], machines(2, 2)],
      emas: { serviceConnectionId: '1', emasJobInstanceId: '2', md5: 'm', url: 'https://e/x' },
    }),
  });
});
afterAll(() => sim.close());
const get = async (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${sim.url}/oapi/v1/flow${path}`, { ...init, headers: { 'x-yunxiao-token': TOKEN } });

describe('GetVMDeployOrder (seed 001)', () => {
  const ex = example('seed-get-vm-deploy-order.json');

  it('the simulator answers with the fields and types of the example response', async () => {
    for (let i = 0; i < 3; i++) {
      // several reads: Queued, Running, then Waiting on the unreachable host
      const body = (await (await get('/pipelines/1234567/deploy/44178813')).json()) as unknown;
      // yunxiao-api.md section 4: real responses carry more (machines: hostName, machineOsArch;
      // actions: displayType, data, name, title, order)
      const actionExtras = ['data', 'displayType', 'name', 'order', 'title'];
      sameShape(shape(ex), shape(body), '', {
        '.actions[]': actionExtras,
        '.deployMachineInfo.deployMachines[]': ['hostName', 'machineOsArch'],
        '.deployMachineInfo.deployMachines[].actions[]': actionExtras,
        // section 7: machine actions carry params {machineSn} (data and title null)
        '.deployMachineInfo.deployMachines[].actions[].params': ['machineSn'],
      });
    }
    expect(sim.order().status).toBe('Waiting');
  });

  it('with minimalFields, exactly the documented keys', async () => {
    const lean = await startSimulator({
      edition: 'region',
      token: TOKEN,
      scenario: scenario({ minimalFields: true }),
    });
    try {
      const res = await fetch(`${lean.url}/oapi/v1/flow/pipelines/1234567/deploy/44178813`, {
        headers: { 'x-yunxiao-token': TOKEN },
      });
      sameShape(shape(ex), shape(await res.json()), '', {});
    } finally {
      await lean.close();
    }
  });
});

describe('classic seeds (000, 002)', () => {
  it('ListPipelineJobs (seed 002) has the four fields our OpenAPI rows have', async () => {
    const ex = example('seed-list-pipeline-jobs.json');
    expect(ex).toMatchObject({ success: true });
    const [theirs] = ex['jobs'] as Array<Record<string, unknown>>;
    const [ours] = (await (await get('/pipelines/1234567/listTasksByCategory/DEPLOY')).json()) as Array<
      Record<string, unknown>
    >;
    expect(Object.keys(ours!).sort()).toEqual(Object.keys(theirs!).sort());
  });

  it('the skip answer (seed 000) is the bare envelope', () => {
    expect(Object.keys(example('seed-skip-vm-deploy-machine.json')).sort()).toEqual([
      'errorCode',
      'errorMessage',
      'requestId',
      'success',
    ]);
  });
});

describe('shapes of yunxiao-api.md section 2', () => {
  it('ListPipelineJobs: identifier, jobName, lastJobId (number), lastJobParams (JSON string)', async () => {
    const [job] = (await (await get('/pipelines/1234567/listTasksByCategory/DEPLOY')).json()) as Array<
      Record<string, unknown>
    >;
    expect(Object.keys(job!).sort()).toEqual(['identifier', 'jobName', 'lastJobId', 'lastJobParams']);
    expect(typeof job!['lastJobId']).toBe('number');
    expect(() => JSON.parse(job!['lastJobParams'] as string)).not.toThrow();
  });

  it('ListPipelineJobHistorys: the documented row and pagination headers', async () => {
    const res = await get(
      '/pipelines/getComponentsWithoutButtons?pipelineId=1234567&category=DEPLOY&identifier=deploy_prod&page=1&perPage=30',
    );
    const [row] = (await res.json()) as Array<Record<string, unknown>>;
    expect(Object.keys(row!).sort()).toEqual([
      'executeNumber',
      'identifier',
      'jobId',
      'jobName',
      'operatorAccountId',
      'pipelineId',
      'pipelineRunId',
      'sources',
      'status',
    ]);
    expect(row!['sources']).toBe('{}'); // a JSON text, as the page's example shows it
    for (const h of [
      'x-total',
      'x-total-pages',
      'x-page',
      'x-per-page',
      'x-next-page',
      'x-prev-page',
      'x-request-id',
    ])
      expect(res.headers.has(h), h).toBe(true);
  });

  it('GetPipelineRun: stages[].stageInfo.jobs[].actions[] with GetVMDeployOrder', async () => {
    const run = (await (await get('/pipelines/1234567/runs/88')).json()) as Record<string, unknown>;
    // section 7: runs carry more than section 2 lists
    expect(Object.keys(run).sort()).toEqual([
      'createTime',
      'creatorAccountId',
      'globalParams',
      'modifierAccountId',
      'pipelineConfigId',
      'pipelineId',
      'pipelineRunId',
      'pipelineType',
      'sources',
      'stages',
      'status',
      'triggerMode',
      'updateTime',
    ]);
    expect(run['globalParams']).toEqual([
      { key: 'DEPLOY_ENV', value: 'production', encrypted: false, masked: false },
    ]);
    const stages = run['stages'] as Array<{
      index: string;
      name: string;
      stageInfo: { jobs: Array<Record<string, unknown>> };
    }>;
    const job = stages[1]!.stageInfo.jobs[0]!;
    expect(Object.keys(job).sort()).toEqual([
      'actions',
      'endTime',
      'id',
      'jobSign',
      'name',
      'params',
      'result',
      'startTime',
      'status',
    ]);
    const action = (job['actions'] as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(action).sort()).toEqual([
      'data',
      'disable',
      'displayType',
      'name',
      'order',
      'params',
      'title',
      'type',
    ]);
    expect(action).toMatchObject({ type: 'GetVMDeployOrder', params: { deployOrderId: 44178813 } });
  });

  it('ListPipelineRuns: pipelineRunId, pipelineId, status, startTime, endTime, triggerMode, creatorAccountId', async () => {
    const res = await get('/pipelines/1234567/runs?page=1&perPage=10');
    const rows = (await res.json()) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'creatorAccountId',
      'endTime',
      'pipelineId',
      'pipelineRunId',
      'startTime',
      'status',
      'triggerMode',
    ]);
    expect(res.headers.get('x-total')).toBe('1');
  });

  it('GetVMDeployMachineLog and the EMAS URL', async () => {
    const log = (await (await get('/pipelines/1234567/deploy/44178813/machine/m1-01/log')).json()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(log).sort()).toEqual([
      'aliyunRegion',
      'deployBeginTime',
      'deployEndTime',
      'deployLog',
      'deployLogPath',
    ]);
    expect(log['deployBeginTime']).toMatch(/^\d{13}$/);
    const url = await (
      await get(
        '/pipelines/getEmasArtifactDownloadUrl?emasJobInstanceId=2&md5=m&pipelineId=1234567&pipelineRunId=88&serviceConnectionId=1',
      )
    ).text();
    expect(url).toBe('https://e/x'); // bare, unquoted
  });

  it('errors: the documented error body, the token check, the edition check', async () => {
    const bad = await fetch(`${sim.url}/oapi/v1/flow/pipelines/1234567/deploy/44178813`, {
      headers: { 'x-yunxiao-token': 'wrong' },
    });
    expect(bad.status).toBe(401);
    expect(Object.keys((await bad.json()) as object).sort()).toEqual([
      'code',
      'errorCode',
      'errorDescription',
      'errorMessage',
      'traceId',
    ]);
    const central = await get('/organizations/x/pipelines/1234567/deploy/44178813');
    expect(central.status).toBe(400);
    expect(((await central.json()) as { errorCode: string }).errorCode).toBe('UnsupportedInCurrentEnv');
  });
});

describe('raw big ids', () => {
  it('writes ids above 2^53 as raw JSON numbers, digit for digit', async () => {
    const big = await startSimulator({
      edition: 'region',
      token: TOKEN,
      scenario: scenario({ deployOrderId: '9007199254740993', pipelineId: '18446744073709551615' }),
    });
    try {
      const text = await (
        await fetch(`${big.url}/oapi/v1/flow/pipelines/18446744073709551615/deploy/9007199254740993`, {
          headers: { 'x-yunxiao-token': TOKEN },
        })
      ).text();
      expect(text).toContain('"deployOrderId":9007199254740993');
    } finally {
      await big.close();
    }
  });
});
