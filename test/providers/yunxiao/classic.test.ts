// The classic client: envelope, payload keys, nextToken paging, throttling, hints.
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClassicClient } from '../../../src/providers/yunxiao/classic.js';
import { ApiError } from '../../../src/http/errors.js';

const HOST = 'https://devops.cn-hangzhou.aliyuncs.com';
const SECRET = 'classicUnitSecret0123456789';
let debug: string[] = [];
const client = (): ClassicClient =>
  new ClassicClient({
    endpoint: HOST,
    organizationId: 'org1',
    accessKeyId: 'AK1',
    accessKeySecret: SECRET,
    dispatcher: new Agent(),
    debug: (l) => debug.push(l),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
const ok = (payload: Record<string, unknown>): Record<string, unknown> => ({
  requestId: 'R1',
  success: true,
  errorCode: '',
  errorMessage: '',
  ...payload,
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  debug = [];
});
afterAll(() => nock.enableNetConnect());

describe('ClassicClient', () => {
  it('reads the deployOrder payload (string id), signed with the action name', async () => {
    const scope = nock(HOST, {
      reqheaders: {
        'x-acs-action': 'GetVMDeployOrder',
        'x-acs-version': '2021-06-25',
        authorization: /^ACS3-HMAC-SHA256 Credential=AK1,/,
      },
    })
      .get('/organization/org1/pipelines/7/deploy/9007199254740993')
      .reply(
        200,
        ok({
          deployOrder: {
            deployOrderId: '9007199254740993',
            status: 'Running',
            currentBatch: 1,
            totalBatch: 1,
            deployMachineInfo: { deployMachines: [] },
          },
        }),
      );
    const { snapshot } = await client().getDeployOrder('7', '9007199254740993');
    expect(snapshot.id).toBe('9007199254740993');
    scope.done();
  });

  it('keeps the order payload as it came (exact ids, unknown fields) for the report', async () => {
    const body =
      '{"requestId":"r1","success":true,"deployOrder":{"deployOrderId":9007199254740993,"status":"Success",' +
      '"currentBatch":1,"totalBatch":1,"extra":{"n":9007199254740995},"deployMachineInfo":{"deployMachines":[]}},"errorCode":""}';
    nock(HOST).get('/organization/org1/pipelines/7/deploy/9007199254740993').reply(200, body);
    const { raw } = await client().getDeployOrder('7', '9007199254740993');
    expect(raw.isObject).toBe(true);
    expect(raw.text()).toBe(
      '{"deployOrderId":"9007199254740993","status":"Success","currentBatch":1,"totalBatch":1,' +
        '"extra":{"n":"9007199254740995"},"deployMachineInfo":{"deployMachines":[]}}',
    );
    expect(Buffer.concat(raw.bytes()).toString()).toBe(raw.text());
  });

  it('a machine that is not an object is refused by what is wrong with it, not as a non-JSON envelope', async () => {
    nock(HOST)
      .get('/organization/org1/pipelines/7/deploy/1')
      .times(3)
      .reply(200, ok({ deployOrder: { deployOrderId: 1, deployMachineInfo: { deployMachines: [42] } } }));
    await expect(client().getDeployOrder('7', '1')).rejects.toThrow(
      'expected a deploy machine to be a JSON object, got number',
    );
  });

  it('pages job histories with nextToken', async () => {
    nock(HOST)
      .post('/organization/org1/pipeline/7/job/historys')
      .query({ category: 'DEPLOY', identifier: 'd', maxResults: '50' })
      .reply(
        200,
        ok({
          jobs: [{ jobId: 5, pipelineRunId: 6, identifier: 'd', jobName: 'D', status: 'SUCCESS' }],
          nextToken: 'tok2',
        }),
      );
    const page = await client().listJobHistory('7', 'd', undefined);
    expect(page).toEqual({
      items: [expect.objectContaining({ jobId: '5', pipelineRunId: '6' })],
      next: 'tok2',
    });
  });

  it('a success:false envelope is an error even on HTTP 200, with a classic hint', async () => {
    nock(HOST).put('/organization/org1/pipelines/7/deploy/1/machine/a/skip').reply(200, {
      requestId: 'R2',
      success: false,
      errorCode: 'Forbidden.AccessDenied',
      errorMessage: 'denied',
    });
    const err = (await client()
      .skipMachine('7', '1', 'a')
      .catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 200,
      errorCode: 'Forbidden.AccessDenied',
      requestId: 'R2',
      retryable: false,
    });
    expect(err.message).toContain('RAM user lacks the permission for SkipVMDeployMachine');
  });

  it.each([
    ['InvalidAccessKeyId.NotFound', 404, /check `access-key-id`/],
    ['SignatureDoesNotMatch', 400, /check `access-key-secret`/],
    ['InvalidTimeStamp.Expired', 400, /runner's clock/],
    ['InvalidUser.UserNotInCurrentOrganization', 400, /not a member of this Yunxiao organisation/],
  ])('%s gives its hint', async (code, status, hint) => {
    nock(HOST)
      .get('/organization/org1/pipelines/7/deploy/1')
      .reply(status, { requestId: 'R', success: false, errorCode: code, errorMessage: 'm' });
    const err = (await client()
      .getDeployOrder('7', '1')
      .catch((e: unknown) => e)) as ApiError;
    expect(err.message).toMatch(hint);
  });

  it('retries a throttled write (refused before processing), honouring x-acs-retry-after', async () => {
    const scope = nock(HOST)
      .put('/organization/org1/pipelines/7/deploy/1/stop')
      .reply(
        400,
        { success: false, errorCode: 'Throttling.User', errorMessage: 'flow control' },
        { 'x-acs-retry-after': '200' },
      )
      .put('/organization/org1/pipelines/7/deploy/1/stop')
      .reply(200, ok({}));
    const started = Date.now();
    expect(await client().stopDeployOrder('7', '1')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    scope.done();
  });

  it('an answer about another pipeline run is an error, never that run read as this one', async () => {
    nock(HOST)
      .get('/organization/org1/pipelines/7/pipelineRuns/9')
      .times(3)
      .reply(200, ok({ pipelineRun: { pipelineRunId: 8, status: 'SUCCESS', stages: [] } }));
    await expect(client().getPipelineRun('7', '9')).rejects.toThrow(
      'the answer is about pipeline run "8", not pipeline run 9',
    );
  });

  it('reads the EMAS fileUrl and never logs the secret', async () => {
    nock(HOST)
      .post('/organization/org1/pipeline/7/pipelineRun/8/emas/artifact/9/abc')
      .query({ serviceConnectionId: '3' })
      .reply(200, ok({ fileUrl: 'https://x/a.apk' }));
    const url = await client().getEmasArtifactUrl({
      pipelineId: '7',
      pipelineRunId: '8',
      emasJobInstanceId: '9',
      md5: 'abc',
      serviceConnectionId: '3',
    });
    expect(url).toBe('https://x/a.apk');
    expect(debug.join('\n')).not.toContain(SECRET);
  });
});
