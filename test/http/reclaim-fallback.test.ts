// The GCs asked for (common/gc.ts) are an optimisation: where the runtime will not give its `gc`
// (here, a vm that refuses new contexts), answers are read and watches end all the same.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { releaseMemory } from '../../src/common/gc.js';
import { DirectAgent } from '../../src/http/direct.js';
import { BodyBuffer, Transport } from '../../src/http/transport.js';

vi.mock('node:vm', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:vm')>()),
  runInNewContext: () => {
    throw new ReferenceError('gc is not defined');
  },
}));

describe('reclaiming read buffers where gc cannot be had', () => {
  it('releasing memory at the end of a watch is a no-op, not an error, and exposes gc to no context', async () => {
    expect(() => releaseMemory()).not.toThrow();
    const { createContext, runInContext } = await import('node:vm');
    expect(runInContext('typeof gc', createContext())).toBe('undefined');
  });

  it('a 2 MiB answer into a BodyBuffer is still read, at the first attempt', async () => {
    const body = Buffer.from(`[${'1,'.repeat(1 << 20)}1]`);
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const t = new Transport({
      dispatcher: new DirectAgent(),
      userAgent: 'test-agent/1',
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      secrets: [],
      failureOf: () => undefined,
      hintFor: () => undefined,
    });
    try {
      const res = await t.send({
        operation: 'Op',
        method: 'GET',
        url,
        headers: {},
        write: false,
        into: new BodyBuffer(),
      });
      expect(Buffer.compare(Buffer.from(res.bytes), body)).toBe(0);
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
