// Answers that are not what an operation returns (issue: a verdict nothing can forge, items 3 and 6):
// one is a blip and is retried; the same kind three times in a row fails at once with what came and
// a hint; no piece of a credential survives in what is said about it; answers have a size bound.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClassicClient } from '../../src/providers/yunxiao/classic.js';
import { ApiError } from '../../src/http/errors.js';
import { OpenApiClient } from '../../src/providers/yunxiao/openapi.js';
import { redact, redactedPreview } from '../../src/common/redact.js';

const HOST = 'https://openapi-rdc.aliyuncs.com';
const TOKEN = 'pt-Zq8wXv3Lk9Rt2Yp6Mn4Bc7Hs1Jd5G'; // 32 characters
const P = '/oapi/v1/flow/organizations/org1/pipelines/7';
const ORDER = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  deployOrderId: 1111,
  status: 'Running',
  currentBatch: 1,
  totalBatch: 1,
  actions: [],
  deployMachineInfo: { deployMachines: [] },
  ...over,
});
const dispatcher = new Agent();
let debug: string[] = [];

function client(over: Partial<ConstructorParameters<typeof OpenApiClient>[0]> = {}): OpenApiClient {
  return new OpenApiClient({
    endpoint: HOST,
    edition: 'central',
    organizationId: 'org1',
    token: TOKEN,
    dispatcher,
    debug: (l) => debug.push(l),
    retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 2 },
    random: () => 0.5,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  debug = [];
});
afterAll(() => nock.enableNetConnect());

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Login required</body></html>';

describe('one bad answer is a blip', () => {
  it.each<[string, string | null, Record<string, string>]>([
    ['truncated JSON', '{"deployOrderId": 1111, "status": "Runn', { 'content-type': 'application/json' }],
    ['an empty body', '', { 'content-type': 'application/json' }],
    ['null', 'null', { 'content-type': 'application/json' }],
    ['plain text', 'Service temporarily unavailable', { 'content-type': 'text/plain' }],
    ['an HTML page', LOGIN_PAGE, { 'content-type': 'text/html' }],
  ])('%s with status 200, then a good answer: the read succeeds', async (_what, body, headers) => {
    const scope = nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(200, body ?? '', headers)
      .get(`${P}/deploy/1111`)
      .reply(200, ORDER({ status: 'Success' }));
    expect((await client().getDeployOrder('7', '1111')).snapshot.status).toBe('Success');
    scope.done();
  });
});

describe('the same bad answer three times in a row fails at once', () => {
  it('an HTML page with 200: status, content type, the start of the body and the login-page hint', async () => {
    const scope = nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, LOGIN_PAGE, {
      'content-type': 'text/html; charset=utf-8',
    });
    const started = Date.now();
    const err = await failure(client().getDeployOrder('7', '1111'));
    scope.done();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(200);
    expect(err.message).toContain('HTTP 200');
    expect(err.message).toContain('text/html; charset=utf-8');
    expect(err.message).toContain('3 bad answers in a row');
    expect(err.message).toContain('<!DOCTYPE html><html><head><title>Sign in');
    expect(err.hint).toMatch(/login page/);
  });

  it.each<[string, string]>([
    ['truncated JSON', '{"deployOrderId": 1111, "status": "Runn'],
    ['an empty body', ''],
    ['plain text', 'upstream said no'],
  ])('%s: fails after three, not at the deadline', async (_what, body) => {
    const scope = nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, body);
    const err = await failure(client().getDeployOrder('7', '1111'));
    scope.done();
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('3 bad answers in a row');
    expect(err.hint).toMatch(/endpoint/);
  });

  it('bad answers of different kinds count together, and an error between does not end the row', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(200, LOGIN_PAGE)
      .get(`${P}/deploy/1111`)
      .reply(502, 'Bad Gateway')
      .get(`${P}/deploy/1111`)
      .reply(200, '')
      .get(`${P}/deploy/1111`)
      .reply(200, '{"a":');
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('the answer is not JSON (content type none, 3 bad answers in a row)');
  });

  it('a good answer ends the row', async () => {
    const c = client();
    nock(HOST).get(`${P}/deploy/1111`).times(2).reply(200, 'x').get(`${P}/deploy/1111`).reply(200, ORDER());
    await c.getDeployOrder('7', '1111');
    nock(HOST).get(`${P}/deploy/1111`).times(2).reply(200, 'x').get(`${P}/deploy/1111`).reply(200, ORDER());
    await expect(c.getDeployOrder('7', '1111')).resolves.toMatchObject({ snapshot: { status: 'Running' } });
  });

  it('a redirect is no answer: not followed, not read, a failure that says so', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(302, ORDER({ status: 'Success' }), { location: 'https://elsewhere.example/x' });
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).toContain('HTTP 302');
    expect(err.message).toContain('redirect to https://elsewhere.example/x');
    expect(err.retryable).toBe(false);
  });

  it('an error answer is read only as far as a message needs (64 KiB)', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .reply(403, JSON.stringify({ errorCode: 'Forbidden', errorMessage: 'x'.repeat(3_000_000) }));
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.status).toBe(403);
    expect(err.message.length).toBeLessThan(1500);
  });

  it('a token split by invisible characters in an error message is still redacted', async () => {
    const split = TOKEN.match(/.{1,4}/g)!.join('\u200e');
    const escaped = TOKEN.match(/.{1,4}/g)!.join('\u001b[0m');
    for (const hidden of [split, escaped]) {
      nock(HOST)
        .get(`${P}/deploy/1111`)
        .reply(403, { errorCode: 'Forbidden', errorMessage: `bad token ${hidden}` });
      const err = await failure(client().getDeployOrder('7', '1111'));
      expect(err.message).toContain('bad token ***');
      expect(err.message).not.toContain(TOKEN.slice(0, 8));
    }
  });

  it('the row spans calls: two bad answers, a failed call, then a third fails the next call at once', async () => {
    const c = client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    nock(HOST).get(`${P}/deploy/1111`).times(2).reply(200, 'nope');
    expect((await failure(c.getDeployOrder('7', '1111'))).retryable).toBe(true);
    nock(HOST).get(`${P}/deploy/1111`).reply(200, 'nope');
    const err = await failure(c.getDeployOrder('7', '1111'));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('3 bad answers in a row');
  });

  it('an answer about another deploy order is never read as this one', async () => {
    nock(HOST)
      .get(`${P}/deploy/1111`)
      .times(3)
      .reply(200, ORDER({ deployOrderId: 2222, status: 'Success' }));
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).toContain('the answer is about deploy order "2222", not deploy order 1111');
    expect(err.retryable).toBe(false);
  });

  // The run the gate started (or waited for) is read for its deploy order: an answer about another
  // run (an earlier success) made the gate watch that run's deploy and give its verdict.
  it('an answer about another pipeline run is never read as this one', async () => {
    nock(HOST).get(`${P}/runs/9`).times(3).reply(200, { pipelineRunId: 8, status: 'SUCCESS', stages: [] });
    const err = await failure(client().getPipelineRun('7', '9'));
    expect(err.message).toContain('the answer is about pipeline run "8", not pipeline run 9');
    expect(err.retryable).toBe(false);
  });

  it('an answer with no deployOrderId is not this order either', async () => {
    const { deployOrderId: _gone, ...rest } = ORDER({ status: 'Success' });
    nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, rest);
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).toContain('no deployOrderId');
  });
});

describe('no piece of a credential in what is said about an answer', () => {
  it('an error page echoing the request headers: the token is redacted before the preview is cut', async () => {
    // The cut at 200 characters falls inside the token: its first 27 characters would show.
    const echo = `<html><body><pre>${'x'.repeat(200 - 17 - 27 - 'x-yunxiao-token: '.length)}x-yunxiao-token: ${TOKEN}</pre></body></html>`;
    nock(HOST).get(`${P}/deploy/1111`).times(3).reply(200, echo, { 'content-type': 'text/html' });
    const err = await failure(client().getDeployOrder('7', '1111'));
    expect(err.message).not.toContain(TOKEN.slice(0, 8));
    for (let i = 0; i + 3 <= TOKEN.length; i++) expect(err.message).not.toContain(TOKEN.slice(i, i + 3 + 5));
    expect(err.message).toContain('x-yunxiao-token: ***');
    expect(debug.join('\n')).not.toContain(TOKEN.slice(0, 8));
  });

  it('redactedPreview masks a piece of a secret at the cut, and any run of 8 of its characters anywhere', () => {
    const text = `token=${TOKEN.slice(0, 12)}`; // a server that truncated the echo itself
    expect(redact(text, [TOKEN])).toBe('token=***');
    // a whole token is redacted before the cut, so the cut never makes a piece of it
    expect(redactedPreview(Buffer.from(`aaaa ${TOKEN} bbbb`), [TOKEN], 10)).toBe('aaaa *** b…');
    // a body that itself ends in a piece of the token's start (the server cut it)
    expect(redactedPreview(Buffer.from(`aaaa ${TOKEN.slice(0, 5)}`), [TOKEN])).toBe('aaaa ***');
    expect(redactedPreview(Buffer.from(`head ${TOKEN.slice(3, 14)} tail`), [TOKEN])).toBe('head *** tail');
    expect(redactedPreview(Buffer.from('   \n '), [TOKEN])).toBe('(empty body)');
  });

  it('a preview reads only the first few KiB of a large body', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    expect(redactedPreview(big, [TOKEN])).toBe(`${'a'.repeat(200)}…`);
  });
});

describe('answers have a size bound', () => {
  let server: Server;
  let url: string;
  let mode: 'declared' | 'streamed' = 'declared';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (mode === 'declared') {
        res.writeHead(200, { 'content-length': String(2 * 1024 * 1024 * 1024) });
        res.write('{"a":"');
        return; // never sends the rest: the gate must not wait for it
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100 && !res.destroyed) res.once('drain', pump);
      };
      req.socket.on('close', () => res.destroy());
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it.each(['declared', 'streamed'] as const)(
    'a %s body over the cap is refused without reading it whole',
    async (m) => {
      mode = m;
      const c = client({ endpoint: url, edition: 'region', organizationId: undefined });
      const err = await failure(c.getPipelineRun('7', '1'));
      expect(err.message).toContain('larger than 8 MiB');
      expect(err.retryable).toBe(false);
    },
  );
});

describe('writes', () => {
  it('an empty 200 to a write means not done (false), not a crash', async () => {
    nock(HOST).put(`${P}/deploy/1111/resume`).reply(200, '');
    await expect(client().resumeDeployOrder('7', '1111')).resolves.toBe(false);
  });

  it('the classic client: an empty 200 to a write is false too', async () => {
    nock('https://devops.cn-hangzhou.aliyuncs.com')
      .put('/organization/org1/pipelines/7/deploy/1/stop')
      .reply(200, '');
    const c = new ClassicClient({
      endpoint: 'https://devops.cn-hangzhou.aliyuncs.com',
      organizationId: 'org1',
      accessKeyId: 'AK',
      accessKeySecret: 'secret-value-0123',
      dispatcher,
    });
    await expect(c.stopDeployOrder('7', '1')).resolves.toBe(false);
  });

  it('the classic client encodes a machine SN in the path, as one segment', async () => {
    const scope = nock('https://devops.cn-hangzhou.aliyuncs.com')
      .put('/organization/org1/pipelines/7/deploy/1/machine/a%2F..%2Fb%20c%3F/skip')
      .reply(200, { success: true, requestId: 'r' });
    const c = new ClassicClient({
      endpoint: 'https://devops.cn-hangzhou.aliyuncs.com',
      organizationId: 'org1',
      accessKeyId: 'AK',
      accessKeySecret: 'secret-value-0123',
      dispatcher,
    });
    await expect(c.skipMachine('7', '1', 'a/../b c?')).resolves.toBe(true);
    scope.done();
  });
});
