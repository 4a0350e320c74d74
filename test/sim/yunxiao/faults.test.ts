// Faults: what an unreliable network and gateway do to requests, recorded like any other request.
// Plain undici/fetch only (never src/).
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { scenario, startSimulator, type Fault, type Simulator } from '../../../sim/yunxiao/index.js';
import { simulatorsPerTest } from '../../support/simulators.js';

const TOKEN = 'pt-faultTestToken_0123456789';
const launch = simulatorsPerTest();

function start(faults: Fault[] = []): Promise<Simulator> {
  return launch({ edition: 'region', token: TOKEN, scenario: scenario(), faults });
}

const ORDER = '/oapi/v1/flow/pipelines/1234567/deploy/44178813';
const JOBS = '/oapi/v1/flow/pipelines/1234567/listTasksByCategory/DEPLOY';

async function get(sim: Simulator, path: string) {
  const res = await request(`${sim.url}${path}`, { headers: { 'x-yunxiao-token': TOKEN } });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

describe('faults', () => {
  it('429 with Retry-After and the documented error body', async () => {
    const sim = await start([{ kind: '429', retryAfter: '2' }]);
    const a = await get(sim, ORDER);
    expect([a.status, a.headers['retry-after']]).toEqual([429, '2']);
    expect(JSON.parse(a.text)).toMatchObject({ code: 429, errorCode: 'TooManyRequests' });
    expect((await get(sim, ORDER)).status).toBe(200); // times defaults to 1
    expect(sim.requests.map((r) => [r.operation, r.status])).toEqual([
      ['GetVMDeployOrder', 429],
      ['GetVMDeployOrder', 200],
    ]);
  });

  it('500 and 502 answer a gateway HTML page, non-json a 200 HTML page', async () => {
    const sim = await start([
      { kind: '500-html', operation: 'ListPipelineJobs' },
      { kind: '502-html', operation: 'ListPipelineJobs' },
      { kind: 'non-json', operation: 'ListPipelineJobs' },
    ]);
    const answers = [await get(sim, JOBS), await get(sim, JOBS), await get(sim, JOBS), await get(sim, JOBS)];
    // the first fault due answers; the others wait their turn
    expect(answers.map((a) => a.status)).toEqual([500, 502, 200, 200]);
    for (const a of answers.slice(0, 3)) {
      expect(a.headers['content-type']).toContain('text/html');
      expect(() => JSON.parse(a.text)).toThrow();
    }
    expect(answers[1]!.text).toContain('502');
    expect(JSON.parse(answers[3]!.text)).toHaveLength(1);
  });

  it('each fault counts its own matching calls: after and times', async () => {
    const sim = await start([{ kind: '502-html', operation: 'GetVMDeployOrder', after: 1, times: 2 }]);
    await get(sim, JOBS); // not matching
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(sim, ORDER)).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    expect(sim.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['502-html', '502-html']);
    // a faulted read does not advance the deploy: two answered reads, two ticks
    expect(sim.order().currentBatch).toBe(2);
  });

  it('reset: the socket is destroyed without an answer, recorded with status 0', async () => {
    const sim = await start([{ kind: 'reset' }]);
    await expect(get(sim, ORDER)).rejects.toThrow();
    expect(sim.requests[0]).toMatchObject({ operation: 'GetVMDeployOrder', status: 0, fault: 'reset' });
  });

  it('slow answers after the delay; addFault works on a running simulator', async () => {
    const sim = await start();
    sim.addFault({ kind: 'slow', delayMs: 50, operation: 'ListPipelineJobs' });
    const a = await get(sim, JOBS);
    expect(a.status).toBe(200);
    expect(JSON.parse(a.text)).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('hang never answers; close() ends promptly and the caller sees the connection end', async () => {
    const sim = await startSimulator({
      edition: 'region',
      token: TOKEN,
      scenario: scenario(),
      faults: [{ kind: 'hang' }],
    });
    const pending = get(sim, ORDER);
    while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'hang' });
    await sim.close();
    await expect(pending).rejects.toThrow();
  });

  it('close() also ends a pending slow answer and idle keep-alive connections', async () => {
    const sim = await startSimulator({
      edition: 'region',
      token: TOKEN,
      scenario: scenario(),
      faults: [{ kind: 'slow', delayMs: 60_000, operation: 'GetVMDeployOrder' }],
    });
    await get(sim, JOBS); // leaves a keep-alive connection in undici's pool
    const pending = get(sim, ORDER);
    while (sim.requests.length < 2) await new Promise((r) => setTimeout(r, 5));
    await sim.close();
    await expect(pending).rejects.toThrow();
    expect(sim.requests[1]!.status).toBe(0);
  });
});
