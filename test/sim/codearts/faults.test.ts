// Faults: what an unreliable gateway and service do to requests, each recorded like any request.
import { describe, expect, it } from 'vitest';
import { call, pipelinePath, simulators, type DetailJson } from './client.js';
import { scenario, type CodeArtsSimulator, type Fault } from '../../../sim/codearts/index.js';

const start = simulators();
const DETAIL = pipelinePath(scenario(), '/pipeline-runs/detail');
const LIST = pipelinePath(scenario(), '/pipeline-runs/list');
const history = { history: [{ status: 'COMPLETED' as const }] };

const withFaults = (faults: Fault[]) => start(history, { faults });
const detail = (sim: CodeArtsSimulator) => call<DetailJson>(sim, 'GET', DETAIL);

describe('faults', () => {
  it('429-apig: the gateway throttle APIG.0308, HTTP 429, no Retry-After; then the call passes', async () => {
    const sim = await withFaults([{ kind: '429-apig' }]);
    const a = await detail(sim);
    expect(a.status).toBe(429);
    expect(a.headers['retry-after']).toBeUndefined();
    expect(a.json).toMatchObject({
      error_code: 'APIG.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
    });
    expect((await detail(sim)).status).toBe(200);
    expect(sim.requests.map((r) => [r.status, r.fault])).toEqual([
      [429, '429-apig'],
      [200, undefined],
    ]);
  });

  it('500-throttle, 500 and 200-error answer service codes (in the error-body variant too)', async () => {
    const sim = await withFaults([
      { kind: '500-throttle' },
      { kind: '500' },
      { kind: '200-error' },
      { kind: '200-error', errorCode: 'DEVCP.00021018' },
    ]);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const a = await detail(sim);
      answers.push([a.status, a.json.error_code]);
    }
    expect(answers).toEqual([
      [500, 'COCT.0070003'],
      [500, 'DEVCP.00020500'],
      [200, 'DEVCP.00014031'],
      [200, 'DEVCP.00021018'],
    ]);
    const nested = await start(history, {
      faults: [{ kind: '200-error' }],
      variants: { errorBody: 'nested' },
    });
    const n = await detail(nested);
    expect([n.status, n.json.error?.code, n.json.error_code]).toEqual([200, 'DEVCP.00014031', undefined]);
  });

  it('html-200 answers a login page; non-json a cut JSON labelled application/json', async () => {
    const sim = await withFaults([{ kind: 'html-200' }, { kind: 'non-json' }]);
    const html = await detail(sim);
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html;charset=UTF-8']);
    expect(html.text).toContain('<form action="/authui/login">');
    const cut = await detail(sim);
    expect([cut.status, cut.headers['content-type']]).toEqual([200, 'application/json;charset=UTF-8']);
    expect(() => JSON.parse(cut.text) as unknown).toThrow();
  });

  it('each fault counts its own matching calls: operation, after and times; a faulted read is no tick', async () => {
    const sim = await withFaults([{ kind: '500', operation: 'ShowPipelineRunDetail', after: 1, times: 2 }]);
    await call(sim, 'POST', LIST, { body: {} }); // another operation: not counted
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await detail(sim)).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(sim.requests.map((r) => r.fault)).toEqual([undefined, undefined, '500', '500', undefined]);
    expect(sim.engine.tick).toBe(2);
  });

  it('a fault answers before auth: even an unsigned request is throttled', async () => {
    const sim = await withFaults([{ kind: '429-apig' }]);
    expect((await call(sim, 'GET', DETAIL, { creds: 'none' })).status).toBe(429);
    expect((await call(sim, 'GET', DETAIL, { creds: 'none' })).status).toBe(401);
  });

  it('reset: the connection drops without an answer, recorded with status 0', async () => {
    const sim = await withFaults([{ kind: 'reset' }]);
    await expect(detail(sim)).rejects.toThrow();
    expect(sim.requests[0]).toMatchObject({ operation: 'ShowPipelineRunDetail', status: 0, fault: 'reset' });
    expect((await detail(sim)).status).toBe(200);
  });

  it('slow answers after its delay; addFault works on a running simulator', async () => {
    const sim = await start(history);
    sim.addFault({ kind: 'slow', delayMs: 120, operation: 'ListPipelineRuns' });
    const t0 = Date.now();
    const a = await call(sim, 'POST', LIST, { body: {} });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    expect([a.status, (a.json as { total?: number }).total]).toEqual([200, 1]);
    expect(sim.requests[0]).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('hang never answers until the simulator closes', async () => {
    const sim = await withFaults([{ kind: 'hang' }]);
    let settled = false;
    const pending = detail(sim).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 80));
    expect(settled).toBe(false);
    expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'hang' });
    await sim.close();
    await expect(pending).rejects.toThrow();
  });
});
