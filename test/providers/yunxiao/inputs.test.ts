// The Yunxiao gate's parseInputs: one test per rule of the contract, and one with many bad inputs at once.
import { describe, expect, it } from 'vitest';
import {
  CLASSIC_ENDPOINT,
  INPUT_NAMES,
  OPENAPI_ENDPOINT,
  parseInputs,
  type ParseResult,
  type YunxiaoConfig as Config,
} from '../../../src/providers/yunxiao/inputs.js';

const TOKEN = 'pt-0123456789abcdefSECRET';
const KEY_SECRET = 'key-secret-VALUE-42';
const STS = 'sts-token-VALUE-43';
const GH = 'ghs_githubTOKENvalue';
const base = { token: TOKEN, 'organization-id': 'org1', 'pipeline-id': '123' };
const keys = {
  'access-key-id': 'LTAI5tExample',
  'access-key-secret': KEY_SECRET,
  'organization-id': 'org1',
  'pipeline-id': '123',
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

function configOf(inputs: Record<string, string>): Config {
  const { r } = parse(inputs);
  if (!r.ok) throw new Error(`unexpected errors:\n${r.errors.join('\n')}`);
  return r.config;
}

function errorsOf(inputs: Record<string, string>): string[] {
  const { r } = parse(inputs);
  return r.ok ? [] : r.errors;
}

/** The errors about one input (each error starts with the input's name). */
const about = (errors: string[], name: string): string[] => errors.filter((e) => e.startsWith(`${name}:`));

describe('parseInputs: credentials from the environment', () => {
  const ENV = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.envKeyId',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-0123456789',
    ALIBABA_CLOUD_SECURITY_TOKEN: 'CAIS-env-sts-token-0123',
  };
  const noCreds = { 'organization-id': 'org1', 'pipeline-id': '123' };

  it('with no token and no key inputs, the standard Alibaba Cloud variables, masked at once', () => {
    const { r, masked } = parse(noCreds, ENV);
    expect(r.ok && r.config.credentials).toEqual({
      kind: 'access-key',
      accessKeyId: 'STS.envKeyId',
      accessKeySecret: 'env-secret-0123456789',
      securityToken: 'CAIS-env-sts-token-0123',
    });
    expect(r.ok && r.config.endpoint).toBe(CLASSIC_ENDPOINT);
    expect(masked).toEqual(
      expect.arrayContaining([
        ENV.ALIBABA_CLOUD_ACCESS_KEY_ID,
        ENV.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
        ENV.ALIBABA_CLOUD_SECURITY_TOKEN,
      ]),
    );
  });

  it('inputs win over the environment', () => {
    expect(configOf({ ...base }).credentials).toEqual({ kind: 'token', token: TOKEN });
    const { r } = parse({ ...keys }, ENV);
    expect(r.ok && r.config.credentials).toEqual({
      kind: 'access-key',
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: KEY_SECRET,
    });
    const tokenWins = parse({ ...base }, ENV).r;
    expect(tokenWins.ok && tokenWins.config.credentials).toEqual({ kind: 'token', token: TOKEN });
    const sts = parse({ ...noCreds, 'security-token': 'from-input' }, ENV).r;
    expect(sts.ok && sts.config.credentials).toMatchObject({ securityToken: 'from-input' });
  });

  it('nothing anywhere: one error naming the inputs and the variables', () => {
    expect(errorsOf(noCreds)).toEqual([
      'token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given, or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are set (as aliyun/configure-aliyun-credentials-action does).',
    ]);
    expect(
      about(parse(noCreds, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'x' }).r.ok ? [] : ['token:'], 'token'),
    ).toHaveLength(1);
  });
});

describe('parseInputs', () => {
  it.each([
    ['token', `${TOKEN}\u0007`],
    ['token', `${TOKEN}\nsecond-line`],
    ['token', 'pt-令牌'],
    ['github-token', 'ghs_\u0000abc'],
  ])(
    '%s with a control character or a non-Latin-1 character is a bad input, its value hidden',
    (name, value) => {
      const errors = errorsOf({ ...base, [name]: value });
      expect(about(errors, name)).toEqual([
        `${name}: (value hidden) has a control character or a character outside Latin-1, which no HTTP header can carry; use the value exactly as issued.`,
      ]);
    },
  );

  it('an access key id with a control character is shown escaped', () => {
    const errors = errorsOf({ ...base, token: '', 'access-key-id': 'AK\u0001', 'access-key-secret': 's' });
    expect(about(errors, 'access-key-id')[0]).toContain('"AK\\u0001"');
  });

  it('reads only the inputs it declares', () => {
    const asked = new Set<string>();
    parseInputs(
      (n) => {
        asked.add(n);
        return '';
      },
      () => {},
    );
    expect([...asked].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('applies the defaults of action.yml to unset inputs', () => {
    expect(configOf(base)).toEqual({
      credentials: { kind: 'token', token: TOKEN },
      endpoint: OPENAPI_ENDPOINT,
      edition: 'central',
      organizationId: 'org1',
      pipelineId: '123',
      deployOrderId: undefined,
      pipelineRunId: undefined,
      job: undefined,
      newRunOnly: false,
      wait: true,
      timeoutMs: 1_800_000,
      pollIntervalMs: 10_000,
      policy: {
        skipUnreachable: false,
        maxSkipped: { kind: 'share', percent: 10 },
        retryFailed: 0,
        confirm: 'wait',
        onFailure: 'leave',
      },
      stopOnCancel: false,
      machineLogs: true,
      summary: true,
      emas: undefined,
      githubToken: undefined,
      environment: undefined,
    });
  });

  it('reads every input when all are set', () => {
    const c = configOf({
      ...base,
      endpoint: 'https://acme.devops.aliyuncs.com/',
      edition: 'region',
      'deploy-order-id': '44178813',
      'pipeline-run-id': '9007199254740993',
      job: 'Deploy to prod',
      wait: 'False',
      timeout: '1h30m',
      'poll-interval': '200ms',
      'skip-unreachable': 'TRUE',
      'max-skipped': '2',
      'retry-failed': '3',
      resume: 'auto',
      'on-failure': 'stop',
      'stop-on-cancel': 'true',
      'machine-logs': 'false',
      summary: 'false',
      'emas-job-instance-id': '90817',
      'emas-md5': 'd41d8cd98f00b204e9800998ecf8427e',
      'service-connection-id': '3011',
      'github-token': GH,
      environment: 'production',
    });
    expect(c).toEqual({
      credentials: { kind: 'token', token: TOKEN },
      endpoint: 'https://acme.devops.aliyuncs.com',
      edition: 'region',
      organizationId: 'org1',
      pipelineId: '123',
      deployOrderId: '44178813',
      pipelineRunId: '9007199254740993',
      job: 'Deploy to prod',
      newRunOnly: false,
      wait: false,
      timeoutMs: 5_400_000,
      pollIntervalMs: 200,
      policy: {
        skipUnreachable: true,
        maxSkipped: { kind: 'count', count: 2 },
        retryFailed: 3,
        confirm: 'pass',
        onFailure: 'stop',
      },
      stopOnCancel: true,
      machineLogs: false,
      summary: false,
      emas: {
        emasJobInstanceId: '90817',
        md5: 'd41d8cd98f00b204e9800998ecf8427e',
        serviceConnectionId: '3011',
      },
      githubToken: GH,
      environment: 'production',
    });
  });

  it('masks every secret before reading any other input', () => {
    const events: string[] = [];
    const inputs: Record<string, string> = {
      ...keys,
      'security-token': STS,
      'github-token': GH,
      timeout: 'soon',
    };
    parseInputs(
      (n) => {
        events.push(`get ${n}`);
        return inputs[n] ?? '';
      },
      (s) => events.push(`mask ${s}`),
    );
    const firstOther = events.findIndex(
      (e) =>
        e.startsWith('get ') &&
        !['token', 'access-key-secret', 'security-token', 'github-token'].includes(e.slice(4)),
    );
    for (const secret of [KEY_SECRET, STS, GH]) {
      const at = events.indexOf(`mask ${secret}`);
      expect(at, secret).toBeGreaterThanOrEqual(0);
      expect(at, secret).toBeLessThan(firstOther);
    }
  });

  it('masks the token, the key secret, the STS token and the GitHub token, not the key id', () => {
    expect(parse({ ...base, 'github-token': GH }).masked).toEqual([TOKEN, GH]);
    expect(parse({ ...keys, 'security-token': STS }).masked).toEqual([KEY_SECRET, STS]);
    expect(parse({ ...keys }).masked).not.toContain('LTAI5tExample');
  });

  it('masks each line of a multi-line secret as well', () => {
    const { masked } = parse({ ...base, token: 'line-one\nline-two' });
    expect(masked).toEqual(['line-one\nline-two', 'line-one', 'line-two']);
  });

  it('never shows a secret in an error, even a rejected one', () => {
    const errors = [
      ...errorsOf({ ...base, 'access-key-secret': KEY_SECRET, 'security-token': STS }),
      ...errorsOf({ 'access-key-secret': KEY_SECRET, 'security-token': STS, 'pipeline-id': '1' }),
      ...errorsOf({ token: TOKEN, 'security-token': STS, 'pipeline-id': 'x', 'github-token': GH }),
    ];
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const secret of [TOKEN, KEY_SECRET, STS, GH]) expect(errors.join('\n')).not.toContain(secret);
  });

  it('hides a password written into the endpoint', () => {
    const [e] = errorsOf({ ...base, endpoint: 'https://me:hunter2@yunxiao.example.com' });
    expect(e).toMatch(/^endpoint: "https:\/\/\*\*\*@yunxiao\.example\.com"/);
    expect(e).not.toContain('hunter2');
  });

  it('shows a bad value quoted, escaped and cut short', () => {
    const [e] = errorsOf({ ...base, job: 'x', timeout: `${'9'.repeat(200)}x\n::stop-commands::` });
    expect(e).toMatch(/^timeout: "9{80}\.\.\." is not a duration/);
    const [nl] = errorsOf({ ...base, resume: 'a\nb' });
    expect(nl).toContain('"a\\nb"');
  });

  it('words a bad duration as the contract shows', () => {
    expect(errorsOf({ ...base, timeout: '10 minutes' })).toEqual([
      'timeout: "10 minutes" is not a duration; use 500ms, 45s, 10m, 1h30m or a number of seconds.',
    ]);
  });

  describe('credentials: exactly one of token or the key pair', () => {
    it('wants one', () => {
      expect(errorsOf({ 'pipeline-id': '1', 'organization-id': 'o' })).toEqual([
        expect.stringMatching(/^token: required/),
      ]);
    });
    it('refuses both', () => {
      expect(about(errorsOf({ ...keys, token: TOKEN }), 'token')).toEqual([
        expect.stringMatching(/not both/),
      ]);
      expect(errorsOf({ ...base, 'access-key-id': 'LTAI' })).toEqual([
        expect.stringMatching(/^token: .*not both/),
      ]);
    });
    it('refuses half a key pair, naming the missing half', () => {
      expect(errorsOf({ ...keys, 'access-key-secret': '' })).toEqual([
        'access-key-secret: required with access-key-id.',
      ]);
      expect(errorsOf({ ...keys, 'access-key-id': '' })).toEqual([
        'access-key-id: required with access-key-secret.',
      ]);
    });
    it('refuses a security token without the key pair', () => {
      expect(about(errorsOf({ ...base, 'security-token': STS }), 'security-token')).toHaveLength(1);
      expect(about(errorsOf({ 'security-token': STS, 'pipeline-id': '1' }), 'security-token')).toHaveLength(
        1,
      );
    });
    it('takes the key pair, with or without a security token', () => {
      expect(configOf(keys).credentials).toEqual({
        kind: 'access-key',
        accessKeyId: 'LTAI5tExample',
        accessKeySecret: KEY_SECRET,
      });
      expect(configOf({ ...keys, 'security-token': STS }).credentials).toEqual({
        kind: 'access-key',
        accessKeyId: 'LTAI5tExample',
        accessKeySecret: KEY_SECRET,
        securityToken: STS,
      });
    });
  });

  describe('endpoint', () => {
    it('defaults by credentials', () => {
      expect(configOf(base).endpoint).toBe(OPENAPI_ENDPOINT);
      expect(configOf(keys).endpoint).toBe(CLASSIC_ENDPOINT);
      expect(OPENAPI_ENDPOINT).toBe('https://openapi-rdc.aliyuncs.com');
      expect(CLASSIC_ENDPOINT).toBe('https://devops.cn-hangzhou.aliyuncs.com');
    });
    it('refuses plain http to anything but loopback, naming the value and what is accepted', () => {
      const errors = errorsOf({ ...base, endpoint: 'http://devops.example.com' });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^endpoint: "http:\/\/devops\.example\.com" .*; use https:\/\/.*loopback/);
      expect(errorsOf({ ...keys, endpoint: 'http://10.1.2.3:8080' })).toEqual([
        expect.stringMatching(/^endpoint:/),
      ]);
    });
    it('takes http for loopback and strips the trailing slash', () => {
      expect(configOf({ ...base, endpoint: 'http://127.0.0.1:8080/' }).endpoint).toBe(
        'http://127.0.0.1:8080',
      );
      expect(configOf({ ...base, endpoint: 'http://[::1]:9/' }).endpoint).toBe('http://[::1]:9');
      expect(configOf({ ...base, endpoint: 'http://localhost:9' }).endpoint).toBe('http://localhost:9');
    });
    it('refuses a path, such as the API prefix pasted from the docs', () => {
      expect(errorsOf({ ...base, endpoint: 'https://openapi-rdc.aliyuncs.com/oapi/v1/flow' })).toEqual([
        expect.stringMatching(/^endpoint: ".*" has a path; use the base URL only/),
      ]);
    });
  });

  describe('edition', () => {
    it('auto: central on openapi-rdc.aliyuncs.com, region elsewhere', () => {
      expect(configOf(base).edition).toBe('central');
      expect(configOf({ ...base, endpoint: 'https://OPENAPI-RDC.aliyuncs.com' }).edition).toBe('central');
      expect(configOf({ ...base, endpoint: 'https://acme.devops.aliyuncs.com' }).edition).toBe('region');
      expect(configOf({ ...base, endpoint: 'http://127.0.0.1:1' }).edition).toBe('region');
    });
    it('explicit values win', () => {
      expect(configOf({ ...base, endpoint: 'http://127.0.0.1:1', edition: 'central' }).edition).toBe(
        'central',
      );
      expect(configOf({ ...base, edition: 'region' }).edition).toBe('region');
    });
    it('is exact', () => {
      expect(errorsOf({ ...base, edition: 'Region' })).toEqual([
        'edition: "Region" is not central, region or auto; use central, region or auto (lower case).',
      ]);
    });
  });

  describe('organization-id', () => {
    it('is required for the central edition with a token', () => {
      expect(errorsOf({ token: TOKEN, 'pipeline-id': '1' })).toEqual([
        expect.stringMatching(/^organization-id: required for the central edition/),
      ]);
    });
    it('is required with the key pair, whatever the edition', () => {
      expect(errorsOf({ ...keys, 'organization-id': '', edition: 'region' })).toEqual([
        expect.stringMatching(/^organization-id: required with access-key-id/),
      ]);
    });
    it('is not asked for when a bad endpoint leaves the edition unknown', () => {
      expect(errorsOf({ token: TOKEN, 'pipeline-id': '1', endpoint: 'http://acme.example.com' })).toEqual([
        expect.stringMatching(/^endpoint:/),
      ]);
      expect(
        errorsOf({
          token: TOKEN,
          'pipeline-id': '1',
          endpoint: 'http://acme.example.com',
          edition: 'central',
        }),
      ).toEqual([expect.stringMatching(/^endpoint:/), expect.stringMatching(/^organization-id: required/)]);
    });
    it('is optional for the region edition', () => {
      const c = configOf({ token: TOKEN, 'pipeline-id': '1', endpoint: 'https://acme.devops.aliyuncs.com' });
      expect(c.organizationId).toBeUndefined();
    });
    it('must be safe in a URL path', () => {
      expect(errorsOf({ ...base, 'organization-id': 'org/../x' })).toEqual([
        expect.stringMatching(/^organization-id: "org\/\.\.\/x" is not an organization id; use letters/),
      ]);
    });
  });

  describe('ids', () => {
    it('requires pipeline-id', () => {
      expect(errorsOf({ ...base, 'pipeline-id': '' })).toEqual([
        expect.stringMatching(/^pipeline-id: required/),
      ]);
    });
    it('keeps ids as exact decimal strings', () => {
      const c = configOf({
        ...base,
        'pipeline-id': '9007199254740993',
        'deploy-order-id': '18446744073709551615',
        'pipeline-run-id': '9007199254740995',
      });
      expect([c.pipelineId, c.deployOrderId, c.pipelineRunId]).toEqual([
        '9007199254740993',
        '18446744073709551615',
        '9007199254740995',
      ]);
    });
    it.each(['pipeline-id', 'deploy-order-id', 'pipeline-run-id'])('refuses a non-numeric %s', (name) => {
      expect(errorsOf({ ...base, [name]: '12ab' })).toEqual([
        `${name}: "12ab" is not a numeric id; use decimal digits only, as in the Yunxiao URL.`,
      ]);
    });
  });

  describe('durations', () => {
    it('takes every documented form', () => {
      expect(configOf({ ...base, timeout: '45' }).timeoutMs).toBe(45_000);
      expect(configOf({ ...base, timeout: '2.5' }).timeoutMs).toBe(2500);
      expect(configOf({ ...base, timeout: '1h30m' }).timeoutMs).toBe(5_400_000);
      expect(configOf({ ...base, 'poll-interval': '500ms' }).pollIntervalMs).toBe(500);
    });
    it('refuses zero and negative values', () => {
      expect(errorsOf({ ...base, timeout: '0' })).toEqual([
        expect.stringMatching(/^timeout: "0" is zero; use/),
      ]);
      expect(errorsOf({ ...base, timeout: '-5s' })).toEqual([
        expect.stringMatching(/^timeout: "-5s" is not a duration/),
      ]);
    });
    it('refuses a poll interval under 100ms, saying why', () => {
      expect(configOf({ ...base, 'poll-interval': '100ms' }).pollIntervalMs).toBe(100);
      expect(errorsOf({ ...base, 'poll-interval': '99ms' })).toEqual([
        'poll-interval: "99ms" is shorter than 100ms; use at least 100ms (polling faster only loads the API).',
      ]);
    });
    it('refuses durations a timer cannot hold', () => {
      expect(errorsOf({ ...base, timeout: '1000h', 'poll-interval': '99999999' })).toEqual([
        expect.stringMatching(/^timeout: "1000h" is longer than 596h/),
        expect.stringMatching(/^poll-interval: "99999999" is longer than 596h/),
      ]);
    });
  });

  it.each(['wait', 'skip-unreachable', 'stop-on-cancel', 'machine-logs', 'summary'])(
    'reads the boolean %s strictly',
    (name) => {
      expect(errorsOf({ ...base, [name]: 'yes' })).toEqual([
        `${name}: "yes" is not a boolean; use true or false.`,
      ]);
      expect(errorsOf({ ...base, [name]: 'FALSE' })).toEqual([]);
    },
  );

  it('reads resume and on-failure exactly', () => {
    expect(errorsOf({ ...base, resume: 'Auto', 'on-failure': 'kill' })).toEqual([
      'resume: "Auto" is not never or auto; use never or auto (lower case).',
      'on-failure: "kill" is not leave or stop; use leave or stop (lower case).',
    ]);
  });

  it('caps retry-failed at 10', () => {
    expect(configOf({ ...base, 'retry-failed': '10' }).policy.retryFailed).toBe(10);
    expect(errorsOf({ ...base, 'retry-failed': '11' })).toEqual([
      'retry-failed: "11" is more than 10; use a whole number from 0 to 10.',
    ]);
    expect(errorsOf({ ...base, 'retry-failed': '-1' })).toEqual([
      expect.stringMatching(/^retry-failed: "-1" is not a whole number/),
    ]);
  });

  it('reads max-skipped as a count or a share', () => {
    expect(configOf({ ...base, 'max-skipped': '0' }).policy.maxSkipped).toEqual({ kind: 'count', count: 0 });
    expect(configOf({ ...base, 'max-skipped': '12.5%' }).policy.maxSkipped).toEqual({
      kind: 'share',
      percent: 12.5,
    });
    expect(errorsOf({ ...base, 'max-skipped': '150%' })).toEqual([
      expect.stringMatching(
        /^max-skipped: "150%" is more than 100%; use a count of machines \(2\) or a share/,
      ),
    ]);
  });

  describe('EMAS inputs: all three or none', () => {
    it('names the missing ones', () => {
      expect(errorsOf({ ...base, 'emas-md5': 'abc' })).toEqual([
        expect.stringMatching(/^emas-job-instance-id, service-connection-id: required with emas-md5/),
      ]);
      expect(errorsOf({ ...base, 'emas-md5': 'abc', 'emas-job-instance-id': '1' })).toEqual([
        expect.stringMatching(/^service-connection-id: required with emas-job-instance-id, emas-md5/),
      ]);
    });
    it('refuses a value that is not one path segment', () => {
      expect(
        errorsOf({ ...base, 'emas-job-instance-id': '1', 'emas-md5': '../x', 'service-connection-id': '3' }),
      ).toEqual([expect.stringMatching(/^emas-md5: "\.\.\/x" is not accepted; use letters/)]);
    });
  });

  it('lists every bad input together, each once, with its value and what is accepted', () => {
    const bad: Record<string, string> = {
      endpoint: 'http://devops.example.com',
      edition: 'cloud',
      'organization-id': 'a b',
      'pipeline-id': '12ab',
      'deploy-order-id': 'order-1',
      'pipeline-run-id': '1.5',
      wait: 'yes',
      timeout: '10 minutes',
      'poll-interval': '10ms',
      'skip-unreachable': 'on',
      'max-skipped': 'many',
      'retry-failed': '50',
      resume: 'Auto',
      'on-failure': 'kill',
      'stop-on-cancel': '1',
      'machine-logs': 'y',
      summary: 'nope',
      'emas-job-instance-id': 'a/b',
      'emas-md5': 'x y',
      'service-connection-id': 'a?b',
    };
    const errors = errorsOf({ ...base, ...bad });
    expect(errors).toHaveLength(Object.keys(bad).length);
    for (const [name, value] of Object.entries(bad)) {
      const mine = about(errors, name);
      expect(mine, name).toHaveLength(1);
      expect(mine[0], name).toContain(`${name}: ${JSON.stringify(value)} `);
      expect(mine[0], name).toMatch(/; use .+\.$/);
    }
  });

  it('lists problems of credentials and values together, in the order of action.yml', () => {
    const errors = errorsOf({ 'access-key-id': 'LTAI', 'pipeline-id': 'x', timeout: 'soon', wait: 'maybe' });
    expect(errors.map((e) => e.slice(0, e.indexOf(':')))).toEqual([
      'access-key-secret',
      'pipeline-id',
      'wait',
      'timeout',
    ]);
  });
});

describe('parseInputs: start and new-run-only', () => {
  it('start: true with a branch, variables and a comment', () => {
    const c = configOf({
      ...base,
      start: 'true',
      branch: 'release/1.2',
      variables: 'RELEASE_SHA=0123abc\n\n  MODE = blue=green  \r\nEMPTY=',
      comment: 'deploy from GitHub #42',
    });
    expect(c.start).toEqual({
      branch: 'release/1.2',
      tag: undefined,
      variables: [
        { name: 'RELEASE_SHA', value: '0123abc' },
        { name: 'MODE', value: 'blue=green' },
        { name: 'EMPTY', value: '' },
      ],
      comment: 'deploy from GitHub #42',
    });
    expect(c.newRunOnly).toBe(false);
  });

  it('start: true alone: no branch, tag, variable or comment', () => {
    expect(configOf({ ...base, start: 'True' }).start).toEqual({
      branch: undefined,
      tag: undefined,
      variables: [],
    });
    expect(configOf(base).start).toBeUndefined();
  });

  it('new-run-only: true', () => {
    const c = configOf({ ...base, 'new-run-only': 'true', job: 'Deploy to prod' });
    expect([c.newRunOnly, c.start]).toEqual([true, undefined]);
  });

  it('start excludes deploy-order-id, pipeline-run-id and new-run-only, each named', () => {
    const errors = errorsOf({
      ...base,
      start: 'true',
      'deploy-order-id': '1',
      'pipeline-run-id': '2',
      'new-run-only': 'true',
    });
    expect(about(errors, 'start')).toEqual([
      'start: true excludes deploy-order-id (the gate watches the deploy of the run it starts); remove deploy-order-id, or set start: false.',
      'start: true excludes pipeline-run-id (the gate watches the deploy of the run it starts); remove pipeline-run-id, or set start: false.',
      'start: true excludes new-run-only (the gate watches the deploy of the run it starts); remove new-run-only, or set start: false.',
    ]);
  });

  it('new-run-only excludes deploy-order-id and pipeline-run-id', () => {
    const errors = errorsOf({ ...base, 'new-run-only': 'true', 'pipeline-run-id': '2' });
    expect(errors).toEqual([
      'new-run-only: true excludes pipeline-run-id (the gate waits for the next run, not a given one); remove one of them.',
    ]);
  });

  it('branch and tag exclude each other', () => {
    expect(errorsOf({ ...base, start: 'true', branch: 'main', tag: 'v1' })).toEqual([
      'tag: give either branch or tag, not both (a run builds its sources on one or the other).',
    ]);
  });

  it('branch, tag, variables and comment only with start: true', () => {
    const errors = errorsOf({ ...base, branch: 'main', tag: 'v1', variables: 'A=1', comment: 'c' });
    expect(errors).toEqual(
      ['branch', 'tag', 'variables', 'comment'].map(
        (n) => `${n}: only used with start: true (it goes to the run the gate starts).`,
      ),
    );
  });

  it('a start that is not a boolean is one error; the inputs that depend on it are not blamed', () => {
    expect(errorsOf({ ...base, start: 'yes', branch: 'main' })).toEqual([
      'start: "yes" is not a boolean; use true or false.',
    ]);
  });

  it.each([
    ['refs/heads/main', 'is a full ref, not a branch name (drop refs/heads/)'],
    ['feature x', 'is not a git branch name'],
    ['a..b', 'is not a git branch name'],
    ['-x', 'is not a git branch name'],
    ['x.lock', 'is not a git branch name'],
    ['x/', 'is not a git branch name'],
    ['x~1', 'is not a git branch name'],
    ['x@{1}', 'is not a git branch name'],
  ])('branch %j is refused: %s', (branch, problem) => {
    expect(errorsOf({ ...base, start: 'true', branch })).toEqual([
      `branch: ${JSON.stringify(branch)} ${problem}; use a branch name such as main or release/1.2 (github.ref_name gives it).`,
    ]);
  });

  it('a tag as a full ref is refused, saying what to drop', () => {
    expect(errorsOf({ ...base, start: 'true', tag: 'refs/tags/v1.2.0' })).toEqual([
      'tag: "refs/tags/v1.2.0" is a full ref, not a tag name (drop refs/tags/); use a tag name such as v1.2.0 (github.ref_name gives it).',
    ]);
  });

  it('every bad variable line at once, and never a value', () => {
    const errors = errorsOf({
      ...base,
      start: 'true',
      variables: ['GOOD=1', 'sup3r-s3cret-value', '9LIVES=x', 'version=2', 'GOOD=2', 'A B=c'].join('\n'),
    });
    expect(errors).toEqual([
      'variables: line 2 has no "=" (its text is not shown); use one NAME=value per line, NAME of letters, digits and _, not starting with a digit (MY_VAR=1).',
      'variables: line 3: "9LIVES" is not a name; use one NAME=value per line, NAME of letters, digits and _, not starting with a digit (MY_VAR=1).',
      'variables: line 4: version is reserved by Yunxiao; use another name.',
      'variables: GOOD is given twice (lines 1 and 5); give it once.',
      'variables: line 6: "A B" is not a name; use one NAME=value per line, NAME of letters, digits and _, not starting with a digit (MY_VAR=1).',
    ]);
    expect(errors.join('\n')).not.toContain('sup3r');
  });

  it('problems of the start come in the order of action.yml, with the others', () => {
    const errors = errorsOf({
      ...base,
      start: 'true',
      'pipeline-run-id': '2',
      branch: 'a b',
      timeout: 'soon',
    });
    expect(errors.map((e) => /^[a-z-]+/.exec(e)?.[0])).toEqual(['start', 'branch', 'timeout']);
  });
});
