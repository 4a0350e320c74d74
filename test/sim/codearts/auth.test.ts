// Who may call, over HTTP: AK/SK signatures (and STS), IAM tokens, one mechanism per request, and
// the API gateway's answers when something is wrong. The test client's own signer is checked on the
// official vector first, so its requests prove the simulator and not a shared mistake.
import { describe, expect, it } from 'vitest';
import {
  AK,
  call,
  type ListJson,
  IAM_TOKEN,
  pipelinePath,
  sign,
  simulators,
  SK,
  STS_AK,
  STS_SK,
  STS_TOKEN,
} from './client.js';
import { scenario } from '../../../sim/codearts/index.js';

const start = simulators();
const DETAIL = pipelinePath(scenario(), '/pipeline-runs/detail');
const LIST = pipelinePath(scenario(), '/pipeline-runs/list');

describe('the test client', () => {
  it('signs the official vector K1 as published', () => {
    const auth = sign(
      'GET',
      '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      { limit: '2', marker: '13551d6b-755d-4757-b956-536f674975c0' },
      {
        'content-type': 'application/json',
        host: 'service.region.example.com',
        'x-sdk-date': '20191115T033655Z',
      },
      '',
      'QTWAOYTTINDUT2QVKYUC',
      'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      ['content-type', 'host', 'x-sdk-date'],
    );
    expect(auth).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });
});

describe('auth', () => {
  it('accepts an AK/SK request, with or without X-Project-Id, GET and POST with a body', async () => {
    const sim = await start({ history: [{ status: 'COMPLETED' }] });
    expect((await call(sim, 'GET', DETAIL)).status).toBe(200);
    const withProject = await call<ListJson>(sim, 'POST', LIST, {
      body: { offset: 0, limit: 10 },
      headers: { 'x-project-id': 'f1e2d3c4b5a697887766554433221100' },
    });
    expect([withProject.status, withProject.json.total]).toEqual([200, 1]);
    expect(sim.requests.map((r) => [r.operation, r.status])).toEqual([
      ['ShowPipelineRunDetail', 200],
      ['ListPipelineRuns', 200],
    ]);
  });

  it('accepts any signed header set that includes x-sdk-date (the Go SDK signs no Host)', async () => {
    const sim = await start({ history: [{ status: 'COMPLETED' }] });
    const a = await call(sim, 'POST', LIST, {
      body: {},
      creds: { ak: AK, sk: SK, signedHeaders: ['x-sdk-date'] },
    });
    expect(a.status).toBe(200);
    const b = await call(sim, 'GET', DETAIL, { creds: { ak: AK, sk: SK, signedHeaders: ['host'] } });
    expect([b.status, b.json.error_code]).toEqual([401, 'APIG.0303']);
  });

  it('signs the query: spaces (sent as +), slashes and unicode pass; a changed query does not', async () => {
    const sim = await start();
    const query = { pipeline_run_id: 'x', extra: 'a b/ü~*' };
    const ok = await call(sim, 'GET', DETAIL, { query });
    expect(ok.status).toBe(200); // signature fine; the run is unknown
    expect(ok.json.error_code).toBe('DEVCP.00012002');
    expect(sim.requests[0]!.query).toEqual(query);
    const changed = await call(sim, 'GET', DETAIL, { query, tamper: (t) => t.replace('a+b', 'a+c') });
    expect([changed.status, changed.json.error_code]).toEqual([401, 'APIG.0301']);
    expect(changed.json.error_msg).toContain('extra=a%20c%2F%C3%BC~%2A&pipeline_run_id=x');
  });

  it('refuses a wrong secret, an unknown AK and a changed signature with APIG.0301 (HTTP 401)', async () => {
    const sim = await start();
    const wrong = await call(sim, 'GET', DETAIL, { creds: { ak: AK, sk: `${SK}x` } });
    expect([wrong.status, wrong.json.error_code]).toEqual([401, 'APIG.0301']);
    expect(wrong.json.error_msg).toContain('verify aksk signature fail');
    expect(wrong.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    const unknown = await call(sim, 'GET', DETAIL, { creds: { ak: 'NOSUCHAK', sk: SK } });
    expect([unknown.status, unknown.json.error_code]).toEqual([401, 'APIG.0301']);
    expect(unknown.json.error_msg).toContain('ak not exist');
    expect(sim.requests.every((r) => r.status === 401)).toBe(true);
  });

  it('refuses a date more than 15 minutes off the simulator clock with APIG.0303', async () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const sim = await start({}, { now: () => now });
    const late = await call(sim, 'GET', DETAIL, { date: now - 16 * 60_000 });
    expect([late.status, late.json.error_code]).toEqual([401, 'APIG.0303']);
    expect(late.json.error_msg).toContain(
      'signature expired, signature time:20260601T114400Z,server time:20260601T120000Z',
    );
    const ahead = await call(sim, 'GET', DETAIL, { date: now + 16 * 60_000 });
    expect(ahead.status).toBe(401);
    const inside = await call(sim, 'GET', DETAIL, { date: now - 14 * 60_000 });
    expect(inside.status).toBe(200);
  });

  it('STS: the key needs its X-Security-Token, equal and signed', async () => {
    const sim = await start();
    const ok = await call(sim, 'GET', DETAIL, {
      creds: { ak: STS_AK, sk: STS_SK, securityToken: STS_TOKEN },
    });
    expect(ok.status).toBe(200);
    const missing = await call(sim, 'GET', DETAIL, { creds: { ak: STS_AK, sk: STS_SK } });
    expect([missing.status, missing.json.error_code]).toEqual([401, 'APIG.0301']);
    const wrong = await call(sim, 'GET', DETAIL, {
      creds: { ak: STS_AK, sk: STS_SK, securityToken: 'other' },
    });
    expect([wrong.status, wrong.json.error_code]).toEqual([401, 'APIG.0301']);
    const unsigned = await call(sim, 'GET', DETAIL, {
      creds: { ak: STS_AK, sk: STS_SK, securityToken: STS_TOKEN, signedHeaders: ['host', 'x-sdk-date'] },
    });
    expect([unsigned.status, unsigned.json.error_code]).toEqual([401, 'APIG.0303']);
    expect(JSON.stringify(sim.requests.map((r) => r.status))).toBe('[200,401,401,401]');
  });

  it('IAM token: a known X-Auth-Token passes, an unknown one is refused', async () => {
    const sim = await start();
    expect((await call(sim, 'GET', DETAIL, { creds: { token: IAM_TOKEN } })).status).toBe(200);
    const bad = await call(sim, 'GET', DETAIL, { creds: { token: 'MIIZ-other' } });
    expect([bad.status, bad.json.error_code, bad.json.error_msg]).toEqual([
      401,
      'APIG.0301',
      'Incorrect IAM authentication information: decrypt token fail',
    ]);
  });

  it('exactly one mechanism: none, or both, is refused', async () => {
    const sim = await start();
    const none = await call(sim, 'GET', DETAIL, { creds: 'none' });
    expect([none.status, none.json.error_code]).toEqual([401, 'APIG.0301']);
    const both = await call(sim, 'GET', DETAIL, { headers: { 'x-auth-token': IAM_TOKEN } });
    expect([both.status, both.json.error_code]).toEqual([401, 'APIG.0301']);
    expect(both.json.error_msg).toContain('not both');
  });

  it('an unknown path is the gateway 404 APIG.0101, before any auth', async () => {
    const sim = await start();
    const a = await call(sim, 'GET', '/v5/x/api/nothing', { creds: 'none' });
    expect([a.status, a.json.error_code]).toEqual([404, 'APIG.0101']);
    const wrongMethod = await call(sim, 'GET', pipelinePath(scenario(), '/run'));
    expect(wrongMethod.status).toBe(404);
    expect(sim.requests.map((r) => r.operation)).toEqual(['Unknown', 'Unknown']);
  });
});
