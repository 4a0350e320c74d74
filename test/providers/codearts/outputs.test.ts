// The CodeArts gate's outputs from a finished run: every key, jobs counted, reviews with what became
// of each, build products as given.
import { describe, expect, it } from 'vitest';
import type { TakenAction } from '../../../src/core/types.js';
import { toSnapshot } from '../../../src/providers/codearts/mapping.js';
import { CODEARTS_OUTPUTS } from '../../../src/providers/codearts/outputs.js';
import { codeArtsPresentation } from '../../../src/providers/codearts/presentation.js';
import type { RunOutcome } from '../../../src/report/outcome.js';
import { emptyOutputs, outputsOf } from '../../../src/report/outputs.js';
import { approveStage, job, reviewJob, run, stage } from '../../support/codearts-runs.js';

const presentation = codeArtsPresentation(
  {
    projectId: 'p'.repeat(32),
    pipelineId: 'q'.repeat(32),
    endpoint: 'https://x',
    credentials: { kind: 'token', token: 't' },
    policy: {
      skipUnreachable: false,
      maxSkipped: { kind: 'any' },
      retryFailed: 0,
      confirm: 'pass',
      onFailure: 'leave',
    },
  },
  { runId: 'run-1', how: 'the newest run', runNumber: 7 },
  'https://devcloud.cn-north-4.huaweicloud.com/run-1',
);

function outcome(over: Partial<RunOutcome> = {}): RunOutcome {
  return {
    result: 'failure',
    reason: 'r',
    presentation,
    taken: [],
    logs: {},
    warnings: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    durationSeconds: 60,
    ...over,
  };
}

const passed: TakenAction = {
  kind: 'pass',
  target: 'review:job-review:step-review',
  reason: 'r',
  at: '2026-01-01T00:00:30.000Z',
  outcome: 'ok',
};

describe('CodeArts outputs', () => {
  it('jobs counted, the failed ones named, the review this gate passed, and the run', () => {
    const r = run({
      status: 'FAILED',
      runNumber: 7,
      stages: [
        stage({
          jobs: [
            job(),
            job({ id: 'j-test', name: 'unit tests', status: 'FAILED' }),
            job({ id: 'j-x', status: 'SKIPPED' }),
          ],
        }),
        approveStage(reviewJob('COMPLETED', 'COMPLETED', { endTime: 1 }), { status: 'COMPLETED' }),
      ],
    });
    const out = outputsOf(CODEARTS_OUTPUTS, outcome({ snapshot: toSnapshot(r), taken: [passed] }), '/r.json');
    expect(out).toMatchObject({
      result: 'failure',
      status: 'FAILED',
      'pipeline-run-id': 'run-1',
      'run-number': '7',
      'jobs-total': '4',
      'jobs-succeeded': '2',
      'jobs-failed': '1',
      'jobs-skipped': '1',
      'failed-jobs': '["unit tests"]',
      'run-url': 'https://devcloud.cn-north-4.huaweicloud.com/run-1',
      'report-path': '/r.json',
      'duration-seconds': '60',
    });
    expect(JSON.parse(out['reviews'] ?? '')).toEqual([
      { stage: 'Approve', job: 'review', step: 'ManualReview', decision: 'passed' },
    ]);
  });

  it('a review still waiting is pending; one ended without this gate is done', () => {
    const waiting = toSnapshot(run({ stages: [stage(), approveStage(reviewJob('RUNNING', 'RUNNING'))] }));
    expect(JSON.parse(outputsOf(CODEARTS_OUTPUTS, outcome({ snapshot: waiting }))['reviews'] ?? '')).toEqual([
      expect.objectContaining({ decision: 'pending' }),
    ]);
    const done = toSnapshot(
      run({
        stages: [
          stage(),
          approveStage(reviewJob('COMPLETED', 'COMPLETED', { endTime: 1 }), { status: 'COMPLETED' }),
        ],
      }),
    );
    expect(JSON.parse(outputsOf(CODEARTS_OUTPUTS, outcome({ snapshot: done }))['reviews'] ?? '')).toEqual([
      expect.objectContaining({ decision: 'done' }),
    ]);
  });

  // CodeArts answered the pass `{"success": true}`, but the review still waited when the watch
  // ended (the deadline): it was reported "passed by this gate".
  it('a review this gate passed that still waits at the end is pending, not passed', () => {
    const waiting = toSnapshot(run({ stages: [stage(), approveStage(reviewJob('RUNNING', 'RUNNING'))] }));
    const out = outputsOf(
      CODEARTS_OUTPUTS,
      outcome({ result: 'timed-out', snapshot: waiting, taken: [passed] }),
    );
    expect(JSON.parse(out['reviews'] ?? '')).toEqual([expect.objectContaining({ decision: 'pending' })]);
  });

  it('build products as {name, version, type, url}; the first URL is artifact-url', () => {
    const out = outputsOf(
      CODEARTS_OUTPUTS,
      outcome({
        artifacts: [{ name: 'a.jar', version: '1', type: 'jar', url: 'https://dl/a.jar' }],
        artifactUrl: 'https://dl/a.jar',
      }),
    );
    expect(JSON.parse(out['artifacts'] ?? '')).toEqual([
      { name: 'a.jar', version: '1', type: 'jar', url: 'https://dl/a.jar' },
    ]);
    expect(out['artifact-url']).toBe('https://dl/a.jar');
  });

  it('nothing read: every key, lists as [] and values empty', () => {
    const out = emptyOutputs(CODEARTS_OUTPUTS);
    expect(Object.keys(out)).toEqual(CODEARTS_OUTPUTS.map((s) => s.name));
    expect(
      Object.entries(out)
        .filter(([, v]) => v === '[]')
        .map(([k]) => k),
    ).toEqual(['failed-jobs', 'reviews', 'artifacts']);
  });

  it('the console link only when it is an https page of Huawei Cloud', async () => {
    const { consoleUrl } = await import('../../../src/providers/codearts/presentation.js');
    expect(consoleUrl('https://devcloud.cn-north-4.huaweicloud.com/x')).toBe(
      'https://devcloud.cn-north-4.huaweicloud.com/x',
    );
    expect(consoleUrl('https://evil.example/huaweicloud.com')).toBeUndefined();
    expect(consoleUrl('http://devcloud.huaweicloud.com/x')).toBeUndefined();
    expect(consoleUrl('javascript:alert(1)')).toBeUndefined();
    expect(consoleUrl(undefined)).toBeUndefined();
  });
});
