// A local stand-in for the GitHub REST API's deployment endpoints (GITHUB_API_URL points here).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGithub {
  url: string;
  calls: Array<{ method: string; path: string; auth: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** `hang`: never answer any request (`all`), or the final status post only (`final-status`). */
export async function startFakeGithub(
  opts: { refuse?: boolean; hang?: 'all' | 'final-status' } = {},
): Promise<FakeGithub> {
  let statuses = 0;
  const calls: FakeGithub['calls'] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        auth: String(req.headers.authorization ?? ''),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      res.setHeader('content-type', 'application/json');
      const status = /\/statuses$/.test(req.url ?? '') ? ++statuses : 0;
      if (opts.hang === 'all' || (opts.hang === 'final-status' && status > 1)) return;
      if (opts.refuse) {
        res
          .writeHead(403)
          .end(JSON.stringify({ message: 'Resource not accessible by integration', status: '403' }));
      } else if (/\/deployments$/.test(req.url ?? '')) {
        res.writeHead(201).end(JSON.stringify({ id: 77, sha: 'abc', environment: 'production' }));
      } else {
        res.writeHead(201).end(JSON.stringify({ id: 1, state: 'in_progress' }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
