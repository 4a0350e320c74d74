// The simulator's runs that do not exist yet: CreatePipelineRun / StartPipelineRun, the pipeline
// definition that holds the code sources (each place Yunxiao may put them), the run list in either
// order, a push that starts a run later, who a started run names as its creator, and an answer lost
// after the run was started. Plain fetch (the classic signer only to sign).
import { describe, expect, it } from 'vitest';
import { canonicalQuery, encodePath, signRequest } from '../../../src/providers/yunxiao/signer.js';
import {
  scenario,
  type Scenario,
  type Simulator,
  type SimulatorOptions,
} from '../../../sim/yunxiao/index.js';
import { simulatorsPerTest } from '../../support/simulators.js';

const TOKEN = 'pt-simStartToken_0123456789';
const ORG = '5ebbc0228123212b59e2e222';
const REPO = 'https://codeup.aliyun.com/acme/shop.git';
const launch = simulatorsPerTest();

function start(over: Partial<Scenario> = {}, opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return launch({ edition: 'central', organizationId: ORG, token: TOKEN, scenario: scenario(over), ...opts });
}

async function call(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string; json: unknown; headers: Headers }> {
  const res = await fetch(`${sim.url}/oapi/v1/flow/organizations/${ORG}${path}`, {
    method,
    headers: {
      'x-yunxiao-token': TOKEN,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

const P = '/pipelines/1234567';
const ids = (rows: unknown): string[] =>
  (rows as Array<{ pipelineRunId: number }>).map((r) => String(r.pipelineRunId));

describe('GetPipeline: the code sources where Yunxiao may put them', () => {
  it('config (default): pipelineConfig.sources[].data.repo, and a YAML text without sources', async () => {
    const sim = await start();
    const def = (await call(sim, 'GET', P)).json as {
      pipelineConfig: { sources: Array<{ data: { repo: string } }>; flow: string };
    };
    expect(def.pipelineConfig.sources.map((s) => s.data.repo)).toEqual([REPO]);
    expect(def.pipelineConfig.flow).not.toContain('sources:');
  });

  it('yaml: no list, the sources in the YAML text, plain and quoted', async () => {
    const sim = await start({ sourcesIn: 'yaml', repositories: ['https://x/a.git', 'https://x/b.git'] });
    const def = (await call(sim, 'GET', P)).json as { pipelineConfig: { sources: unknown[]; flow: string } };
    expect(def.pipelineConfig.sources).toEqual([]);
    expect(def.pipelineConfig.flow).toContain('sources:\n  repo_0:\n    type: codeup');
    expect(def.pipelineConfig.flow).toContain('    endpoint: https://x/a.git\n');
    expect(def.pipelineConfig.flow).toContain('    endpoint: "https://x/b.git"\n');
  });

  it('none: no source anywhere', async () => {
    const sim = await start({ sourcesIn: 'none' });
    const def = (await call(sim, 'GET', P)).json as { pipelineConfig: { sources: unknown[]; flow: string } };
    expect(def.pipelineConfig.sources).toEqual([]);
    expect(def.pipelineConfig.flow).not.toContain('endpoint');
  });
});

describe('CreatePipelineRun', () => {
  const params = JSON.stringify({ runningBranchs: { [REPO]: 'main' }, envs: { A: '1' }, comment: 'c' });

  it('creates the run that deploys: it did not exist, then it does, and its deploy job comes late', async () => {
    const sim = await start({ newRun: { by: 'start' }, deployJobAppearsAfterReads: 2 });
    expect((await call(sim, 'GET', `${P}/runs/88`)).status).toBe(404);
    expect(ids((await call(sim, 'GET', `${P}/runs?page=1&perPage=30`)).json)).toEqual(['87']);
    const created = await call(sim, 'POST', `${P}/runs`, { params });
    expect([created.status, created.text]).toEqual([200, '88']);
    expect(sim.runs.started).toEqual([{ id: '88', params: JSON.parse(params) as unknown }]);
    const run = async () =>
      (await call(sim, 'GET', `${P}/runs/88`)).json as {
        status: string;
        creatorAccountId: string;
        triggerMode: number;
      };
    expect(await run()).toMatchObject({ status: 'RUNNING', triggerMode: 4 });
    await run();
    const third = (await call(sim, 'GET', `${P}/runs/88`)).text;
    expect(third).toContain('"deployOrderId":44178813');
    expect(ids((await call(sim, 'GET', `${P}/runs?page=1&perPage=30`)).json)).toEqual(['88', '87']);
  });

  it('the previous run is finished, its deploy order one the simulator does not serve', async () => {
    const sim = await start({ newRun: { by: 'start' } });
    const prev = (await call(sim, 'GET', `${P}/runs/87`)).text;
    expect(prev).toContain('"status":"SUCCESS"');
    expect(prev).toContain('"deployOrderId":44178812');
    expect((await call(sim, 'GET', `${P}/deploy/44178812`)).status).toBe(404);
    const jobs = (await call(sim, 'GET', `${P}/listTasksByCategory/DEPLOY`)).text;
    expect(jobs).toContain('"lastJobId":5550001');
  });

  it.each([
    ['number', '88'],
    ['string', '"88"'],
    ['object', '{"pipelineRunId":88}'],
  ] as const)('answers the id as a %s', async (createAnswer, text) => {
    const sim = await start({ newRun: { by: 'start' }, createAnswer });
    expect((await call(sim, 'POST', `${P}/runs`, {})).text).toBe(text);
  });

  it('a second start is another run, which deploys nothing', async () => {
    const sim = await start({ newRun: { by: 'start' } });
    await call(sim, 'POST', `${P}/runs`, {});
    expect((await call(sim, 'POST', `${P}/runs`, {})).text).toBe('89');
    expect(ids((await call(sim, 'GET', `${P}/runs?page=1&perPage=30`)).json)).toEqual(['89', '88', '87']);
    expect((await call(sim, 'GET', `${P}/runs/89`)).text).not.toContain('GetVMDeployOrder');
  });

  it.each([
    ['params as an object, not a JSON string', { params: { envs: {} } }, 'params must be a JSON string'],
    [
      'a repository that is not a source',
      { params: '{"runningBranchs":{"https://x/other.git":"main"}}' },
      'not a code source',
    ],
    [
      'a branch and a tag on one repository',
      { params: JSON.stringify({ runningBranchs: { [REPO]: 'a' }, runningTags: { [REPO]: 'b' } }) },
      'both a branch and a tag',
    ],
    ['the reserved variable', { params: '{"envs":{"version":"1"}}' }, 'version is a reserved word'],
    ['an unknown key', { params: '{"branch":"main"}' }, 'unknown keys: branch'],
  ])('refuses %s (400), and starts nothing', async (_w, body, message) => {
    const sim = await start({ newRun: { by: 'start' } });
    const r = await call(sim, 'POST', `${P}/runs`, body);
    expect(r.status).toBe(400);
    expect(r.text).toContain(message);
    expect(sim.runs.started).toEqual([]);
  });

  it.each([
    ['user', '"creatorAccountId":"64c0ffee00112233445566aa"'],
    ['empty', '"creatorAccountId":""'],
    ['null', '"creatorAccountId":null'],
    ['account', '"creatorAccountId":"1222222222"'],
  ] as const)(
    'a started run names its creator as %s, in the list and in the run',
    async (startedRunCreator, field) => {
      const sim = await start({ newRun: { by: 'start' }, startedRunCreator });
      await call(sim, 'POST', `${P}/runs`, {});
      expect((await call(sim, 'GET', `${P}/runs?page=1&perPage=30`)).text).toContain(field);
      expect((await call(sim, 'GET', `${P}/runs/88`)).text).toContain(field);
    },
  );

  it("GetUserByToken: the token's user, outside /flow; a wrong token is 401", async () => {
    const sim = await start();
    const me = await fetch(`${sim.url}/oapi/v1/platform/user`, { headers: { 'x-yunxiao-token': TOKEN } });
    expect(((await me.json()) as { id: string }).id).toBe('64c0ffee00112233445566aa');
    const bad = await fetch(`${sim.url}/oapi/v1/platform/user`, { headers: { 'x-yunxiao-token': 'pt-no' } });
    expect(bad.status).toBe(401);
  });

  it('someone else starts a run right after the gate', async () => {
    const sim = await start({ newRun: { by: 'start' }, otherRunAfterStart: true });
    await call(sim, 'POST', `${P}/runs`, {});
    const rows = (await call(sim, 'GET', `${P}/runs?page=1&perPage=30`)).json as Array<
      Record<string, unknown>
    >;
    expect(
      rows.slice(0, 2).map((r) => [r['pipelineRunId'], r['creatorAccountId'], r['triggerMode']]),
    ).toEqual([
      [89, '66a1b2c3d4e5f60718293a4b', 3],
      [88, '64c0ffee00112233445566aa', 4],
    ]);
  });

  it('a lost answer: the run is started, then the connection reset or a gateway page', async () => {
    const sim = await start(
      { newRun: { by: 'start' } },
      { faults: [{ operation: 'CreatePipelineRun', kind: 'lost' }] },
    );
    await expect(call(sim, 'POST', `${P}/runs`, {})).rejects.toThrow();
    expect(sim.runs.started.map((r) => r.id)).toEqual(['88']);
    sim.addFault({ operation: 'CreatePipelineRun', kind: 'lost', status: 504 });
    const gateway = await call(sim, 'POST', `${P}/runs`, {});
    expect([gateway.status, gateway.text.startsWith('<html>')]).toEqual([504, true]);
    expect(sim.runs.started.map((r) => r.id)).toEqual(['88', '89']);
  });
});

describe('the run list and a push', () => {
  it.each([
    ['newest-first', ['87', '86', '85']],
    ['oldest-first', ['83', '84', '85']],
  ] as const)('%s, paged by perPage', async (runListOrder, first) => {
    const sim = await start({ newRun: { by: 'start' }, olderRuns: 4, runListOrder });
    const page = await call(sim, 'GET', `${P}/runs?page=1&perPage=3`);
    expect(ids(page.json)).toEqual(first);
    expect(page.headers.get('x-total-pages')).toBe('2');
  });

  it('push: the run appears once the list was read afterListReads times, and the deploy job list follows', async () => {
    const sim = await start({ newRun: { by: 'push', afterListReads: 2 } });
    expect(ids((await call(sim, 'GET', `${P}/runs`)).json)).toEqual(['87']);
    expect((await call(sim, 'GET', `${P}/listTasksByCategory/DEPLOY`)).text).toContain('"lastJobId":5550001');
    expect(ids((await call(sim, 'GET', `${P}/runs`)).json)).toEqual(['87']);
    expect(ids((await call(sim, 'GET', `${P}/runs`)).json)).toEqual(['88', '87']);
    expect((await call(sim, 'GET', `${P}/runs/88`)).text).toContain('"triggerMode":3');
    expect((await call(sim, 'GET', `${P}/listTasksByCategory/DEPLOY`)).text).toContain('"lastJobId":5550002');
  });
});

describe('the classic API', () => {
  const KEY = { id: 'AK1', secret: 'classic-start-secret-0123' };

  async function classic(
    sim: Simulator,
    method: string,
    path: string[],
    action: string,
    opts: { query?: Record<string, string>; body?: string; root?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const segments = [opts.root ?? 'organization', ORG, ...path];
    const contentType = opts.body !== undefined ? 'application/x-www-form-urlencoded' : undefined;
    const signed = signRequest({
      method,
      host: new URL(sim.url).host,
      path: segments,
      query: opts.query ?? {},
      body: opts.body,
      contentType,
      action,
      version: '2021-06-25',
      accessKeyId: KEY.id,
      accessKeySecret: KEY.secret,
    });
    const qs = canonicalQuery(opts.query ?? {});
    const res = await fetch(`${sim.url}${encodePath(segments)}${qs ? `?${qs}` : ''}`, {
      method,
      headers: signed.headers,
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('StartPipelineRun: /organizations/ (plural), a form body, the envelope with pipelineRunId', async () => {
    const sim = await start(
      { newRun: { by: 'start' } },
      { accessKeys: { [KEY.id]: { secret: KEY.secret } } },
    );
    const params = JSON.stringify({ runningTags: { [REPO]: 'v1' } });
    const r = await classic(sim, 'POST', ['pipelines', '1234567', 'run'], 'StartPipelineRun', {
      root: 'organizations',
      body: `params=${encodeURIComponent(params)}`,
    });
    expect(r).toMatchObject({ status: 200, body: { success: true, pipelineRunId: 88 } });
    expect(sim.runs.started).toEqual([{ id: '88', params: { runningTags: { [REPO]: 'v1' } } }]);
    // the singular path is not StartPipelineRun's
    const wrong = await classic(sim, 'POST', ['pipelines', '1234567', 'run'], 'StartPipelineRun', {
      body: 'params=%7B%7D',
    });
    expect(wrong.status).toBe(404);
  });

  it('GetPipeline and ListPipelineRuns (maxResults, nextToken)', async () => {
    const sim = await start(
      { newRun: { by: 'start' }, olderRuns: 2 },
      { accessKeys: { [KEY.id]: { secret: KEY.secret } } },
    );
    const def = await classic(sim, 'GET', ['pipelines', '1234567'], 'GetPipeline');
    expect(JSON.stringify(def.body['pipeline'])).toContain(REPO);
    const first = await classic(sim, 'GET', ['pipelines', '1234567', 'pipelineRuns'], 'ListPipelineRuns', {
      query: { maxResults: '2' },
    });
    expect(first.body).toMatchObject({ nextToken: '2', totalCount: 3 });
    expect(ids(first.body['pipelineRuns'])).toEqual(['87', '86']);
  });
});
