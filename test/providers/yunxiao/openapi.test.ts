// The OpenAPI client, one HTTP exchange at a time (nock), plus a real socket where a hang is needed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/http/errors.js';
import { OpenApiClient } from '../../../src/providers/yunxiao/openapi.js';

const HOST = 'https://openapi-rdc.aliyuncs.com';
const TOKEN = 'pt-unitTestSecret_abcdef0123456789';
const ORG = 'org123';
const P = `/oapi/v1/flow/organizations/${ORG}/pipelines/7`;
const ORDER = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  deployOrderId: 1111,
  status: 'Running',
  currentBatch: 1,
  totalBatch: 2,
  actions: [],
  deployMachineInfo: { hostGroupId: 5, deployMachines: [] },
  ...over,
});

let debug: string[] = [];
const dispatcher = new Agent();
function client(over: Partial<ConstructorParameters<typeof OpenApiClient>[0]> = {}): OpenApiClient {
  return new OpenApiClient({
    endpoint: HOST,
    edition: 'central',
    organizationId: ORG,
    token: TOKEN,
    dispatcher,
    debug: (l) => debug.push(l),
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    random: () => 0.5,
    ...over,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  debug = [];
});
afterAll(() => nock.enableNetConnect());

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('paths, headers and shapes', () => {
  it('central edition: /organizations/{id} in the path, token and user agent headers', async () => {
    const scope = nock(HOST, {
      reqheaders: { 'x-yunxiao-token': TOKEN, 'user-agent': /^yunxiao-deploy-gate\/0\.1\.0$/ },
    })
      .get(`${P}/deploy/1111`)
      .reply(200, ORDER());
    const { snapshot, raw } = await client().getDeployOrder('7', '1111');
    expect(snapshot.id).toBe('1111');
    expect(JSON.parse(raw.text())).toMatchObject({
      deployOrderId: 1111,
      deployMachineInfo: { hostGroupId: 5 },
    });
    scope.done();
  });

  it('region edition: no organization segment', async () => {
    const scope = nock('https://acme.devops.aliyuncs.com')
      .get('/oapi/v1/flow/pipelines/7/deploy/1111')
      .reply(200, ORDER());
    await client({
      endpoint: 'https://acme.devops.aliyuncs.com',
      edition: 'region',
      organizationId: undefined,
    }).getDeployOrder('7', '1111');
    scope.done();
  });

  it('keeps ids above 2^53 exact, in the order and in the raw order', async () => {
    const body = `{"deployOrderId":9007199254740993,"status":"Running","currentBatch":1,"totalBatch":1,"actions":[],"deployMachineInfo":{"hostGroupId":9007199254740995,"deployMachines":[{"machineSn":"a","ip":"1.1.1.1","status":"Queued","clientStatus":"ok","batchNum":1,"actions":[]}]}}`;
    nock(HOST).get(`${P}/deploy/9007199254740993`).reply(200, body);
    const { snapshot, raw } = await client().getDeployOrder('7', '9007199254740993');
    expect(snapshot.id).toBe('9007199254740993');
    expect(JSON.parse(raw.text())).toMatchObject({
      deployOrderId: '9007199254740993',
      deployMachineInfo: { hostGroupId: '9007199254740995' },
    });
  });

  it('each read comes with its own answer as it came; a failed read in between spoils neither', async () => {
    const c = client();
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(200, ORDER({ status: 'Running', unknownField: [1] }));
    const first = (await c.getDeployOrder('7', '1111')).raw;
    expect(JSON.parse(first.text())).toMatchObject({ status: 'Running', unknownField: [1] });
    expect(first.isObject).toBe(true);
    nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, '{"status":"Success", "deployMachineInfo": [');
    const err = await failure(c.getDeployOrder('7', '1111'));
    expect(err.message).toContain('not JSON');
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(200, ORDER({ status: 'Success' }));
    const third = await c.getDeployOrder('7', '1111');
    expect(third.snapshot.status).toBe('Success');
    expect(JSON.parse(third.raw.text())).toMatchObject({ status: 'Success' });
  });

  it('a machine that is not an object is a shape error naming it, after the whole answer was checked', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .times(3)
      .reply(200, ORDER({ deployMachineInfo: { deployMachines: [{ machineSn: 'a' }, 42] } }));
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).toContain('expected a deploy machine to be a JSON object, got number');
    expect(err.message).toContain('3 bad answers in a row');
    expect(err.retryable).toBe(false);
  });

  it('pages the job history with x-next-page', async () => {
    nock(HOST)
      .get(`/oapi/v1/flow/organizations/${ORG}/pipelines/getComponentsWithoutButtons`)
      .query({ pipelineId: '7', category: 'DEPLOY', identifier: 'd', page: '1', perPage: '30' })
      .reply(200, [{ jobId: 1, pipelineRunId: 2, identifier: 'd', jobName: 'D', status: 'SUCCESS' }], {
        'x-next-page': '2',
      })
      .get(`/oapi/v1/flow/organizations/${ORG}/pipelines/getComponentsWithoutButtons`)
      .query(true)
      .reply(200, [], { 'x-next-page': '' });
    const first = await client().listJobHistory('7', 'd', undefined);
    expect(first).toEqual({
      items: [expect.objectContaining({ jobId: '1', pipelineRunId: '2' })],
      next: '2',
    });
    expect((await client().listJobHistory('7', 'd', '2')).next).toBeUndefined();
  });

  it('writes are PUTs answering a bare boolean', async () => {
    nock(HOST).put(`${P}/deploy/1111/machine/sn%201/skip`).reply(200, 'true');
    expect(await client().skipMachine('7', '1111', 'sn 1')).toBe(true);
  });

  it('the EMAS URL is a bare string', async () => {
    nock(HOST)
      .get(`/oapi/v1/flow/organizations/${ORG}/pipelines/getEmasArtifactDownloadUrl`)
      .query(true)
      .reply(200, '"https://x.example.com/a.apk"');
    const url = await client().getEmasArtifactUrl({
      pipelineId: '7',
      pipelineRunId: '8',
      emasJobInstanceId: '9',
      md5: 'm',
      serviceConnectionId: '1',
    });
    expect(url).toBe('https://x.example.com/a.apk');
  });
});

describe('the other operations', () => {
  const R = `/oapi/v1/flow/organizations/${ORG}/pipelines`;
  const RUN = {
    pipelineRunId: 900719925474099, // an exact id above 2^53 is covered by the deploy order test
    pipelineId: 7,
    status: 'RUNNING',
    stages: [
      { name: 'S', stageInfo: { name: 'S', jobs: [{ id: 3, name: 'J', status: 'RUNNING', actions: [] }] } },
    ],
  };

  it('refuses the central edition without an organization id', () => {
    expect(() => client({ organizationId: undefined })).toThrow(/organization-id/);
  });

  it('sends accept: application/json and encodes path segments', async () => {
    const scope = nock(HOST, { reqheaders: { accept: 'application/json' } })
      .get(`/oapi/v1/flow/organizations/${ORG}/pipelines/a%2Fb/listTasksByCategory/DEPLOY`)
      .reply(200, '[{"identifier":"d","jobName":"D","lastJobId":9007199254740993,"lastJobParams":"{}"}]');
    expect(await client().listDeployJobs('a/b')).toEqual([
      { identifier: 'd', jobName: 'D', lastJobId: '9007199254740993', lastJobParams: '{}' },
    ]);
    scope.done();
  });

  it('reads a run by id, and the latest run', async () => {
    nock(HOST)
      .get(`${R}/7/runs/900719925474099`)
      .reply(200, RUN)
      .get(`${R}/7/runs/latestPipelineRun`)
      .reply(200, RUN);
    const run = await client().getPipelineRun('7', '900719925474099');
    expect(run.pipelineRunId).toBe('900719925474099');
    expect(run.jobs).toEqual([{ id: '3', name: 'J', status: 'RUNNING', stageName: 'S', actions: [] }]);
    expect((await client().getLatestPipelineRun('7')).status).toBe('RUNNING');
  });

  it('reads a machine log', async () => {
    nock(HOST)
      .get(`${R}/7/deploy/1111/machine/sn-1/log`)
      .reply(200, { deployLog: 'hello', deployLogPath: '/p', aliyunRegion: 'cn-hangzhou' });
    expect(await client().getMachineLog('7', '1111', 'sn-1')).toEqual({
      deployLog: 'hello',
      deployLogPath: '/p',
      aliyunRegion: 'cn-hangzhou',
    });
  });

  it('stop, resume and retry are PUTs to their paths', async () => {
    const scope = nock(HOST)
      .put(`${R}/7/deploy/1111/stop`)
      .reply(200, 'true')
      .put(`${R}/7/deploy/1111/resume`)
      .reply(200, 'false')
      .put(`${R}/7/deploy/1111/machine/m/retry`)
      .reply(200, 'true');
    expect(await client().stopDeployOrder('7', '1111')).toBe(true);
    expect(await client().resumeDeployOrder('7', '1111')).toBe(false);
    expect(await client().retryMachine('7', '1111', 'm')).toBe(true);
    scope.done();
  });

  it('the EMAS URL may come as plain text', async () => {
    nock(HOST)
      .get(`${R}/getEmasArtifactDownloadUrl`)
      .query({
        emasJobInstanceId: '9',
        md5: 'm',
        pipelineId: '7',
        pipelineRunId: '8',
        serviceConnectionId: '1',
      })
      .reply(200, 'https://x.example.com/b.apk\n');
    const url = await client().getEmasArtifactUrl({
      pipelineId: '7',
      pipelineRunId: '8',
      emasJobInstanceId: '9',
      md5: 'm',
      serviceConnectionId: '1',
    });
    expect(url).toBe('https://x.example.com/b.apk');
  });

  it('history pages: x-total-pages when there is no x-next-page, else a full page may have more', async () => {
    const rows = (n: number): unknown[] =>
      Array.from({ length: n }, (_, i) => ({
        jobId: i,
        pipelineRunId: i,
        identifier: 'd',
        status: 'SUCCESS',
      }));
    nock(HOST)
      .get(`${R}/getComponentsWithoutButtons`)
      .query((q) => q['page'] === '2')
      .reply(200, rows(30), { 'x-total-pages': '3' })
      .get(`${R}/getComponentsWithoutButtons`)
      .query((q) => q['page'] === '3')
      .reply(200, rows(30), { 'x-total-pages': '3' })
      .get(`${R}/getComponentsWithoutButtons`)
      .query((q) => q['page'] === '4')
      .reply(200, rows(30))
      .get(`${R}/getComponentsWithoutButtons`)
      .query((q) => q['page'] === '5')
      .reply(200, rows(29));
    expect((await client().listJobHistory('7', 'd', '2')).next).toBe('3');
    expect((await client().listJobHistory('7', 'd', '3')).next).toBeUndefined();
    expect((await client().listJobHistory('7', 'd', '4')).next).toBe('5');
    const last = await client().listJobHistory('7', 'd', '5');
    expect(last.items).toHaveLength(29);
    expect(last.next).toBeUndefined();
  });

  it("an answer of the wrong kind is this operation's error, not a crash", async () => {
    nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, '[1,2]');
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err).toMatchObject({ operation: 'GetVMDeployOrder', status: 200, retryable: false });
    expect(err.message).toContain('expected the deploy order to be a JSON object');
  });
});

describe('retries', () => {
  it.each([408, 429, 500, 502, 503])('retries a read after HTTP %i', async (status) => {
    const scope = nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(status, { errorCode: 'X' })
      .get(`${P}/deploy/1111`)
      .reply(200, ORDER());
    expect((await client().getDeployOrder('7', '1111')).snapshot.status).toBe('Running');
    scope.done();
  });

  it.each([400, 401, 403, 404])('never retries HTTP %i', async (status) => {
    nock(HOST).get(`${P}/deploy/1111`).reply(status, { errorCode: 'E', errorMessage: 'no' });
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.status).toBe(status);
    expect(err.retryable).toBe(false);
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(1);
  });

  it('gives up after maxAttempts', async () => {
    nock(HOST).get(`${P}/deploy/1111`).times(4).reply(503, 'busy');
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.status).toBe(503);
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(4);
  });

  it('honours Retry-After (seconds, or an HTTP date) instead of the backoff', async () => {
    const reason = new Error('enough');
    const controller = new AbortController();
    const c = client({
      debug: (l) => {
        debug.push(l);
        if (l.includes('retrying in')) setTimeout(() => controller.abort(reason), 5);
      },
    });
    nock(HOST).get(`${P}/deploy/1111`).reply(429, {}, { 'retry-after': '9' });
    await expect(c.getDeployOrder('7', '1111', { signal: controller.signal })).rejects.toBe(reason);
    expect(debug.some((l) => l.includes('retrying in 9000 ms'))).toBe(true);
  });

  it('does not repeat a write after a 5xx (it may have been applied)', async () => {
    nock(HOST).put(`${P}/deploy/1111/machine/a/retry`).reply(502, 'bad gateway');
    const err = await failure(client().retryMachine('7', '1111', 'a'));
    expect(err.retryable).toBe(true);
    expect(debug.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
  });

  it('repeats a write refused with 429 (never processed)', async () => {
    const scope = nock(HOST)
      .put(`${P}/deploy/1111/machine/a/skip`)
      .reply(429, {})
      .put(`${P}/deploy/1111/machine/a/skip`)
      .reply(200, 'true');
    expect(await client().skipMachine('7', '1111', 'a')).toBe(true);
    scope.done();
  });
});

describe('network failures (real sockets)', () => {
  let server: Server;
  let url: string;
  let calls = 0;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    // Resets every odd request, answers every even one.
    server = createServer((req, res) => {
      calls++;
      if (calls % 2 === 1) return req.socket.destroy();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(req.method === 'PUT' ? 'true' : JSON.stringify(ORDER()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const local = (endpoint: string): OpenApiClient =>
    client({ endpoint, edition: 'region', organizationId: undefined });

  it('retries a read after a connection reset', async () => {
    calls = 0;
    expect((await local(url).getDeployOrder('7', '1111')).snapshot.status).toBe('Running');
    expect(calls).toBe(2);
  });

  it('does not repeat a write after a reset', async () => {
    calls = 0;
    const err = await failure(local(url).retryMachine('7', '1111', 'a'));
    expect(err.retryable).toBe(true);
    expect(calls).toBe(1);
  });

  it('repeats a write when the connection is refused (it never reached the server)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await failure(local(`http://127.0.0.1:${port}`).skipMachine('7', '1111', 'a'));
    expect(err.errorCode).toBe('ECONNREFUSED');
    expect(debug.filter((l) => l.startsWith('PUT'))).toHaveLength(4); // every attempt
  });
});

describe('errors and hints', () => {
  it.each([
    [401, 'InvalidTokenError', /invalid or expired/],
    [403, 'Forbidden', /lacks the permission Flow > host deployment \(read-only\)/],
    [403, 'Forbidden.InvalidUser.UserNotInCurrentOrganization', /not a member of this organisation/],
    [403, 'Forbidden.InvalidOrganizationMember', /not a member of this organisation/],
    [404, 'NotFound', /check the pipeline, run and deploy order ids/],
    [400, 'UnsupportedInCurrentEnv', /set `edition`/],
  ])('HTTP %i %s', async (status, code, hint) => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(status, { traceId: 'tr-1', code: status, errorCode: code, errorMessage: 'msg' });
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err).toMatchObject({ status, errorCode: code, errorMessage: 'msg', requestId: 'tr-1' });
    expect(err.message).toMatch(hint);
    expect(err.message).toContain(`HTTP ${status}`);
  });

  it('403 on a write names the read-write permission; x-request-id is the request id', async () => {
    nock(HOST)
      .put(`${P}/deploy/1111/machine/a/skip`)
      .reply(
        403,
        { traceId: 'tr-2', errorCode: 'Forbidden', errorMessage: 'denied' },
        { 'x-request-id': 'rq-9' },
      );
    const err = await failure(client().skipMachine('7', '1111', 'a'));
    expect(err.requestId).toBe('rq-9');
    expect(err.message).toMatch(
      /^SkipVMDeployMachine failed: HTTP 403 Forbidden: denied \(request id rq-9\)\. Hint: .*Flow > host deployment \(read-write\)/,
    );
  });

  it('an HTML body gives the status and the start of the page', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .times(4)
      .reply(502, '<html>\n<head><title>502 Bad Gateway</title></head></html>');
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).toContain('HTTP 502');
    expect(err.message).toContain('<html> <head><title>502 Bad Gateway');
  });

  it('the token never appears in debug lines or messages, even when echoed back', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(401, { errorCode: 'InvalidTokenError', errorMessage: `token ${TOKEN} is invalid` });
    const err = await failure(client().getDeployOrder('7', '1111'));
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(200, `<html>${TOKEN}</html>`)
      .get(`${P}/deploy/1111`)
      .times(3)
      .reply(200, `oops ${TOKEN}`);
    const err2 = await failure(client().getDeployOrder('7', '1111'));
    const seen = [err.message, err2.message, ...debug].join('\n');
    expect(seen).toContain('***');
    expect(seen).not.toContain(TOKEN);
  });
});

describe('deadlines', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    server = createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("the caller's signal cuts a hung request, rejecting with the signal's reason", async () => {
    const reason = new Error('deadline');
    const c = client({
      endpoint: url,
      edition: 'region',
      organizationId: undefined,
      requestTimeoutMs: 120_000,
    });
    const controller = new AbortController();
    server.once('request', () => setTimeout(() => controller.abort(reason), 10));
    // The per-attempt timeout (120 s) outlasts the test's own: only the signal ends this.
    await expect(c.getDeployOrder('7', '1', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('a per-request timeout turns a hang into a retryable error', async () => {
    const c = client({
      endpoint: url,
      edition: 'region',
      organizationId: undefined,
      requestTimeoutMs: 200,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const err = await failure(c.getDeployOrder('7', '1'));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('no answer from');
  });
});
