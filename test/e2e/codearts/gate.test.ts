// The bundled CodeArts action (dist/codearts/index.js) run as the runner runs it, against the CodeArts
// simulator over real HTTP: every way of finding the run, reviews, retries, stops, cancels, errors in
// 200 bodies, throttling, bad inputs, each kind of credential, and no secret anywhere it writes.
import { describe, expect, it } from 'vitest';
import { job, stage, type Scenario } from '../../../sim/codearts/index.js';
import type { ActionRun } from '../../../scripts/lib/runner.js';
import {
  AK,
  codeArtsGate,
  count,
  IAM_TOKEN,
  SECRETS,
  SK,
  startRun,
  STS_AK,
  STS_SK,
  STS_TOKEN,
  waitForCalls,
} from './support.js';

const REVIEW: Partial<Scenario> = {
  stages: [
    stage('Build', [job('build', 'build', { artifacts: [{ name: 'app.jar', packageType: 'jar' }] })]),
    stage('Approve', [job('release review', 'review')]),
    stage('Deploy', [job('deploy', 'deploy')]),
  ],
};

const json = (s: string | undefined): unknown => JSON.parse(s ?? '');

/** Nothing the action wrote holds a secret: outputs, summary, report, the log. */
function expectNoSecret(run: ActionRun): void {
  // add-mask lines register secrets with the runner: the only place one may appear
  const log = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const written = [log, run.stderr, run.summary, JSON.stringify(run.outputs), run.reportText ?? ''].join(
    '\n',
  );
  for (const secret of SECRETS) expect(written).not.toContain(secret);
}

describe('finding the run', () => {
  it('the newest run by default: a success with every output', async () => {
    let id = '';
    const { run, ops } = await codeArtsGate({}, {}, {}, { beforeRun: (s) => void (id = startRun(s)) });
    expect(run.code).toBe(0);
    expect(ops.slice(0, 2)).toEqual(['ListPipelineRuns', 'ShowPipelineRunDetail']);
    expect(run.outputs).toMatchObject({
      result: 'success',
      status: 'COMPLETED',
      'pipeline-run-id': id,
      'jobs-total': '2',
      'jobs-succeeded': '2',
      'jobs-failed': '0',
      'jobs-skipped': '0',
      'failed-jobs': '[]',
      reviews: '[]',
    });
    expect(run.outputs['run-number']).toMatch(/^\d+$/);
    expect(json(run.outputs['artifacts'])).toEqual([
      {
        name: 'app.jar',
        version: expect.any(String),
        type: 'jar',
        url: expect.stringMatching(/^https:\/\/.*app\.jar$/),
      },
    ]);
    expect(run.outputs['artifact-url']).toMatch(/^https:\/\/.*app\.jar$/);
    expect(run.outputs['run-url']).toMatch(
      new RegExp(`^https://devcloud\\.cn-north-4\\.huaweicloud\\.com/.*/${id}`),
    );
    expect(run.report?.['jobs']).toHaveLength(2);
    expect(run.summary).toContain('| Build | Deploy |');
    expect(run.summary).toContain('### Build products');
    expectNoSecret(run);
  });

  it('the run given by pipeline-run-id, even when it is not the newest', async () => {
    let given = '';
    const { run, sim } = await codeArtsGate(
      {},
      {},
      {},
      {
        beforeRun: (s) => {
          given = startRun(s);
          startRun(s);
        },
        inputsFrom: () => ({ 'pipeline-run-id': given }),
      },
    );
    expect(run.outputs['pipeline-run-id']).toBe(given);
    expect(run.outputs['result']).toBe('success');
    const details = sim.requests.filter((r) => r.operation === 'ShowPipelineRunDetail');
    expect(details.every((r) => r.query['pipeline_run_id'] === given)).toBe(true);
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'ListPipelineRuns',
      ),
    ).toBe(0);
  });

  it('a run id the pipeline does not have: one clear failure with the service code', async () => {
    const { run } = await codeArtsGate({}, { 'pipeline-run-id': 'ffffffffffffffffffffffffffffffff' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/::error::Could not find the pipeline run to watch: .*DEVCP\.00012002/);
  });

  it('start: RunPipeline with the variables, stages, jobs and description, then the run it started', async () => {
    const { run, sim } = await codeArtsGate(
      {},
      {
        start: 'true',
        variables: 'ENV=prod\nVERSION=1.2.3 = final\n\n',
        'choose-stages': 'stage_build, stage_deploy',
        'choose-jobs': 'job_build',
        description: 'from the gate',
      },
    );
    expect(run.outputs['result']).toBe('success');
    const start = sim.requests.find((r) => r.operation === 'RunPipeline');
    expect(json(start?.body)).toEqual({
      variables: [
        { name: 'ENV', value: 'prod' },
        { name: 'VERSION', value: '1.2.3 = final' },
      ],
      choose_stages: ['stage_build', 'stage_deploy'],
      choose_jobs: ['job_build'],
      description: 'from the gate',
    });
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'RunPipeline',
      ),
    ).toBe(1);
    expect(run.outputs['pipeline-run-id']).toBe(sim.runs().at(-1)?.id);
    expect(run.summary).toContain('started by this gate');
  });

  it('start, queued by the concurrency limit: watched from the queue to its end', async () => {
    for (const queuedRunDetail of ['running', 'not-found'] as const) {
      const { run, sim } = await codeArtsGate(
        { queue: { ticks: 3 } },
        { start: 'true' },
        { variants: { queuedRunDetail }, clock: { mode: 'time', tickMs: 100 } },
      );
      expect(run.outputs['result'], queuedRunDetail).toBe('success');
      expect(run.stdout).toContain('was queued by the pipeline');
      expect(run.stdout).toContain('DEVPIPE.00011169');
      expect(
        count(
          sim.requests.map((r) => r.operation),
          'RunPipeline',
        ),
      ).toBe(1);
    }
  });

  it('commit: waits for the run of that commit to appear, then gates it, not an older one', async () => {
    const sha = 'feedfacecafebeef0123456789abcdef01234567';
    const { run, sim } = await codeArtsGate(
      {
        history: [{ status: 'COMPLETED', commitId: '1111111111111111111111111111111111111111' }],
        events: [{ kind: 'late-run', afterListCalls: 3, commitId: sha }],
      },
      { commit: sha },
    );
    expect(run.outputs['result']).toBe('success');
    const late = sim.runs().find((r) => r.commitId === sha);
    expect(run.outputs['pipeline-run-id']).toBe(late?.id);
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'ListPipelineRuns',
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toContain('No run of commit feedfacecafe yet; waiting');
  });
});

describe('manual reviews', () => {
  it.each([
    ['RUNNING everywhere', {}],
    [
      'the run PAUSED, the step an undocumented WAITING',
      { pending: { run: 'PAUSED', job: 'PAUSED', step: 'WAITING' } },
    ],
    ['times in seconds, errors nested', { timeUnit: 's', errorBody: 'nested' }],
  ] as const)(
    'pass (%s): the gate passes the review once, with the comment, and the run completes',
    async (_what, variants) => {
      const { run, sim } = await codeArtsGate(
        REVIEW,
        { start: 'true', 'manual-review': 'pass', 'review-comment': 'ship it' },
        { variants },
      );
      expect(run.outputs['result']).toBe('success');
      const passes = sim.requests.filter((r) => r.operation === 'AcceptManualReview');
      expect(passes).toHaveLength(1);
      expect(passes[0]?.query['approval_description']).toBe('ship it');
      expect(json(run.outputs['reviews'])).toEqual([
        { stage: 'Approve', job: 'release review', step: expect.any(String), decision: 'passed' },
      ]);
      expect(run.summary).toContain('passed by this gate');
    },
  );

  it('refuse: the gate refuses, fails with the reason, and stops nothing it need not', async () => {
    const { run, sim } = await codeArtsGate(REVIEW, { start: 'true', 'manual-review': 'refuse' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'RejectManualReview',
      ),
    ).toBe(1);
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'StopPipelineRun',
      ),
    ).toBe(0);
    expect(run.stdout).toMatch(
      /::error::.*refused by this gate at manual review .*\(manual-review: refuse\)/,
    );
    expect(json(run.outputs['reviews'])).toEqual([expect.objectContaining({ decision: 'refused' })]);
  });

  it('wait: held to the deadline, and the summary says who must act on which step', async () => {
    const { run, sim } = await codeArtsGate(REVIEW, { start: 'true', timeout: '2s' });
    expect(run.outputs['result']).toBe('timed-out');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'AcceptManualReview',
      ),
    ).toBe(0);
    expect(json(run.outputs['reviews'])).toEqual([
      expect.objectContaining({ job: 'release review', decision: 'pending' }),
    ]);
    expect(run.summary).toMatch(/at manual review .*release review.*\| ⏳ waiting for /);
    expect(run.stdout).toMatch(
      /::error::Pipeline run \w+ did not finish within 2s .*; at the end: .*at manual review “release review” .*waiting for a person .*to pass it in CodeArts/,
    );
  });

  it('a pass CodeArts refuses is sent once; the gate then waits for a person and says so', async () => {
    const { run, ops } = await codeArtsGate(
      REVIEW,
      { start: 'true', 'manual-review': 'pass', timeout: '2s' },
      { faults: [{ operation: 'AcceptManualReview', kind: '200-error', times: 100 }] },
    );
    expect(run.outputs['result']).toBe('timed-out');
    expect(count(ops, 'AcceptManualReview')).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Pipeline run \w+ did not finish within 2s .*; at the end: .*passing it failed \(.*DEVCP\.00014031.*\): waiting for a person to pass it in CodeArts/,
    );
  });

  it('a review a person refused: the run is not retried, and the gate fails saying so', async () => {
    const { run, ops } = await codeArtsGate(
      { ...REVIEW, events: [{ atTick: 1, kind: 'review', action: 'refuse' }] },
      { start: 'true', 'retry-failed': '1', timeout: '5s' },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'RetryPipelineRun')).toBe(0);
    expect(run.stdout).toMatch(
      /::error::Pipeline run \w+ ended FAILED \(FAILED at manual review .*a run is not retried past a review or check point not passed\)/,
    );
  });

  it('a check point passed by someone else is reported as done, not by the gate', async () => {
    const { run } = await codeArtsGate(
      {
        stages: [
          stage('Build', [job('build', 'build')]),
          stage('Deploy', [job('deploy', 'deploy')], { checkpoint: true }),
        ],
        events: [{ atTick: 4, kind: 'checkpoint', action: 'pass' }],
      },
      { start: 'true' },
    );
    expect(run.outputs['result']).toBe('success');
    expect(json(run.outputs['reviews'])).toEqual([
      { stage: 'Deploy', job: '', step: expect.any(String), decision: 'done' },
    ]);
  });
});

describe('failures, retries, stops', () => {
  const flaky = (failTimes: number): Partial<Scenario> => ({
    stages: [
      stage('Build', [job('build', 'build')]),
      stage('Deploy', [job('deploy', 'deploy', { failTimes, message: 'host 10.0.0.7 refused the package' })]),
    ],
  });

  it('a failed job retried into success', async () => {
    const { run, sim } = await codeArtsGate(flaky(1), { start: 'true', 'retry-failed': '2' });
    expect(run.outputs['result']).toBe('success');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'RetryPipelineRun',
      ),
    ).toBe(1);
  });

  it('retries exhausted: a failure naming the job, its message and the step log', async () => {
    const { run, sim } = await codeArtsGate(flaky(Infinity), { start: 'true', 'retry-failed': '1' });
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('failure');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'RetryPipelineRun',
      ),
    ).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Pipeline run \w+ ended FAILED after 1 retry: deploy \(Deploy\): .*refused the package/,
    );
    expect(json(run.outputs['failed-jobs'])).toEqual(['deploy']);
    expect(run.outputs['jobs-failed']).toBe('1');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'ShowPipelineLog',
      ),
    ).toBe(1);
    expect(run.summary).toContain('### Step logs of failed jobs');
    // the end of the log, oldest line first: the error is its last line
    expect(run.summary).toMatch(/\[ERROR\] deploy exited with code 1[^\n]*\n`{3,}\n/);
  });

  it('a retry CodeArts refuses is sent once, and the gate fails saying why', async () => {
    const { run, ops } = await codeArtsGate(
      flaky(Infinity),
      { start: 'true', 'retry-failed': '2' },
      { faults: [{ operation: 'RetryPipelineRun', kind: '200-error', times: 100 }] },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'RetryPipelineRun')).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Pipeline run \w+ ended FAILED \(retrying it failed: .*DEVCP\.00014031.*\): deploy \(Deploy\)/,
    );
  });

  it('on-failure: stop stops a run that is still going when the gate fails at its deadline', async () => {
    const { run, sim } = await codeArtsGate(
      { stages: [stage('Build', [job('build', 'build', { runTicks: Infinity })])] },
      { start: 'true', timeout: '1s', 'on-failure': 'stop' },
    );
    expect(run.outputs['result']).toBe('timed-out');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'StopPipelineRun',
      ),
    ).toBe(1);
    expect(sim.runs().at(-1)?.status).toBe('CANCELED');
  });

  it('a run cancelled in CodeArts is cancelled', async () => {
    const { run } = await codeArtsGate(
      {
        stages: [stage('Build', [job('build', 'build', { runTicks: Infinity })])],
        events: [{ atTick: 3, kind: 'cancel' }],
      },
      { start: 'true' },
    );
    expect(run.outputs['result']).toBe('cancelled');
  });
});

describe('cancelling the workflow', () => {
  const forever: Partial<Scenario> = {
    stages: [stage('Build', [job('build', 'build', { runTicks: Infinity })])],
  };
  for (const stopOnCancel of [true, false]) {
    it(`stop-on-cancel ${stopOnCancel}: the run is ${stopOnCancel ? 'stopped' : 'left running'}`, async () => {
      const { run, sim } = await codeArtsGate(
        forever,
        { start: 'true', 'stop-on-cancel': String(stopOnCancel) },
        {},
        {
          whileRunning: (child, s) =>
            void waitForCalls(s, 'ShowPipelineRunDetail', 3).then(() => child.kill('SIGINT')),
        },
      );
      expect(run.outputs['result']).toBe('cancelled');
      expect(
        count(
          sim.requests.map((r) => r.operation),
          'StopPipelineRun',
        ),
      ).toBe(stopOnCancel ? 1 : 0);
      expect(run.summary).toContain(stopOnCancel ? 'was **stopped**' : 'was **left running**');
    });
  }
});

describe('what the API gets wrong', () => {
  it('an error in an HTTP 200 body is an error: the code, the message and what to do', async () => {
    const { run } = await codeArtsGate(
      {},
      { start: 'true' },
      { faults: [{ operation: 'ShowPipelineRunDetail', kind: '200-error', after: 1 }] },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/::error::.*HTTP 200 DEVCP\.00014031.*Hint:/);
  });

  it.each([
    ['the gateway: APIG.0308 as HTTP 429, no Retry-After', '429-apig'],
    ['the service: COCT.0070003 as HTTP 500', '500-throttle'],
  ] as const)('throttling by %s is waited out', async (_what, kind) => {
    const { run, sim } = await codeArtsGate(
      {},
      { start: 'true' },
      { faults: [{ operation: 'ShowPipelineRunDetail', kind, after: 1, times: 2 }] },
    );
    expect(run.outputs['result']).toBe('success');
    expect(sim.requests.filter((r) => r.fault === kind)).toHaveLength(2);
  });
});

describe('inputs and credentials', () => {
  it('every bad input together, before any request', async () => {
    const { run, sim } = await codeArtsGate(
      {},
      {
        'project-id': 'not-a-project',
        'pipeline-id': '',
        'auth-token': IAM_TOKEN,
        'manual-review': 'approve',
        variables: 'NOT A VARIABLE',
      },
    );
    expect(run.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    for (const name of ['auth-token:', 'project-id:', 'pipeline-id:', 'variables:', 'manual-review:'])
      expect(error).toContain(name);
    expect(error).not.toContain(IAM_TOKEN);
    expectNoSecret(run);
  });

  it.each([
    ['AK/SK', { 'access-key': AK, 'secret-key': SK }, {}],
    [
      'AK/SK with an STS token',
      { 'access-key': STS_AK, 'secret-key': STS_SK, 'security-token': STS_TOKEN },
      {},
    ],
    ['an IAM token', { 'access-key': '', 'secret-key': '', 'auth-token': IAM_TOKEN }, {}],
    [
      'AK/SK and STS from the environment (huaweicloud/auth-action)',
      { 'access-key': '', 'secret-key': '' },
      {
        HUAWEI_CLOUD_ACCESS_KEY_ID: STS_AK,
        HUAWEI_CLOUD_SECRET_ACCESS_KEY: STS_SK,
        HUAWEI_CLOUD_SECURITY_TOKEN: STS_TOKEN,
      },
    ],
  ] as const)(
    '%s: accepted by the gateway, and no secret in anything written',
    async (_what, inputs, env) => {
      const { run, sim } = await codeArtsGate({}, { start: 'true', ...inputs }, {}, { env });
      expect(run.outputs['result']).toBe('success');
      expect(sim.requests.every((r) => r.status === 200)).toBe(true);
      expectNoSecret(run);
    },
  );

  it('wait: false reports the run as it is and exits 0', async () => {
    const { run, sim } = await codeArtsGate(REVIEW, { start: 'true', wait: 'false' });
    expect(run.code).toBe(0);
    expect(run.outputs['result']).toBe('in-progress');
    expect(
      count(
        sim.requests.map((r) => r.operation),
        'ShowPipelineRunDetail',
      ),
    ).toBeLessThanOrEqual(2);
  });
});
