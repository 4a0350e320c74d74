// Every v5 operation over HTTP with a signed client: start, watch, list and page, stop, retry,
// reviews and check points, logs and artifacts, the queue, the error codes, the variants and the
// clocks.
import { describe, expect, it } from 'vitest';
import {
  call,
  pipelinePath,
  simulators,
  type Answer,
  type DetailJson,
  type JobJson,
  type ListJson,
  type StepJson,
} from './client.js';
import {
  demoScenario,
  job,
  NOT_ALLOWED,
  scenario,
  stage,
  type CodeArtsSimulator,
  type Scenario,
} from '../../../sim/codearts/index.js';

const start = simulators();
const p = (rest: string) => pipelinePath(scenario(), rest);

const run = async (sim: CodeArtsSimulator, body: unknown = {}) =>
  call<{ pipeline_run_id: string }>(sim, 'POST', p('/run'), { body });
const detail = async (sim: CodeArtsSimulator, id?: string): Promise<Answer<DetailJson>> =>
  call<DetailJson>(sim, 'GET', p('/pipeline-runs/detail'), id ? { query: { pipeline_run_id: id } } : {});
const list = async (sim: CodeArtsSimulator, body: unknown): Promise<Answer<ListJson>> =>
  call<ListJson>(sim, 'POST', p('/pipeline-runs/list'), { body });

/** Reads the detail until `done` holds (each read is a tick on the poll clock). */
async function watch(
  sim: CodeArtsSimulator,
  id: string,
  done: (d: DetailJson) => boolean,
  max = 30,
): Promise<DetailJson> {
  for (let i = 0; i < max; i++) {
    const d = await detail(sim, id);
    if (done(d.json)) return d.json;
  }
  throw new Error(`run ${id} never got there`);
}

const ended = (d: DetailJson) => ['COMPLETED', 'FAILED', 'CANCELED'].includes(d.status);
const jobs = (d: DetailJson): JobJson[] => d.stages.flatMap((s) => s.jobs);
const steps = (d: DetailJson): StepJson[] => jobs(d).flatMap((j) => j.steps);
const reviewOf = (d: DetailJson) => {
  const j = jobs(d).find((x) => x.steps.some((s) => s.task === 'official_devcloud_checkpoint'))!;
  return { job: j, step: j.steps[0]! };
};

interface LogJson {
  has_more: boolean;
  start_offset: string;
  end_offset: string;
  log: string;
  step_run_id: string;
}

const reviewStages = (): Partial<Scenario> => ({
  stages: [
    stage('Build', [job('build', 'build')]),
    stage('Approve', [job('review', 'review')]),
    stage('Deploy', [job('deploy', 'deploy')]),
  ],
});

describe('RunPipeline and ShowPipelineRunDetail', () => {
  it('starts a run with the RunPipelineDto and watches it to COMPLETED, one tick per detail read', async () => {
    const sim = await start();
    const started = await run(sim, {
      description: 'gate run',
      variables: [{ name: 'env', value: 'prod' }],
      sources: [
        {
          type: 'code',
          params: {
            git_type: 'codehub',
            git_url: 'https://codehub.example.com/acme/shop.git',
            build_params: { build_type: 'branch', event_type: 'Manual', target_branch: 'master' },
          },
        },
      ],
    });
    expect(started.status).toBe(200);
    const id = started.json.pipeline_run_id;
    expect(Object.keys(started.json)).toEqual(['pipeline_run_id']);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.run(id)).toMatchObject({
      description: 'gate run',
      variables: [{ name: 'env', value: 'prod' }],
    });

    const first = (await detail(sim, id)).json;
    expect(first).toMatchObject({
      id,
      pipeline_id: scenario().pipelineId,
      status: 'RUNNING',
      run_number: 1,
      trigger_type: 'Manual',
      description: 'gate run',
      end_time: 0,
      subject_id: id,
      project_id: '0123456789abcdef0123456789abcdef',
      artifacts: [],
    });
    expect(first.sources[0]!.params.build_params).toMatchObject({
      build_type: 'branch',
      target_branch: 'master',
      commit_id: scenario().repo.headCommit,
    });
    expect(first.stages.map((s) => s.status)).toEqual(['RUNNING', 'INIT']);
    const step = first.stages[0]!.jobs[0]!.steps[0];
    expect(step).toMatchObject({
      task: 'official_devcloud_cloudBuild',
      business_type: 'Build',
      status: 'RUNNING',
    });
    expect(first.stages[0]!.jobs[0]!.async).toBe('false');
    expect(first.current_system_time).toBeGreaterThanOrEqual(first.start_time);

    const last = await watch(sim, id, ended);
    expect(last.status).toBe('COMPLETED');
    expect(sim.requests.filter((r) => r.operation === 'ShowPipelineRunDetail')).toHaveLength(4);
    expect(last.artifacts).toEqual([
      {
        name: 'app.jar',
        packageType: 'jar',
        version: '1.0.1',
        downloadUrl: expect.stringMatching(/^https:\/\/.*app\.jar$/) as string,
      },
    ]);
  });

  it('without a run id answers the latest run; pipeline_run_number picks one', async () => {
    const sim = await start({ history: [{ status: 'COMPLETED' }, { status: 'FAILED' }] });
    const latest = await detail(sim);
    expect([latest.json.run_number, latest.json.status]).toEqual([2, 'FAILED']);
    const first = await call<DetailJson>(sim, 'GET', p('/pipeline-runs/detail'), {
      query: { pipeline_run_number: '1' },
    });
    expect([first.json.run_number, first.json.status]).toEqual([1, 'COMPLETED']);
    const id = (await run(sim)).json.pipeline_run_id;
    expect((await detail(sim)).json.id).toBe(id);
  });

  it('choose_stages runs only the chosen stages; an unknown one is refused with DEVCP.00021400', async () => {
    const sim = await start();
    const id = (await run(sim, { choose_stages: ['stage_deploy'] })).json.pipeline_run_id;
    const d = await watch(sim, id, ended);
    expect(d.stages.map((s) => [s.status, s.is_select])).toEqual([
      ['UNSELECTED', false],
      ['COMPLETED', true],
    ]);
    const bad = await run(sim, { choose_stages: ['stage_nope'] });
    expect([bad.status, bad.json.error_code]).toEqual([400, 'DEVCP.00021400']);
    const notJson = await run(sim, '{"variables":');
    expect([notJson.status, notJson.json.error_code]).toEqual([400, 'DEVCP.00021400']);
  });
});

describe('ListPipelineRuns', () => {
  const history = Array.from({ length: 12 }, (_, i) => ({
    status: i % 4 === 3 ? ('FAILED' as const) : ('COMPLETED' as const),
    commitId: String(i).padStart(40, 'a'),
  }));

  it('pages by offset/limit, newest first by default, with the total', async () => {
    const sim = await start({ history });
    const pages = [];
    for (let offset = 0; ; offset += 5) {
      const page = await list(sim, { offset, limit: 5 });
      expect([page.json.offset, page.json.limit, page.json.total]).toEqual([offset, 5, 12]);
      if (page.json.pipeline_runs.length === 0) break;
      pages.push(page.json.pipeline_runs.map((r) => r.run_number));
    }
    expect(pages).toEqual([
      [12, 11, 10, 9, 8],
      [7, 6, 5, 4, 3],
      [2, 1],
    ]);
    const row = (await list(sim, { limit: 1 })).json.pipeline_runs[0]!;
    expect(row).toMatchObject({
      pipeline_run_id: expect.stringMatching(/^[0-9a-f]{32}$/) as string,
      status: 'FAILED',
      run_number: 12,
      trigger_type: 'Manual',
      build_params: { commit_id: String(11).padStart(40, 'a'), build_type: 'branch' },
    });
    expect(typeof row.start_time).toBe('number');
    expect(row.stage_status_list[0]).toMatchObject({ name: 'Build', sequence: 0, status: 'COMPLETED' });
    expect(typeof row.stage_status_list[0]!.start_time).toBe('string');
  });

  it('sorts by start_time asc or desc and filters by status', async () => {
    const sim = await start({ history });
    const asc = await list(sim, { limit: 3, sort_key: 'start_time', sort_dir: 'asc' });
    expect(asc.json.pipeline_runs.map((r) => r.run_number)).toEqual([1, 2, 3]);
    const failed = await list(sim, { status: ['FAILED'], limit: 10 });
    expect(failed.json.total).toBe(3);
    expect(failed.json.pipeline_runs.map((r) => r.run_number)).toEqual([12, 8, 4]);
    const bad = await list(sim, { sort_dir: 'sideways' });
    expect([bad.status, bad.json.error_code]).toEqual([400, 'DEVCP.00021400']);
  });

  it('a late run by someone else (a push) appears after some list calls', async () => {
    const commit = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const sim = await start({ events: [{ afterListCalls: 2, kind: 'late-run', commitId: commit }] });
    expect((await list(sim, {})).json.total).toBe(0);
    expect((await list(sim, {})).json.total).toBe(0);
    const third = await list(sim, {});
    expect(
      third.json.pipeline_runs.map((r) => [r.trigger_type, r.build_params.commit_id, r.executor_name]),
    ).toEqual([['Push', commit, 'someone-else']]);
  });
});

describe('actions', () => {
  it('StopPipelineRun cancels a running run; stopping it again is not allowed (400)', async () => {
    const sim = await start(reviewStages());
    const id = (await run(sim)).json.pipeline_run_id;
    await detail(sim, id);
    const stop = await call(sim, 'POST', p(`/pipeline-runs/${id}/stop`));
    expect([stop.status, stop.json]).toEqual([200, { success: true }]);
    const d = (await detail(sim, id)).json;
    expect([d.status, ...d.stages.map((s) => s.status)]).toEqual([
      'CANCELED',
      'CANCELED',
      'CANCELED',
      'CANCELED',
    ]);
    expect(steps(d).map((s) => s.status)).toEqual(['CANCELED', 'CANCELED', 'CANCELED']);
    const again = await call(sim, 'POST', p(`/pipeline-runs/${id}/stop`));
    expect([again.status, again.json.error_code]).toEqual([400, NOT_ALLOWED]);
  });

  it('RetryPipelineRun re-runs the failed job (all, or job_run_ids) and the run succeeds', async () => {
    const sim = await start({
      stages: [
        stage('Build', [job('build', 'build')]),
        stage('Deploy', [job('deploy', 'deploy', { failTimes: 2, message: 'host 10.0.0.7 unreachable' })]),
      ],
    });
    const id = (await run(sim)).json.pipeline_run_id;
    const failed = await watch(sim, id, ended);
    expect(failed.status).toBe('FAILED');
    const deploy = failed.stages[1]!.jobs[0]!;
    expect([deploy.status, deploy.message, deploy.steps[0]!.status]).toEqual([
      'FAILED',
      'host 10.0.0.7 unreachable',
      'FAILED',
    ]);
    expect(deploy.steps[0]!.message).toContain('exited with code 1');

    const early = await call(sim, 'PUT', p(`/pipeline-runs/${id}/retry`), {
      body: { job_run_ids: [failed.stages[0]!.jobs[0]!.id] },
    });
    expect([early.status, early.json.error_code]).toEqual([400, NOT_ALLOWED]);
    const retry = await call(sim, 'PUT', p(`/pipeline-runs/${id}/retry`), {
      body: { job_run_ids: [deploy.id] },
    });
    expect(retry.json).toEqual({ success: true });
    const again = await watch(sim, id, ended);
    expect(again.status).toBe('FAILED');
    expect(again.stages[1]!.jobs[0]!.start_time).toBeGreaterThanOrEqual(deploy.start_time);
    expect((await call(sim, 'PUT', p(`/pipeline-runs/${id}/retry`))).json).toEqual({ success: true });
    const last = await watch(sim, id, ended);
    expect([last.status, last.stages[1]!.jobs[0]!.id]).toEqual(['COMPLETED', deploy.id]);
    const done = await call(sim, 'PUT', p(`/pipeline-runs/${id}/retry`));
    expect([done.status, done.json.error_code]).toEqual([400, NOT_ALLOWED]);
  });

  it('AcceptManualReview passes the waiting review with its approval_description', async () => {
    const sim = await start(reviewStages());
    const id = (await run(sim)).json.pipeline_run_id;
    const waiting = await watch(sim, id, (d) => reviewOf(d).step.status === 'RUNNING');
    const { job: j, step } = reviewOf(waiting);
    expect(step).toMatchObject({ name: 'review', business_type: 'Normal' });
    const pass = await call(sim, 'POST', p(`/pipeline-runs/${id}/jobs/${j.id}/steps/${step.id}/pass`), {
      query: { approval_description: 'approved by the gate' },
    });
    expect(pass.json).toEqual({ success: true });
    expect(sim.run(id)!.stages[1]!.jobs[0]!.steps[0]!.decision).toEqual({
      action: 'pass',
      byOther: false,
      description: 'approved by the gate',
    });
    const twice = await call(sim, 'POST', p(`/pipeline-runs/${id}/jobs/${j.id}/steps/${step.id}/pass`));
    expect([twice.status, twice.json.error_code]).toEqual([400, NOT_ALLOWED]);
    expect((await watch(sim, id, ended)).status).toBe('COMPLETED');
  });

  it('RejectManualReview refuses it: the run FAILED, with the reason in the messages', async () => {
    const sim = await start(reviewStages());
    const id = (await run(sim)).json.pipeline_run_id;
    const { job: j, step } = reviewOf(await watch(sim, id, (d) => reviewOf(d).step.status === 'RUNNING'));
    const refuse = await call(sim, 'POST', p(`/pipeline-runs/${id}/jobs/${j.id}/steps/${step.id}/refuse`), {
      query: { approval_description: 'freeze week' },
    });
    expect(refuse.json).toEqual({ success: true });
    const d = (await detail(sim, id)).json;
    expect([d.status, reviewOf(d).job.status, reviewOf(d).step.status]).toEqual([
      'FAILED',
      'FAILED',
      'FAILED',
    ]);
    expect(reviewOf(d).step.message).toBe('review refused by ci-bot: freeze week');
  });

  it('a review passed by someone else while the gate watches', async () => {
    const sim = await start({ ...reviewStages(), events: [{ atTick: 6, kind: 'review', action: 'pass' }] });
    const id = (await run(sim)).json.pipeline_run_id;
    const d = await watch(sim, id, ended);
    expect(d.status).toBe('COMPLETED');
    expect(sim.run(id)!.stages[1]!.jobs[0]!.steps[0]!.decision).toMatchObject({ byOther: true });
    expect(sim.requests.some((r) => r.operation === 'AcceptManualReview')).toBe(false);
  });

  it('AcceptCheckpoint / RejectCheckpoint decide a stage entry (pre) step', async () => {
    const stages = [
      stage('Build', [job('build')]),
      stage('Prod', [job('deploy', 'deploy')], { checkpoint: true }),
    ];
    const sim = await start({ stages });
    const a = (await run(sim)).json.pipeline_run_id;
    const held = await watch(sim, a, (d) => d.stages[1]!.pre[0]?.status === 'RUNNING');
    const pre = held.stages[1]!.pre[0]!;
    expect([pre.task, held.stages[1]!.jobs[0]!.status]).toEqual(['official_devcloud_checkpoint', 'INIT']);
    const pass = await call(sim, 'POST', p(`/pipeline-runs/${a}/steps/${pre.id}/manual/pass`), { body: {} });
    expect(pass.json).toEqual({ success: true });
    expect((await watch(sim, a, ended)).status).toBe('COMPLETED');

    const b = (await run(sim)).json.pipeline_run_id;
    const held2 = await watch(sim, b, (d) => d.stages[1]!.pre[0]?.status === 'RUNNING');
    const refuse = await call(
      sim,
      'POST',
      p(`/pipeline-runs/${b}/steps/${held2.stages[1]!.pre[0]!.id}/manual/refuse`),
      { body: {} },
    );
    expect(refuse.json).toEqual({ success: true });
    const d = (await detail(sim, b)).json;
    expect([d.status, d.stages[1]!.status, d.stages[1]!.pre[0]!.status]).toEqual([
      'FAILED',
      'FAILED',
      'FAILED',
    ]);
  });
});

describe('ShowPipelineLog and ShowPipelineArtifacts', () => {
  it('pages a step log by offsets with has_more, asc and desc; a failed log ends with its error', async () => {
    const sim = await start({
      stages: [
        stage('Build', [job('build', 'build', { failTimes: 1, steps: [{ name: 'compile', logLines: 40 }] })]),
      ],
    });
    const id = (await run(sim)).json.pipeline_run_id;
    const d = await watch(sim, id, ended);
    const j = d.stages[0]!.jobs[0]!;
    const logs = p(`/pipeline-runs/${id}/jobs/${j.id}/steps/${j.steps[0]!.id}/logs`);
    const lines: string[] = [];
    let query = { start_offset: 0, end_offset: 0, limit: 15, sort: 'asc' };
    for (let i = 0; i < 10; i++) {
      const page = (await call<LogJson>(sim, 'POST', logs, { body: query })).json;
      expect(page.step_run_id).toBe(j.steps[0]!.id);
      lines.push(...page.log.split('\n'));
      if (!page.has_more) break;
      query = { ...query, start_offset: Number(page.start_offset), end_offset: Number(page.end_offset) };
    }
    expect(lines).toHaveLength(41);
    expect(sim.requests.filter((r) => r.operation === 'ShowPipelineLog')).toHaveLength(3);
    expect(lines[0]).toContain('==== compile (official_devcloud_cloudBuild) ====');
    expect(lines.at(-1)).toMatch(/\[ERROR\] compile exited with code 1/);

    const newest = (
      await call<LogJson>(sim, 'POST', logs, {
        body: { start_offset: 0, end_offset: 0, limit: 2, sort: 'desc' },
      })
    ).json;
    expect(newest.log.split('\n')).toEqual([lines[40], lines[39]]);
    expect([newest.has_more, newest.start_offset, newest.end_offset]).toEqual([true, '2', '41']);

    const noLimit = await call(sim, 'POST', logs, { body: { sort: 'asc' } });
    expect([noLimit.status, noLimit.json.error_code]).toEqual([400, 'DEVCP.00021400']);
    const unknown = await call(
      sim,
      'POST',
      p(`/pipeline-runs/${id}/jobs/${j.id}/steps/${'0'.repeat(32)}/logs`),
      {
        body: { limit: 10, sort: 'asc' },
      },
    );
    expect([unknown.status, unknown.json.error_code]).toEqual([200, 'DEVCP.00012002']);
  });

  it('lists a run’s artifacts once its build has completed', async () => {
    const sim = await start();
    const id = (await run(sim)).json.pipeline_run_id;
    const before = await call<{ artifacts: unknown[] }>(sim, 'GET', p(`/pipeline-runs/${id}/artifacts`));
    expect(before.json).toEqual({ artifacts: [] });
    await watch(sim, id, ended);
    const after = (await call<{ artifacts: unknown[] }>(sim, 'GET', p(`/pipeline-runs/${id}/artifacts`)))
      .json;
    expect(after.artifacts).toHaveLength(1);
    expect(after.artifacts[0]).toMatchObject({
      name: 'app.jar',
      artifact_version: '1.0.1',
      artifact_package_type: 'jar',
      artifact_download_url_with_id: expect.stringContaining('app.jar') as string,
      build_no: '1',
    });
  });
});

describe('the queue', () => {
  it('a queued start answers DEVPIPE.00011169 with the run id in HTTP 200; the run waits, listed in the queue', async () => {
    const sim = await start({ queue: { ticks: 2 } });
    const a = await run(sim);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ error_code: 'DEVPIPE.00011169', error: { queue_id: '101' } });
    const id = a.json.error!.pipeline_run_id!;
    const queued = (
      await call<{ queuedPipelines: unknown[] }>(sim, 'GET', p('/queued-pipeline'), {
        query: { offset: '0', limit: '10' },
      })
    ).json;
    expect(queued.queuedPipelines).toMatchObject([
      { id: '101', pipeline_run_id: id, trigger_type: 'Manual' },
    ]);
    const d1 = (await detail(sim, id)).json; // tick 1: still queued
    expect([d1.status, ...d1.stages.map((s) => s.status)]).toEqual(['RUNNING', 'INIT', 'INIT']);
    const d2 = (await detail(sim, id)).json; // tick 2: dequeued
    expect(d2.stages[0]!.status).toBe('RUNNING');
    expect((await call(sim, 'GET', p('/queued-pipeline'))).json).toEqual({ queuedPipelines: [] });
    expect((await watch(sim, id, ended)).status).toBe('COMPLETED');
  });

  it('variants: HTTP 202, the tenant code, and a queued run unknown to detail and list until dequeued', async () => {
    const sim = await start(
      { queue: { ticks: 2, code: 'DEVPIPE.00011170' } },
      { variants: { queuedStartStatus: 202, queuedRunDetail: 'not-found' } },
    );
    const a = await run(sim);
    expect([a.status, a.json.error_code]).toEqual([202, 'DEVPIPE.00011170']);
    const id = a.json.error!.pipeline_run_id!;
    expect((await list(sim, {})).json.total).toBe(0);
    const hidden = await detail(sim, id);
    expect([hidden.status, hidden.json.error_code]).toEqual([200, 'DEVCP.00012002']);
    const shown = await detail(sim, id);
    expect([shown.json.id, shown.json.status]).toEqual([id, 'RUNNING']);
    expect((await list(sim, {})).json.total).toBe(1);
  });
});

describe('errors', () => {
  it('wrong project: DEVPIPE.00011136; unknown pipeline: DEVPIPE.00011401; unknown run: DEVCP.00012002', async () => {
    const sim = await start();
    const wrong = await call(
      sim,
      'GET',
      pipelinePath(scenario(), '/pipeline-runs/detail', 'ffffffffffffffffffffffffffffffff'),
    );
    expect([wrong.status, wrong.json]).toEqual([
      400,
      { error_code: 'DEVPIPE.00011136', error_msg: '项目ID和流水线不匹配' },
    ]);
    const unknown = await call(
      sim,
      'GET',
      `/v5/0123456789abcdef0123456789abcdef/api/pipelines/${'9'.repeat(32)}/pipeline-runs/detail`,
    );
    expect([unknown.status, unknown.json.error_code]).toEqual([400, 'DEVPIPE.00011401']);
    const noRun = await detail(sim, 'a'.repeat(32));
    expect([noRun.status, noRun.json.error_code]).toEqual([200, 'DEVCP.00012002']);
    const stop = await call(sim, 'POST', p(`/pipeline-runs/${'a'.repeat(32)}/stop`));
    expect([stop.status, stop.json.error_code]).toEqual([200, 'DEVCP.00012002']);
  });

  it('variants: not-found statuses and the nested error body', async () => {
    const sim = await start(
      {},
      { variants: { runNotFoundStatus: 404, pipelineErrorStatus: 404, errorBody: 'nested' } },
    );
    const noRun = await detail(sim, 'a'.repeat(32));
    expect(noRun.status).toBe(404);
    expect(noRun.json).toEqual({ error: { code: 'DEVCP.00012002', message: expect.any(String) as string } });
    const unknown = await call(
      sim,
      'GET',
      `/v5/0123456789abcdef0123456789abcdef/api/pipelines/${'9'.repeat(32)}/pipeline-runs/detail`,
    );
    expect([unknown.status, unknown.json.error?.code]).toEqual([404, 'DEVPIPE.00011401']);
  });
});

describe('shape variants', () => {
  it('times in seconds and async as a boolean', async () => {
    const sim = await start({}, { variants: { timeUnit: 's', asyncType: 'boolean' } });
    const id = (await run(sim)).json.pipeline_run_id;
    const d = await watch(sim, id, ended);
    expect(d.start_time).toBeLessThan(1e11);
    expect(d.end_time).toBeGreaterThanOrEqual(d.start_time);
    expect(Math.abs(d.current_system_time - Date.now() / 1000)).toBeLessThan(60);
    expect(d.stages[0]!.jobs[0]!.async).toBe(false);
    const row = (await list(sim, {})).json.pipeline_runs[0]!;
    expect(Number(row.stage_status_list[0]!.start_time)).toBeLessThan(1e11);
  });

  it('review-pending statuses: run PAUSED, job PAUSED, step WAITING', async () => {
    const sim = await start(reviewStages(), {
      variants: { pending: { run: 'PAUSED', job: 'PAUSED', step: 'WAITING' } },
    });
    const id = (await run(sim)).json.pipeline_run_id;
    const d = await watch(sim, id, (x) => x.status !== 'RUNNING');
    const { job: j, step } = reviewOf(d);
    expect([d.status, j.status, step.status]).toEqual(['PAUSED', 'PAUSED', 'WAITING']);
  });
});

describe('the demo scenario', () => {
  it('build and tests, a review the gate passes, the deploy: COMPLETED with two artifacts after two older runs', async () => {
    const sim = await start(demoScenario());
    const dp = (rest: string) => pipelinePath(demoScenario(), rest);
    const id = (await call<{ pipeline_run_id: string }>(sim, 'POST', dp('/run'), { body: {} })).json
      .pipeline_run_id;
    const read = async () =>
      (await call<DetailJson>(sim, 'GET', dp('/pipeline-runs/detail'), { query: { pipeline_run_id: id } }))
        .json;
    let d = await read();
    for (let i = 0; i < 20 && reviewOf(d).step.status !== 'RUNNING'; i++) d = await read();
    expect(d.stages.map((s) => s.status)).toEqual(['COMPLETED', 'RUNNING', 'INIT']);
    const { job: j, step } = reviewOf(d);
    const pass = await call(sim, 'POST', dp(`/pipeline-runs/${id}/jobs/${j.id}/steps/${step.id}/pass`));
    expect(pass.json).toEqual({ success: true });
    for (let i = 0; i < 20 && !ended(d); i++) d = await read();
    expect([d.status, d.run_number, d.artifacts.length]).toEqual(['COMPLETED', 3, 2]);
    const runs = await call<ListJson>(sim, 'POST', dp('/pipeline-runs/list'), { body: {} });
    expect(runs.json.pipeline_runs.map((r) => r.status)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED']);
  });
});

describe('clocks and the request log', () => {
  it('time clock: the run moves on a timer, detail reads do not move it', async () => {
    const sim = await start({}, { clock: { mode: 'time', tickMs: 10 } });
    const id = (await run(sim)).json.pipeline_run_id;
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.run(id)!.status).toBe('COMPLETED');
    const ticks = sim.engine.tick;
    expect(ticks).toBeGreaterThanOrEqual(4);
    const stopped = await start(
      { stages: [stage('S', [job('forever', 'shell', { runTicks: Infinity })])] },
      { clock: { mode: 'time', tickMs: 60_000 } },
    );
    const id2 = (await run(stopped)).json.pipeline_run_id;
    for (let i = 0; i < 5; i++) await detail(stopped, id2);
    expect(stopped.engine.tick).toBe(0);
  });

  it('records method, path, query, operation, status, headers, body and time of every request', async () => {
    const sim = await start();
    const before = Date.now();
    const id = (await run(sim, { description: 'x' })).json.pipeline_run_id;
    await detail(sim, id);
    expect(sim.requests).toHaveLength(2);
    expect(sim.requests[0]).toMatchObject({
      method: 'POST',
      path: p('/run'),
      query: {},
      operation: 'RunPipeline',
      status: 200,
      body: '{"description":"x"}',
    });
    expect(sim.requests[0]!.headers['authorization']).toMatch(/^SDK-HMAC-SHA256 Access=/);
    expect(sim.requests[1]).toMatchObject({
      method: 'GET',
      query: { pipeline_run_id: id },
      operation: 'ShowPipelineRunDetail',
    });
    expect(sim.requests[1]!.at).toBeGreaterThanOrEqual(before);
    expect(sim.requests[1]!.fault).toBeUndefined();
  });
});
