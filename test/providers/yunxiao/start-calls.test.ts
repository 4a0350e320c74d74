// The calls of start and new-run-only, one HTTP exchange at a time (nock), in both API generations:
// GetPipeline, ListPipelineRuns, CreatePipelineRun / StartPipelineRun, GetUserByToken.
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/http/errors.js';
import { mayHaveBeenDone } from '../../../src/http/transport.js';
import { ClassicClient } from '../../../src/providers/yunxiao/classic.js';
import type { YunxiaoApi } from '../../../src/providers/yunxiao/model.js';
import { OpenApiClient } from '../../../src/providers/yunxiao/openapi.js';

const HOST = 'https://openapi-rdc.aliyuncs.com';
const TOKEN = 'pt-startCallsSecret_0123456789';
const ORG = 'org123';
const P = `/oapi/v1/flow/organizations/${ORG}/pipelines/7`;
const CLASSIC = 'https://devops.cn-hangzhou.aliyuncs.com';
const SECRET = 'classicStartSecret0123456789';
const dispatcher = new Agent();

const openapi = (over: Partial<ConstructorParameters<typeof OpenApiClient>[0]> = {}): OpenApiClient =>
  new OpenApiClient({
    endpoint: HOST,
    edition: 'central',
    organizationId: ORG,
    token: TOKEN,
    dispatcher,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    ...over,
  });
const classic = (): ClassicClient =>
  new ClassicClient({
    endpoint: CLASSIC,
    organizationId: 'org1',
    accessKeyId: 'AK1',
    accessKeySecret: SECRET,
    dispatcher,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
const envelope = (payload: Record<string, unknown>) => ({ requestId: 'R', success: true, ...payload });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

const PARAMS = {
  runningBranchs: { 'https://codeup.aliyun.com/acme/shop.git': 'release/1.2' },
  envs: { RELEASE: 'a b&c=d' },
  comment: '部署 #42',
};

describe('CreatePipelineRun (OpenAPI)', () => {
  it('POSTs {"params": "<JSON text>"} as JSON and reads the bare id', async () => {
    let body: unknown;
    const scope = nock(HOST, {
      reqheaders: { 'x-yunxiao-token': TOKEN, 'content-type': 'application/json' },
    })
      .post(`${P}/runs`, (b: unknown) => ((body = b), true))
      .reply(200, '9007199254740993');
    expect(await openapi().createPipelineRun('7', PARAMS)).toBe('9007199254740993');
    expect(body).toEqual({ params: JSON.stringify(PARAMS) });
    expect(JSON.parse((body as { params: string }).params)).toEqual(PARAMS);
    scope.done();
  });

  it('with nothing to set, the body is {} (as the official MCP server sends it)', async () => {
    const scope = nock(HOST).post(`${P}/runs`, {}).reply(200, '33');
    expect(await openapi().createPipelineRun('7', {})).toBe('33');
    scope.done();
  });

  it('region edition: no organization segment', async () => {
    const scope = nock('https://acme.devops.aliyuncs.com')
      .post('/oapi/v1/flow/pipelines/7/runs')
      .reply(200, '33');
    await openapi({
      endpoint: 'https://acme.devops.aliyuncs.com',
      edition: 'region',
      organizationId: undefined,
    }).createPipelineRun('7', {});
    scope.done();
  });

  it.each([
    ['a quoted id', '"34"', '34'],
    ['an object with pipelineRunId', '{"pipelineRunId":35}', '35'],
  ])('reads %s too', async (_what, answer, id) => {
    nock(HOST).post(`${P}/runs`).reply(200, answer);
    expect(await openapi().createPipelineRun('7', {})).toBe(id);
  });

  it.each([
    ['no id', '{"ok":true}'],
    ['zero', '0'],
    ['a negative number', '-3'],
    ['true', 'true'],
  ])('an answer with %s is a bad answer: not retried, and it may have started a run', async (_w, answer) => {
    const scope = nock(HOST).post(`${P}/runs`).once().reply(200, answer);
    const err = await failure(openapi().createPipelineRun('7', {}));
    expect(err.message).toMatch(/^CreatePipelineRun failed: HTTP 200/);
    expect(mayHaveBeenDone(err)).toBe(true);
    scope.done();
  });

  it('is sent once after a 5xx (it may have started a run), and that may have been done', async () => {
    const scope = nock(HOST).post(`${P}/runs`).once().reply(502, '<html>Bad Gateway</html>');
    const err = await failure(openapi().createPipelineRun('7', {}));
    expect(err.status).toBe(502);
    expect(mayHaveBeenDone(err)).toBe(true);
    scope.done();
  });

  it('a 403 was not done, and names the read-write permission', async () => {
    nock(HOST).post(`${P}/runs`).reply(403, { errorCode: 'Forbidden', errorMessage: 'no permission' });
    const err = await failure(openapi().createPipelineRun('7', {}));
    expect(mayHaveBeenDone(err)).toBe(false);
    expect(err.message).toContain('Flow > pipeline run (read-write)');
  });

  it('a timeout may have been done; a refused connection was not', () => {
    const net = (code: string) => new ApiError({ operation: 'X', errorCode: code, retryable: true });
    expect(mayHaveBeenDone(net('ETIMEDOUT'))).toBe(true);
    expect(mayHaveBeenDone(net('ECONNREFUSED'))).toBe(false);
    // an error code in a success status is a refusal (the classic envelope's success: false)
    expect(
      mayHaveBeenDone(
        new ApiError({ operation: 'X', status: 200, errorCode: 'InvalidParam', retryable: false }),
      ),
    ).toBe(false);
  });
});

describe('GetPipeline, ListPipelineRuns, GetUserByToken (OpenAPI)', () => {
  it('GetPipeline: the repository of each source, and the YAML text', async () => {
    nock(HOST)
      .get(P)
      .reply(200, {
        name: 'shop',
        pipelineConfig: {
          flow: 'stages: {}\n',
          sources: [
            { type: 'codeup', data: { repo: 'https://codeup.aliyun.com/a/b.git', branch: 'master' } },
            { type: 'codeup', data: { repo: 'https://codeup.aliyun.com/a/b.git' } },
            { type: 'flow', data: { artifact: 'x' } },
            { type: 'codeup', data: { repo: 'https://codeup.aliyun.com/a/c.git' } },
          ],
        },
      });
    expect(await openapi().getPipeline('7')).toEqual({
      repositories: ['https://codeup.aliyun.com/a/b.git', 'https://codeup.aliyun.com/a/c.git'],
      flow: 'stages: {}\n',
    });
  });

  it('GetPipeline: sources as a JSON text, or no pipelineConfig at all', async () => {
    nock(HOST)
      .get(P)
      .reply(200, { pipelineConfig: { sources: '[{"data":{"repo":"https://g/x.git"}}]' } });
    expect(await openapi().getPipeline('7')).toEqual({ repositories: ['https://g/x.git'] });
    nock(HOST).get(P).reply(200, { name: 'shop', pipelineConfig: null });
    expect(await openapi().getPipeline('7')).toEqual({ repositories: [] });
  });

  it('ListPipelineRuns: rows with exact ids and the creator ("" for none), and the last page', async () => {
    const scope = nock(HOST)
      .get(`${P}/runs`)
      .query({ page: '1', perPage: '30' })
      .reply(
        200,
        '[{"pipelineRunId":9007199254740993,"status":"RUNNING","creatorAccountId":"u1"},' +
          '{"pipelineRunId":2,"status":"SUCCESS","creatorAccountId":null}]',
        { 'x-total-pages': '4', 'x-next-page': '2' },
      );
    expect(await openapi().listPipelineRuns('7', undefined)).toEqual({
      items: [
        { pipelineRunId: '9007199254740993', status: 'RUNNING', creatorAccountId: 'u1' },
        { pipelineRunId: '2', status: 'SUCCESS', creatorAccountId: '' },
      ],
      next: '2',
      last: '4',
    });
    scope.done();
  });

  it('ListPipelineRuns: a row without a numeric id is a bad answer', async () => {
    nock(HOST)
      .get(`${P}/runs`)
      .query(true)
      .times(3)
      .reply(200, [{ status: 'RUNNING' }]);
    const err = await failure(openapi().listPipelineRuns('7', undefined));
    expect(err.message).toContain('no numeric pipelineRunId');
  });

  it('GetUserByToken: /oapi/v1/platform/user, outside /flow, in both editions', async () => {
    const scope = nock(HOST, { reqheaders: { 'x-yunxiao-token': TOKEN } })
      .get('/oapi/v1/platform/user')
      .reply(200, { id: '99d1abc6124', name: 'Gate' });
    expect(await openapi().currentUserId()).toBe('99d1abc6124');
    scope.done();
    nock(HOST).get('/oapi/v1/platform/user').reply(403, { errorCode: 'Forbidden', errorMessage: 'x' });
    const err = await failure(openapi().currentUserId());
    expect(err.message).toContain('Organization management > user (read-only)');
  });
});

describe('the classic API', () => {
  it('StartPipelineRun: POST /organizations/{id}/pipelines/{id}/run, a signed form body params=<JSON text>', async () => {
    const headers: Record<string, string> = {};
    const keep = (name: string) => (value: string | null) => ((headers[name] = value ?? ''), true);
    let body = '';
    const scope = nock(CLASSIC, {
      reqheaders: {
        'x-acs-action': keep('x-acs-action'),
        'content-type': keep('content-type'),
        'x-acs-signature-nonce': keep('x-acs-signature-nonce'),
        authorization: keep('authorization'),
      },
    })
      .post(
        '/organizations/org1/pipelines/7/run',
        (b: unknown) => (
          (body = typeof b === 'string' ? b : new URLSearchParams(b as Record<string, string>).toString()),
          true
        ),
      )
      .reply(200, '{"requestId":"R","success":true,"pipelineRunId":9007199254740993}');
    expect(await classic().createPipelineRun('7', PARAMS)).toBe('9007199254740993');
    scope.done();
    const seen = { headers, body };
    expect(seen.headers['x-acs-action']).toBe('StartPipelineRun');
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(seen.body).get('params')).toBe(JSON.stringify(PARAMS));
    // the signature itself is checked by the simulator's independent verifier (test/sim, test/e2e)
    expect(seen.headers['authorization']).toMatch(/SignedHeaders=content-type;host;/);
  });

  it('StartPipelineRun: an envelope without the id is a bad answer, sent once', async () => {
    const scope = nock(CLASSIC).post('/organizations/org1/pipelines/7/run').once().reply(200, envelope({}));
    const err = await failure(classic().createPipelineRun('7', {}));
    expect(mayHaveBeenDone(err)).toBe(true);
    scope.done();
  });

  it('StartPipelineRun refused in the envelope (success: false on HTTP 200) was not done', async () => {
    nock(CLASSIC).post('/organizations/org1/pipelines/7/run').reply(200, {
      requestId: 'R',
      success: false,
      errorCode: 'InvalidParam.ParamNotPresent',
      errorMessage: 'x',
    });
    const err = await failure(classic().createPipelineRun('7', {}));
    expect(mayHaveBeenDone(err)).toBe(false);
  });

  it('GetPipeline reads the `pipeline` payload', async () => {
    nock(CLASSIC, { reqheaders: { 'x-acs-action': 'GetPipeline' } })
      .get('/organization/org1/pipelines/7')
      .reply(
        200,
        envelope({ pipeline: { pipelineConfig: { sources: [{ data: { repo: 'https://g/x.git' } }] } } }),
      );
    expect(await classic().getPipeline('7')).toEqual({ repositories: ['https://g/x.git'] });
  });

  it('ListPipelineRuns: maxResults and nextToken, the `pipelineRuns` payload', async () => {
    nock(CLASSIC, { reqheaders: { 'x-acs-action': 'ListPipelineRuns' } })
      .get('/organization/org1/pipelines/7/pipelineRuns')
      .query({ maxResults: '30', nextToken: 'abc' })
      .reply(
        200,
        envelope({
          pipelineRuns: [{ pipelineRunId: 5, status: 'SUCCESS', creatorAccountId: '1222' }],
          nextToken: 'def',
        }),
      );
    expect(await classic().listPipelineRuns('7', 'abc')).toEqual({
      items: [{ pipelineRunId: '5', status: 'SUCCESS', creatorAccountId: '1222' }],
      next: 'def',
    });
  });

  it('has no GetUserByToken', () => {
    const api: YunxiaoApi = classic();
    expect(api.currentUserId).toBeUndefined();
  });
});
