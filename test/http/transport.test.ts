// The shared transport on its own: backoff, Retry-After, which calls are repeated, cancellation,
// and the hook a second API generation uses for its throttling envelopes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import nock from 'nock';
import { Agent } from 'undici';
import { DirectAgent } from '../../src/http/direct.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/http/errors.js';
import {
  BodyBuffer,
  retryAfterOf,
  Transport,
  type Failure,
  type HttpCall,
  type HttpResponse,
  type TransportOptions,
} from '../../src/http/transport.js';

const HOST = 'https://api.example.com';
const SECRET = 'pt-transportSecret_0123456789';
const dispatcher = new Agent();
let debug: string[] = [];

const anyFailure = (res: HttpResponse): Failure | undefined => (res.status >= 400 ? {} : undefined);

function transport(over: Partial<TransportOptions> = {}): Transport {
  return new Transport({
    dispatcher,
    userAgent: 'test-agent/1',
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
    random: () => 0.5,
    debug: (l) => debug.push(l),
    secrets: [SECRET],
    failureOf: anyFailure,
    hintFor: () => undefined,
    ...over,
  });
}

const call = (over: Partial<HttpCall> = {}): HttpCall => ({
  operation: 'Op',
  method: 'GET',
  url: `${HOST}/x`,
  headers: { 'x-secret': SECRET },
  write: false,
  ...over,
});

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

/** The delays the transport announced before each retry. */
const delays = (): number[] =>
  debug.flatMap((l) => {
    const m = /retrying in (\d+) ms/.exec(l);
    return m ? [Number(m[1])] : [];
  });

/** Aborts with `reason` once the transport announces a retry: the sleep is then cut short. */
function abortAtRetry(reason: unknown): { signal: AbortSignal; debug: (l: string) => void } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    debug: (l) => {
      debug.push(l);
      if (l.includes('retrying in')) setTimeout(() => controller.abort(reason), 5);
    },
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  debug = [];
});
afterAll(() => nock.enableNetConnect());

describe('backoff', () => {
  it('full jitter: random() * min(maxDelay, base * 2^attempt)', async () => {
    nock(HOST).get('/x').times(4).reply(500, 'x');
    const t = transport({
      random: () => 0.25,
      retry: { maxAttempts: 4, baseDelayMs: 8, maxDelayMs: 20 },
    });
    const err = await failure(t.send(call()));
    expect(err.status).toBe(500);
    expect(delays()).toEqual([2, 4, 5]); // 0.25 * 8, 0.25 * 16, 0.25 * min(20, 32)
  });

  it('a debug line per attempt, without headers or secrets', async () => {
    nock(HOST).get('/x').reply(503, 'busy').get('/x').reply(200, 'ok');
    const res = await transport().send(call());
    expect(res).toMatchObject({ status: 200, text: 'ok' });
    const attempts = debug.filter((l) => l.startsWith('GET'));
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(/^GET https:\/\/api\.example\.com\/x -> 503 in \d+ ms \(attempt 1\)$/);
    expect(attempts[1]).toMatch(/^GET https:\/\/api\.example\.com\/x -> 200 in \d+ ms \(attempt 2\)$/);
    expect(debug.join('\n')).not.toContain(SECRET);
    expect(debug.join('\n')).not.toContain('x-secret');
  });
});

describe('Retry-After', () => {
  it.each([
    [429, '7', 7000, 7000],
    [503, '3600', 60_000, 60_000], // capped
    [429, new Date(Date.now() + 30_000).toUTCString(), 28_000, 30_000],
    [503, new Date(Date.now() - 60_000).toUTCString(), 0, 0], // already past
  ])('HTTP %i with Retry-After %s waits as told', async (status, value, min, max) => {
    nock(HOST).get('/x').reply(status, 'x', { 'retry-after': value }).get('/x').reply(200, 'ok');
    const reason = new Error('stop waiting');
    const a = abortAtRetry(reason);
    const t = transport({ debug: a.debug });
    const outcome = await t.send(call({ signal: a.signal })).then(
      () => 'answered',
      (e: unknown) => e,
    );
    const [delay] = delays();
    expect(delay).toBeGreaterThanOrEqual(min);
    expect(delay).toBeLessThanOrEqual(max);
    // Waiting seconds is cut short by the abort; a zero wait retries at once and gets the answer.
    expect(outcome).toBe(min > 0 ? reason : 'answered');
  });

  it('is ignored on other statuses (plain backoff)', async () => {
    nock(HOST).get('/x').reply(500, 'x', { 'retry-after': '120' }).get('/x').reply(200, 'ok');
    await transport().send(call());
    expect(delays()).toEqual([1]);
  });

  it('parses seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterOf('5', now)).toBe(5000);
    expect(retryAfterOf(['2'], now)).toBe(2000);
    expect(retryAfterOf('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterOf('soon', now)).toBeUndefined();
    expect(retryAfterOf(undefined, now)).toBeUndefined();
  });
});

describe('what is repeated', () => {
  it.each([408, 429, 500, 502, 503, 504])('a read after HTTP %i', async (status) => {
    const scope = nock(HOST).get('/x').reply(status, 'x').get('/x').reply(200, 'ok');
    expect((await transport().send(call())).text).toBe('ok');
    scope.done();
  });

  it.each([400, 401, 403, 404, 409])('never HTTP %i', async (status) => {
    nock(HOST).get('/x').reply(status, 'x');
    const err = await failure(transport().send(call()));
    expect(err).toMatchObject({ status, retryable: false });
    expect(debug.filter((l) => l.startsWith('GET'))).toHaveLength(1);
  });

  it.each([408, 500, 502, 503])(
    'a write is not repeated after HTTP %i (it may have been applied)',
    async (status) => {
      nock(HOST).put('/w').reply(status, 'x');
      const err = await failure(transport().send(call({ method: 'PUT', url: `${HOST}/w`, write: true })));
      expect(err).toMatchObject({ status, retryable: true });
      expect(debug.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
    },
  );

  it('a write refused with 429 is repeated', async () => {
    const scope = nock(HOST).put('/w').reply(429, 'x').put('/w').reply(200, 'true');
    const res = await transport().send(call({ method: 'PUT', url: `${HOST}/w`, write: true }));
    expect(res.text).toBe('true');
    scope.done();
  });

  it('a write whose host name did not resolve is repeated (it never left)', async () => {
    let tries = 0;
    const noDns = new Agent({
      connect: (_opts, cb) => {
        tries++;
        cb(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }), null);
      },
    });
    const err = await failure(
      transport({ dispatcher: noDns }).send(
        call({ method: 'PUT', url: 'https://nowhere.invalid/w', write: true }),
      ),
    );
    expect(err).toMatchObject({ errorCode: 'ENOTFOUND', retryable: true, status: undefined });
    expect(tries).toBe(4);
    await noDns.close();
  });

  it('the hook of another API generation marks a throttling envelope (HTTP 400) retryable, writes too', async () => {
    const throttling = (res: HttpResponse): Failure | undefined => {
      if (res.status < 400) return undefined;
      const code = (JSON.parse(res.text) as { code: string }).code;
      return code.startsWith('Throttling')
        ? { errorCode: code, throttled: true, retryAfterMs: 3 }
        : { errorCode: code };
    };
    const scope = nock(HOST).put('/w').reply(400, { code: 'Throttling.User' }).put('/w').reply(200, 'true');
    const t = transport({ failureOf: throttling });
    expect((await t.send(call({ method: 'PUT', url: `${HOST}/w`, write: true }))).text).toBe('true');
    expect(delays()).toEqual([3]);
    scope.done();

    nock(HOST).put('/w').reply(400, { code: 'InvalidParam' });
    const err = await failure(t.send(call({ method: 'PUT', url: `${HOST}/w`, write: true })));
    expect(err).toMatchObject({ errorCode: 'InvalidParam', retryable: false });
  });
});

describe('cancellation and timeouts (real sockets)', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  let connections = 0;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    server = createServer((req, res) => {
      requests++;
      if (req.url === '/hang') return; // never answers
      if (req.url === '/busy' && requests < 4) {
        return res.writeHead(503, { 'content-type': 'text/plain' }).end('x'.repeat(256 * 1024));
      }
      res.writeHead(200).end('ok');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('a signal aborted before the call rejects with its reason and sends nothing', async () => {
    requests = 0;
    const reason = new Error('cancelled');
    const err = await transport()
      .send(call({ url: `${url}/x`, signal: AbortSignal.abort(reason) }))
      .catch((e: unknown) => e);
    expect(err).toBe(reason);
    expect(requests).toBe(0);
  });

  it("the caller's signal cuts a hung request with exactly its reason", async () => {
    const reason = { why: 'deadline' }; // not even an Error: passed through as is
    const controller = new AbortController();
    server.once('request', () => setTimeout(() => controller.abort(reason), 10));
    // The per-attempt timeout (120 s) is far beyond the test's own, so only the signal can end this.
    const t = transport({ requestTimeoutMs: 120_000 });
    await expect(t.send(call({ url: `${url}/hang`, signal: controller.signal }))).rejects.toBe(reason);
  });

  it("through Node's own client too, the per-attempt timeout is ETIMEDOUT and a refused connection ECONNREFUSED", async () => {
    const direct = new DirectAgent();
    const t = transport({
      dispatcher: direct,
      requestTimeoutMs: 100,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(await failure(t.send(call({ url: `${url}/hang` })))).toMatchObject({
      retryable: true,
      errorCode: 'ETIMEDOUT',
    });
    expect(await failure(t.send(call({ url: 'http://127.0.0.1:1/' })))).toMatchObject({
      retryable: true,
      errorCode: 'ECONNREFUSED',
    });
    await direct.destroy();
  });

  it('the per-attempt timeout is a retryable network-class error; a timed-out write is not repeated', async () => {
    requests = 0;
    const t = transport({ requestTimeoutMs: 100, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const read = await failure(t.send(call({ url: `${url}/hang` })));
    expect(read).toMatchObject({ status: undefined, retryable: true, errorCode: 'ETIMEDOUT' });
    expect(requests).toBe(3);

    requests = 0;
    const write = await failure(t.send(call({ method: 'PUT', url: `${url}/hang`, write: true })));
    expect(write.retryable).toBe(true);
    expect(requests).toBe(1);
  });

  it('every answer body is read to the end: one connection serves every attempt', async () => {
    requests = 0;
    connections = 0;
    const single = new Agent({ connections: 1 });
    const res = await transport({ dispatcher: single }).send(call({ url: `${url}/busy` }));
    expect(res.text).toBe('ok');
    expect(requests).toBe(4);
    expect(connections).toBe(1);
    await single.close();
  });
});

describe('bodies (real sockets): read as bytes, large ones into one reused buffer', () => {
  let server: Server;
  let url: string;
  // 1.2 MB of JSON-ish text with multi-byte characters: many socket reads
  const big = Buffer.from(`["${'部署 9007199254740993 '.repeat(50_000)}"]`);
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    server = createServer((req, res) => {
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size') ?? big.length);
      const body = big.subarray(0, size);
      if (req.url?.startsWith('/chunked')) {
        // no Content-Length: written in pieces, sent chunked
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let at = 0; at < body.length; at += 50_000) res.write(body.subarray(at, at + 50_000));
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it.each(['/sized', '/chunked'])('%s: the exact bytes, and the text decoded from them', async (path) => {
    const res = await transport().send(call({ url: `${url}${path}` }));
    expect(Buffer.compare(Buffer.from(res.bytes), big)).toBe(0);
    expect(res.text).toBe(big.toString('utf8'));
  });

  it.each(['/sized', '/chunked'])(
    '%s into a BodyBuffer: one buffer, the size of the largest answer accepted, for every answer',
    async (path) => {
      const into = new BodyBuffer();
      const t = transport();
      const maxBytes = 2 * big.length;
      const first = await t.send(call({ url: `${url}${path}?size=200000`, into, maxBytes }));
      expect(Buffer.compare(Buffer.from(first.bytes), big.subarray(0, 200_000))).toBe(0);
      expect(first.bytes.buffer.byteLength).toBe(maxBytes);
      const second = await t.send(call({ url: `${url}${path}?size=100000`, into, maxBytes }));
      expect(Buffer.compare(Buffer.from(second.bytes), big.subarray(0, 100_000))).toBe(0);
      // the same memory: nothing was allocated for the later bodies, larger ones included
      expect(second.bytes.buffer).toBe(first.bytes.buffer);
      const third = await t.send(call({ url: `${url}${path}`, into, maxBytes }));
      expect(Buffer.compare(Buffer.from(third.bytes), big)).toBe(0);
      expect(third.bytes.buffer).toBe(first.bytes.buffer);
    },
  );

  it.each(['/sized', '/chunked'])('%s into a BodyBuffer: a body over the cap is refused', async (path) => {
    const into = new BodyBuffer();
    const err = await transport({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } })
      .send(call({ url: `${url}${path}`, into, maxBytes: big.length - 1 }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/larger than/);
  });

  it.each(['/sized', '/chunked'])(
    '%s, over 4 MiB into a BodyBuffer: whole, with the dead socket chunks freed on the way',
    async (path) => {
      const repeat = 5; // 6 MB
      const server5 = createServer((_req, res) => {
        const sized = path === '/sized';
        res.writeHead(200, sized ? { 'content-length': big.length * repeat } : {});
        for (let i = 0; i < repeat; i++) res.write(big);
        res.end();
      });
      await new Promise<void>((r) => server5.listen(0, '127.0.0.1', r));
      const at = `http://127.0.0.1:${(server5.address() as AddressInfo).port}`;
      try {
        const res = await transport().send(call({ url: at, into: new BodyBuffer() }));
        expect(Buffer.compare(Buffer.from(res.bytes), Buffer.concat(Array(repeat).fill(big)))).toBe(0);
        // the collector is reached without exposing it to any other code, now or later
        expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
        expect(runInNewContext('typeof gc')).toBe('undefined');
      } finally {
        server5.closeAllConnections();
        await new Promise((r) => server5.close(r));
      }
    },
  );

  it('BodyBuffer.take: the same buffer while it is large enough, one of the size asked when not', () => {
    const b = new BodyBuffer();
    const first = b.take(1000);
    expect(first.length).toBe(1000);
    expect(b.take(1000)).toBe(first);
    expect(b.take(10)).toBe(first);
    const larger = b.take(1001);
    expect(larger).not.toBe(first);
    expect(larger.length).toBe(1001);
  });
});
