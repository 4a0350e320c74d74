// Gating the right deploy (issue 14), end to end: the bundled action against the simulator. start:
// true starts the run (once, whatever happens to the answer) and gates its deploy; new-run-only
// waits for the run Yunxiao starts next and gates that one.
import { describe, expect, it } from 'vitest';
import { everything } from '../../scripts/lib/runner.js';
import { count, gate, ORG } from './support.js';

const REPO = 'https://codeup.aliyun.com/acme/shop.git';
const KEY_ID = 'LTAI5tE2eStartKey';
const SECRET = 'e2eStartSecret0123456789abcdef';

/** CreatePipelineRun's params as the simulator received them (parsed from the JSON text). */
const sentParams = (g: Awaited<ReturnType<typeof gate>>): unknown[] =>
  g.sim.runs.started.map((r) => r.params ?? null);

describe('start: true', () => {
  it('starts the run on a branch, waits for it to reach its deploy job, and gates that deploy', async () => {
    const g = await gate(
      { newRun: { by: 'start' }, deployJobAppearsAfterReads: 3 },
      { start: 'true', branch: 'release/1.2' },
    );
    const { run, ops } = g;
    expect(run.code).toBe(0);
    expect(ops.slice(0, 3)).toEqual(['GetPipeline', 'ListPipelineRuns', 'CreatePipelineRun']);
    expect(count(ops, 'CreatePipelineRun')).toBe(1);
    expect(count(ops, 'ListPipelineJobs')).toBe(0);
    expect(count(ops, 'GetPipelineRun')).toBe(4);
    expect(sentParams(g)).toEqual([{ runningBranchs: { [REPO]: 'release/1.2' } }]);
    const create = g.sim.requests.find((r) => r.operation === 'CreatePipelineRun');
    expect(create?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(create?.body ?? '')).toEqual({
      params: JSON.stringify({ runningBranchs: { [REPO]: 'release/1.2' } }),
    });
    expect(run.outputs).toMatchObject({
      result: 'success',
      'pipeline-run-id': '88',
      'deploy-order-id': '44178813',
      'job-id': '5550002',
      'deploy-url': 'https://flow.aliyun.com/pipelines/1234567/builds/88',
    });
    expect(run.stdout).toContain(
      'Started pipeline run 88 of pipeline 1234567 on branch release/1.2: https://flow.aliyun.com/pipelines/1234567/builds/88',
    );
    expect(run.stdout).toContain('Pipeline run 88 has not reached its deploy job yet');
    expect(run.summary).toContain('| Started | by this gate, on branch release/1.2 |');
    expect(run.report?.['resolved']).toMatchObject({
      pipelineRunId: '88',
      started: 'by this gate, on branch release/1.2',
    });
  });

  it('on a tag, in the region edition, for a YAML pipeline whose sources are only in its YAML', async () => {
    const repos = ['https://codeup.aliyun.com/acme/shop.git', 'https://codeup.aliyun.com/acme/config.git'];
    const g = await gate(
      { newRun: { by: 'start' }, sourcesIn: 'yaml', repositories: repos },
      { start: 'true', tag: 'v1.2.0' },
      { edition: 'region' },
    );
    expect(g.run.code).toBe(0);
    expect(sentParams(g)).toEqual([{ runningTags: { [repos[0]!]: 'v1.2.0', [repos[1]!]: 'v1.2.0' } }]);
    expect(g.sim.requests.find((r) => r.operation === 'CreatePipelineRun')?.path).toBe(
      '/oapi/v1/flow/pipelines/1234567/runs',
    );
    expect(g.run.outputs['pipeline-run-id']).toBe('88');
  });

  it('with variables and a comment: envs and comment, and no value in the log, the summary or the outputs', async () => {
    const g = await gate(
      { newRun: { by: 'start' } },
      {
        start: 'true',
        variables: 'RELEASE_SHA=0123abc\nDB_PASSWORD=hunter2-e2e-value',
        comment: 'from GitHub run 4242',
      },
    );
    expect(g.run.code).toBe(0);
    expect(sentParams(g)).toEqual([
      { envs: { RELEASE_SHA: '0123abc', DB_PASSWORD: 'hunter2-e2e-value' }, comment: 'from GitHub run 4242' },
    ]);
    expect(count(g.ops, 'GetPipeline')).toBe(0); // no branch or tag: the sources are not needed
    expect(g.run.summary).toContain(
      '| Started | by this gate, with 2 variables (RELEASE\\_SHA, DB\\_PASSWORD) |',
    );
    expect(g.run.stdout).toContain(
      'Started pipeline run 88 of pipeline 1234567 with 2 variables (RELEASE_SHA, DB_PASSWORD)',
    );
    expect(everything(g.run)).not.toContain('hunter2-e2e-value');
  });

  it.each([
    ['a reset', { kind: 'lost' as const }],
    ['a gateway timeout page', { kind: 'lost' as const, status: 504 }],
  ])(
    'the answer lost (%s): no second run; it finds the run it started among newer ones',
    async (_w, fault) => {
      const g = await gate(
        { newRun: { by: 'start' }, otherRunAfterStart: true, runListOrder: 'oldest-first', olderRuns: 40 },
        { start: 'true', branch: 'main' },
        { faults: [{ operation: 'CreatePipelineRun', ...fault }] },
      );
      const { run, ops } = g;
      expect(run.code).toBe(0);
      expect(count(ops, 'CreatePipelineRun')).toBe(1);
      expect(g.sim.runs.started.map((r) => r.id)).toEqual(['88']);
      expect(count(ops, 'GetUserByToken')).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'success', 'pipeline-run-id': '88' });
      expect(run.stdout).toContain('CreatePipelineRun was sent once and its answer was lost');
      expect(run.stdout).toContain('Found run 88, created by this token after the request');
      expect(run.summary).toContain('(found after its answer was lost)');
    },
  );

  it('the answer lost, and the run names no creator: fails saying a run may have been started, with the link', async () => {
    const g = await gate(
      { newRun: { by: 'start' }, startedRunCreator: 'empty' },
      { start: 'true' },
      { faults: [{ operation: 'CreatePipelineRun', kind: 'lost' }] },
    );
    const { run, ops } = g;
    expect(run.code).toBe(1);
    expect(count(ops, 'CreatePipelineRun')).toBe(1);
    expect(g.sim.runs.started).toHaveLength(1);
    expect(count(ops, 'GetPipelineRun')).toBe(0);
    expect(run.outputs['result']).toBe('failure');
    expect(run.stdout).toMatch(/::error::.*A run may have been started, and the gate did not start another/);
    expect(run.stdout).toContain("1 run(s) were created after run 87, none of them named as this token's");
    expect(run.stdout).toContain('https://flow.aliyun.com/pipelines/1234567/current');
    expect(run.summary).toContain('no deploy order to watch');
  });

  it('a pipeline without a code source, on a branch: fails before anything is started', async () => {
    const g = await gate({ newRun: { by: 'start' }, sourcesIn: 'none' }, { start: 'true', branch: 'main' });
    expect(g.run.code).toBe(1);
    expect(g.ops).toEqual(['GetPipeline']);
    expect(g.run.stdout).toContain('branch: pipeline 1234567 has no code source with a repository');
  });

  it('the run never reaches its deploy job before the deadline: timed-out, and the run started is in the outputs', async () => {
    const g = await gate(
      { newRun: { by: 'start' }, deployJobAppearsAfterReads: 1_000_000 },
      { start: 'true', timeout: '2s' },
    );
    const { run } = g;
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      result: 'timed-out',
      'pipeline-run-id': '88',
      'deploy-url': 'https://flow.aliyun.com/pipelines/1234567/builds/88',
      'deploy-order-id': '',
    });
    expect(run.stdout).toContain(
      'pipeline run 88 had not reached its deploy job (run RUNNING) when the deadline (timeout 2s) was reached',
    );
    expect(run.summary).toContain('Run [`88`](https://flow.aliyun.com/pipelines/1234567/builds/88)');
    expect(count(g.ops, 'CreatePipelineRun')).toBe(1);
  });

  it('wait: false: starts the run, reports it (in-progress) and exits 0 without waiting for it', async () => {
    const g = await gate({ newRun: { by: 'start' } }, { start: 'true', wait: 'false' });
    const { run, ops } = g;
    expect(run.code).toBe(0);
    expect(ops).toEqual(['ListPipelineRuns', 'CreatePipelineRun']);
    expect(run.outputs).toMatchObject({
      result: 'in-progress',
      'pipeline-run-id': '88',
      'deploy-url': 'https://flow.aliyun.com/pipelines/1234567/builds/88',
      'deploy-order-id': '',
      'failed-machines': '[]',
    });
    expect(run.stdout).toContain(
      'Started pipeline run 88 of pipeline 1234567; not waiting for its deploy (wait: false)',
    );
    expect(run.stdout).not.toContain('::error::');
    expect(run.summary).toContain('in progress, no deploy order watched yet');
  });

  it('over the classic API: StartPipelineRun, signed, with a form body', async () => {
    const g = await gate(
      { newRun: { by: 'start' } },
      {
        token: '',
        edition: 'auto',
        'organization-id': ORG,
        'access-key-id': KEY_ID,
        'access-key-secret': SECRET,
        start: 'true',
        branch: 'main',
        variables: 'A=1',
      },
      { accessKeys: { [KEY_ID]: { secret: SECRET } } },
    );
    const { run, ops } = g;
    expect(run.code).toBe(0);
    expect(ops.slice(0, 3)).toEqual(['GetPipeline', 'ListPipelineRuns', 'StartPipelineRun']);
    const startCall = g.sim.requests.find((r) => r.operation === 'StartPipelineRun');
    expect(startCall?.path).toBe(`/organizations/${ORG}/pipelines/1234567/run`);
    expect(startCall?.status).toBe(200);
    expect(sentParams(g)).toEqual([{ runningBranchs: { [REPO]: 'main' }, envs: { A: '1' } }]);
    expect(run.outputs).toMatchObject({ result: 'success', 'pipeline-run-id': '88' });
    expect(everything(run)).not.toContain(SECRET);
  });

  it('over the classic API a lost answer cannot be recovered: it says so, and starts no other run', async () => {
    const g = await gate(
      { newRun: { by: 'start' } },
      {
        token: '',
        edition: 'auto',
        'organization-id': ORG,
        'access-key-id': KEY_ID,
        'access-key-secret': SECRET,
        start: 'true',
      },
      {
        accessKeys: { [KEY_ID]: { secret: SECRET } },
        faults: [{ operation: 'StartPipelineRun', kind: 'lost' }],
      },
    );
    expect(g.run.code).toBe(1);
    expect(count(g.ops, 'StartPipelineRun')).toBe(1);
    expect(g.run.stdout).toContain('the classic API cannot say which account the AccessKey is');
  });
});

describe('new-run-only: true', () => {
  it('records the newest run, waits for the next one that appears late, and gates its deploy', async () => {
    const g = await gate(
      { newRun: { by: 'push', afterListReads: 4 }, deployJobAppearsAfterReads: 2 },
      { 'new-run-only': 'true' },
    );
    const { run, ops } = g;
    expect(run.code).toBe(0);
    expect(count(ops, 'ListPipelineRuns')).toBe(5);
    expect(count(ops, 'CreatePipelineRun')).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'success',
      'pipeline-run-id': '88',
      'deploy-order-id': '44178813',
    });
    expect(run.stdout).toMatch(
      /new-run-only: waiting for a pipeline run newer than run 87 \(the newest when the gate began, at \d{4}-\d\d-\d\dT[\d:.]+Z runner time\)/,
    );
    expect(run.stdout).toContain('new-run-only: pipeline run 88 appeared; gating its deploy.');
    expect(run.summary).toMatch(
      /\| Waited for \| run 88, the first run newer than run 87 \(the newest when the gate began waiting, at \d{4}-[\d-]+T[\d:.]+Z\) \|/,
    );
  });

  it('no new run before the deadline: timed-out, and the reason says no new run appeared', async () => {
    const g = await gate(
      { newRun: { by: 'push', afterListReads: Infinity }, olderRuns: 3 },
      { 'new-run-only': 'true', timeout: '2s' },
    );
    const { run, ops } = g;
    expect(run.code).toBe(1);
    expect(run.outputs['result']).toBe('timed-out');
    expect(run.stdout).toMatch(
      /::error::.*Could not find the deploy order to watch: no new run appeared: a pipeline run newer than run 87 \(the newest when the gate began waiting at [^)]+\) did not appear before the deadline \(timeout 2s\) was reached\./,
    );
    expect(count(ops, 'GetPipelineRun')).toBe(0);
    expect(run.outputs['pipeline-run-id']).toBe('');
    expect(run.summary).toContain('no new run appeared');
  });
});
