// The runs' state machine without HTTP: stages in order, failures and retries, reviews and check
// points (decided by the gate or by someone else), stop, the queue, late runs, history, logs.
import { describe, expect, it } from 'vitest';
import { CodeArtsEngine, type SimRun } from '../../../sim/codearts/engine.js';
import { job, scenario, stage, type Scenario } from '../../../sim/codearts/scenario.js';
import { resolveVariants, type Variants } from '../../../sim/codearts/variants.js';

/** An engine on a fake clock that moves one second per tick. */
function engine(over: Partial<Scenario> = {}, variants: Variants = {}) {
  let t = Date.UTC(2026, 0, 1);
  const e = new CodeArtsEngine(scenario(over), resolveVariants(variants), () => t);
  const tick = (n = 1) => {
    for (let i = 0; i < n; i++) {
      t += 1000;
      e.advance();
    }
  };
  return { e, tick, now: () => t };
}

function started(e: CodeArtsEngine): SimRun {
  const r = e.start({});
  if (!r.ok) throw new Error(r.message);
  return r.run;
}

/** "RUN stage[job,job] stage[job]" */
const shape = (r: SimRun): string =>
  `${r.status} ${r.stages.map((s) => `${s.status}[${s.jobs.map((j) => j.status).join(',')}]`).join(' ')}`;

const review = (r: SimRun) => {
  const j = r.stages.flatMap((s) => s.jobs).find((x) => x.spec.kind === 'review')!;
  return { job: j, step: j.steps[0]! };
};

const withReview = (over: Partial<Scenario> = {}): Partial<Scenario> => ({
  stages: [
    stage('Build', [job('build', 'build')]),
    stage('Approve', [job('review', 'review')]),
    stage('Deploy', [job('deploy', 'deploy')]),
  ],
  ...over,
});

describe('CodeArtsEngine', () => {
  it('a healthy run: stages in order, QUEUED -> RUNNING -> COMPLETED, artifacts when the build completes', () => {
    const { e, tick } = engine();
    const run = started(e);
    expect(run.id).toMatch(/^[0-9a-f]{32}$/);
    expect(
      run.stages.flatMap((s) => [s.id, ...s.jobs.flatMap((j) => [j.id, ...j.steps.map((x) => x.id)])]),
    ).toSatisfy(
      (ids: string[]) => ids.every((id) => /^[0-9a-f]{32}$/.test(id)) && new Set(ids).size === ids.length,
    );
    expect(shape(run)).toBe('RUNNING RUNNING[QUEUED] INIT[INIT]');
    tick();
    expect(shape(run)).toBe('RUNNING RUNNING[RUNNING] INIT[INIT]');
    expect(run.artifacts).toEqual([]);
    tick();
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] RUNNING[QUEUED]');
    expect(run.artifacts).toMatchObject([{ name: 'app.jar', packageType: 'jar', version: '1.0.1' }]);
    tick(2);
    expect(shape(run)).toBe('COMPLETED COMPLETED[COMPLETED] COMPLETED[COMPLETED]');
    expect(run.endTime).toBeGreaterThan(run.startTime);
    expect(run.stages[1]!.jobs[0]!.steps[0]).toMatchObject({
      status: 'COMPLETED',
      task: 'official_devcloud_deploy',
    });
    expect(started(e).runNumber).toBe(2);
  });

  it('runTicks keeps a job RUNNING longer; Infinity never ends', () => {
    const { e, tick } = engine({
      stages: [
        stage('S', [job('slow', 'shell', { runTicks: 2 }), job('forever', 'shell', { runTicks: Infinity })]),
      ],
    });
    const run = started(e);
    tick(4);
    expect(shape(run)).toBe('RUNNING RUNNING[COMPLETED,RUNNING]');
    tick(50);
    expect(shape(run)).toBe('RUNNING RUNNING[COMPLETED,RUNNING]');
  });

  it('a failing job is retried into success: the run FAILED, then RUNNING again, job ids kept, new start time', () => {
    const { e, tick } = engine({
      stages: [
        stage('Build', [
          job('build', 'build', { steps: [{ name: 'checkout' }, { name: 'compile' }], failTimes: 1 }),
        ]),
      ],
    });
    const run = started(e);
    tick();
    const build = run.stages[0]!.jobs[0]!;
    const firstStart = build.startTime;
    tick();
    expect(shape(run)).toBe('FAILED FAILED[FAILED]');
    expect(build.message).toBe('Job build failed at step compile');
    expect(build.steps.map((s) => [s.status, s.message])).toEqual([
      ['COMPLETED', ''],
      ['FAILED', 'compile exited with code 1: official_devcloud_cloudBuild reported an error'],
    ]);
    expect(e.logOf(build.steps[1]!).at(-1)).toContain('[ERROR] compile exited with code 1');
    const ids = [build.id, ...build.steps.map((s) => s.id)];

    expect(e.retry(run.id)).toEqual({ ok: true });
    expect(shape(run)).toBe('RUNNING RUNNING[QUEUED]');
    expect([build.message, run.endTime]).toEqual(['', 0]);
    tick();
    expect(build.startTime).toBeGreaterThan(firstStart);
    tick();
    expect(shape(run)).toBe('COMPLETED COMPLETED[COMPLETED]');
    expect([build.id, ...build.steps.map((s) => s.id)]).toEqual(ids);
  });

  it('retries exhausted: a job that always fails fails again; only a FAILED run can be retried', () => {
    const { e, tick } = engine({
      stages: [stage('Deploy', [job('deploy', 'deploy', { failTimes: Infinity }), job('smoke')])],
    });
    const run = started(e);
    tick(2);
    expect(shape(run)).toBe('FAILED FAILED[FAILED,COMPLETED]');
    const [deploy, smoke] = run.stages[0]!.jobs;
    expect(e.retry(run.id, [smoke!.id])).toMatchObject({ ok: false, kind: 'not-allowed' });
    expect(e.retry(run.id, ['f'.repeat(32)])).toMatchObject({ ok: false, kind: 'not-found' });
    for (let i = 0; i < 3; i++) {
      expect(e.retry(run.id, [deploy!.id])).toEqual({ ok: true });
      tick(2);
      expect(shape(run)).toBe('FAILED FAILED[FAILED,COMPLETED]');
    }
    const { e: e2, tick: tick2 } = engine();
    const healthy = started(e2);
    expect(e2.retry(healthy.id)).toMatchObject({ ok: false, kind: 'not-allowed' });
    tick2(4);
    expect(e2.retry(healthy.id)).toMatchObject({
      ok: false,
      kind: 'not-allowed',
      message: expect.stringContaining('COMPLETED') as string,
    });
  });

  it('a failed job ends the run only once nothing else runs in its stage', () => {
    const { e, tick } = engine({
      stages: [
        stage('S', [job('bad', 'shell', { failTimes: 1 }), job('long', 'shell', { runTicks: 2 })]),
        stage('T', [job('t')]),
      ],
    });
    const run = started(e);
    tick(2);
    expect(shape(run)).toBe('RUNNING RUNNING[FAILED,RUNNING] INIT[INIT]');
    tick(2);
    expect(shape(run)).toBe('FAILED FAILED[FAILED,COMPLETED] INIT[INIT]');
  });

  it('a review waits until the gate passes it; the next stage then starts at once', () => {
    const { e, tick } = engine(withReview());
    const run = started(e);
    tick(3);
    const { job: j, step } = review(run);
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] RUNNING[RUNNING] INIT[INIT]');
    expect(step).toMatchObject({ status: 'RUNNING', waiting: true, task: 'official_devcloud_checkpoint' });
    tick(10);
    expect(step.waiting).toBe(true);
    expect(e.decideReview(run.id, j.id, run.stages[0]!.jobs[0]!.steps[0]!.id, 'pass')).toMatchObject({
      kind: 'not-found',
    });
    expect(e.decideReview(run.id, j.id, step.id, 'pass', { description: 'lgtm' })).toEqual({ ok: true });
    expect(step.decision).toEqual({ action: 'pass', byOther: false, description: 'lgtm' });
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] COMPLETED[COMPLETED] RUNNING[QUEUED]');
    expect(e.decideReview(run.id, j.id, step.id, 'pass')).toMatchObject({ ok: false, kind: 'not-allowed' });
    tick(2);
    expect(run.status).toBe('COMPLETED');
  });

  it('while a review waits, the statuses are those of the variant (PAUSED, an undocumented WAITING)', () => {
    const { e, tick } = engine(withReview(), { pending: { run: 'PAUSED', job: 'PAUSED', step: 'WAITING' } });
    const run = started(e);
    tick(3);
    expect(shape(run)).toBe('PAUSED COMPLETED[COMPLETED] RUNNING[PAUSED] INIT[INIT]');
    expect(review(run).step.status).toBe('WAITING');
  });

  it('the run is RUNNING, not PAUSED, while another job of the stage still works beside the review', () => {
    const { e, tick } = engine(
      { stages: [stage('S', [job('review', 'review'), job('scan', 'shell', { runTicks: 1 })])] },
      { pending: { run: 'PAUSED' } },
    );
    const run = started(e);
    tick();
    expect(run.status).toBe('RUNNING');
    tick(2);
    expect(shape(run)).toBe('PAUSED RUNNING[RUNNING,COMPLETED]');
  });

  it.each([
    ['FAILED', 'FAILED'],
    ['CANCELED', 'CANCELED'],
  ] as const)('a refused review: step and job %s (variant), run FAILED', (variant, shown) => {
    const { e, tick } = engine(withReview(), { refusedStatus: variant });
    const run = started(e);
    tick(3);
    const { job: j, step } = review(run);
    expect(e.decideReview(run.id, j.id, step.id, 'refuse', { description: 'not today' })).toEqual({
      ok: true,
    });
    expect(shape(run)).toBe(`FAILED COMPLETED[COMPLETED] FAILED[${shown}] INIT[INIT]`);
    expect([step.status, step.message, j.message]).toEqual([
      shown,
      'review refused by ci-bot: not today',
      'review refused by ci-bot: not today',
    ]);
    // a retry opens the review again
    expect(e.retry(run.id)).toEqual({ ok: true });
    tick();
    expect([run.status, step.waiting, step.decision]).toEqual(['RUNNING', true, undefined]);
  });

  it('someone else passes or refuses the review: at its tick, or as soon as the review waits', () => {
    const { e, tick } = engine(withReview({ events: [{ atTick: 1, kind: 'review', action: 'pass' }] }));
    const run = started(e);
    tick(3); // the review starts waiting at tick 3, after that tick's events
    expect(review(run).step.waiting).toBe(true);
    tick();
    expect(review(run).step.decision).toEqual({ action: 'pass', byOther: true, description: undefined });
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] COMPLETED[COMPLETED] RUNNING[RUNNING]');

    const other = engine(
      withReview({ events: [{ atTick: 5, kind: 'review', action: 'refuse', job: 'job_review' }] }),
    );
    const run2 = started(other.e);
    other.tick(4);
    expect(review(run2).step.waiting).toBe(true);
    other.tick();
    expect(run2.status).toBe('FAILED');
    expect(review(run2).step.message).toBe('review refused by someone-else');
  });

  it('a check point holds its stage until passed; refused, the stage and run fail', () => {
    const stages = [
      stage('Build', [job('build')]),
      stage('Prod', [job('deploy', 'deploy')], { checkpoint: true }),
    ];
    const { e, tick } = engine({ stages });
    const run = started(e);
    tick(2);
    const pre = run.stages[1]!.pre[0]!;
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] RUNNING[INIT]');
    expect(pre).toMatchObject({ waiting: true, status: 'RUNNING', task: 'official_devcloud_checkpoint' });
    tick(5);
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] RUNNING[INIT]');
    expect(e.decideCheckpoint(run.id, pre.id, 'pass')).toEqual({ ok: true });
    expect(shape(run)).toBe('RUNNING COMPLETED[COMPLETED] RUNNING[QUEUED]');
    tick(2);
    expect(run.status).toBe('COMPLETED');

    const refused = engine({ stages }, { checkpointTask: 'official_devcloud_manualCheck' });
    const run2 = started(refused.e);
    refused.tick(2);
    const pre2 = run2.stages[1]!.pre[0]!;
    expect(pre2.task).toBe('official_devcloud_manualCheck');
    expect(refused.e.decideCheckpoint(run2.id, pre2.id, 'refuse')).toEqual({ ok: true });
    expect(shape(run2)).toBe('FAILED COMPLETED[COMPLETED] FAILED[INIT]');
    expect(refused.e.decideCheckpoint(run2.id, pre2.id, 'pass')).toMatchObject({ kind: 'not-allowed' });
  });

  it('someone else passes the check point', () => {
    const { e, tick } = engine({
      stages: [stage('Prod', [job('deploy', 'deploy')], { checkpoint: true })],
      events: [{ atTick: 2, kind: 'checkpoint', action: 'pass', stage: 'stage_prod' }],
    });
    const run = started(e);
    tick();
    expect(run.stages[0]!.pre[0]!.waiting).toBe(true);
    tick();
    expect(run.stages[0]!.pre[0]!.decision).toMatchObject({ action: 'pass', byOther: true });
    tick(2);
    expect(run.status).toBe('COMPLETED');
  });

  it('stop: the run and everything unfinished CANCELED; a finished run cannot be stopped', () => {
    const { e, tick } = engine(withReview());
    const run = started(e);
    tick(3);
    expect(e.stop(run.id)).toEqual({ ok: true });
    expect(shape(run)).toBe('CANCELED COMPLETED[COMPLETED] CANCELED[CANCELED] CANCELED[CANCELED]');
    expect(review(run).step).toMatchObject({ status: 'CANCELED', waiting: false });
    expect(run.stages[2]!.jobs[0]!.steps[0]!.status).toBe('CANCELED');
    expect(e.stop(run.id)).toMatchObject({ ok: false, kind: 'not-allowed' });
    expect(e.stop('0'.repeat(32))).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('someone else cancels the run at a tick', () => {
    const { e, tick } = engine({ events: [{ atTick: 1, kind: 'cancel' }] });
    const run = started(e);
    tick();
    expect(shape(run)).toBe('CANCELED CANCELED[CANCELED] CANCELED[CANCELED]');
  });

  it('a queued start waits its ticks in the queue, then runs', () => {
    const { e, tick } = engine({ queue: { ticks: 2 } });
    const run = started(e);
    expect(run.queued).toMatchObject({ queueId: '101', ticksLeft: 2 });
    expect(shape(run)).toBe('RUNNING INIT[INIT] INIT[INIT]');
    tick();
    expect(run.queued?.ticksLeft).toBe(1);
    tick();
    expect(run.queued).toBeUndefined();
    expect(shape(run)).toBe('RUNNING RUNNING[QUEUED] INIT[INIT]');
    tick(4);
    expect(run.status).toBe('COMPLETED');
    // stopping a queued run takes it out of the queue
    const second = started(e);
    expect(e.stop(second.id)).toEqual({ ok: true });
    expect([second.status, second.queued]).toEqual(['CANCELED', undefined]);
  });

  it('late runs by someone else: at a tick, or after some list calls', () => {
    const commit = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
    const { e, tick } = engine({
      events: [
        { atTick: 2, kind: 'late-run', commitId: commit },
        { afterListCalls: 2, kind: 'late-run', branch: 'release', triggerType: 'Scheduler' },
      ],
    });
    tick();
    expect(e.runs).toHaveLength(0);
    tick();
    expect(e.runs.map((r) => [r.commitId, r.triggerType, r.executorName, r.byOther, r.status])).toEqual([
      [commit, 'Push', 'someone-else', true, 'RUNNING'],
    ]);
    e.beforeList();
    e.beforeList();
    expect(e.runs).toHaveLength(1);
    e.beforeList();
    expect(e.runs.map((r) => [r.runNumber, r.branch, r.triggerType])).toEqual([
      [1, 'master', 'Push'],
      [2, 'release', 'Scheduler'],
    ]);
    expect(e.runs[1]!.commitId).toMatch(/^[0-9a-f]{40}$/);
    expect(e.runs[1]!.commitId).not.toBe(e.runs[0]!.commitId);
  });

  it('a run at tick 0 exists from the start; history runs ended before it', () => {
    const { e } = engine({
      history: [
        { status: 'COMPLETED' },
        { status: 'FAILED', commitId: 'f'.repeat(40) },
        { status: 'CANCELED' },
      ],
      events: [{ atTick: 0, kind: 'late-run' }],
    });
    expect(e.runs.map((r) => [r.runNumber, shape(r)])).toEqual([
      [1, 'COMPLETED COMPLETED[COMPLETED] COMPLETED[COMPLETED]'],
      [2, 'FAILED COMPLETED[COMPLETED] FAILED[FAILED]'],
      [3, 'CANCELED COMPLETED[COMPLETED] CANCELED[CANCELED]'],
      [4, 'RUNNING RUNNING[QUEUED] INIT[INIT]'],
    ]);
    expect(e.runs[0]!.startTime).toBeLessThan(e.runs[1]!.startTime);
    expect(e.runs[1]!.endTime).toBeLessThan(e.runs[3]!.startTime);
    expect(e.runs[1]!.stages[1]!.jobs[0]!.message).toContain('failed');
    expect(e.runs[1]!.commitId).toBe('f'.repeat(40));
  });

  it('a job IGNORED by an event counts as done', () => {
    const { e, tick } = engine({
      stages: [stage('S', [job('a'), job('optional', 'shell', { runTicks: Infinity })])],
      events: [{ atTick: 3, kind: 'ignore-job', job: 'job_optional' }],
    });
    const run = started(e);
    tick(2);
    expect(shape(run)).toBe('RUNNING RUNNING[COMPLETED,RUNNING]');
    tick();
    expect(shape(run)).toBe('COMPLETED COMPLETED[COMPLETED,IGNORED]');
  });

  it('choose_stages and choose_jobs select what runs; the rest is UNSELECTED', () => {
    const { e, tick } = engine({
      stages: [stage('Build', [job('build'), job('lint')]), stage('Deploy', [job('deploy')])],
    });
    const r1 = e.start({ chooseStages: ['stage_deploy'] });
    const r2 = e.start({ chooseJobs: ['job_lint', 'job_deploy'] });
    expect(e.start({ chooseStages: ['stage_nope'] })).toMatchObject({ ok: false, kind: 'invalid' });
    if (!r1.ok || !r2.ok) throw new Error('not started');
    tick(2);
    expect(shape(r1.run)).toBe('COMPLETED UNSELECTED[UNSELECTED,UNSELECTED] COMPLETED[COMPLETED]');
    expect(shape(r2.run)).toBe('RUNNING COMPLETED[UNSELECTED,COMPLETED] RUNNING[QUEUED]');
  });

  it('a step log grows while the step runs and ends with the outcome', () => {
    const { e, tick } = engine({
      stages: [stage('S', [job('sh', 'shell', { runTicks: 1, steps: [{ name: 'test', logLines: 10 }] })])],
    });
    const run = started(e);
    const step = run.stages[0]!.jobs[0]!.steps[0]!;
    expect(e.logOf(step)).toEqual([]);
    tick();
    expect(e.logOf(step)).toHaveLength(5);
    tick(2);
    const lines = e.logOf(step);
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toContain('[INFO] test finished successfully');
  });
});
