// A CodeArts server that sends what it should not: the bundled action runs against the simulator
// with answers rewritten by a hostile hand (names, messages, approvers, logs, build products, links,
// the run a start names), and what it writes is read the way the runner and GitHub read it.
import { describe, expect, it } from 'vitest';
import { job, stage, type Reply, type Scenario } from '../../../sim/codearts/index.js';
import { readRunnerLog, type RunnerLog } from '../../support/runner-log.js';
import { codeArtsGate, count, startRun } from './support.js';

const HOSTILE = {
  stage: '::error::PWNED-STAGE',
  job: 'x##[error]PWNED-JOB <img src=x> [click](https://phish.example/a)',
  step: '::warning::PWNED-STEP',
  message: 'exit 1\r::error::PWNED-MSG \u202eevil <b>bold</b>',
  approvers: '::add-mask::failure',
  artifact: '[app](javascript:alert(1)) ::error::PWNED-ART',
};
const HOSTILE_LOG = [
  'deploy failed: exit 1', // newest first (sort: desc)
  '::stop-commands::pwn-log',
  '::error::PWNED-LOG1',
  'x ##[error]PWNED-LOG2',
  '\u001b]8;;https://evil.example\u0007click me\u001b]8;;\u0007 \u001b[31mred\u001b[0m',
  'right-to-left \u202eoverride',
].join('\n');

type Json = Record<string, unknown>;
const each = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Rewrites the JSON of one operation's successful answers. */
function rewriteJson(operation: string, change: (body: Json) => void): (op: string, r: Reply) => Reply {
  return (op, r) => {
    if (op !== operation || r.status !== 200) return r;
    const body = JSON.parse(r.body) as Json;
    change(body);
    return { ...r, body: JSON.stringify(body) };
  };
}

/** What the gate may say to the runner: nothing that came from the server as a command. */
function expectOnlyOwnCommands(log: RunnerLog): void {
  const own = new Set(['add-mask', 'warning', 'error', 'debug', 'group', 'endgroup', 'stop-commands']);
  for (const c of log.commands) {
    expect(own.has(c.name) || /^[0-9a-f]{32}$/.test(c.name), c.line).toBe(true);
    expect(c.data.startsWith('PWNED'), c.line).toBe(false);
  }
  for (const mask of log.commands.filter((c) => c.name === 'add-mask')) expect(mask.data).not.toBe('failure');
  expect(log.stoppedAtEnd).toBe(false);
}

const FAILING: Partial<Scenario> = {
  stages: [
    stage('Build', [job('build', 'build', { artifacts: [{ name: 'app.jar', packageType: 'jar' }] })]),
    stage('Deploy', [job('deploy', 'deploy', { failTimes: Infinity, message: 'refused' })]),
  ],
};

describe('server text never becomes a command, a link or markup', () => {
  it('names, messages, approvers, logs, build products and links of a failed run', async () => {
    const detail = rewriteJson('ShowPipelineRunDetail', (d) => {
      d['detail_url'] = 'https://evil.example/phish';
      for (const s of each(d['stages'])) {
        s['name'] = HOSTILE.stage;
        for (const j of each(s['jobs'])) {
          j['name'] = HOSTILE.job;
          if (j['status'] === 'FAILED') j['message'] = HOSTILE.message;
          for (const st of each(j['steps'])) {
            st['name'] = HOSTILE.step;
            st['inputs'] = [{ key: 'approvers', value: HOSTILE.approvers }];
          }
        }
      }
      for (const a of each(d['artifacts'])) a['name'] = HOSTILE.artifact;
    });
    const artifacts = rewriteJson('ShowPipelineArtifacts', (b) => {
      for (const a of each(b['artifacts'])) {
        a['name'] = HOSTILE.artifact;
        a['artifact_download_url_with_id'] = 'javascript:alert(1)';
      }
    });
    const logs = rewriteJson('ShowPipelineLog', (b) => (b['log'] = HOSTILE_LOG));
    const { run } = await codeArtsGate(
      FAILING,
      { start: 'true' },
      { rewrite: (op, r) => logs(op, artifacts(op, detail(op, r))) },
    );
    expect(run.outputs['result']).toBe('failure');
    expectOnlyOwnCommands(readRunnerLog(run.stdout));
    // the gate's own failure still comes through, with the server's words in it as text
    expect(run.stdout).toMatch(/::error::Pipeline run \w+ ended FAILED: .*PWNED-JOB/);
    expect(run.stdout).toContain('PWNED-LOG1');
    for (const text of [run.stdout, run.summary]) expect(text).not.toMatch(/[\u001b\u202e]/);
    // What GitHub renders: code spans and the content of an HTML block (<summary>) are literal text.
    const rendered = run.summary.replace(/(`+).*?\1/g, '').replace(/<summary>.*?<\/summary>/g, '');
    // (an escaped `\]` is no link)
    expect(rendered).not.toMatch(
      /<(?!\/?(details|summary)>)|(?<!\\)\]\((javascript|https:\/\/phish|https:\/\/evil)/,
    );
    expect(rendered).toContain('&lt;img src=x&gt;');
    expect(run.summary).toMatch(/<summary>Step log of .*&lt;img src=x&gt;/);
    // a link only to a page of Huawei Cloud, a download only from an http(s) URL
    expect(run.outputs['run-url']).toBe('');
    expect(run.outputs['artifact-url']).toBe('');
    expect(JSON.parse(run.outputs['failed-jobs'] ?? '')).toEqual([HOSTILE.job]);
  });
});

describe('the run a start names', () => {
  // RunPipeline answering an older run's id (plainly, or as a queued start): the gate watched that
  // run, an earlier success, and gave its verdict as the run it started.
  it.each([
    ['plainly', (id: string) => ({ pipeline_run_id: id })],
    [
      'as a queued start',
      (id: string) => ({
        error_code: 'DEVPIPE.00011169',
        error_msg: 'queued',
        error: { pipeline_run_id: id, queue_id: '1' },
      }),
    ],
  ])('an older run named %s is not watched as the gate’s', async (_how, answer) => {
    let older = '';
    const { run, ops } = await codeArtsGate(
      { history: [{ status: 'COMPLETED' }] },
      { start: 'true' },
      {
        rewrite: (op, r) =>
          op === 'RunPipeline' && r.status === 200 ? { ...r, body: JSON.stringify(answer(older)) } : r,
      },
      { beforeRun: (s) => void (older = s.runs()[0]!.id) },
    );
    expect(run.outputs['result']).toBe('failure');
    expect(count(ops, 'RunPipeline')).toBe(1);
    expect(run.stdout).toContain(
      `::error::Could not find the pipeline run to watch: RunPipeline answered run ${older} (#1), which is not newer than run #1`,
    );
  });
});

describe('the run of a commit', () => {
  // Two runs of the commit, the newer one failing, in a list that is not sorted as asked (oldest
  // first): the gate took the first row of the commit, the older run's success, for the push's.
  it('the newest run of the commit by run number, whatever the order of the list', async () => {
    const sha = 'feedfacecafebeef0123456789abcdef01234567';
    let newer = '';
    const { run } = await codeArtsGate(
      {
        stages: [stage('Deploy', [job('deploy', 'deploy', { failTimes: Infinity })])],
        history: [{ status: 'COMPLETED', commitId: sha }],
      },
      { commit: sha },
      {
        rewrite: rewriteJson('ListPipelineRuns', (b) => {
          b['pipeline_runs'] = each(b['pipeline_runs']).reverse();
        }),
      },
      { beforeRun: (s) => void (newer = startRun(s, { commitId: sha })) },
    );
    expect(run.outputs['pipeline-run-id']).toBe(newer);
    expect(run.outputs['result']).toBe('failure');
  });
});
