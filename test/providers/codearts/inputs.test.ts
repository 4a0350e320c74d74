// The CodeArts gate's parseInputs: one test per rule of the contract, and many bad inputs at once.
import { describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  INPUT_NAMES,
  parseInputs,
  parseVariables,
  type CodeArtsConfig,
  type ParseResult,
} from '../../../src/providers/codearts/inputs.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const PIPELINE = 'e2bcbd561fbc4fd89577fb27c80b09a6';
const RUN = '9e91b1fd7ce74ab38e1c2d3e4f5a6b7c';
const SK = 'sk-SECRET-value-0987';
const STS = 'sts-SECRET-token-6543';
const TOKEN = 'MIIZ-iam-SECRET-token';
const base = {
  region: 'cn-north-4',
  'access-key': 'AKEXAMPLE',
  'secret-key': SK,
  'project-id': PROJECT,
  'pipeline-id': PIPELINE,
};

function parse(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): { r: ParseResult; masked: string[] } {
  const masked: string[] = [];
  const r = parseInputs(
    (n) => (inputs[n] ?? '').trim(),
    (s) => masked.push(s),
    env,
  );
  return { r, masked };
}
function configOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): CodeArtsConfig {
  const { r } = parse(inputs, env);
  if (!r.ok) throw new Error(`unexpected errors:\n${r.errors.join('\n')}`);
  return r.config;
}
function errorsOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  const { r } = parse(inputs, env);
  return r.ok ? [] : r.errors;
}

describe('parseInputs (CodeArts)', () => {
  it('applies the defaults of action.yml: the newest run, wait for reviews, logs on', () => {
    expect(configOf(base)).toEqual({
      credentials: { kind: 'aksk', accessKey: 'AKEXAMPLE', secretKey: SK },
      endpoint: 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      projectId: PROJECT,
      pipelineId: PIPELINE,
      target: { kind: 'newest' },
      wait: true,
      timeoutMs: 1_800_000,
      pollIntervalMs: 10_000,
      stopOnCancel: false,
      summary: true,
      githubToken: undefined,
      environment: undefined,
      policy: {
        skipUnreachable: false,
        maxSkipped: { kind: 'any' },
        retryFailed: 0,
        confirm: 'wait',
        onFailure: 'leave',
      },
      stepLogs: true,
    });
  });

  it('DEFAULTS names only inputs of the action', () => {
    for (const name of Object.keys(DEFAULTS)) expect(INPUT_NAMES).toContain(name);
  });

  it('the region from HUAWEI_CLOUD_REGION; endpoint wins over any region', () => {
    const { region: _r, ...noRegion } = base;
    expect(configOf(noRegion, { HUAWEI_CLOUD_REGION: 'ap-southeast-3' }).endpoint).toBe(
      'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com',
    );
    expect(configOf({ ...base, endpoint: 'http://127.0.0.1:8080/' }).endpoint).toBe('http://127.0.0.1:8080');
  });

  it('a region without a known endpoint, or no region and no endpoint, is an error that says what to do', () => {
    expect(errorsOf({ ...base, region: 'mars-1' })).toEqual([
      expect.stringMatching(
        /^region: "mars-1" has no known CodeArts Pipeline endpoint; use one of cn-north-1, .*, or set endpoint\.$/,
      ),
    ]);
    const { region: _r, ...noRegion } = base;
    expect(errorsOf(noRegion)).toEqual([expect.stringMatching(/^region: required unless endpoint is set/)]);
    expect(errorsOf({ ...base, endpoint: 'http://pipeline.example.com' })[0]).toMatch(
      /^endpoint: .*plain http/,
    );
  });

  it("a bad endpoint's error gives a CodeArts example, never another service's", () => {
    for (const endpoint of [
      'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com/v5',
      'pipeline',
      'ftp://x',
    ]) {
      const [error] = errorsOf({ ...base, endpoint });
      expect(error).toMatch(/^endpoint: .*https:\/\/cloudpipeline-ext\.cn-north-4\.myhuaweicloud\.com/);
      expect(error).not.toMatch(/aliyuncs|oapi/);
    }
  });

  it('credentials: AK/SK with STS, an IAM token, or the environment (inputs win), and every secret masked', () => {
    expect(configOf({ ...base, 'security-token': STS }).credentials).toEqual({
      kind: 'aksk',
      accessKey: 'AKEXAMPLE',
      secretKey: SK,
      securityToken: STS,
    });
    const { 'access-key': _a, 'secret-key': _s, ...noKeys } = base;
    expect(configOf({ ...noKeys, 'auth-token': TOKEN }).credentials).toEqual({ kind: 'token', token: TOKEN });
    const env = {
      HUAWEI_CLOUD_ACCESS_KEY_ID: 'AKENV',
      HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'skEnvSECRET',
      HUAWEI_CLOUD_SECURITY_TOKEN: 'stsEnvSECRET',
    };
    const { r, masked } = parse(noKeys, env);
    expect(r.ok && r.config.credentials).toEqual({
      kind: 'aksk',
      accessKey: 'AKENV',
      secretKey: 'skEnvSECRET',
      securityToken: 'stsEnvSECRET',
    });
    expect(masked).toEqual(expect.arrayContaining(['skEnvSECRET', 'stsEnvSECRET']));
    expect(configOf(base, env).credentials).toMatchObject({ accessKey: 'AKEXAMPLE', secretKey: SK });
    expect(parse({ ...base, 'auth-token': 'x', 'security-token': STS }).masked).toEqual(
      expect.arrayContaining([SK, STS, 'x']),
    );
  });

  it('exactly one kind of credential, each complete', () => {
    expect(errorsOf({ ...base, 'auth-token': TOKEN })).toEqual([
      'auth-token: give either auth-token (an IAM token) or access-key + secret-key, not both.',
    ]);
    expect(errorsOf({ ...base, 'secret-key': '' })).toEqual(['secret-key: required with access-key.']);
    const { 'access-key': _a, 'secret-key': _s, ...noKeys } = base;
    expect(errorsOf(noKeys)[0]).toMatch(
      /^access-key: required \(with secret-key\), unless auth-token is given or HUAWEI_CLOUD_ACCESS_KEY_ID/,
    );
    expect(errorsOf({ ...noKeys, 'auth-token': TOKEN, 'security-token': STS })).toEqual([
      'security-token: only used with access-key and secret-key (temporary AK/SK), not with auth-token.',
    ]);
  });

  it('ids are 32 letters and digits', () => {
    expect(errorsOf({ ...base, 'project-id': 'my-project', 'pipeline-id': '' })).toEqual([
      'project-id: "my-project" is not a CodeArts id; use the CodeArts project id (32 letters and digits, from the project URL).',
      'pipeline-id: required; use the pipeline id (32 letters and digits, from the pipeline URL).',
    ]);
    expect(errorsOf({ ...base, 'pipeline-run-id': `${RUN}/../x` })[0]).toMatch(
      /^pipeline-run-id: .* is not a CodeArts id/,
    );
  });

  it('what to watch: a run id, a start with what it sends, a commit, or the newest run', () => {
    expect(configOf({ ...base, 'pipeline-run-id': RUN }).target).toEqual({ kind: 'run', runId: RUN });
    expect(configOf({ ...base, commit: 'ABCDEF1234567' }).target).toEqual({
      kind: 'commit',
      sha: 'abcdef1234567',
    });
    expect(
      configOf({
        ...base,
        start: 'true',
        variables: 'A=1\nB=x=y',
        'choose-stages': 'stage_build, stage_build,stage_deploy',
        'choose-jobs': 'job_a',
        description: 'from CI',
      }).target,
    ).toEqual({
      kind: 'start',
      variables: [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x=y' },
      ],
      stages: ['stage_build', 'stage_deploy'],
      jobs: ['job_a'],
      description: 'from CI',
    });
  });

  it('start excludes pipeline-run-id and commit; what start sends needs start', () => {
    expect(errorsOf({ ...base, start: 'true', 'pipeline-run-id': RUN, commit: 'abcdef1' })).toEqual([
      'pipeline-run-id: cannot be used with start: true (the gate watches the run it starts).',
      'commit: cannot be used with start: true; commit picks the run to watch when neither is given.',
    ]);
    expect(errorsOf({ ...base, variables: 'A=1', 'choose-jobs': 'j', description: 'd' })).toEqual([
      'variables: only used with start: true (it is sent when the gate starts a run).',
      'choose-jobs: only used with start: true (it is sent when the gate starts a run).',
      'description: only used with start: true (it is sent when the gate starts a run).',
    ]);
    expect(errorsOf({ ...base, commit: 'not-a-sha' })[0]).toMatch(/^commit: "not-a-sha" is not a commit SHA/);
  });

  it('variables: NAME=value lines, each name once', () => {
    expect(parseVariables('\nA=\n\nB = spaced \n')).toEqual({
      ok: true,
      value: [
        { name: 'A', value: '' },
        { name: 'B', value: ' spaced ' },
      ],
    });
    expect(parseVariables('A=1\nA=2')).toMatchObject({ ok: false, problem: 'sets A twice' });
    expect(parseVariables('just text')).toMatchObject({
      ok: false,
      problem: 'has line 1 that is not NAME=value',
    });
    expect(parseVariables('1A=x')).toMatchObject({ ok: false });
    expect(parseVariables(`A=${'x'.repeat(8193)}`)).toMatchObject({ ok: false });
  });

  it('the policy: manual-review, review-comment, retry-failed, on-failure', () => {
    const c = configOf({
      ...base,
      'manual-review': 'refuse',
      'review-comment': 'not now',
      'retry-failed': '3',
      'on-failure': 'stop',
    });
    expect(c.policy).toMatchObject({ confirm: 'refuse', retryFailed: 3, onFailure: 'stop' });
    expect(c.reviewComment).toBe('not now');
    expect(errorsOf({ ...base, 'manual-review': 'Pass', 'retry-failed': '11' })).toEqual([
      'manual-review: "Pass" is not wait, pass or refuse; use wait, pass or refuse (lower case).',
      'retry-failed: "11" is more than 10; use a whole number from 0 to 10.',
    ]);
    expect(errorsOf({ ...base, 'review-comment': 'hi' })).toEqual([
      'review-comment: only sent with manual-review: pass or refuse; the gate does not act on reviews with wait.',
    ]);
    expect(errorsOf({ ...base, 'manual-review': 'pass', wait: 'false' })[0]).toMatch(
      /^manual-review: pass acts on a review/,
    );
  });

  it('many bad inputs: all reported, in action.yml order, no secret shown', () => {
    const errors = errorsOf({
      region: 'nowhere',
      'access-key': 'AK',
      'secret-key': 'bad\nSECRET',
      'project-id': 'x',
      'pipeline-id': 'y',
      timeout: 'forever',
      'manual-review': 'maybe',
    });
    const names = errors.map((e) => /^[a-z-]+/.exec(e)?.[0]);
    expect(names).toEqual(['region', 'secret-key', 'project-id', 'pipeline-id', 'timeout', 'manual-review']);
    expect(errors.join('\n')).not.toContain('SECRET');
  });
});
