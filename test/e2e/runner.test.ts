// The action in the runner's surroundings: GitHub Deployments and proxies.
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GITHUB_TOKEN } from '../../scripts/lib/runner.js';
import { startFakeGithub } from '../support/fake-github.js';
import { FIXTURES, gate, TOKEN } from './support.js';

describe('GitHub Deployments', () => {
  it('records the deploy in the environment with statuses in_progress then success', async () => {
    const gh = await startFakeGithub();
    try {
      const { run } = await gate({}, { environment: 'production' }, {}, { env: { GITHUB_API_URL: gh.url } });
      expect(run.code).toBe(0);
      expect(gh.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /repos/acme/shop/deployments',
        'POST /repos/acme/shop/deployments/77/statuses',
        'POST /repos/acme/shop/deployments/77/statuses',
      ]);
      expect(gh.calls[0]?.body).toMatchObject({
        environment: 'production',
        auto_merge: false,
        required_contexts: [],
      });
      expect(gh.calls.map((c) => c.body['state']).slice(1)).toEqual(['in_progress', 'success']);
      expect(gh.calls[2]?.body['environment_url']).toBe(
        'https://flow.aliyun.com/pipelines/1234567/builds/88',
      );
      expect(gh.calls.every((c) => c.auth === `token ${FAKE_GITHUB_TOKEN}`)).toBe(true);
    } finally {
      await gh.close();
    }
  });

  it('a refusal is a warning; the verdict stays Yunxiao’s', async () => {
    const gh = await startFakeGithub({ refuse: true });
    try {
      const { run } = await gate({}, { environment: 'production' }, {}, { env: { GITHUB_API_URL: gh.url } });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /::warning::environment: GitHub refused to create a deployment .*deployments: write/,
      );
    } finally {
      await gh.close();
    }
  });
});

describe('proxies', () => {
  // A plain forward proxy (absolute-form http requests, and CONNECT tunnels) that resolves the
  // test's own host names: yunxiao.test to the simulator over TLS, api.github.test to GitHub.
  let proxy: Server;
  let proxyUrl: string;
  const hosts = new Map<string, number>();
  const seen: Array<{ kind: 'forward' | 'connect'; target: string; headers: string }> = [];
  const tls = {
    key: readFileSync(join(FIXTURES, 'tls/yunxiao.test.key'), 'utf8'),
    cert: readFileSync(join(FIXTURES, 'tls/yunxiao.test.crt'), 'utf8'),
  };
  const port = (host: string, given: string): number => hosts.get(host) ?? Number(given);

  beforeAll(async () => {
    proxy = createServer((req, res) => {
      seen.push({ kind: 'forward', target: req.url ?? '', headers: JSON.stringify(req.headers) });
      const target = new URL(req.url ?? '');
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: port(target.hostname, target.port),
          path: target.pathname + target.search,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    proxy.on('connect', (req, client: Socket, head) => {
      seen.push({ kind: 'connect', target: req.url ?? '', headers: JSON.stringify(req.headers) });
      const [host = '', given = ''] = (req.url ?? '').split(':');
      const upstream = connect(port(host, given), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
  });

  it('sends every Yunxiao and GitHub request through HTTPS_PROXY / HTTP_PROXY', async () => {
    seen.length = 0;
    const gh = await startFakeGithub();
    hosts.set('api.github.test', Number(new URL(gh.url).port));
    try {
      const { run, sim } = await gate(
        {},
        { environment: 'production', endpoint: 'https://yunxiao.test' },
        { tls },
        {
          env: {
            GITHUB_API_URL: 'http://api.github.test',
            HTTP_PROXY: proxyUrl,
            https_proxy: proxyUrl,
            NO_PROXY: '',
            NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls/yunxiao.test.crt'),
          },
          beforeRun: (s) => void hosts.set('yunxiao.test', Number(new URL(s.url).port)),
        },
      );
      expect(run.code, run.stdout).toBe(0);
      expect(sim.requests.length).toBeGreaterThan(3);
      // one tunnel (kept alive) or more, every one to the Yunxiao host
      expect(seen.filter((s) => s.kind === 'connect').length).toBeGreaterThan(0);
      expect(seen.filter((s) => s.kind === 'connect').every((s) => s.target === 'yunxiao.test:443')).toBe(
        true,
      );
      expect(seen.filter((s) => s.target.includes('api.github.test')).length).toBe(gh.calls.length);
      expect(gh.calls.length).toBe(3);
      // The token travels only in its own request header, inside TLS: never in what the proxy sees.
      expect(seen.every((s) => !s.target.includes(TOKEN) && !s.headers.includes(TOKEN))).toBe(true);
    } finally {
      await gh.close();
    }
  });

  it('never sends a loopback endpoint through a proxy: the token would cross it in clear text', async () => {
    seen.length = 0;
    const { run, sim } = await gate(
      {},
      {},
      {},
      { env: { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '' } },
    );
    expect(run.code).toBe(0);
    expect(sim.requests.length).toBeGreaterThan(0);
    expect(seen).toEqual([]);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    seen.length = 0;
    const gh = await startFakeGithub();
    try {
      const { run } = await gate(
        {},
        { environment: 'production' },
        {},
        { env: { GITHUB_API_URL: gh.url, HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1,localhost' } },
      );
      expect(run.code).toBe(0);
      expect(gh.calls.length).toBe(3);
      expect(seen).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});

describe('a direct HTTPS connection (no proxy)', () => {
  it("goes through Node's own client, trusting NODE_EXTRA_CA_CERTS, and only that", async () => {
    const tls = {
      key: readFileSync(join(FIXTURES, 'tls/localhost.test.key'), 'utf8'),
      cert: readFileSync(join(FIXTURES, 'tls/localhost.test.crt'), 'utf8'),
    };
    const trusted = await gate(
      {},
      {},
      { tls },
      {
        env: { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls/localhost.test.crt') },
        inputsFrom: (sim) => ({ endpoint: sim.url.replace('https://127.0.0.1', 'https://localhost') }),
      },
    );
    expect(trusted.run.code, trusted.run.stdout).toBe(0);
    expect(trusted.sim.requests.length).toBeGreaterThan(2);
    // the same server, its certificate not trusted: no request gets through, and the gate says why
    const untrusted = await gate(
      {},
      {},
      { tls },
      {
        inputsFrom: (sim) => ({ endpoint: sim.url.replace('https://127.0.0.1', 'https://localhost') }),
      },
    );
    expect(untrusted.run.code).toBe(1);
    expect(untrusted.sim.requests).toHaveLength(0);
    expect(untrusted.run.stdout).toMatch(/::error::.*certificate/i);
  });
});
