import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canonicalQuery,
  canonicalUri,
  percentEncode,
  sdkDate,
  signRequest,
  type SignInput,
} from '../../../src/providers/codearts/signer.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const authorization = (input: SignInput): string | undefined => signRequest(input).headers['authorization'];
const signatureOf = (input: SignInput): string | undefined =>
  /Signature=([0-9a-f]+)$/.exec(authorization(input) ?? '')?.[1];

// codearts-api.md 1.5: K1 is the official signing guide's example (and the Java SDK's test), K6 the Java test
// without the query on another host
const guide = (over: Partial<SignInput> = {}): SignInput => ({
  method: 'GET',
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: { 'Content-Type': 'application/json' },
  accessKey: 'QTWAOYTTINDUT2QVKYUC',
  secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  date: new Date('2019-11-15T03:36:55Z'),
  ...over,
});

// K2/K3: the Go SDK's tests, which sign x-sdk-date only; K3's body is Go's JSON encoding, ending in a newline
const goTest = (over: Partial<SignInput> = {}): SignInput => ({
  method: 'GET',
  url: 'https://example.huaweicloud.com/path?limit=1',
  headers: { TEST_UNDERSCORE: 'TEST_VALUE' },
  accessKey: 'AccessKey',
  secretKey: 'SecretKey',
  date: new Date('2006-01-02T15:04:05Z'),
  signedHeaders: ['x-sdk-date'],
  ...over,
});

// K4/K5: the Python SDK's tests (host and x-sdk-date signed, the underscore header left out)
const pyTest = (over: Partial<SignInput> = {}): SignInput => ({
  method: 'GET',
  url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
  headers: { TEST_UNDERSCORE: 'TEST_VALUE' },
  body: '',
  accessKey: 'AccessKey',
  secretKey: 'SecretKey',
  date: new Date('2020-06-08T02:39:00Z'),
  ...over,
});

// the two pipeline-shaped vectors (computed independently from 1.4, not official)
const PIPELINE = 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com/v5/0123456789abcdef0123456789abcdef';
const pipeline = (over: Partial<SignInput> = {}): SignInput => ({
  method: 'GET',
  url: `${PIPELINE}/api/pipelines/fedcba9876543210fedcba9876543210/pipeline-runs/detail?pipeline_run_id=00112233445566778899aabbccddeeff`,
  headers: { 'Content-Type': 'application/json' },
  accessKey: 'AccessKey',
  secretKey: 'SecretKey',
  date: new Date('2026-01-01T00:00:00Z'),
  ...over,
});
const LIST_PATH =
  '/v5/0123456789abcdef0123456789abcdef/api/pipelines/fedcba9876543210fedcba9876543210/pipeline-runs/list';
const LIST_BODY = '{"offset":0,"limit":10,"sort_key":"start_time","sort_dir":"desc"}';
const listRuns = (over: Partial<SignInput> = {}): SignInput =>
  pipeline({
    method: 'POST',
    url: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com${LIST_PATH}`,
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    body: LIST_BODY,
    ...over,
  });

const headerLines = (canonicalRequest: string): string[] => {
  const lines = canonicalRequest.split('\n');
  return lines.slice(3, lines.indexOf('', 3));
};

describe('known-answer vectors (codearts-api.md 1.5)', () => {
  it('K1: the signing guide example, its canonical request, string to sign and Authorization', () => {
    const s = signRequest(guide());
    expect(s.canonicalRequest).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json',
        'host:service.region.example.com',
        'x-sdk-date:20191115T033655Z',
        '',
        'content-type;host;x-sdk-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256(s.canonicalRequest)).toBe(
      'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    );
    expect(s.stringToSign).toBe(
      'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    );
    expect(s.headers).toEqual({
      'x-sdk-date': '20191115T033655Z',
      authorization:
        'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    });
  });

  it('K2: Go test1, x-sdk-date only, the underscore header not signed', () => {
    expect(authorization(goTest())).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('K3: Go test2, a POST whose JSON body ends in a newline, content-type sent but not signed', () => {
    const k3 = goTest({
      method: 'POST',
      url: 'https://example.huaweicloud.com/path?key=value',
      headers: { TEST_UNDERSCORE: 'TEST_VALUE', 'Content-Type': 'application/json' },
      body: '{"Name":"test","Id":1}\n',
    });
    expect(authorization(k3)).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    );
    // the exact bytes count: without Go's newline it is another signature
    expect(signatureOf({ ...k3, body: '{"Name":"test","Id":1}' })).not.toBe(
      'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    );
  });

  it('K2/K3 need the override: by default host is signed as well', () => {
    const { signedHeaders: _s, ...byDefault } = goTest();
    expect(authorization(byDefault)).toContain('SignedHeaders=host;x-sdk-date, ');
    expect(signatureOf(byDefault)).not.toBe(
      '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    );
  });

  it('K4: Python test_signer1, host and x-sdk-date', () => {
    expect(authorization(pyTest())).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
  });

  it('K5: Python test_signer2, a POST with a JSON body', () => {
    expect(authorization(pyTest({ method: 'POST', body: '{"name":"test","id":1}' }))).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    );
  });

  it('K6: the Java test without a query, on another host', () => {
    const k6 = guide({
      url: 'https://service.test-region-1.myhuaweicloud.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
    });
    expect(authorization(k6)).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=4a30e690c3032a1975323588d79e858f188834f91df411a47ada7def6ad8081f',
    );
  });

  it('ShowPipelineRunDetail: canonical request hash and signature', () => {
    const s = signRequest(pipeline());
    expect(sha256(s.canonicalRequest)).toBe(
      'e7ace8981cba6f6400f1f8d309963710ec366b7159c4695c70c4570c27fb86f6',
    );
    expect(s.headers['authorization']).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, Signature=2b699d379beb3cd0a813a7330c4c60c3074fc77056b8e4b312a467b48779bfba',
    );
  });

  it('ListPipelineRuns: body hash, canonical request hash and signature', () => {
    const s = signRequest(listRuns());
    expect(s.canonicalRequest.split('\n').at(-1)).toBe(
      'd9b60267994486633773d3b8d122f0ba2a119b92fd9fa0fb6a89e0c2b91b070e',
    );
    expect(sha256(s.canonicalRequest)).toBe(
      'a68f927cc2ab268315acaf306a134937c2b8501c9d3137778cbc25545c59efa5',
    );
    expect(s.headers['authorization']).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, Signature=08f966701bcafa64553bda64376f031220064f2ec3295f25790887f44dac47f1',
    );
  });

  it('signs the same bytes given as a string or as a Uint8Array', () => {
    const bytes = new TextEncoder().encode(LIST_BODY);
    expect(signatureOf(listRuns({ body: bytes }))).toBe(
      '08f966701bcafa64553bda64376f031220064f2ec3295f25790887f44dac47f1',
    );
  });
});

describe('canonical query', () => {
  it('reproduces the SDKs’ canonical query test vector (codearts-api.md 1.4)', () => {
    const params = new URLSearchParams([
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '1'],
      ['multi', '2'],
      ['multi', '3'],
    ]);
    expect(canonicalQuery(params)).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  it('gives a repeated key one pair per value, values sorted, empty values kept', () => {
    expect(canonicalQuery(new URLSearchParams('m=3&b=&m=1&m=2&a=x'))).toBe('a=x&b=&m=1&m=2&m=3');
  });

  it('sorts keys by UTF-8 bytes: upper case first, U+FF01 before an emoji (unlike a UTF-16 sort)', () => {
    expect(
      canonicalQuery(
        new URLSearchParams([
          ['😀', '1'],
          ['！', '2'],
          ['b', '3'],
          ['B', '4'],
        ]),
      ),
    ).toBe('B=4&b=3&%EF%BC%81=2&%F0%9F%98%80=1');
  });

  it('reads the URL’s query as sent: `+` and %20 are spaces, encoded as %20', () => {
    const s = signRequest(pipeline({ url: `${PIPELINE}/x?q=a+b&r=c%20d&s=%2B` }));
    expect(s.canonicalRequest.split('\n')[2]).toBe('q=a%20b&r=c%20d&s=%2B');
  });

  it('gives an empty third line without a query', () => {
    expect(signRequest(listRuns()).canonicalRequest.split('\n')[2]).toBe('');
    expect(signRequest(listRuns({ url: `${PIPELINE}/x?` })).canonicalRequest.split('\n')[2]).toBe('');
  });
});

describe('canonical URI', () => {
  it('appends the trailing slash, once', () => {
    expect(canonicalUri('/v5/p/api/pipelines/q/pipeline-runs/detail')).toBe(
      '/v5/p/api/pipelines/q/pipeline-runs/detail/',
    );
    expect(canonicalUri('/v5/p/')).toBe('/v5/p/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
  });

  it('decodes the path as sent, then encodes each segment: no double encoding', () => {
    expect(canonicalUri('/a%20b/%e4%b8%80/c')).toBe('/a%20b/%E4%B8%80/c/');
    expect(signRequest(pipeline({ url: `${PIPELINE}/sn 1/中` })).canonicalRequest.split('\n')[1]).toBe(
      '/v5/0123456789abcdef0123456789abcdef/sn%201/%E4%B8%AD/',
    );
  });

  it("encodes what the URL leaves raw in a path (', (, !, :, @, =)", () => {
    expect(signRequest(pipeline({ url: `${PIPELINE}/a'(!:@=)` })).canonicalRequest.split('\n')[1]).toBe(
      '/v5/0123456789abcdef0123456789abcdef/a%27%28%21%3A%40%3D%29/',
    );
  });

  it('keeps a stray % as a literal one, invalid UTF-8 as U+FFFD', () => {
    expect(canonicalUri('/a%zz/b%ff')).toBe('/a%25zz/b%EF%BF%BD/');
  });
});

describe('percentEncode', () => {
  it('keeps A-Z a-z 0-9 _ - . ~ and nothing else', () => {
    expect(percentEncode('AZaz09_-.~')).toBe('AZaz09_-.~');
    expect(percentEncode(' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}')).toBe(
      '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D',
    );
  });

  it('writes UTF-8 bytes in upper-case hex, and survives a lone surrogate', () => {
    expect(percentEncode('é一😀')).toBe('%C3%A9%E4%B8%80%F0%9F%98%80');
    expect(percentEncode('a\ud800b')).toBe('a%EF%BF%BDb');
  });
});

describe('signed headers', () => {
  it('signs content-type, host, x-project-id, x-sdk-date and x-security-token when sent, nothing else', () => {
    const s = signRequest(
      listRuns({
        headers: {
          'Content-Type': 'application/json',
          'X-Project-Id': ' 0a1b2c ',
          'User-Agent': 'gate/1',
          Accept: 'application/json',
          TEST_UNDERSCORE: 'v',
        },
        securityToken: 'sts-token',
      }),
    );
    expect(headerLines(s.canonicalRequest)).toEqual([
      'content-type:application/json',
      'host:cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
      'x-project-id:0a1b2c',
      'x-sdk-date:20260101T000000Z',
      'x-security-token:sts-token',
    ]);
    expect(s.headers['authorization']).toContain(
      ' SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, ',
    );
  });

  it('signs no content-type when none is sent', () => {
    expect(authorization(pipeline({ method: 'DELETE', headers: {} }))).toContain(
      ' SignedHeaders=host;x-sdk-date, ',
    );
  });

  it('signs the host with a non-default port, without the default one', () => {
    const lines = (url: string): string[] => headerLines(signRequest(pipeline({ url })).canonicalRequest);
    expect(lines('http://127.0.0.1:8443/v5/x')).toContain('host:127.0.0.1:8443');
    expect(lines('https://Example.COM:443/v5/x')).toContain('host:example.com');
  });

  it('takes an override in any case and order, sorted and lower-cased', () => {
    const s = signRequest(listRuns({ signedHeaders: ['X-Sdk-Date', 'Content-Type', 'x-sdk-date'] }));
    expect(headerLines(s.canonicalRequest)).toEqual([
      'content-type:application/json;charset=UTF-8',
      'x-sdk-date:20260101T000000Z',
    ]);
    expect(s.headers['authorization']).toContain(' SignedHeaders=content-type;x-sdk-date, ');
  });

  it('refuses an override with an underscore name, a name not sent, or without x-sdk-date', () => {
    expect(() => signRequest(goTest({ signedHeaders: ['test_underscore', 'x-sdk-date'] }))).toThrow(
      /cannot sign test_underscore/,
    );
    expect(() => signRequest(goTest({ signedHeaders: ['x-project-id', 'x-sdk-date'] }))).toThrow(
      /cannot sign x-project-id/,
    );
    expect(() => signRequest(goTest({ signedHeaders: ['host'] }))).toThrow(/without x-sdk-date/);
  });

  it('refuses a caller header the signer sets, or one given twice in two cases', () => {
    for (const name of ['Host', 'X-Sdk-Date', 'Authorization', 'x-security-token']) {
      expect(() => signRequest(pipeline({ headers: { [name]: 'v' } }))).toThrow(/signer's own/);
    }
    expect(() => signRequest(pipeline({ headers: { 'Content-Type': 'a', 'content-type': 'b' } }))).toThrow(
      /given twice/,
    );
  });

  it('upper-cases the method', () => {
    expect(signRequest(pipeline({ method: 'get' })).canonicalRequest.split('\n')[0]).toBe('GET');
    expect(signatureOf(pipeline({ method: 'get' }))).toBe(
      '2b699d379beb3cd0a813a7330c4c60c3074fc77056b8e4b312a467b48779bfba',
    );
  });
});

describe('STS', () => {
  it('adds X-Security-Token to the headers and signs it', () => {
    const s = signRequest(pipeline({ securityToken: 'CgZ0b2tlbg' }));
    expect(s.headers['x-security-token']).toBe('CgZ0b2tlbg');
    expect(headerLines(s.canonicalRequest)).toContain('x-security-token:CgZ0b2tlbg');
    expect(s.headers['authorization']).toContain(
      ' SignedHeaders=content-type;host;x-sdk-date;x-security-token, ',
    );
    expect(signatureOf(pipeline({ securityToken: 'CgZ0b2tlbg' }))).not.toBe(signatureOf(pipeline()));
  });

  it('sends no token header without a token', () => {
    expect(Object.keys(signRequest(pipeline()).headers).sort()).toEqual(['authorization', 'x-sdk-date']);
    expect(signRequest(pipeline({ securityToken: '' })).headers['x-security-token']).toBeUndefined();
  });
});

describe('date', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes YYYYMMDDTHHMMSSZ in UTC, milliseconds dropped', () => {
    expect(sdkDate(new Date('2026-11-23T01:02:03.999Z'))).toBe('20261123T010203Z');
    expect(sdkDate(new Date('2026-01-01T07:08:09+08:00'))).toBe('20251231T230809Z');
  });

  it('sends and signs the date it was given', () => {
    const s = signRequest(pipeline({ date: new Date('2026-02-03T04:05:06.789Z') }));
    expect(s.headers['x-sdk-date']).toBe('20260203T040506Z');
    expect(s.stringToSign.split('\n')[1]).toBe('20260203T040506Z');
    expect(headerLines(s.canonicalRequest)).toContain('x-sdk-date:20260203T040506Z');
  });

  it('takes the clock when no date is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2027-05-06T07:08:09.010Z'));
    const { date: _d, ...rest } = pipeline();
    expect(signRequest(rest).headers['x-sdk-date']).toBe('20270506T070809Z');
  });
});

describe('what the signature covers', () => {
  const headers = { 'Content-Type': 'application/json', 'X-Project-Id': 'p1' };
  const base = signatureOf(listRuns({ headers }));
  it.each<[string, Partial<SignInput>]>([
    ['the method', { method: 'PUT' }],
    ['the host', { url: `https://pipeline.af-north-1.myhuaweicloud.com${LIST_PATH}` }],
    ['the port', { url: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com:8443${LIST_PATH}` }],
    ['the path', { url: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com${LIST_PATH}s` }],
    ['the query', { url: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com${LIST_PATH}?a=1` }],
    ['the body', { body: `${LIST_BODY} ` }],
    [
      'the content type',
      { headers: { 'Content-Type': 'application/json;charset=utf-8', 'X-Project-Id': 'p1' } },
    ],
    ['the project header', { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p2' } }],
    ['the date', { date: new Date('2026-01-01T00:00:01Z') }],
    ['the secret', { secretKey: 'SecretKey2' }],
  ])('changes with %s', (_name, over) => {
    expect(signatureOf(listRuns({ headers, ...over }))).not.toBe(base);
  });

  it('cannot tell a path from the same path with a trailing slash (the canonical form adds one)', () => {
    const slash = listRuns({
      headers,
      url: `https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com${LIST_PATH}/`,
    });
    expect(signatureOf(slash)).toBe(base);
  });

  it('never puts the secret in what it returns', () => {
    const s = signRequest(listRuns({ securityToken: 'tok' }));
    const text = JSON.stringify(s);
    expect(text).not.toContain('SecretKey');
    expect(text).toContain('AccessKey');
    expect(s.headers['authorization']).toMatch(/ Signature=[0-9a-f]{64}$/);
  });
});
