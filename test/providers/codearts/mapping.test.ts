// The run detail as the core's Snapshot: both status tables word for word, units, offers,
// progress, and the confirmation points in every variant of the undocumented waiting words.
import { describe, expect, it } from 'vitest';
import type { RunPhase, UnitPhase } from '../../../src/core/snapshot.js';
import {
  confirmationId,
  JOB_PHASES,
  jobPhaseOf,
  parseConfirmationId,
  stagePhaseOf,
  RUN_PHASES,
  runPhaseOf,
  toSnapshot,
} from '../../../src/providers/codearts/mapping.js';
import {
  JOB_STATUSES,
  REVIEW_TASK,
  RUN_STATUSES,
  type JobRun,
  type StageRun,
  type StepRun,
} from '../../../src/providers/codearts/model.js';

import { approveStage, job, reviewJob, run, stage, step, T0 } from '../../support/codearts-runs.js';

describe('run status -> phase', () => {
  const TABLE: Record<string, RunPhase> = {
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    IGNORED: 'failed',
    CANCELED: 'cancelled',
    RUNNING: 'running',
    PAUSED: 'paused',
    SUSPEND: 'paused',
  };

  it('the table is exactly this one, and covers every documented run status', () => {
    expect(RUN_PHASES).toEqual(TABLE);
    expect(Object.keys(RUN_PHASES).sort()).toEqual([...RUN_STATUSES].sort());
  });

  it.each(Object.entries(TABLE))('%s -> %s (known), in the snapshot too', (status, phase) => {
    expect(runPhaseOf(status)).toEqual({ phase, known: true });
    // no confirmation pending: the table's phase stands
    expect(toSnapshot(run({ status, stages: [] }))).toMatchObject({ status, phase, known: true });
  });

  it.each(['WAITING', 'running', '', 'constructor', 'toString'])('%j is unknown', (status) => {
    expect(runPhaseOf(status)).toEqual({ phase: 'unknown', known: false });
    expect(toSnapshot(run({ status }))).toMatchObject({ phase: 'unknown', known: false });
  });
});

describe('job status -> unit phase', () => {
  const TABLE: Record<string, UnitPhase> = {
    INIT: 'pending',
    QUEUED: 'pending',
    RUNNING: 'running',
    ASYNC_RUNNING: 'running',
    REDISPATCH: 'running',
    PAUSED: 'running',
    SUSPEND: 'running',
    COMPLETED: 'succeeded',
    FAILED: 'failed',
    ASYNC_FAILED: 'failed',
    SKIPPED: 'skipped',
    UNSELECTED: 'skipped',
    IGNORED: 'skipped',
    CANCELED: 'cancelled',
  };

  it('the table is exactly this one, and covers every documented job status', () => {
    expect(JOB_PHASES).toEqual(TABLE);
    expect(Object.keys(JOB_PHASES).sort()).toEqual([...JOB_STATUSES].sort());
  });

  it.each(Object.entries(TABLE))('%s -> %s (known), as a unit', (status, phase) => {
    expect(jobPhaseOf(status)).toEqual({ phase, known: true });
    const unit = toSnapshot(run({ stages: [stage({ jobs: [job({ status })] })] })).units[0];
    expect(unit).toMatchObject({ status, phase, known: true });
  });

  it.each(['WAITING', 'completed', '', '__proto__'])('%j is unknown', (status) => {
    expect(jobPhaseOf(status)).toEqual({ phase: 'unknown', known: false });
    expect(toSnapshot(run({ stages: [stage({ jobs: [job({ status })] })] })).units[0]).toMatchObject({
      phase: 'unknown',
      known: false,
    });
  });
});

describe('stage status -> group phase', () => {
  it.each([
    ['COMPLETED', 'succeeded'],
    ['FAILED', 'failed'],
    ['RUNNING', 'running'],
    ['PAUSED', 'paused'],
    ['SUSPEND', 'paused'],
    ['INIT', 'pending'],
    ['UNSELECTED', 'skipped'],
    ['CANCELED', 'cancelled'],
    ['constructor', 'unknown'],
  ])('%s -> %s, and the snapshot carries it', (status, phase) => {
    expect(stagePhaseOf(status)).toBe(phase);
    expect(toSnapshot(run({ stages: [stage({ status })] })).groups?.[0]).toMatchObject({ status, phase });
  });
});

describe('units', () => {
  it('one per job: id, label, stage as detail, 1-based group, duration, update time, identifier', () => {
    const snap = toSnapshot(
      run({
        stages: [
          stage(),
          approveStage(
            job({
              id: 'job-test',
              name: 'unit tests',
              identifier: 'job_unit_tests',
              status: 'RUNNING',
              endTime: undefined,
            }),
          ),
        ],
      }),
    );
    expect(snap.units).toEqual([
      {
        id: 'job-build',
        label: 'build',
        detail: 'Build',
        group: 1,
        status: 'COMPLETED',
        phase: 'succeeded',
        known: true,
        durationMs: 60_000,
        updateTime: T0 + 61_000,
        offers: {},
        extra: { identifier: 'job_build' },
      },
      {
        id: 'job-test',
        label: 'unit tests',
        detail: 'Approve',
        group: 2,
        status: 'RUNNING',
        phase: 'running',
        known: true,
        // still running: by the server's clock
        durationMs: 99_000,
        updateTime: T0 + 61_000,
        offers: {},
        extra: { identifier: 'job_unit_tests' },
      },
    ]);
  });

  it('a job not started has no duration; a nameless one is known by its identifier', () => {
    const unit = toSnapshot(
      run({
        stages: [
          stage({
            jobs: [job({ name: '', status: 'INIT', startTime: undefined, endTime: undefined, steps: [] })],
          }),
        ],
      }),
    ).units[0];
    expect(unit?.label).toBe('job_build');
    expect(unit?.durationMs).toBeUndefined();
    expect(unit?.updateTime).toBeUndefined();
  });

  it("the message is the job's, else its failed step's", () => {
    const failedStep = step({ status: 'FAILED', message: 'exit code 1' });
    const of = (j: JobRun) =>
      toSnapshot(run({ status: 'FAILED', stages: [stage({ jobs: [j] })] })).units[0]?.message;
    expect(of(job({ status: 'FAILED', message: 'Job build failed', steps: [failedStep] }))).toBe(
      'Job build failed',
    );
    expect(of(job({ status: 'FAILED', steps: [step(), failedStep] }))).toBe('exit code 1');
    expect(of(job({ status: 'COMPLETED', steps: [step({ message: 'just chatter' })] }))).toBeUndefined();
  });

  it.each([
    ['FAILED', { retry: { allowed: true } }],
    ['IGNORED', { retry: { allowed: true } }],
    ['CANCELED', { retry: { allowed: false } }],
    ['COMPLETED', { retry: { allowed: false } }],
    // none while the run goes on (another job fails in parallel), nor in a run of an unknown word
    ['RUNNING', {}],
    ['PAUSED', {}],
    ['SOMETHING_NEW', {}],
  ])('a failed job of a %s run: offers %j', (status, offers) => {
    const snap = toSnapshot(
      run({
        status,
        stages: [stage({ status: 'FAILED', jobs: [job({ status: 'FAILED' }), job({ id: 'ok' })] })],
      }),
    );
    expect(snap.units[0]?.offers).toEqual(offers);
    expect(snap.units[1]?.offers).toEqual({}); // a job that succeeded is never retried
  });
});

describe('run offers, progress and update time', () => {
  it.each([
    ['RUNNING', true, false],
    ['PAUSED', true, false],
    ['SUSPEND', true, false],
    ['NEW_WORD', true, false],
    ['COMPLETED', false, false],
    ['FAILED', false, true],
    ['IGNORED', false, false],
    ['CANCELED', false, false],
  ])('%s: stop allowed %s, retry allowed %s', (status, stop, retry) => {
    expect(toSnapshot(run({ status })).offers).toEqual({
      stop: { allowed: stop },
      retry: { allowed: retry },
    });
  });

  it('progress: the last stage that started, of all', () => {
    const later = (over: Partial<StageRun>): StageRun =>
      stage({ id: 'x', status: 'INIT', startTime: undefined, endTime: undefined, jobs: [], ...over });
    expect(toSnapshot(run({ stages: [stage(), later({}), later({})] })).progress).toEqual({
      current: 1,
      total: 3,
    });
    expect(
      toSnapshot(run({ stages: [stage(), later({ status: 'RUNNING', startTime: T0 + 70_000 }), later({})] }))
        .progress,
    ).toEqual({ current: 2, total: 3 });
    // times missing: a stage under way or done has started all the same; UNSELECTED/SKIPPED never do
    expect(
      toSnapshot(
        run({
          stages: [
            stage({ startTime: undefined }),
            later({ status: 'FAILED' }),
            later({ status: 'UNSELECTED' }),
            later({ status: 'SKIPPED' }),
          ],
        }),
      ).progress,
    ).toEqual({ current: 2, total: 4 });
    expect(toSnapshot(run({ stages: [] })).progress).toEqual({ current: 0, total: 0 });
  });

  it("the update time is the latest time anywhere in the run, the server's clock left out", () => {
    const snap = toSnapshot(
      run({
        stages: [
          stage(),
          approveStage(reviewJob('RUNNING', 'RUNNING', { startTime: T0 + 80_000 }), {
            pre: [step({ id: 'pre', startTime: T0 + 75_000, endTime: T0 + 76_000 })],
          }),
        ],
      }),
    );
    expect(snap.updateTime).toBe(T0 + 80_000);
    expect(snap.id).toBe('run-1');
  });
});

describe('answers of any size', () => {
  // An 8 MB run detail holds some 250,000 steps: their times were spread into one call, past the
  // engine's limit on arguments, and the read failed with a RangeError.
  it('a job of 300,000 steps and a run of 150,000 stages are read, their latest time found', () => {
    const steps = Array.from({ length: 300_000 }, (_, i) => step({ id: `s${i}`, endTime: T0 + i }));
    const many = run({
      status: 'COMPLETED',
      stages: [
        stage({ jobs: [job({ steps })] }),
        ...Array.from({ length: 150_000 }, (_, i) => stage({ id: `st${i}`, jobs: [], endTime: T0 + 1 })),
      ],
    });
    const snap = toSnapshot(many);
    expect(snap.updateTime).toBe(T0 + 299_999);
    expect(snap.progress.total).toBe(150_001);
  });
});

describe('manual reviews', () => {
  const reviewRun = (
    jobStatus: string,
    stepStatus: string,
    runStatus = 'RUNNING',
    over: Partial<StepRun> = {},
  ) =>
    toSnapshot(
      run({ status: runStatus, stages: [stage(), approveStage(reviewJob(jobStatus, stepStatus, over))] }),
    );

  // the waiting words are UNVERIFIED: each candidate the simulator serves
  it.each([
    ['RUNNING', 'RUNNING', 'RUNNING'],
    ['RUNNING', 'RUNNING', 'PAUSED'],
    ['PAUSED', 'RUNNING', 'RUNNING'],
    ['PAUSED', 'RUNNING', 'PAUSED'],
    ['RUNNING', 'WAITING', 'RUNNING'],
    ['PAUSED', 'WAITING', 'PAUSED'],
    ['SUSPEND', 'PAUSED', 'SUSPEND'],
  ])('job %s, step %s, run %s: a confirmation, the run paused', (jobStatus, stepStatus, runStatus) => {
    const snap = reviewRun(jobStatus, stepStatus, runStatus);
    expect(snap.confirmations).toEqual([
      {
        id: 'review:job-review:step-review',
        label: 'at manual review “ManualReview” (Approve / review)',
        who: 'u1',
        offers: { pass: { allowed: true }, refuse: { allowed: true } },
        updateTime: T0 + 70_000,
        extra: { stage: 'Approve', job: 'review', step: 'ManualReview' },
      },
    ]);
    expect(snap.reached).toEqual([
      {
        id: 'review:job-review:step-review',
        label: 'at manual review “ManualReview” (Approve / review)',
        who: 'u1',
        status: stepStatus,
        waiting: true,
        extra: { stage: 'Approve', job: 'review', step: 'ManualReview' },
      },
    ]);
    expect(snap.phase).toBe('paused');
    expect(snap.known).toBe(true);
    expect(snap.units[1]).toMatchObject({ id: 'job-review', phase: 'running' });
  });

  it.each([
    ['the step passed, the job goes on', 'RUNNING', 'COMPLETED'],
    ['the step refused', 'RUNNING', 'FAILED'],
    ['the step cancelled', 'RUNNING', 'CANCELED'],
    ['the job completed', 'COMPLETED', 'RUNNING'],
    ['the job failed', 'FAILED', 'RUNNING'],
    ['the job cancelled', 'CANCELED', 'RUNNING'],
    ['the job skipped', 'SKIPPED', 'RUNNING'],
    ['the job ignored', 'IGNORED', 'RUNNING'],
  ])('none when %s', (_what, jobStatus, stepStatus) => {
    const snap = reviewRun(jobStatus, stepStatus);
    expect(snap.confirmations).toEqual([]);
    expect(snap.phase).toBe('running');
  });

  it('none before the review step starts (INIT, no start time), even in a running job', () => {
    const snap = reviewRun('RUNNING', 'INIT', 'RUNNING', { startTime: undefined });
    expect(snap.confirmations).toEqual([]);
    expect(snap.phase).toBe('running');
  });

  it('an INIT step with a start time is waiting (its word is not documented)', () => {
    expect(reviewRun('RUNNING', 'INIT').confirmations).toHaveLength(1);
  });

  it.each(['COMPLETED', 'FAILED', 'CANCELED', 'IGNORED'])(
    'none in a run that has ended (%s)',
    (runStatus) => {
      expect(reviewRun('RUNNING', 'RUNNING', runStatus).confirmations).toEqual([]);
    },
  );

  it('a step of another plugin is never a review', () => {
    const snap = reviewRun('RUNNING', 'RUNNING', 'RUNNING', { task: 'official_shell_plugin' });
    expect(snap.confirmations).toEqual([]);
    expect(snap.phase).toBe('running');
  });

  it('approvers as a list; none when the input is absent or empty', () => {
    const who = (value?: unknown) =>
      reviewRun('RUNNING', 'RUNNING', 'RUNNING', {
        inputs: value === undefined ? [] : [{ key: 'approvers', value }],
      }).confirmations[0]?.who;
    expect(who(['u1', 'u2', 7])).toBe('u1, u2, 7');
    expect(who('u1,u2')).toBe('u1,u2');
    expect(who()).toBeUndefined();
    expect(who('  ')).toBeUndefined();
    expect(who({ id: 'u1' })).toBeUndefined();
  });

  it('stays running while another job runs or is queued beside the waiting review', () => {
    for (const status of ['RUNNING', 'QUEUED', 'ASYNC_RUNNING']) {
      const snap = toSnapshot(
        run({
          stages: [
            stage(),
            approveStage(reviewJob('RUNNING', 'RUNNING'), {
              jobs: [reviewJob('RUNNING', 'RUNNING'), job({ id: 'job-side', status, endTime: undefined })],
            }),
          ],
        }),
      );
      expect(snap.confirmations).toHaveLength(1);
      expect(snap.phase).toBe('running');
    }
  });

  it('a run PAUSED with nothing to confirm stays paused (by the table)', () => {
    expect(toSnapshot(run({ status: 'PAUSED' })).phase).toBe('paused');
  });

  it('two reviews in one job, one waiting: only that one', () => {
    const j = reviewJob('RUNNING', 'RUNNING');
    j.steps = [
      { ...j.steps[0]!, id: 'first', status: 'COMPLETED', endTime: T0 + 71_000 },
      { ...j.steps[0]!, id: 'second' },
    ];
    expect(toSnapshot(run({ stages: [approveStage(j)] })).confirmations.map((c) => c.id)).toEqual([
      'review:job-review:second',
    ]);
  });
});

describe('manual check points (stage pre steps)', () => {
  const deployStage = (pre: StepRun, over: Partial<StageRun> = {}): StageRun =>
    stage({
      id: 'stage-deploy',
      sequence: 1,
      name: 'Deploy',
      identifier: 'stage_deploy',
      status: 'RUNNING',
      startTime: T0 + 70_000,
      endTime: undefined,
      pre: [pre],
      jobs: [
        job({
          id: 'job-deploy',
          name: 'deploy',
          status: 'INIT',
          startTime: undefined,
          endTime: undefined,
          steps: [],
        }),
      ],
      ...over,
    });
  const checkPoint = (over: Partial<StepRun> = {}): StepRun =>
    step({
      id: 'pre-1',
      name: 'ManualCheckPoint',
      task: REVIEW_TASK,
      businessType: 'Normal',
      status: 'RUNNING',
      startTime: T0 + 70_000,
      endTime: undefined,
      inputs: [{ key: 'approvers', value: ['u9'] }],
      ...over,
    });

  // the check point's task is UNVERIFIED: whatever it is, a waiting pre step is one
  it.each([
    [REVIEW_TASK, 'RUNNING'],
    ['official_devcloud_manualCheck', 'RUNNING'],
    ['', 'WAITING'],
    [REVIEW_TASK, 'PAUSED'],
  ])('task %j, step %s: a confirmation, the run paused', (task, status) => {
    const snap = toSnapshot(run({ stages: [stage(), deployStage(checkPoint({ task, status }))] }));
    expect(snap.confirmations).toEqual([
      {
        id: 'checkpoint:pre-1',
        label: 'at check point “ManualCheckPoint” of stage “Deploy”',
        who: 'u9',
        offers: { pass: { allowed: true }, refuse: { allowed: true } },
        updateTime: T0 + 70_000,
        extra: { stage: 'Deploy', job: '', step: 'ManualCheckPoint' },
      },
    ]);
    expect(snap.phase).toBe('paused');
  });

  it.each([
    ['passed', { status: 'COMPLETED', endTime: T0 + 80_000 }, {}],
    ['refused', { status: 'FAILED', endTime: T0 + 80_000 }, {}],
    [
      'not reached (stage INIT)',
      { status: 'INIT', startTime: undefined },
      { status: 'INIT', startTime: undefined },
    ],
    ['in a stage that ended', {}, { status: 'CANCELED' }],
  ])('none when %s', (_what, pre, stageOver) => {
    const snap = toSnapshot(run({ stages: [stage(), deployStage(checkPoint(pre), stageOver)] }));
    expect(snap.confirmations).toEqual([]);
  });

  it('a check point passed or refused is still reached, not waiting; one not reached is not listed', () => {
    const passed = toSnapshot(
      run({ stages: [stage(), deployStage(checkPoint({ status: 'COMPLETED', endTime: T0 + 80_000 }))] }),
    );
    expect(passed.reached).toEqual([
      expect.objectContaining({ id: 'checkpoint:pre-1', status: 'COMPLETED', waiting: false }),
    ]);
    const later = toSnapshot(
      run({
        stages: [
          stage(),
          deployStage(checkPoint({ status: 'INIT', startTime: undefined }), {
            status: 'INIT',
            startTime: undefined,
          }),
        ],
      }),
    );
    expect(later.reached).toEqual([]);
  });

  it('a nameless pre step is called the check point of its stage', () => {
    const snap = toSnapshot(run({ stages: [deployStage(checkPoint({ name: '' }))] }));
    expect(snap.confirmations[0]?.label).toBe('at the check point of stage “Deploy”');
  });
});

describe('confirmation ids', () => {
  it('round trip', () => {
    const review = { kind: 'review', jobRunId: 'j', stepRunId: 's' } as const;
    const checkpoint = { kind: 'checkpoint', stepRunId: 'p' } as const;
    expect(confirmationId(review)).toBe('review:j:s');
    expect(parseConfirmationId('review:j:s')).toEqual(review);
    expect(confirmationId(checkpoint)).toBe('checkpoint:p');
    expect(parseConfirmationId('checkpoint:p')).toEqual(checkpoint);
  });

  it.each(['review:j', 'review::s', 'review:j:s:x', 'checkpoint:', 'checkpoint:a:b', 'batch:1', ''])(
    '%j is no id of ours',
    (id) => {
      expect(parseConfirmationId(id)).toBeUndefined();
    },
  );
});
