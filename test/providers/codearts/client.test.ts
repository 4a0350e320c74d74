// The CodeArts client, one HTTP exchange at a time (nock): each operation's method, path, query,
// body and headers; signing (that the gateway accepts the signature is proven against the
// simulator's verifier in sim.test.ts); errors at any status, 200 included; queued starts;
// throttling in each form; hints; caps.
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/http/errors.js';
import { CodeArtsClient, type CodeArtsClientOptions } from '../../../src/providers/codearts/client.js';
import { signRequest } from '../../../src/providers/codearts/signer.js';

const HOST = 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com';
const PROJECT = '0123456789abcdef0123456789abcdef';
const PIPELINE = 'e2bcbd561fbc4fd89577fb27c80b09a6';
const RUN = '9e91b1fd7ce743b7a1b7a2458bcf76c7';
const JOB = 'd2ce3825a5e147dd98793ef6e76d038e';
const STEP = 'f2f0441226444c1199ca0cce8d24074f';
const BASE = `/v5/${PROJECT}/api/pipelines/${PIPELINE}`;
const AK = 'HPUAQWERTYUIOPASDFGH';
const SK = 'sk-unit-test-secret-0123456789abcdef';
const STS = 'sts-token-unit-test-0123456789abcdef';
const IAM = 'MIIZ-iam-token-unit-test-0123456789';
const DATE = new Date('2026-01-01T00:00:00Z');
const SDK_DATE = '20260101T000000Z';
const JSON_CT = 'application/json;charset=UTF-8';

let debug: string[] = [];
const dispatcher = new Agent();
function client(over: Partial<CodeArtsClientOptions> = {}): CodeArtsClient {
  return new CodeArtsClient({
    endpoint: HOST,
    projectId: PROJECT,
    pipelineId: PIPELINE,
    credentials: { kind: 'aksk', accessKey: AK, secretKey: SK },
    dispatcher,
    debug: (l) => debug.push(l),
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    random: () => 0.5,
    now: () => DATE,
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

/** What one request carried. */
interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Intercepts one `method` request to `path`, answering `reply`; records what came. */
function expectCall(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  reply: [number, unknown, Record<string, string>?] = [200, { success: true }],
): { seen: Seen[]; scope: nock.Scope } {
  const seen: Seen[] = [];
  const scope = nock(HOST)
    .intercept(path, method)
    // nock 15 hands a reply function the request as a Fetch API Request
    .reply(async (req: Request) => {
      seen.push({
        method: req.method,
        path: new URL(req.url).pathname + new URL(req.url).search,
        headers: Object.fromEntries(req.headers),
        body: await req.text(),
      });
      return [reply[0], typeof reply[1] === 'string' ? reply[1] : JSON.stringify(reply[1]), reply[2] ?? {}];
    });
  return { seen, scope };
}

const DETAIL = { id: RUN, pipeline_id: PIPELINE, status: 'RUNNING', stages: [], unknown_field: [1, 2] };

/** The Authorization the signer gives for what was sent: the request carries what was signed. */
function expectedAuthorization(
  s: Seen,
  signed: Record<string, string> = {},
  token?: string,
): string | undefined {
  return signRequest({
    method: s.method,
    url: HOST + s.path,
    headers: signed,
    body: s.body,
    accessKey: AK,
    secretKey: SK,
    securityToken: token,
    date: DATE,
  }).headers['authorization'];
}

describe('operations: method, path, body, headers', () => {
  it('RunPipeline: POST /run with the given body fields only, signed with content-type, host and x-sdk-date', async () => {
    const { seen, scope } = expectCall('POST', `${BASE}/run`, [200, { pipeline_run_id: RUN }]);
    const body = {
      variables: [{ name: 'v', value: '1' }],
      choose_stages: ['stage_build'],
      description: 'from the gate',
      extra: 'dropped',
    };
    expect(await client().runPipeline(body)).toEqual({ pipelineRunId: RUN });
    scope.done();
    const s = seen[0]!;
    expect(JSON.parse(s.body)).toEqual({
      variables: [{ name: 'v', value: '1' }],
      choose_stages: ['stage_build'],
      description: 'from the gate',
    });
    expect(s.headers['content-type']).toBe(JSON_CT);
    expect(s.headers['x-sdk-date']).toBe(SDK_DATE);
    expect(s.headers['authorization']).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(s.headers['authorization']).toBe(expectedAuthorization(s, { 'content-type': JSON_CT }));
    expect(s.headers['x-auth-token']).toBeUndefined();
  });

  it('RunPipeline without a body sends {}', async () => {
    const { seen } = expectCall('POST', `${BASE}/run`, [200, { pipeline_run_id: RUN }]);
    await client().runPipeline();
    expect(seen[0]?.body).toBe('{}');
  });

  it('ListPipelineRuns: POST /pipeline-runs/list, sorted by start time', async () => {
    const { seen } = expectCall('POST', `${BASE}/pipeline-runs/list`, [
      200,
      {
        offset: 5,
        limit: 2,
        total: 9,
        pipeline_runs: [{ pipeline_run_id: RUN, status: 'FAILED', run_number: 7 }],
      },
    ]);
    const page = await client().listRuns({ offset: 5, limit: 2, sort_dir: 'desc', status: ['FAILED'] });
    expect(page).toMatchObject({
      offset: 5,
      limit: 2,
      total: 9,
      runs: [{ id: RUN, status: 'FAILED', runNumber: 7 }],
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      offset: 5,
      limit: 2,
      sort_key: 'start_time',
      sort_dir: 'desc',
      status: ['FAILED'],
    });
  });

  it('ShowPipelineRunDetail: GET with the run id in the query, no body and no content-type; the answer kept as it came', async () => {
    const { seen, scope } = expectCall('GET', `${BASE}/pipeline-runs/detail?pipeline_run_id=${RUN}`, [
      200,
      DETAIL,
    ]);
    const c = client();
    const { run, raw } = await c.getRun(RUN);
    scope.done();
    expect(run).toMatchObject({ id: RUN, status: 'RUNNING' });
    const s = seen[0]!;
    expect(s.headers['content-type']).toBeUndefined();
    expect(s.body).toBe('');
    expect(s.headers['authorization']).toContain('SignedHeaders=host;x-sdk-date,');
    expect(s.headers['authorization']).toBe(expectedAuthorization(s));
    expect(raw.isObject).toBe(true);
    expect(JSON.parse(raw.text())).toEqual(DETAIL);
  });

  it('ShowPipelineRunDetail without an id: the latest run', async () => {
    const { scope } = expectCall('GET', `${BASE}/pipeline-runs/detail`, [200, DETAIL]);
    expect((await client().getRun()).run.id).toBe(RUN);
    scope.done();
  });

  it('an answer about another run is a bad answer, never a verdict', async () => {
    const c = client();
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail?pipeline_run_id=${RUN}`)
      .times(3)
      .reply(200, { ...DETAIL, id: 'ffffffffffffffffffffffffffffffff' });
    const err = await failure(c.getRun(RUN));
    expect(err.message).toContain('the answer is about run "ffffffffffffffffffffffffffffffff"');
    expect(err.message).toContain('3 bad answers in a row');
    expect(err.retryable).toBe(false);
  });

  it('StopPipelineRun: POST /pipeline-runs/{id}/stop without a body', async () => {
    const { seen, scope } = expectCall('POST', `${BASE}/pipeline-runs/${RUN}/stop`);
    expect(await client().stopRun(RUN)).toBe(true);
    scope.done();
    expect(seen[0]?.body).toBe('');
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  it.each([
    [{ success: false }, false],
    ['', false],
  ])('an action answering %j did nothing', async (answer, expected) => {
    expectCall('POST', `${BASE}/pipeline-runs/${RUN}/stop`, [200, answer]);
    expect(await client().stopRun(RUN)).toBe(expected);
  });

  it('RetryPipelineRun: PUT /retry with job_run_ids when given, else no body', async () => {
    const first = expectCall('PUT', `${BASE}/pipeline-runs/${RUN}/retry`);
    expect(await client().retryRun(RUN, [JOB])).toEqual({ pipelineRunId: RUN });
    expect(JSON.parse(first.seen[0]!.body)).toEqual({ job_run_ids: [JOB] });
    expect(first.seen[0]?.headers['content-type']).toBe(JSON_CT);
    const second = expectCall('PUT', `${BASE}/pipeline-runs/${RUN}/retry`, [200, { success: false }]);
    expect(await client().retryRun(RUN)).toBeUndefined();
    expect(second.seen[0]?.body).toBe('');
  });

  it.each([
    ['passReview', 'pass'],
    ['refuseReview', 'refuse'],
  ] as const)(
    '%s: POST /jobs/{job}/steps/{step}/%s, the description as approval_description',
    async (op, action) => {
      const path = `${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/${action}`;
      const { seen, scope } = expectCall(
        'POST',
        `${path}?approval_description=ok%20by%20the%20gate%20%26%20CI`,
      );
      expect(await client()[op](RUN, JOB, STEP, 'ok by the gate & CI')).toBe(true);
      scope.done();
      expect(seen[0]?.headers['authorization']).toBe(expectedAuthorization(seen[0]!));
      const bare = expectCall('POST', path);
      expect(await client()[op](RUN, JOB, STEP)).toBe(true);
      bare.scope.done();
    },
  );

  it.each([
    ['passCheckpoint', 'pass'],
    ['refuseCheckpoint', 'refuse'],
  ] as const)('%s: POST /steps/{step}/manual/%s with the body {}', async (op, action) => {
    const { seen, scope } = expectCall('POST', `${BASE}/pipeline-runs/${RUN}/steps/${STEP}/manual/${action}`);
    expect(await client()[op](RUN, STEP)).toBe(true);
    scope.done();
    expect(seen[0]?.body).toBe('{}');
    expect(seen[0]?.headers['authorization']).toBe(
      expectedAuthorization(seen[0]!, { 'content-type': JSON_CT }),
    );
  });

  it('ShowPipelineLog: POST /jobs/{job}/steps/{step}/logs with the query as the body', async () => {
    const { seen } = expectCall('POST', `${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/logs`, [
      200,
      { has_more: true, start_offset: '500', end_offset: '900', log: 'line', step_run_id: STEP },
    ]);
    const page = await client().getStepLog(RUN, JOB, STEP, {
      limit: 500,
      sort: 'asc',
      start_offset: 0,
      end_offset: 0,
    });
    expect(page).toEqual({ stepRunId: STEP, log: 'line', hasMore: true, startOffset: 500, endOffset: 900 });
    expect(JSON.parse(seen[0]!.body)).toEqual({ limit: 500, sort: 'asc', start_offset: 0, end_offset: 0 });
  });

  it('ShowPipelineArtifacts: GET /pipeline-runs/{id}/artifacts', async () => {
    const { scope } = expectCall('GET', `${BASE}/pipeline-runs/${RUN}/artifacts`, [
      200,
      { artifacts: [{ name: 'app.jar', artifact_version: '1', artifact_package_type: 'jar' }] },
    ]);
    expect(await client().listArtifacts(RUN)).toEqual([
      { name: 'app.jar', version: '1', type: 'jar', url: '', hashes: [] },
    ]);
    scope.done();
  });

  it('percent-encodes every path segment (the signer encodes them the same way)', async () => {
    const { seen, scope } = expectCall('POST', `${BASE}/pipeline-runs/a%20b%2Fc%21/stop`);
    expect(await client().stopRun('a b/c!')).toBe(true);
    scope.done();
    expect(seen[0]?.headers['authorization']).toBe(expectedAuthorization(seen[0]!));
    const other = expectCall('GET', `/v5/p%2F1/api/pipelines/q%3F2/pipeline-runs/detail`, [200, DETAIL]);
    await client({ projectId: 'p/1', pipelineId: 'q?2' }).getRun();
    other.scope.done();
  });

  // Ids come from the server's answers. A URL parser resolves `.` and `..`: a pass of check point
  // `..` would be sent to …/pipeline-runs/{run}/manual/pass, a stop of run `..` to …/{pipeline}/stop.
  it.each(['..', '.', ''])('an id %j in a path is refused before anything is sent', async (id) => {
    const c = client();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['stop', () => c.stopRun(id)],
      ['retry', () => c.retryRun(id)],
      ['pass a check point', () => c.passCheckpoint(RUN, id)],
      ['refuse a check point', () => c.refuseCheckpoint(RUN, id)],
      ['pass a review (job)', () => c.passReview(RUN, id, STEP)],
      ['refuse a review (step)', () => c.refuseReview(RUN, JOB, id)],
      ['a step log', () => c.getStepLog(RUN, JOB, id, { limit: 1, sort: 'desc' })],
      ['the artifacts', () => c.listArtifacts(id)],
    ];
    for (const [what, call] of calls)
      await expect(call(), what).rejects.toThrow(/cannot name a path segment: nothing was sent/);
    // nothing was attempted (net connect is disabled: a request would have failed otherwise)
    expect(debug).toEqual([]);
  });

  it('a trailing slash of the endpoint is dropped', async () => {
    const { scope } = expectCall('GET', `${BASE}/pipeline-runs/detail`, [200, DETAIL]);
    await client({ endpoint: `${HOST}//` }).getRun();
    scope.done();
  });
});

describe('credentials', () => {
  it('STS: X-Security-Token sent and signed', async () => {
    const { seen } = expectCall('GET', `${BASE}/pipeline-runs/detail`, [200, DETAIL]);
    await client({
      credentials: { kind: 'aksk', accessKey: AK, secretKey: SK, securityToken: STS },
    }).getRun();
    const s = seen[0]!;
    expect(s.headers['x-security-token']).toBe(STS);
    expect(s.headers['authorization']).toContain('SignedHeaders=host;x-sdk-date;x-security-token,');
    expect(s.headers['authorization']).toBe(expectedAuthorization(s, {}, STS));
  });

  it('IAM token: X-Auth-Token, no signature', async () => {
    const { seen } = expectCall('POST', `${BASE}/run`, [200, { pipeline_run_id: RUN }]);
    await client({ credentials: { kind: 'token', token: IAM } }).runPipeline();
    const s = seen[0]!;
    expect(s.headers['x-auth-token']).toBe(IAM);
    expect(s.headers['authorization']).toBeUndefined();
    expect(s.headers['x-sdk-date']).toBeUndefined();
    expect(s.headers['content-type']).toBe(JSON_CT);
  });

  it('each attempt is signed afresh, with its own date', async () => {
    let t = DATE.getTime();
    const dates: string[] = [];
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .times(2)
      .reply((req: Request) => {
        dates.push(req.headers.get('x-sdk-date') ?? '');
        return dates.length === 1 ? [503, '{}'] : [200, JSON.stringify(DETAIL)];
      });
    await client({ now: () => new Date((t += 1000)) }).getRun();
    expect(dates).toEqual(['20260101T000001Z', '20260101T000002Z']);
  });

  it.each([
    { kind: 'aksk' as const, accessKey: AK, secretKey: '' },
    { kind: 'aksk' as const, accessKey: '', secretKey: SK },
    { kind: 'token' as const, token: '' },
  ])('refuses incomplete credentials %j', (credentials) => {
    expect(() => client({ credentials })).toThrow(/credentials are incomplete/);
  });

  it('no secret in any URL, debug line or message, even when the server echoes them', async () => {
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .reply(401, { error_code: 'APIG.0301', error_msg: `bad signature, key ${SK} token ${STS}` });
    const err = await failure(
      client({ credentials: { kind: 'aksk', accessKey: AK, secretKey: SK, securityToken: STS } }).getRun(),
    );
    nock(HOST).post(`${BASE}/run`).times(3).reply(200, `<html>${IAM}</html>`);
    const err2 = await failure(client({ credentials: { kind: 'token', token: IAM } }).runPipeline());
    const seen = [err.message, err2.message, ...debug].join('\n');
    expect(seen).toContain('***');
    for (const secret of [SK, STS, IAM]) expect(seen).not.toContain(secret);
  });
});

describe('errors at any status', () => {
  it('an error inside HTTP 200 ({error_code, error_msg}) is an error, not retried', async () => {
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .reply(
        200,
        { error_code: 'DEVCP.00014031', error_msg: 'Insufficient permissions.' },
        { 'x-request-id': 'rq-1' },
      );
    const err = await failure(client().getRun());
    expect(err).toMatchObject({
      operation: 'ShowPipelineRunDetail',
      status: 200,
      errorCode: 'DEVCP.00014031',
      errorMessage: 'Insufficient permissions.',
      requestId: 'rq-1',
      retryable: false,
    });
    expect(err.message).toContain('the pipeline permission "View"');
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(1);
  });

  it('an error inside HTTP 200 ({error: {code, message}}) is an error', async () => {
    nock(HOST)
      .post(`${BASE}/pipeline-runs/${RUN}/stop`)
      .reply(200, { error: { code: 'DEVCP.00012002', message: 'The record does not exist' } });
    const err = await failure(client().stopRun(RUN));
    expect(err).toMatchObject({
      status: 200,
      errorCode: 'DEVCP.00012002',
      errorMessage: 'The record does not exist',
    });
    expect(err.hint).toMatch(/run, job or step was not found/);
  });

  it('a 200 whose text merely mentions "error" is no error', async () => {
    const detail = {
      ...DETAIL,
      stages: [{ id: 's', jobs: [{ id: 'j', status: 'FAILED', message: '"error": the build broke' }] }],
      error: 'none',
    };
    nock(HOST).get(`${BASE}/pipeline-runs/detail`).reply(200, detail);
    expect((await client().getRun()).run.stages[0]?.jobs[0]?.message).toBe('"error": the build broke');
  });

  it('an error code in a 4xx, request id from the body when the header is missing', async () => {
    nock(HOST).get(`${BASE}/pipeline-runs/detail`).reply(400, {
      error_code: 'DEVPIPE.00011136',
      error_msg: '项目ID和流水线不匹配',
      request_id: 'body-rq',
    });
    const err = await failure(client().getRun());
    expect(err).toMatchObject({
      status: 400,
      errorCode: 'DEVPIPE.00011136',
      requestId: 'body-rq',
      retryable: false,
    });
    expect(err.message).toMatch(/check `project-id`, the CodeArts project id \(32 characters/);
  });

  it("a 4xx body in the Go SDK's other form (code, message)", async () => {
    nock(HOST).get(`${BASE}/pipeline-runs/detail`).reply(404, { code: 'APIGW.0101', message: 'no route' });
    const err = await failure(client().getRun());
    expect(err).toMatchObject({ errorCode: 'APIGW.0101', errorMessage: 'no route' });
    expect(err.hint).toMatch(/not published at this address/);
  });

  it('a 5xx that is not JSON shows the start of the body', async () => {
    nock(HOST)
      .post(`${BASE}/pipeline-runs/${RUN}/stop`)
      .reply(502, '<html><title>502 Bad Gateway</title></html>');
    const err = await failure(client().stopRun(RUN));
    expect(err.message).toContain('HTTP 502');
    expect(err.message).toContain('<html><title>502 Bad Gateway');
    expect(err.retryable).toBe(true);
  });
});

describe('queued starts (DEVPIPE.00011169 / 00011170)', () => {
  const queued = (code: string): Record<string, unknown> => ({
    error_code: code,
    error_msg: 'The maximum concurrency has been reached; the run enters the queue state.',
    error: { pipeline_run_id: RUN, queue_id: '101' },
  });

  it.each([
    ['DEVPIPE.00011169', 200],
    ['DEVPIPE.00011170', 200],
    ['DEVPIPE.00011169', 202],
    ['DEVPIPE.00011170', 400],
  ])('RunPipeline: %s at HTTP %i is the run started and queued', async (code, status) => {
    nock(HOST).post(`${BASE}/run`).reply(status, queued(code));
    expect(await client().runPipeline()).toEqual({
      pipelineRunId: RUN,
      queueId: '101',
      queueCode: code,
      queueMessage: 'The maximum concurrency has been reached; the run enters the queue state.',
    });
  });

  it('RetryPipelineRun: a queued retry is the run and its queue', async () => {
    nock(HOST).put(`${BASE}/pipeline-runs/${RUN}/retry`).reply(200, queued('DEVPIPE.00011170'));
    expect(await client().retryRun(RUN)).toMatchObject({ pipelineRunId: RUN, queueId: '101' });
  });

  it('a queue code without the run id is an error', async () => {
    nock(HOST).post(`${BASE}/run`).reply(200, { error_code: 'DEVPIPE.00011169', error_msg: 'queued' });
    const err = await failure(client().runPipeline());
    expect(err).toMatchObject({ errorCode: 'DEVPIPE.00011169', retryable: false });
  });
});

describe('throttling and retries', () => {
  it.each([
    ['COCT.0070003', 500],
    ['COCT.0070003', 200],
    ['APIG.0308', 429],
    ['APIGW.0308', 429],
  ])('%s (HTTP %i) is retried on a read', async (code, status) => {
    const scope = nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .reply(status, { error_code: code, error_msg: 'too frequent' })
      .get(`${BASE}/pipeline-runs/detail`)
      .reply(200, DETAIL);
    expect((await client().getRun()).run.id).toBe(RUN);
    scope.done();
  });

  it.each([
    ['COCT.0070003', 500],
    ['APIG.0308', 429],
    ['APIGW.0308', 429],
  ])(
    'a write refused by throttling (%s, HTTP %i) is repeated: it was never processed',
    async (code, status) => {
      const scope = nock(HOST)
        .post(`${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/pass`)
        .reply(status, { error_code: code, error_msg: 'too frequent' })
        .post(`${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/pass`)
        .reply(200, { success: true });
      expect(await client().passReview(RUN, JOB, STEP)).toBe(true);
      scope.done();
    },
  );

  it('the nested error body throttles the same way', async () => {
    const scope = nock(HOST)
      .post(`${BASE}/pipeline-runs/${RUN}/stop`)
      .reply(500, { error: { code: 'COCT.0070003', message: '访问太频繁,请稍等' } })
      .post(`${BASE}/pipeline-runs/${RUN}/stop`)
      .reply(200, { success: true });
    expect(await client().stopRun(RUN)).toBe(true);
    scope.done();
  });

  it('throttled to the end: the hint says to poll less often', async () => {
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .times(4)
      .reply(429, { error_code: 'APIG.0308', error_msg: 'limit' });
    const err = await failure(client().getRun());
    expect(err.status).toBe(429);
    expect(err.hint).toMatch(/raise `poll-interval`/);
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(4);
  });

  it.each([
    ['DEVCP.00020500', 500],
    ['COCT.0070500', 500],
    ['DEVCP.00020500', 200],
    [undefined, 503],
  ])('busy %s (HTTP %i): a read is retried', async (code, status) => {
    const scope = nock(HOST)
      .get(`${BASE}/pipeline-runs/${RUN}/artifacts`)
      .reply(status, code ? { error_code: code, error_msg: 'busy' } : 'busy')
      .get(`${BASE}/pipeline-runs/${RUN}/artifacts`)
      .reply(200, { artifacts: [] });
    expect(await client().listArtifacts(RUN)).toEqual([]);
    scope.done();
  });

  it('busy (DEVCP.00020500): a write is not repeated (it may have been applied)', async () => {
    nock(HOST)
      .put(`${BASE}/pipeline-runs/${RUN}/retry`)
      .reply(500, { error_code: 'DEVCP.00020500', error_msg: 'busy' });
    const err = await failure(client().retryRun(RUN));
    expect(err.retryable).toBe(true);
    expect(err.hint).toMatch(/server error/);
    expect(debug.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
  });

  it.each([
    ['DEVCP.00021400', 400],
    ['DEVPIPE.00011999', 400],
    ['DEVCP.00014004', 200],
    ['APIG.0301', 401],
  ])('%s (HTTP %i) is not retried', async (code, status) => {
    nock(HOST).get(`${BASE}/pipeline-runs/detail`).reply(status, { error_code: code, error_msg: 'no' });
    const err = await failure(client().getRun());
    expect(err.retryable).toBe(false);
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(1);
  });
});

describe('hints', () => {
  it.each([
    ['getRun', 401, 'APIG.0301', /refused the credentials: check the access key and secret key/],
    ['getRun', 401, 'APIGW.0301', /refused the credentials/],
    ['getRun', 401, 'APIG.0303', /runner's clock \(X-Sdk-Date must be within 15 minutes of UTC\)/],
    ['getRun', 400, 'DEVPIPE.00011136', /the project does not own this pipeline: check `project-id`/],
    ['getRun', 400, 'DEVPIPE.00011401', /the pipeline was not found: check `pipeline-id`/],
    ['getRun', 404, 'DEVCP.00012002', /run, job or step was not found: check the ids/],
    ['getRun', 400, 'DEVPIPE.00011412', /project was not found or the user is not a member/],
    [
      'getRun',
      403,
      'DEVCP.00021018',
      /lacks a permission for ShowPipelineRunDetail: it needs the pipeline permission "View"/,
    ],
    [
      'runPipeline',
      403,
      undefined,
      /lacks a permission for RunPipeline: it needs the pipeline permission "Execute"/,
    ],
    [
      'passReview',
      401,
      'DEVCP.00021018',
      /AcceptManualReview: it needs to be one of the manual review's approvers/,
    ],
    [
      'passCheckpoint',
      200,
      'DEVCP.00014031',
      /AcceptCheckpoint: it needs to be one of the check point's approvers/,
    ],
    ['stopRun', 500, 'DEVCP.00010000', /CodeArts had a server error/],
  ] as const)('%s, HTTP %i %s', async (op, status, code, hint) => {
    const body = code ? { error_code: code, error_msg: 'refused' } : { error_msg: 'forbidden' };
    const c = client({ retry: { maxAttempts: 1 } });
    const calls: Record<typeof op, [string, string, () => Promise<unknown>]> = {
      getRun: ['GET', `${BASE}/pipeline-runs/detail?pipeline_run_id=${RUN}`, () => c.getRun(RUN)],
      runPipeline: ['POST', `${BASE}/run`, () => c.runPipeline()],
      passReview: [
        'POST',
        `${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/pass`,
        () => c.passReview(RUN, JOB, STEP),
      ],
      passCheckpoint: [
        'POST',
        `${BASE}/pipeline-runs/${RUN}/steps/${STEP}/manual/pass`,
        () => c.passCheckpoint(RUN, STEP),
      ],
      stopRun: ['POST', `${BASE}/pipeline-runs/${RUN}/stop`, () => c.stopRun(RUN)],
    };
    const [method, path, call] = calls[op];
    nock(HOST).intercept(path, method).reply(status, body);
    const err = await failure(call());
    expect(err.hint).toMatch(hint);
    expect(err.message).toContain(`HTTP ${status}`);
  });

  it('an HTML page at 200 is most likely a login page; no word of Yunxiao', async () => {
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .times(3)
      .reply(200, '<!DOCTYPE html><html><body>Log In</body></html>');
    const err = await failure(client().getRun());
    expect(err.hint).toMatch(/login page: check `endpoint` \(or `region`\)/);
    expect(err.hint).not.toMatch(/organization-id/);
  });

  it('JSON of another shape names the endpoint', async () => {
    nock(HOST).get(`${BASE}/pipeline-runs/detail`).times(3).reply(200, [1, 2]);
    const err = await failure(client().getRun());
    expect(err.message).toContain('expected the run detail to be a JSON object');
    expect(err.hint).toMatch(/may not be the CodeArts Pipeline API/);
  });
});

describe('answer size caps', () => {
  const MiB = 1024 * 1024;

  it('a step log may be up to 16 MiB', async () => {
    const log = 'x'.repeat(12 * MiB);
    nock(HOST)
      .post(`${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/logs`)
      .reply(200, JSON.stringify({ has_more: false, log, step_run_id: STEP }));
    expect((await client().getStepLog(RUN, JOB, STEP, { limit: 1_000_000, sort: 'asc' })).log).toHaveLength(
      12 * MiB,
    );
  });

  it('a step log over 16 MiB is refused', async () => {
    nock(HOST)
      .post(`${BASE}/pipeline-runs/${RUN}/jobs/${JOB}/steps/${STEP}/logs`)
      .times(3)
      .reply(200, JSON.stringify({ log: 'x'.repeat(16 * MiB + 1) }));
    const err = await failure(client().getStepLog(RUN, JOB, STEP, { limit: 1, sort: 'asc' }));
    expect(err.message).toContain('larger than 16 MiB');
  });

  it('a run detail over 8 MiB is refused', async () => {
    nock(HOST)
      .get(`${BASE}/pipeline-runs/detail`)
      .times(3)
      .reply(200, JSON.stringify({ ...DETAIL, name: 'x'.repeat(8 * MiB) }));
    const err = await failure(client().getRun());
    expect(err.message).toContain('larger than 8 MiB');
    expect(err.hint).toMatch(/far larger than any real one/);
  });
});
