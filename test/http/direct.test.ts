// Node's own client, as the transport uses it straight to the service: status, headers, the body as
// chunks, keep-alive, the attempt's signal, and closing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectAgent } from '../../src/http/direct.js';
import { request } from '../../src/http/dispatch.js';

let server: Server;
let url = '';
const sockets = new Set<unknown>();
beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    if (req.url === '/hang') return; // never answers
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(201, { 'X-Echo-Method': req.method ?? '', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ body, ua: req.headers['user-agent'] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString();
}

describe('DirectAgent', () => {
  it('sends the method, headers and body; answers status, lower-cased headers and the body', async () => {
    const agent = new DirectAgent();
    const res = await request(agent, `${url}/x?y=1`, {
      method: 'PUT',
      headers: { 'user-agent': 'gate/1', 'content-type': 'application/json' },
      body: '{"a":1}',
      signal: AbortSignal.timeout(5000),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-echo-method']).toBe('PUT');
    expect(JSON.parse(await text(res.body))).toEqual({ body: '{"a":1}', ua: 'gate/1' });
    await agent.destroy();
  });

  it('keeps the connection for the next request', async () => {
    sockets.clear();
    const agent = new DirectAgent();
    for (let i = 0; i < 3; i++) {
      const res = await request(agent, url, {
        method: 'GET',
        headers: {},
        signal: AbortSignal.timeout(5000),
      });
      await text(res.body);
    }
    expect(sockets.size).toBe(1);
    await agent.destroy();
  });

  it("the attempt's signal ends a request that gets no answer", async () => {
    const agent = new DirectAgent();
    const signal = AbortSignal.timeout(100);
    const err = await request(agent, `${url}/hang`, { method: 'GET', headers: {}, signal }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('AbortError');
    expect(((err as Error).cause as Error).name).toBe('TimeoutError');
    await agent.destroy();
  });

  it('a refused connection says so by its code', async () => {
    const agent = new DirectAgent();
    const err = await request(agent, 'http://127.0.0.1:1/', {
      method: 'GET',
      headers: {},
      signal: AbortSignal.timeout(5000),
    }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
