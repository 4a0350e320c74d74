// The core's decisions on CodeArts runs, through the CodeArts mapping table: the verdict rules of the
// contract (success only when COMPLETED with no job FAILED), reviews waited on, passed or refused,
// failed jobs retried with the run, and what the reasons say.
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.js';
import type { Policy } from '../../../src/core/policy.js';
import type { Decision, GateMemory, TakenAction } from '../../../src/core/types.js';
import { CODEARTS_WORDS, toSnapshot } from '../../../src/providers/codearts/mapping.js';
import type { RunDetail } from '../../../src/providers/codearts/model.js';
import { approveStage, job, reviewJob, run, stage, step, T0 } from '../../support/codearts-runs.js';

const policy = (over: Partial<Policy> = {}): Policy => ({
  skipUnreachable: false,
  maxSkipped: { kind: 'any' },
  retryFailed: 0,
  confirm: 'wait',
  onFailure: 'leave',
  ...over,
});
const memory = (...taken: TakenAction[]): GateMemory => ({
  taken,
  warnedStatuses: new Set(),
  effectsSeen: new Set(),
});
const on = (r: RunDetail, p: Policy = policy(), m: GateMemory = memory()): Decision =>
  decide(toSnapshot(r), p, m, CODEARTS_WORDS);

const failedDeploy = (status: string, runStatus: string): RunDetail =>
  run({
    status: runStatus,
    stages: [
      stage(),
      stage({
        id: 'stage-deploy',
        name: 'Deploy',
        status,
        jobs: [job({ id: 'job-deploy', name: 'deploy', status, message: 'host refused the package' })],
      }),
    ],
  });

describe('verdicts', () => {
  it('COMPLETED with every job completed or skipped (not selected) is a success', () => {
    const d = on(
      run({
        status: 'COMPLETED',
        stages: [
          stage(),
          stage({
            id: 's2',
            name: 'Test',
            status: 'UNSELECTED',
            jobs: [job({ id: 'j2', status: 'UNSELECTED' })],
          }),
        ],
      }),
    );
    expect(d.verdict).toEqual({
      result: 'success',
      reason: 'Pipeline run run-1 succeeded: 1 of 2 jobs completed, 1 skipped.',
    });
  });

  // A run COMPLETED in which every job was skipped, ignored or not selected deployed nothing.
  it('COMPLETED with every job skipped, ignored or not selected is no success', () => {
    const d = on(
      run({
        status: 'COMPLETED',
        stages: [
          stage({
            status: 'COMPLETED',
            jobs: [job({ status: 'SKIPPED' }), job({ id: 'j2', name: 'lint', status: 'IGNORED' })],
          }),
          stage({
            id: 's2',
            name: 'Deploy',
            status: 'UNSELECTED',
            jobs: [job({ id: 'j3', name: 'deploy', status: 'UNSELECTED' })],
          }),
        ],
      }),
    );
    expect(d.verdict).toEqual({
      result: 'failure',
      reason:
        'Pipeline run run-1 ended COMPLETED, but none of its 3 jobs completed: build (Build), lint (Build), deploy (Deploy) skipped.',
    });
  });

  it('COMPLETED with a job that FAILED is no success', () => {
    const d = on(failedDeploy('FAILED', 'COMPLETED'));
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toContain('deploy (Deploy): FAILED');
  });

  it.each(['FAILED', 'IGNORED'])('%s is a failure naming the failed jobs and their messages', (status) => {
    const d = on(failedDeploy('FAILED', status));
    expect(d.verdict).toEqual({
      result: 'failure',
      reason: `Pipeline run run-1 ended ${status}: deploy (Deploy): host refused the package.`,
    });
  });

  it('CANCELED is cancelled', () => {
    expect(on(run({ status: 'CANCELED' })).verdict?.result).toBe('cancelled');
  });
});

describe('failed jobs', () => {
  it('while the run still runs: wait for it to end (the retry is of the run)', () => {
    const d = on(failedDeploy('FAILED', 'RUNNING'), policy({ retryFailed: 1 }));
    expect(d.actions).toEqual([]);
    expect(d.verdict).toBeUndefined();
  });

  it('the run FAILED: retried as a whole while retries are left, then a failure saying so', () => {
    const failed = failedDeploy('FAILED', 'FAILED');
    const first = on(failed, policy({ retryFailed: 1 }));
    expect(first.actions).toEqual([
      expect.objectContaining({ kind: 'retry', reason: 'FAILED (1 failed job); retry 1 of 1' }),
    ]);
    expect(first.actions[0]?.target).toBeUndefined();
    const retried: TakenAction = { ...first.actions[0]!, at: '2026-01-01T00:00:00Z', outcome: 'ok' };
    const again = on(
      { ...failed, endTime: (failed.startTime ?? 0) + 999_999 },
      policy({ retryFailed: 1 }),
      memory(retried),
    );
    expect(again.verdict?.reason).toBe(
      'Pipeline run run-1 ended FAILED after 1 retry: deploy (Deploy): host refused the package.',
    );
  });

  // A retry CodeArts refused (false, a 4xx: no Execute permission) was sent again at every poll
  // until the deadline, which then said timed-out instead of the failure it was.
  it('a retry CodeArts refused is not sent again: the failure says why', () => {
    const failed = failedDeploy('FAILED', 'FAILED');
    const first = on(failed, policy({ retryFailed: 2 }));
    const refused: TakenAction = {
      ...first.actions[0]!,
      at: '2026-01-01T00:00:00Z',
      outcome: 'error',
      detail: 'RetryPipelineRun: HTTP 403 DEVCP.00014031',
      transient: false,
    };
    const again = on(failed, policy({ retryFailed: 2 }), memory(refused));
    expect(again.actions).toEqual([]);
    expect(again.verdict).toEqual({
      result: 'failure',
      reason:
        'Pipeline run run-1 ended FAILED (retrying it failed: RetryPipelineRun: HTTP 403 DEVCP.00014031): deploy (Deploy): host refused the package.',
    });
    // a transient error is no answer: tried again
    expect(on(failed, policy({ retryFailed: 2 }), memory({ ...refused, transient: true })).actions).toEqual([
      expect.objectContaining({ kind: 'retry' }),
    ]);
  });
});

describe('a review or check point a person refused', () => {
  // The run FAILED because a person said no: retrying it asked again, and with manual-review: pass
  // the gate passed what the person had refused.
  it('a refused review: the run is not retried, and the failure says why', () => {
    const refused = run({
      status: 'FAILED',
      stages: [
        stage(),
        approveStage(
          reviewJob('FAILED', 'FAILED', { endTime: T0 + 80_000, message: 'ManualReview refused by ops' }),
          { status: 'FAILED', endTime: T0 + 80_000 },
        ),
      ],
    });
    const d = on(refused, policy({ retryFailed: 1, confirm: 'pass' }));
    expect(d.actions).toEqual([]);
    expect(d.verdict?.result).toBe('failure');
    expect(d.verdict?.reason).toBe(
      'Pipeline run run-1 ended FAILED (FAILED at manual review “ManualReview” (Approve / review): a run is not retried past a review or check point not passed): review (Approve): ManualReview refused by ops.',
    );
  });

  it.each(['FAILED', 'CANCELED'])('a check point ended %s: the run is not retried', (status) => {
    const refused = run({
      status: 'FAILED',
      stages: [
        stage(),
        stage({
          id: 'stage-deploy',
          name: 'Deploy',
          status: 'FAILED',
          pre: [step({ id: 'step-gate', name: 'Gate', task: 'any', status, endTime: T0 + 90_000 })],
          jobs: [
            job({
              id: 'job-deploy',
              name: 'deploy',
              status: 'INIT',
              startTime: undefined,
              endTime: undefined,
            }),
          ],
        }),
      ],
    });
    const d = on(refused, policy({ retryFailed: 1 }));
    expect(d.actions).toEqual([]);
    expect(d.verdict?.reason).toContain(
      `(${status} at check point “Gate” of stage “Deploy”: a run is not retried`,
    );
  });

  it('a review passed, then a job failed: the run is retried', () => {
    const passed = run({
      status: 'FAILED',
      stages: [
        stage(),
        approveStage(reviewJob('COMPLETED', 'COMPLETED', { endTime: T0 + 80_000 }), { status: 'COMPLETED' }),
        stage({
          id: 'stage-deploy',
          name: 'Deploy',
          status: 'FAILED',
          jobs: [job({ id: 'job-deploy', status: 'FAILED' })],
        }),
      ],
    });
    expect(on(passed, policy({ retryFailed: 1 })).actions).toEqual([
      expect.objectContaining({ kind: 'retry' }),
    ]);
  });
});

describe('manual reviews', () => {
  const waiting = run({ stages: [stage(), approveStage(reviewJob('RUNNING', 'RUNNING'))] });

  it('wait: says who must act, at which review, and does nothing', () => {
    const d = on(waiting);
    expect(d.actions).toEqual([]);
    expect(d.waitingFor).toBe(
      'pipeline run run-1 is paused at manual review “ManualReview” (Approve / review), waiting for a person (u1) to pass it in CodeArts (manual-review: wait)',
    );
  });

  it('pass: one pass of that review', () => {
    const d = on(waiting, policy({ confirm: 'pass' }));
    expect(d.actions).toEqual([
      expect.objectContaining({
        kind: 'pass',
        target: 'review:job-review:step-review',
        label: 'at manual review “ManualReview” (Approve / review)',
        reason: 'paused at manual review “ManualReview” (Approve / review); manual-review: pass',
      }),
    ]);
  });

  it('refuse: the refusal, and the gate fails saying so', () => {
    const d = on(waiting, policy({ confirm: 'refuse' }));
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([['refuse', 'review:job-review:step-review']]);
    expect(d.verdict).toEqual({
      result: 'failure',
      reason:
        'Pipeline run run-1: refused by this gate at manual review “ManualReview” (Approve / review) (manual-review: refuse).',
    });
  });

  // A pass CodeArts refused (false, a 4xx: not an approver) was sent again at every poll.
  it('a pass CodeArts refused is not sent again until the review shows a change', () => {
    const first = on(waiting, policy({ confirm: 'pass' }));
    const refused: TakenAction = {
      ...first.actions[0]!,
      at: '2026-01-01T00:00:00Z',
      outcome: 'error',
      detail: 'CodeArts answered false',
      transient: false,
    };
    const again = on(waiting, policy({ confirm: 'pass' }), memory(refused));
    expect(again.actions).toEqual([]);
    expect(again.verdict).toBeUndefined();
    expect(again.waitingFor).toBe(
      'pipeline run run-1 is paused at manual review “ManualReview” (Approve / review); passing it failed (CodeArts answered false): waiting for a person to pass it in CodeArts',
    );
    // the review entered again (after a retry of the run): passed again
    const reentered = run({
      stages: [stage(), approveStage(reviewJob('RUNNING', 'RUNNING', { startTime: 1_767_225_900_000 }))],
    });
    expect(on(reentered, policy({ confirm: 'pass' }), memory(refused)).actions).toEqual([
      expect.objectContaining({ kind: 'pass' }),
    ]);
  });

  it('a review waiting while another job still builds: the run is waiting, not paused, and the review is passed', () => {
    const busy = run({
      stages: [
        stage(),
        approveStage(reviewJob('RUNNING', 'RUNNING'), {
          jobs: [
            reviewJob('RUNNING', 'RUNNING'),
            job({ id: 'job-lint', name: 'lint', status: 'RUNNING', endTime: undefined }),
          ],
        }),
      ],
    });
    expect(toSnapshot(busy).phase).toBe('running');
    expect(on(busy, policy({ confirm: 'pass' })).actions[0]?.kind).toBe('pass');
    expect(on(busy).waitingFor).toMatch(/^pipeline run run-1 is waiting at manual review/);
  });
});
