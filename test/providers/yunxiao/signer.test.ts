import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acsDate,
  canonicalQuery,
  encodePath,
  percentEncode,
  signRequest,
  type SignInput,
} from '../../../src/providers/yunxiao/signer.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// Alibaba Cloud's own worked example of the V3 signature (yunxiao-api.md section 3)
const vector: SignInput = {
  method: 'POST',
  host: 'ecs.cn-shanghai.aliyuncs.com',
  path: [],
  query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
  body: '',
  action: 'RunInstances',
  version: '2014-05-26',
  date: new Date('2023-10-26T09:01:01Z'),
  nonce: 'd410180a5abf7fe235dd9b74aca91fc0',
  accessKeyId: 'YourAccessKeyId',
  accessKeySecret: 'YourAccessKeySecret',
};

const classic = (over: Partial<SignInput> = {}): SignInput => ({
  method: 'PUT',
  host: 'devops.cn-hangzhou.aliyuncs.com',
  path: [
    'organization',
    '5ebbc0228123212b59',
    'pipelines',
    '111',
    'deploy',
    '222',
    'machine',
    'sn 1',
    'skip',
  ],
  action: 'SkipVMDeployMachine',
  version: '2021-06-25',
  accessKeyId: 'AKID',
  accessKeySecret: 'S3cr3t-value',
  date: new Date('2026-01-02T03:04:05Z'),
  nonce: 'fixed-nonce',
  ...over,
});

const headerLines = (canonicalRequest: string): string[] =>
  canonicalRequest
    .split('\n')
    .slice(3)
    .filter((l) => /^[a-z0-9-]+:/.test(l));

describe('signRequest: the known-answer vector', () => {
  const s = signRequest(vector);

  it('gives exactly the documented signature', () => {
    expect(s.signature).toBe('e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
  });

  it('builds exactly the documented canonical request', () => {
    expect(s.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        'x-acs-date:2023-10-26T09:01:01Z',
        'x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n'),
    );
  });

  it('hashes the canonical request into the string to sign', () => {
    const digest = createHash('sha256').update(s.canonicalRequest).digest('hex');
    expect(s.stringToSign).toBe(`ACS3-HMAC-SHA256\n${digest}`);
  });

  it('sends exactly the documented headers and Authorization', () => {
    expect(s.headers).toEqual({
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T09:01:01Z',
      'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
      'x-acs-content-sha256': EMPTY_SHA256,
      authorization:
        'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    });
    expect(s.url).toEqual({
      path: '/',
      query: 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
    });
  });

  it('gives the same signature whether the body is omitted or empty', () => {
    const { body: _b, ...noBody } = vector;
    expect(signRequest(noBody).signature).toBe(s.signature);
  });
});

describe('query encoding (RFC 3986)', () => {
  it('encodes a space as %20, `*` as %2A, keeps `~`, and leaves unreserved characters alone', () => {
    expect(canonicalQuery({ q: 'a b*c~d' })).toBe('q=a%20b%2Ac~d');
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
  });

  it('encodes every reserved and sub-delimiter character', () => {
    expect(percentEncode("!#$&'()*+,/:;=?@[]")).toBe(
      '%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D',
    );
    expect(percentEncode('%"<>\\^`{|}')).toBe('%25%22%3C%3E%5C%5E%60%7B%7C%7D');
  });

  it('encodes unicode as upper-case percent-encoded UTF-8 bytes', () => {
    expect(percentEncode('中')).toBe('%E4%B8%AD');
    expect(percentEncode('é')).toBe('%C3%A9');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
  });

  it('survives a lone surrogate instead of throwing', () => {
    expect(percentEncode('a\ud800b')).toBe('a%EF%BF%BDb');
  });

  it('sorts by key (code units: upper case before lower case), encodes keys too, keeps empty values', () => {
    expect(canonicalQuery({ b: '2', a: '1', B: '3', 'c d': '中', e: '', z: undefined })).toBe(
      'B=3&a=1&b=2&c%20d=%E4%B8%AD&e=',
    );
  });

  it('encodes `&` and `=` inside values so they cannot split the query', () => {
    expect(canonicalQuery({ q: 'a=1&b=2' })).toBe('q=a%3D1%26b%3D2');
  });

  it('puts the canonical query on the third line and in url.query', () => {
    const s = signRequest(classic({ method: 'GET', query: { perPage: '30', category: 'DEPLOY', x: 'a b' } }));
    expect(s.canonicalRequest.split('\n')[2]).toBe('category=DEPLOY&perPage=30&x=a%20b');
    expect(s.url.query).toBe('category=DEPLOY&perPage=30&x=a%20b');
  });

  it('gives an empty third line without a query', () => {
    expect(signRequest(classic()).canonicalRequest.split('\n')[2]).toBe('');
    expect(signRequest(classic({ query: { gone: undefined } })).url.query).toBe('');
  });
});

describe('path encoding', () => {
  it('encodes a machine SN with a space, keeping the slashes', () => {
    const s = signRequest(classic());
    expect(s.url.path).toBe('/organization/5ebbc0228123212b59/pipelines/111/deploy/222/machine/sn%201/skip');
    expect(s.canonicalRequest.split('\n')[1]).toBe(s.url.path);
  });

  it('encodes reserved characters and unicode inside a segment', () => {
    expect(encodePath(['machine', 'sn+1*~é', 'log'])).toBe('/machine/sn%2B1%2A~%C3%A9/log');
    expect(encodePath([])).toBe('/');
  });

  it('encodes a slash inside a segment, so a machine SN stays one segment', () => {
    expect(encodePath(['machine', 'a/b', 'skip'])).toBe('/machine/a%2Fb/skip');
  });
});

describe('headers', () => {
  it('signs host, content-type and every x-acs-* header, names lower-case and sorted', () => {
    const s = signRequest(classic({ body: '{"a":1}', securityToken: 'sts-token' }));
    const names = Object.keys(s.headers).filter((h) => h !== 'authorization');
    expect(names.every((h) => h === h.toLowerCase())).toBe(true);
    const signed = [...names].sort();
    expect(signed).toEqual([
      'content-type',
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-security-token',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]);
    expect(s.headers['authorization']).toContain(`SignedHeaders=${signed.join(';')},`);
    expect(headerLines(s.canonicalRequest).map((l) => l.slice(0, l.indexOf(':')))).toEqual(signed);
    expect(s.canonicalRequest.split('\n')).toContain(signed.join(';'));
  });

  it('trims header values in the canonical request', () => {
    const s = signRequest(classic({ host: '  devops.example.com  ', action: ' GetVMDeployOrder\t' }));
    const lines = headerLines(s.canonicalRequest);
    expect(lines).toContain('host:devops.example.com');
    expect(lines).toContain('x-acs-action:GetVMDeployOrder');
  });

  it('upper-cases the method', () => {
    expect(signRequest(classic({ method: 'get' })).canonicalRequest.split('\n')[0]).toBe('GET');
  });

  it('writes the header block followed by an empty line, then the names, then the body hash', () => {
    const lines = signRequest(classic()).canonicalRequest.split('\n');
    expect(lines.at(-3)).toBe('');
    expect(lines.at(-2)).toBe(
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    );
    expect(lines.at(-1)).toBe(EMPTY_SHA256);
  });
});

describe('body', () => {
  it('signs a JSON body: its hash and its content-type', () => {
    const body = '{"a":1}';
    const s = signRequest(classic({ method: 'POST', body }));
    const hash = '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862';
    expect(s.headers['x-acs-content-sha256']).toBe(hash);
    expect(s.headers['content-type']).toBe('application/json');
    expect(headerLines(s.canonicalRequest)).toEqual(
      expect.arrayContaining(['content-type:application/json', `x-acs-content-sha256:${hash}`]),
    );
    expect(s.canonicalRequest.endsWith(`\n${hash}`)).toBe(true);
    expect(s.headers['authorization']).toContain('SignedHeaders=content-type;host;');
  });

  it('hashes a body with non-ASCII text as UTF-8', () => {
    const body = '{"params":"{\\"k\\":\\"中\\"}"}';
    expect(signRequest(classic({ body })).headers['x-acs-content-sha256']).toBe(
      '030dd8e22071095c1d791edf2940361fac6a906d4d2e636bd04dea89b58a2290',
    );
  });

  it('takes a given content-type, and sends none without a body', () => {
    expect(signRequest(classic({ body: 'x', contentType: 'text/plain' })).headers['content-type']).toBe(
      'text/plain',
    );
    const bare = signRequest(classic());
    expect(bare.headers['content-type']).toBeUndefined();
    expect(bare.headers['x-acs-content-sha256']).toBe(EMPTY_SHA256);
  });
});

describe('STS', () => {
  it('sends and signs the security token', () => {
    const s = signRequest(classic({ securityToken: 'CAIS-token' }));
    expect(s.headers['x-acs-security-token']).toBe('CAIS-token');
    expect(headerLines(s.canonicalRequest)).toContain('x-acs-security-token:CAIS-token');
    expect(s.headers['authorization']).toContain(';x-acs-security-token;x-acs-signature-nonce;');
    expect(s.signature).not.toBe(signRequest(classic()).signature);
  });

  it('sends no token header without one', () => {
    expect(signRequest(classic()).headers['x-acs-security-token']).toBeUndefined();
    expect(signRequest(classic({ securityToken: '' })).headers['x-acs-security-token']).toBeUndefined();
  });
});

describe('date and nonce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the date in UTC without milliseconds', () => {
    expect(acsDate(new Date('2026-11-23T01:02:03.456Z'))).toBe('2026-11-23T01:02:03Z');
    expect(acsDate(new Date('2026-11-23T09:02:03.999+08:00'))).toBe('2026-11-23T01:02:03Z');
    expect(signRequest(classic({ date: new Date('2026-02-03T04:05:06.789Z') })).headers['x-acs-date']).toBe(
      '2026-02-03T04:05:06Z',
    );
  });

  it('takes the clock when no date is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-05-06T07:08:09.010Z'));
    const { date: _d, ...rest } = classic();
    expect(signRequest(rest).headers['x-acs-date']).toBe('2027-05-06T07:08:09Z');
  });

  it('makes a fresh random hex nonce per request', () => {
    const { nonce: _n, ...rest } = classic();
    const a = signRequest(rest).headers['x-acs-signature-nonce'];
    const b = signRequest(rest).headers['x-acs-signature-nonce'];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('what the signature covers', () => {
  const base = signRequest(classic({ query: { a: '1' }, body: '{}' })).signature;
  it.each<[string, Partial<SignInput>]>([
    ['the method', { method: 'POST' }],
    ['the host', { host: 'other.example.com' }],
    [
      'the path',
      {
        path: [
          'organization',
          '5ebbc0228123212b59',
          'pipelines',
          '111',
          'deploy',
          '222',
          'machine',
          'sn 2',
          'skip',
        ],
      },
    ],
    ['the query', { query: { a: '2' } }],
    ['the body', { body: '{ }' }],
    ['the action', { action: 'RetryPipelineJobMachine' }],
    ['the version', { version: '2021-06-26' }],
    ['the date', { date: new Date('2026-01-02T03:04:06Z') }],
    ['the nonce', { nonce: 'other-nonce' }],
    ['the secret', { accessKeySecret: 'another' }],
  ])('changes with %s', (_name, over) => {
    expect(signRequest(classic({ query: { a: '1' }, body: '{}', ...over })).signature).not.toBe(base);
  });

  it('never puts the secret in what it returns', () => {
    const s = signRequest(classic({ securityToken: 'tok', body: '{"a":1}' }));
    const text = JSON.stringify(s);
    expect(text).not.toContain('S3cr3t-value');
    expect(s.signature).toMatch(/^[0-9a-f]{64}$/);
  });
});
