// The client and the mapping against the CodeArts simulator over real HTTP: its gateway verifies
// every signature (written independently of our signer), so a passing call proves the signing end
// to end. Runs through a review, a check point, a failure retried, a queue, a stop; step logs
// paged; artifacts; the variants no source settles; the gateway's and the service's refusals.
import { Agent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  job,
  scenario,
  stage,
  startCodeArtsSimulator,
  type CodeArtsSimulator,
  type CodeArtsSimulatorOptions,
  type Scenario,
} from '../../../sim/codearts/index.js';
import { ApiError } from '../../../src/http/errors.js';
import { CodeArtsClient, type CodeArtsClientOptions } from '../../../src/providers/codearts/client.js';
import { parseConfirmationId, toSnapshot } from '../../../src/providers/codearts/mapping.js';
import type { RunDetail } from '../../../src/providers/codearts/model.js';
import type { Snapshot } from '../../../src/core/snapshot.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const AK = 'HPUAQWERTYUIOPASDFGH';
const SK = 'sk-for-the-client-sim-tests-0123456789';
const STS_AK = 'HSTSQWERTYUIOPASDFGH';
const STS_SK = 'sts-secret-for-the-client-sim-tests';
const STS_TOKEN = 'gQpjbi1ub3J0aC00LXRva2Vu-client-tests';
const IAM_TOKEN = 'MIIZ-iam-token-for-the-client-sim-tests';

const dispatcher = new Agent();
afterAll(() => dispatcher.close());

let open: CodeArtsSimulator[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

async function simulator(
  over: Partial<Scenario> = {},
  opts: Partial<CodeArtsSimulatorOptions> = {},
): Promise<CodeArtsSimulator> {
  const sim = await startCodeArtsSimulator({
    projectId: PROJECT,
    scenario: scenario(over),
    auth: {
      accessKeys: { [AK]: { secretKey: SK }, [STS_AK]: { secretKey: STS_SK, securityToken: STS_TOKEN } },
      iamTokens: [IAM_TOKEN],
    },
    ...opts,
  });
  open.push(sim);
  return sim;
}

function client(sim: CodeArtsSimulator, over: Partial<CodeArtsClientOptions> = {}): CodeArtsClient {
  return new CodeArtsClient({
    endpoint: sim.url,
    projectId: PROJECT,
    pipelineId: scenario().pipelineId,
    credentials: { kind: 'aksk', accessKey: AK, secretKey: SK },
    dispatcher,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
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

/** Polls the run (each read is a tick of the simulator) until `done` says so; acts through `act`. */
async function watch(
  c: CodeArtsClient,
  runId: string,
  done: (s: Snapshot, run: RunDetail) => boolean,
  act: (s: Snapshot, run: RunDetail) => Promise<void> = async () => undefined,
  max = 40,
): Promise<{ snap: Snapshot; run: RunDetail; seen: Snapshot[] }> {
  const seen: Snapshot[] = [];
  for (let i = 0; i < max; i++) {
    const { run } = await c.getRun(runId);
    const snap = toSnapshot(run);
    seen.push(snap);
    if (done(snap, run)) return { snap, run, seen };
    await act(snap, run);
  }
  throw new Error(`run ${runId} never got there`);
}

const ended = (s: Snapshot): boolean => ['succeeded', 'failed', 'cancelled'].includes(s.phase);

/** Passes (or refuses) every confirmation shown. */
const confirmAll =
  (c: CodeArtsClient, runId: string, action: 'pass' | 'refuse' = 'pass', description?: string) =>
  async (s: Snapshot): Promise<void> => {
    for (const conf of s.confirmations) {
      const ref = parseConfirmationId(conf.id);
      if (ref?.kind === 'review') {
        const f = action === 'pass' ? c.passReview : c.refuseReview;
        expect(await f.call(c, runId, ref.jobRunId, ref.stepRunId, description)).toBe(true);
      } else if (ref?.kind === 'checkpoint') {
        const f = action === 'pass' ? c.passCheckpoint : c.refuseCheckpoint;
        expect(await f.call(c, runId, ref.stepRunId, description)).toBe(true);
      }
    }
  };

const REVIEW_PIPELINE: Partial<Scenario> = {
  stages: [
    stage('Build', [job('build', 'build', { artifacts: [{ name: 'app.jar', packageType: 'jar' }] })]),
    stage('Approve', [job('review', 'review')]),
    stage('Deploy', [job('deploy', 'deploy')]),
  ],
};

describe('AK/SK: a run passed through a manual review', () => {
  it('starts, waits at the review (paused, one confirmation), passes it, and completes', async () => {
    const sim = await simulator(REVIEW_PIPELINE);
    const c = client(sim);
    const { pipelineRunId: id, queueId } = await c.runPipeline({ description: 'from the gate' });
    expect(queueId).toBeUndefined();
    const { snap, seen } = await watch(c, id, ended, confirmAll(c, id, 'pass', 'approved by the gate'));
    expect(snap).toMatchObject({
      id,
      status: 'COMPLETED',
      phase: 'succeeded',
      progress: { current: 3, total: 3 },
    });
    expect(snap.units.map((u) => [u.label, u.status])).toEqual([
      ['build', 'COMPLETED'],
      ['review', 'COMPLETED'],
      ['deploy', 'COMPLETED'],
    ]);
    const waiting = seen.find((s) => s.confirmations.length > 0);
    expect(waiting?.phase).toBe('paused');
    expect(waiting?.confirmations[0]).toMatchObject({
      label: 'at manual review “review” (Approve / review)',
      who: '3b1f0c2d4e5f6a7b8c9d0e1f2a3b4c5d',
    });
    // the simulator saw the gate's decision, with its description
    const review = sim.run(id)?.stages[1]?.jobs[0]?.steps[0];
    expect(review?.decision).toEqual({ action: 'pass', byOther: false, description: 'approved by the gate' });
    // every request was signed, and the gateway accepted every signature
    expect(sim.requests.length).toBeGreaterThan(5);
    for (const r of sim.requests) {
      expect(r.status).toBe(200);
      expect(r.headers['authorization']).toMatch(
        /^SDK-HMAC-SHA256 Access=HPUAQWERTYUIOPASDFGH, SignedHeaders=/,
      );
    }
    const start = sim.requests.find((r) => r.operation === 'RunPipeline');
    expect(start?.headers['authorization']).toContain('SignedHeaders=content-type;host;x-sdk-date,');
    expect(JSON.parse(start?.body ?? '')).toEqual({ description: 'from the gate' });
  });

  it('the raw run detail is what the simulator sent, unknown fields kept', async () => {
    const sim = await simulator();
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const raw = JSON.parse((await c.getRun(id)).raw.text()) as Record<string, unknown>;
    expect(raw).toMatchObject({ id, manifest_version: '3.0', language: 'en-us', project_id: PROJECT });
  });

  it('a refused review fails the run; nothing is left to confirm', async () => {
    const sim = await simulator(REVIEW_PIPELINE);
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap } = await watch(c, id, ended, confirmAll(c, id, 'refuse', 'not today'));
    expect(snap).toMatchObject({ status: 'FAILED', phase: 'failed', confirmations: [] });
    expect(snap.units[1]?.message).toContain('not today');
  });
});

describe('credentials against the gateway', () => {
  it('AK/SK + STS: X-Security-Token signed and accepted', async () => {
    const sim = await simulator();
    const c = client(sim, {
      credentials: { kind: 'aksk', accessKey: STS_AK, secretKey: STS_SK, securityToken: STS_TOKEN },
    });
    const { pipelineRunId: id } = await c.runPipeline();
    expect((await c.getRun(id)).run.id).toBe(id);
    expect((await c.listRuns({ offset: 0, limit: 5, sort_dir: 'desc' })).runs.map((r) => r.id)).toContain(id);
    for (const r of sim.requests) {
      expect(r.status).toBe(200);
      expect(r.headers['x-security-token']).toBe(STS_TOKEN);
      expect(r.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-security-token/);
    }
  });

  it('AK/SK + STS with a wrong token is refused (APIG.0301) with the credentials hint', async () => {
    const sim = await simulator();
    const c = client(sim, {
      credentials: { kind: 'aksk', accessKey: STS_AK, secretKey: STS_SK, securityToken: 'wrong-token-value' },
    });
    const err = await failure(c.getRun());
    expect(err).toMatchObject({ status: 401, errorCode: 'APIG.0301', retryable: false });
    expect(err.hint).toMatch(/security token/);
  });

  it('IAM token: X-Auth-Token, no signature, accepted', async () => {
    const sim = await simulator();
    const c = client(sim, { credentials: { kind: 'token', token: IAM_TOKEN } });
    const { pipelineRunId: id } = await c.runPipeline();
    expect((await c.getRun(id)).run.status).toBe('RUNNING');
    for (const r of sim.requests) {
      expect(r.status).toBe(200);
      expect(r.headers['x-auth-token']).toBe(IAM_TOKEN);
      expect(r.headers['authorization']).toBeUndefined();
    }
  });

  it('an unknown IAM token is refused (APIG.0301), the token never shown', async () => {
    const sim = await simulator();
    const err = await failure(
      client(sim, { credentials: { kind: 'token', token: 'MIIZ-not-a-known-token-0123' } }).getRun(),
    );
    expect(err).toMatchObject({ status: 401, errorCode: 'APIG.0301' });
    expect(err.message).not.toContain('MIIZ-not-a-known-token-0123');
  });

  it('a wrong secret key is refused (APIG.0301)', async () => {
    const sim = await simulator();
    const err = await failure(
      client(sim, {
        credentials: { kind: 'aksk', accessKey: AK, secretKey: 'not-the-secret-key-0123' },
      }).getRun(),
    );
    expect(err).toMatchObject({ status: 401, errorCode: 'APIG.0301' });
    expect(err.hint).toMatch(/secret key/);
  });

  it("a runner's clock 20 minutes off is refused (APIG.0303) with the clock hint", async () => {
    const sim = await simulator();
    const err = await failure(client(sim, { now: () => new Date(Date.now() + 20 * 60_000) }).getRun());
    expect(err).toMatchObject({ status: 401, errorCode: 'APIG.0303' });
    expect(err.hint).toMatch(/runner's clock/);
  });

  it('the wrong CodeArts project: DEVPIPE.00011136 with the project-id hint', async () => {
    const sim = await simulator();
    const err = await failure(client(sim, { projectId: 'ffffffffffffffffffffffffffffffff' }).getRun());
    expect(err).toMatchObject({ status: 400, errorCode: 'DEVPIPE.00011136' });
    expect(err.hint).toMatch(/check `project-id`, the CodeArts project id/);
  });

  it('an unknown pipeline: DEVPIPE.00011401 with the pipeline-id hint', async () => {
    const sim = await simulator();
    const err = await failure(client(sim, { pipelineId: 'ffffffffffffffffffffffffffffffff' }).runPipeline());
    expect(err).toMatchObject({ errorCode: 'DEVPIPE.00011401' });
    expect(err.hint).toMatch(/check `pipeline-id`/);
  });
});

describe('failures, retries, stops', () => {
  it('a failed job retried: the failed unit offers retry, RetryPipelineRun with its id, then success', async () => {
    const sim = await simulator({
      stages: [
        stage('Build', [job('build', 'build')]),
        stage('Deploy', [job('deploy', 'deploy', { failTimes: 1, message: 'deploy broke' })]),
      ],
    });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const failed = await watch(c, id, ended);
    expect(failed.snap).toMatchObject({
      status: 'FAILED',
      phase: 'failed',
      offers: { retry: { allowed: true } },
    });
    const unit = failed.snap.units.find((u) => u.phase === 'failed');
    expect(unit).toMatchObject({
      label: 'deploy',
      message: 'deploy broke',
      offers: { retry: { allowed: true } },
    });
    expect(await c.retryRun(id, [unit!.id])).toEqual({ pipelineRunId: id });
    const retry = sim.requests.find((r) => r.operation === 'RetryPipelineRun');
    expect(JSON.parse(retry?.body ?? '')).toEqual({ job_run_ids: [unit!.id] });
    const { snap } = await watch(c, id, ended);
    expect(snap).toMatchObject({ status: 'COMPLETED', phase: 'succeeded' });
    expect(snap.units.find((u) => u.id === unit!.id)?.status).toBe('COMPLETED');
  });

  it('retrying a run that did not fail is refused by the service, not retried', async () => {
    const sim = await simulator();
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const err = await failure(c.retryRun(id));
    expect(err).toMatchObject({ status: 400, retryable: false });
    expect(sim.requests.filter((r) => r.operation === 'RetryPipelineRun')).toHaveLength(1);
  });

  it('a stopped run is cancelled, and can be stopped no more', async () => {
    const sim = await simulator({
      stages: [stage('Build', [job('build', 'build', { runTicks: Infinity })])],
    });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const running = toSnapshot((await c.getRun(id)).run);
    expect(running.offers.stop).toEqual({ allowed: true });
    expect(await c.stopRun(id)).toBe(true);
    const snap = toSnapshot((await c.getRun(id)).run);
    expect(snap).toMatchObject({
      status: 'CANCELED',
      phase: 'cancelled',
      offers: { stop: { allowed: false } },
    });
    expect(snap.units[0]).toMatchObject({ status: 'CANCELED', phase: 'cancelled' });
  });

  it('a stage check point passed, then the stage runs', async () => {
    const sim = await simulator({
      stages: [
        stage('Build', [job('build', 'build')]),
        stage('Deploy', [job('deploy', 'deploy')], { checkpoint: true }),
      ],
    });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap, seen } = await watch(c, id, ended, confirmAll(c, id));
    expect(snap.phase).toBe('succeeded');
    const waiting = seen.find((s) => s.confirmations.length > 0);
    expect(waiting?.phase).toBe('paused');
    expect(waiting?.confirmations[0]?.id).toMatch(/^checkpoint:[0-9a-f]{32}$/);
    expect(waiting?.confirmations[0]?.label).toBe('at check point “ManualCheckPoint” of stage “Deploy”');
    expect(sim.requests.some((r) => r.operation === 'AcceptCheckpoint' && r.status === 200)).toBe(true);
  });

  it('a stage check point refused fails the run', async () => {
    const sim = await simulator({
      stages: [
        stage('Build', [job('build', 'build')]),
        stage('Deploy', [job('deploy', 'deploy')], { checkpoint: true }),
      ],
    });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap } = await watch(c, id, ended, confirmAll(c, id, 'refuse'));
    expect(snap.phase).toBe('failed');
    expect(sim.requests.some((r) => r.operation === 'RejectCheckpoint' && r.status === 200)).toBe(true);
  });

  it('a queued start: the run id and its queue; the run starts later', async () => {
    const sim = await simulator({ queue: { ticks: 2, code: 'DEVPIPE.00011170' } });
    const c = client(sim);
    const start = await c.runPipeline();
    expect(start).toMatchObject({
      queueCode: 'DEVPIPE.00011170',
      queueId: expect.stringMatching(/^\d+$/) as string,
    });
    const { snap } = await watch(c, start.pipelineRunId, ended);
    expect(snap.phase).toBe('succeeded');
  });
});

describe('logs, artifacts, lists', () => {
  it('a step log paged by copying the offsets back, to the last line', async () => {
    const sim = await simulator();
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { run } = await watch(c, id, ended);
    const build = run.stages[0]!.jobs[0]!;
    const stepId = build.steps[0]!.id;
    const lines: string[] = [];
    let q = { limit: 7, sort: 'asc' as const, start_offset: 0, end_offset: 0 };
    for (let page = 0; page < 20; page++) {
      const log = await c.getStepLog(id, build.id, stepId, q);
      expect(log.stepRunId).toBe(stepId);
      lines.push(...log.log.split('\n'));
      if (!log.hasMore) break;
      q = { ...q, start_offset: log.startOffset ?? 0, end_offset: log.endOffset ?? 0 };
    }
    const step = sim.run(id)!.stages[0]!.jobs[0]!.steps[0]!;
    expect(lines).toEqual(sim.engine.logOf(step));
    expect(lines.length).toBeGreaterThan(7 * 3);
    expect(sim.requests.filter((r) => r.operation === 'ShowPipelineLog').length).toBe(
      Math.ceil(lines.length / 7),
    );
  });

  it("the run's artifacts, from ShowPipelineArtifacts and from the detail", async () => {
    const sim = await simulator();
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { run } = await watch(c, id, ended);
    const artifacts = await c.listArtifacts(id);
    expect(artifacts).toEqual([
      expect.objectContaining({
        name: 'app.jar',
        type: 'jar',
        version: `1.0.${run.runNumber}`,
        jobId: run.stages[0]!.jobs[0]!.id,
        url: expect.stringContaining('/app.jar') as string,
      }),
    ]);
    expect(artifacts[0]?.hashes[0]?.type).toBe('sha256');
    expect(run.artifacts).toEqual([
      { name: 'app.jar', type: 'jar', version: artifacts[0]!.version, url: artifacts[0]!.url },
    ]);
  });

  it('the run list, newest first, filtered by status; the latest run without an id', async () => {
    const sim = await simulator({ history: [{ status: 'COMPLETED' }, { status: 'FAILED' }] });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const page = await c.listRuns({ offset: 0, limit: 10, sort_dir: 'desc' });
    expect(page.total).toBe(3);
    expect(page.runs.map((r) => r.runNumber)).toEqual([3, 2, 1]);
    expect(page.runs[0]).toMatchObject({ id, status: 'RUNNING', source: { branch: 'master' } });
    const failed = await c.listRuns({ offset: 0, limit: 10, sort_dir: 'asc', status: ['FAILED'] });
    expect(failed.runs.map((r) => r.status)).toEqual(['FAILED']);
    expect((await c.getRun()).run.id).toBe(id);
  });
});

describe('variants no source settles', () => {
  it("timeUnit 's': times in seconds are read as milliseconds", async () => {
    const sim = await simulator({}, { variants: { timeUnit: 's' } });
    const c = client(sim);
    const before = Date.now();
    const { pipelineRunId: id } = await c.runPipeline();
    const { run, snap } = await watch(c, id, ended);
    const last = await c.getRun(id);
    expect(sim.requests.length).toBeGreaterThan(0);
    expect(run.startTime).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(run.startTime).toBeLessThanOrEqual(Date.now());
    expect(run.serverTime).toBeGreaterThan(1e12);
    expect(run.stages[0]?.jobs[0]?.startTime).toBeGreaterThan(1e12);
    expect(snap.updateTime).toBeGreaterThan(1e12);
    // the answer itself carried seconds
    expect((JSON.parse(last.raw.text()) as { start_time: number }).start_time).toBeLessThan(1e11);
  });

  it("errorBody 'nested': {error: {code, message}} in a 200 is an error, with its hint", async () => {
    const sim = await simulator({}, { variants: { errorBody: 'nested' } });
    const err = await failure(client(sim).getRun('ffffffffffffffffffffffffffffffff'));
    expect(err).toMatchObject({ status: 200, errorCode: 'DEVCP.00012002', retryable: false });
    expect(err.errorMessage).toContain('does not exist');
    expect(err.hint).toMatch(/not found: check the ids/);
  });

  it("errorBody 'nested': a throttled start (COCT.0070003 in {error}) is repeated, and starts one run", async () => {
    const sim = await simulator(
      {},
      { variants: { errorBody: 'nested' }, faults: [{ operation: 'RunPipeline', kind: '500-throttle' }] },
    );
    const { pipelineRunId: id } = await client(sim).runPipeline();
    expect(sim.requests.filter((r) => r.operation === 'RunPipeline').map((r) => r.status)).toEqual([
      500, 200,
    ]);
    expect(sim.runs().map((r) => r.id)).toEqual([id]);
  });

  it("pending.run 'PAUSED': the run PAUSED at the review is paused with its confirmation", async () => {
    const sim = await simulator(REVIEW_PIPELINE, { variants: { pending: { run: 'PAUSED', job: 'PAUSED' } } });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap, seen } = await watch(c, id, ended, confirmAll(c, id));
    expect(snap.phase).toBe('succeeded');
    const waiting = seen.find((s) => s.status === 'PAUSED');
    expect(waiting).toMatchObject({ phase: 'paused', known: true });
    expect(waiting?.confirmations).toHaveLength(1);
    expect(waiting?.units[1]).toMatchObject({ status: 'PAUSED', phase: 'running' });
  });

  it("pending.step 'WAITING': an undocumented word for the waiting step is still a review", async () => {
    const sim = await simulator(REVIEW_PIPELINE, { variants: { pending: { step: 'WAITING' } } });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap, seen } = await watch(c, id, ended, confirmAll(c, id));
    expect(snap.phase).toBe('succeeded');
    const waiting = seen.find((s) => s.confirmations.length > 0);
    expect(waiting?.phase).toBe('paused');
    const { run: raw } = await c.getRun(id);
    expect(raw.stages[1]?.jobs[0]?.steps[0]?.status).toBe('COMPLETED');
    expect(sim.requests.filter((r) => r.operation === 'AcceptManualReview')).toHaveLength(1);
  });

  it("asyncType 'boolean' and checkpointTask: read all the same", async () => {
    const sim = await simulator(
      {
        stages: [
          stage('Build', [job('build', 'build', { async: true })]),
          stage('Deploy', [job('deploy', 'deploy')], { checkpoint: true }),
        ],
      },
      { variants: { asyncType: 'boolean', checkpointTask: 'official_devcloud_manual_check' } },
    );
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { run } = await watch(c, id, ended, confirmAll(c, id));
    expect(run.status).toBe('COMPLETED');
    expect(run.stages[0]?.jobs[0]?.async).toBe(true);
    expect(run.stages[1]?.pre[0]?.task).toBe('official_devcloud_manual_check');
  });
});

describe('an unreliable gateway', () => {
  it('a throttled review pass (APIG.0308, HTTP 429) is repeated once and done once', async () => {
    const sim = await simulator(REVIEW_PIPELINE, {
      faults: [{ operation: 'AcceptManualReview', kind: '429-apig' }],
    });
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const { snap } = await watch(c, id, ended, confirmAll(c, id));
    expect(snap.phase).toBe('succeeded');
    expect(sim.requests.filter((r) => r.operation === 'AcceptManualReview').map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });

  it('a busy service (DEVCP.00020500) on a stop: not repeated, the error retryable', async () => {
    const sim = await simulator(
      { stages: [stage('Build', [job('build', 'build', { runTicks: Infinity })])] },
      { faults: [{ operation: 'StopPipelineRun', kind: '500' }] },
    );
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const err = await failure(c.stopRun(id));
    expect(err).toMatchObject({ status: 500, errorCode: 'DEVCP.00020500', retryable: true });
    expect(sim.requests.filter((r) => r.operation === 'StopPipelineRun')).toHaveLength(1);
  });

  it('an error inside a 200 on the detail is an error; a login page is a bad answer, retried', async () => {
    const sim = await simulator(
      {},
      {
        faults: [
          { operation: 'ShowPipelineRunDetail', kind: '200-error' },
          { operation: 'ShowPipelineRunDetail', kind: 'html-200', after: 1 },
        ],
      },
    );
    const c = client(sim);
    const { pipelineRunId: id } = await c.runPipeline();
    const err = await failure(c.getRun(id));
    expect(err).toMatchObject({ status: 200, errorCode: 'DEVCP.00014031' });
    expect(err.hint).toMatch(/"View"/);
    // the login page once, then the run
    expect((await c.getRun(id)).run.id).toBe(id);
    expect(sim.requests.filter((r) => r.operation === 'ShowPipelineRunDetail').map((r) => r.fault)).toEqual([
      '200-error',
      'html-200',
      undefined,
    ]);
  });
});
