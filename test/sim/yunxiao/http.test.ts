// The OpenAPI over HTTP: editions, the token, errors, paging, the actions and the run discovery
// options, the clocks, the request log, and plugging a second route table over the same state.
// Plain fetch only (never src/).
import { describe, expect, it } from 'vitest';
import {
  errorReply,
  machines,
  scenario,
  startSimulator,
  stringify,
  tableDialect,
  type Scenario,
  type Simulator,
  type SimulatorOptions,
} from '../../../sim/yunxiao/index.js';
import { simulatorsPerTest } from '../../support/simulators.js';

const TOKEN = 'pt-httpTestToken_0123456789';
const ORG = '5ebbc0228123212b59e2e111';
const launch = simulatorsPerTest();

function start(over: Partial<Scenario> = {}, opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return launch({ edition: 'central', organizationId: ORG, token: TOKEN, scenario: scenario(over), ...opts });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function call(
  sim: Simulator,
  method: string,
  path: string,
  token: string | null = TOKEN,
): Promise<Answer> {
  const res = await fetch(`${sim.url}/oapi/v1/flow${path}`, {
    method,
    headers: token === null ? {} : { 'x-yunxiao-token': token },
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const C = `/organizations/${ORG}`;
const ORDER = `${C}/pipelines/1234567/deploy/44178813`;
type Order = {
  status: string;
  currentBatch: number;
  actions: Array<{ type: string; disable: boolean }>;
  deployMachineInfo: {
    deployMachines: Array<{
      machineSn: string;
      status: string;
      actions: Array<{ type: string; disable: boolean }>;
    }>;
  };
};
const readOrder = async (sim: Simulator, path = ORDER): Promise<Order> =>
  (await call(sim, 'GET', path)).json as Order;
const errorCode = (a: Answer): unknown => (a.json as { errorCode?: unknown } | undefined)?.errorCode;

describe('editions, token, organization', () => {
  it('central: org segment required; the region form is UnsupportedInCurrentEnv; another org is 403', async () => {
    const sim = await start();
    expect((await call(sim, 'GET', ORDER)).status).toBe(200);
    const region = await call(sim, 'GET', '/pipelines/1234567/deploy/44178813');
    expect([region.status, errorCode(region)]).toEqual([400, 'UnsupportedInCurrentEnv']);
    const other = await call(sim, 'GET', '/organizations/someone-else/pipelines/1234567/deploy/44178813');
    expect([other.status, errorCode(other)]).toEqual([
      403,
      'Forbidden.InvalidUser.UserNotInCurrentOrganization',
    ]);
  });

  it('region: no org segment; the central form is UnsupportedInCurrentEnv', async () => {
    const sim = await start({}, { edition: 'region', organizationId: undefined });
    expect((await call(sim, 'GET', '/pipelines/1234567/deploy/44178813')).status).toBe(200);
    const central = await call(sim, 'GET', ORDER);
    expect([central.status, errorCode(central)]).toEqual([400, 'UnsupportedInCurrentEnv']);
  });

  it('central without an organizationId is a setup error', async () => {
    await expect(startSimulator({ edition: 'central', token: TOKEN, scenario: scenario() })).rejects.toThrow(
      /organizationId/,
    );
  });

  it('a missing or wrong token is 401 InvalidTokenError with the documented error body, and changes nothing', async () => {
    const sim = await start();
    for (const token of [null, 'pt-wrong', '']) {
      const a = await call(sim, 'PUT', `${ORDER}/stop`, token);
      expect([a.status, errorCode(a)]).toEqual([401, 'InvalidTokenError']);
      expect(Object.keys(a.json as object).sort()).toEqual([
        'code',
        'errorCode',
        'errorDescription',
        'errorMessage',
        'traceId',
      ]);
      expect(a.text).not.toContain(TOKEN);
    }
    expect(sim.order().status).toBe('Running');
  });

  it('unknown pipeline, run, order, machine and path are 404', async () => {
    const sim = await start();
    const paths = [
      `${C}/pipelines/999/listTasksByCategory/DEPLOY`,
      `${C}/pipelines/1234567/runs/999`,
      `${C}/pipelines/1234567/deploy/999`,
      `${ORDER}/machine/nope/log`,
      `${C}/pipelines/1234567/nothing-here`,
    ];
    for (const p of paths) {
      const a = await call(sim, 'GET', p);
      expect([p, a.status, (a.json as { code?: number }).code]).toEqual([p, 404, 404]);
    }
    const skip = await call(sim, 'PUT', `${ORDER}/machine/nope/skip`);
    expect(skip.status).toBe(404);
    expect(sim.requests.at(-2)?.operation).toBe('Unknown');
  });
});

describe('paging of ListPipelineJobHistorys', () => {
  it('perPage is capped at 30; the headers walk the pages and the last run is on the last page', async () => {
    const sim = await start({ olderHistoryRows: 64 });
    const pages: unknown[][] = [];
    let page = '1';
    while (page) {
      const a = await call(
        sim,
        'GET',
        `${C}/pipelines/getComponentsWithoutButtons?pipelineId=1234567&category=DEPLOY&identifier=deploy_prod&page=${page}&perPage=100`,
      );
      expect(a.headers.get('x-total')).toBe('65');
      expect(a.headers.get('x-total-pages')).toBe('3');
      expect(a.headers.get('x-per-page')).toBe('30');
      expect(a.headers.get('x-page')).toBe(page);
      expect(a.headers.get('x-prev-page')).toBe(page === '1' ? '' : String(Number(page) - 1));
      expect(a.headers.get('x-request-id')).toMatch(/\S/);
      pages.push(a.json as unknown[]);
      page = a.headers.get('x-next-page') ?? '';
    }
    expect(pages.map((p) => p.length)).toEqual([30, 30, 5]);
    const last = pages.at(-1)!.at(-1) as { jobId: number; pipelineRunId: number };
    expect([last.jobId, last.pipelineRunId]).toEqual([5550002, 88]);
  });
});

describe('the deploy order over HTTP', () => {
  it('poll clock: each GetVMDeployOrder advances one tick before answering', async () => {
    const sim = await start();
    expect(sim.order().machines.map((m) => m.status)).toEqual(['Queued', 'Queued', 'Pending', 'Pending']);
    const o1 = await readOrder(sim);
    expect(o1.deployMachineInfo.deployMachines.map((m) => m.status)).toEqual([
      'Running',
      'Running',
      'Pending',
      'Pending',
    ]);
    const o2 = await readOrder(sim);
    expect([o2.currentBatch, o2.deployMachineInfo.deployMachines.map((m) => m.status)]).toEqual([
      2,
      ['Success', 'Success', 'Queued', 'Queued'],
    ]);
    await readOrder(sim);
    const o4 = await readOrder(sim);
    expect(o4.status).toBe('Success');
    expect(sim.finalAt).toBeGreaterThan(0);
    // other reads do not advance
    await call(sim, 'GET', `${C}/pipelines/1234567/runs/88`);
    expect(sim.order().status).toBe('Success');
  });

  it('skip, retry, resume and stop answer true; a disabled action is a 400 with an errorCode', async () => {
    const b1 = machines(2, 1);
    b1[0] = { ...b1[0]!, failTimes: 1 };
    b1[1] = { ...b1[1]!, unreachable: true, retryDisabled: true };
    const sim = await start({ batches: [b1, machines(1, 2), machines(1, 3)], pauseBetweenBatches: true });
    await readOrder(sim);
    const o = await readOrder(sim); // m1-01 failed once, m1-02 unreachable
    expect(o.status).toBe('Waiting');
    const byType = (a: Array<{ type: string; disable: boolean }>): Record<string, boolean> =>
      Object.fromEntries(a.map((x) => [x.type, x.disable]));
    expect(byType(o.actions)).toEqual({ StopVMDeployOrder: false, ResumeVMDeployOrder: true });
    expect(byType(o.deployMachineInfo.deployMachines[1]!.actions)).toEqual({
      RetryVMDeployMachine: true,
      SkipVMDeployMachine: false,
      LogVMDeployMachine: false,
    });

    const resume = await call(sim, 'PUT', `${ORDER}/resume`);
    expect([resume.status, errorCode(resume)]).toEqual([400, 'BadRequest']);
    const retry2 = await call(sim, 'PUT', `${ORDER}/machine/m1-02/retry`);
    expect(retry2.status).toBe(400);
    expect((await call(sim, 'PUT', `${ORDER}/machine/m1-02/skip`)).text).toBe('true');
    expect((await call(sim, 'PUT', `${ORDER}/machine/m1-01/retry`)).text).toBe('true');
    expect(sim.order().machines[0]!.status).toBe('Queued');
    await readOrder(sim);
    const paused = await readOrder(sim); // batch 1 done; paused between batches
    expect([paused.status, paused.currentBatch, byType(paused.actions).ResumeVMDeployOrder]).toEqual([
      'Waiting',
      1,
      false,
    ]);
    expect((await call(sim, 'PUT', `${ORDER}/resume`)).text).toBe('true');
    expect([sim.order().status, sim.order().currentBatch]).toEqual(['Running', 2]);
    expect((await call(sim, 'PUT', `${ORDER}/stop`)).text).toBe('true');
    expect(sim.order().machines.map((m) => m.status)).toEqual([
      'Success',
      'Skipped',
      'Cancelled',
      'Cancelled',
    ]);
    const again = await call(sim, 'PUT', `${ORDER}/stop`);
    expect(again.status).toBe(400);
    expect(sim.requests.filter((r) => r.method === 'PUT').map((r) => [r.operation, r.status])).toEqual([
      ['ResumeVMDeployOrder', 400],
      ['RetryVMDeployMachine', 400],
      ['SkipVMDeployMachine', 200],
      ['RetryVMDeployMachine', 200],
      ['ResumeVMDeployOrder', 200],
      ['StopVMDeployOrder', 200],
      ['StopVMDeployOrder', 400],
    ]);
  });

  it('scheduled events: someone else skips a machine, then someone cancels in Yunxiao', async () => {
    const sim = await start({
      batches: [machines(2, 1, { runTicks: 5 })],
      events: [
        { atTick: 1, kind: 'skip-by-other', sn: 'm1-02' },
        { atTick: 3, kind: 'cancel' },
      ],
    });
    const o1 = await readOrder(sim);
    expect(o1.deployMachineInfo.deployMachines.map((m) => m.status)).toEqual(['Running', 'Skipped']);
    await readOrder(sim);
    const o3 = await readOrder(sim);
    expect([o3.status, o3.deployMachineInfo.deployMachines.map((m) => m.status)]).toEqual([
      'Cancelled',
      ['Cancelled', 'Skipped'],
    ]);
  });

  it('the machine log: the documented fields and a multi-line log', async () => {
    const sim = await start({ batches: [[{ sn: 'x', ip: '10.2.3.4', unreachable: true }]] });
    await readOrder(sim);
    const log = (await call(sim, 'GET', `${ORDER}/machine/x/log`)).json as Record<string, string>;
    expect(log['deployLog']!.split('\n').length).toBeGreaterThan(2);
    expect(log['deployLog']).toContain('10.2.3.4');
    expect(log['deployLogPath']).toContain('x');
    // strings of epoch milliseconds, as the OpenAPI page shows them
    expect(log['deployBeginTime']).toMatch(/^\d{13}$/);
    expect(log['deployEndTime']).toMatch(/^\d{13}$/);
  });

  it('time clock: the deploy advances without polls', async () => {
    const sim = await start({}, { clock: { mode: 'time', tickMs: 5 } });
    while (!sim.finalAt) await new Promise((r) => setTimeout(r, 5));
    expect(sim.order().status).toBe('Success');
    expect(sim.requests).toEqual([]);
  });
});

describe('from a pipeline to its order', () => {
  const deployAction = (run: unknown): Record<string, unknown> | undefined => {
    const stages = (
      run as { stages: Array<{ stageInfo: { jobs: Array<{ actions: Array<Record<string, unknown>> }> } }> }
    ).stages;
    return stages
      .flatMap((s) => s.stageInfo.jobs.flatMap((j) => j.actions))
      .find((a) => a['type'] === 'GetVMDeployOrder');
  };

  it('deployJobAppearsAfterReads: the run is RUNNING without the action for the first n reads', async () => {
    const sim = await start({ deployJobAppearsAfterReads: 2 });
    for (const path of [`${C}/pipelines/1234567/runs/88`, `${C}/pipelines/1234567/runs/latestPipelineRun`]) {
      const run = (await call(sim, 'GET', path)).json as { status: string };
      expect([run.status, deployAction(run)]).toEqual(['RUNNING', undefined]);
    }
    const a = (await call(sim, 'GET', `${C}/pipelines/1234567/runs/88`)).json;
    expect(deployAction(a)).toMatchObject({ params: { deployOrderId: 44178813 }, disable: false });
  });

  it('the deploy job carries the order id in params and in data, and a result string', async () => {
    const sim = await start({});
    const { text, json } = await call(sim, 'GET', `${C}/pipelines/1234567/runs/88`);
    const a = deployAction(json)!;
    expect(text).toContain('"params":{"deployOrderId":44178813}');
    expect(a['data']).toBe('{"deployOrderId":44178813,"status":"RUNNING"}');
    expect(text).toMatch(
      /"result":"\{\\"message\\":\\"deploy\.running\\",\\"requestId\\":\\"[^"\\]+\\",\\"successful\\":true\}"/,
    );
  });

  it('orderIdOnlyInData: params.deployOrderId null, the id in data as raw digits', async () => {
    const sim = await start({ orderIdOnlyInData: true, deployOrderId: '9007199254740993' });
    const { text, json } = await call(sim, 'GET', `${C}/pipelines/1234567/runs/88`);
    const a = deployAction(json)!;
    expect(a['params']).toEqual({ deployOrderId: null });
    expect(a['data']).toBe('{"deployOrderId":9007199254740993,"status":"RUNNING"}');
    expect(text).toContain('9007199254740993');
  });

  it('runEndsWithoutOrder: the run FAILs and no job carries the action', async () => {
    const sim = await start({ runEndsWithoutOrder: true });
    const run = (await call(sim, 'GET', `${C}/pipelines/1234567/runs/88`)).json as { status: string };
    expect([run.status, deployAction(run)]).toEqual(['FAIL', undefined]);
  });

  it('big ids everywhere arrive as raw digits', async () => {
    const ids = {
      pipelineId: '9223372036854775807',
      pipelineRunId: '9007199254740995',
      deployOrderId: '18446744073709551615',
      jobs: [{ identifier: 'd', jobName: 'D', jobId: '9007199254740997' }],
    };
    const sim = await start({
      ...ids,
      emas: {
        serviceConnectionId: '9007199254740999',
        emasJobInstanceId: '9007199254741001',
        md5: 'x',
        url: 'u',
      },
    });
    const jobs = (await call(sim, 'GET', `${C}/pipelines/${ids.pipelineId}/listTasksByCategory/DEPLOY`)).text;
    expect(jobs).toContain('"lastJobId":9007199254740997');
    const hist = (
      await call(
        sim,
        'GET',
        `${C}/pipelines/getComponentsWithoutButtons?pipelineId=${ids.pipelineId}&identifier=d`,
      )
    ).text;
    expect(hist).toContain('"jobId":9007199254740997');
    expect(hist).toContain('"pipelineRunId":9007199254740995');
    const run = (await call(sim, 'GET', `${C}/pipelines/${ids.pipelineId}/runs/${ids.pipelineRunId}`)).text;
    expect(run).toContain('"deployOrderId":18446744073709551615');
    expect(run).toContain('"serviceConnectionId":9007199254740999');
    expect(run).toContain('"emasJobInstanceId":9007199254741001');
    const order = (await call(sim, 'GET', `${C}/pipelines/${ids.pipelineId}/deploy/${ids.deployOrderId}`))
      .text;
    expect(order).toContain('"deployOrderId":18446744073709551615');
  });

  it('the EMAS URL: a bare string for matching params, 400 when one is missing, 404 otherwise', async () => {
    const emas = {
      serviceConnectionId: '7',
      emasJobInstanceId: '8',
      md5: 'abc',
      url: 'https://e.example/a.apk?x=1',
    };
    const sim = await start({ emas });
    const q = (o: Record<string, string>): string =>
      `${C}/pipelines/getEmasArtifactDownloadUrl?${new URLSearchParams(o).toString()}`;
    const full = {
      emasJobInstanceId: '8',
      md5: 'abc',
      pipelineId: '1234567',
      pipelineRunId: '88',
      serviceConnectionId: '7',
    };
    const good = await call(sim, 'GET', q(full));
    // bare and unquoted, as the API page's example shows it
    expect([good.status, good.text]).toEqual([200, emas.url]);
    expect((await call(sim, 'GET', q({ ...full, md5: '' }))).status).toBe(400);
    expect((await call(sim, 'GET', q({ ...full, md5: 'other' }))).status).toBe(404);
  });
});

describe('the request log', () => {
  it('records method, path, query, operation, status and headers of every request in order', async () => {
    const sim = await start();
    await call(sim, 'GET', `${C}/pipelines/1234567/listTasksByCategory/DEPLOY`);
    await call(
      sim,
      'GET',
      `${C}/pipelines/getComponentsWithoutButtons?pipelineId=1234567&identifier=deploy_prod&page=1`,
    );
    await call(sim, 'GET', ORDER, 'pt-bad');
    expect(sim.requests.map((r) => [r.method, r.operation, r.status])).toEqual([
      ['GET', 'ListPipelineJobs', 200],
      ['GET', 'ListPipelineJobHistorys', 200],
      ['GET', 'GetVMDeployOrder', 401],
    ]);
    expect(sim.requests[1]!.query).toMatchObject({
      pipelineId: '1234567',
      identifier: 'deploy_prod',
      page: '1',
    });
    expect(sim.requests[1]!.path).toBe(`/oapi/v1/flow${C}/pipelines/getComponentsWithoutButtons`);
    expect(sim.requests[2]!.headers['x-yunxiao-token']).toBe('pt-bad');
    expect(sim.requests[0]!.at).toBeGreaterThan(0);
  });
});

describe('a second route table over the same state', () => {
  it('a dialect passed in `dialects` reads and changes the order the OpenAPI serves', async () => {
    const custom = tableDialect<string>({
      parse: (req) =>
        req.path.startsWith('/custom/') ? { rest: req.path.slice('/custom'.length), scope: '' } : undefined,
      guard: (req) => (req.headers['x-key'] === 'k' ? undefined : errorReply(401, 'Unauthorized', 'no key')),
      routes: [
        {
          operation: 'CustomSkip',
          method: 'POST',
          path: '/machines/:sn/skip',
          handle: (p, _req, ctx) => {
            const r = ctx.engine.skip(p['sn']!);
            return { status: r.ok ? 200 : r.status, body: stringify({ ok: r.ok }) };
          },
        },
      ],
      notFound: () => errorReply(404, 'NotFound', 'no'),
    });
    const sim = await start({}, { dialects: [custom] });
    const denied = await fetch(`${sim.url}/custom/machines/m2-01/skip`, { method: 'POST' });
    expect(denied.status).toBe(401);
    const res = await fetch(`${sim.url}/custom/machines/m2-01/skip`, {
      method: 'POST',
      headers: { 'x-key': 'k' },
    });
    expect(await res.json()).toEqual({ ok: true });
    const o = await readOrder(sim);
    expect(o.deployMachineInfo.deployMachines.find((m) => m.machineSn === 'm2-01')?.status).toBe('Skipped');
    expect(sim.requests.map((r) => r.operation)).toEqual(['CustomSkip', 'CustomSkip', 'GetVMDeployOrder']);
  });
});
