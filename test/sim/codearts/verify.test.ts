// The signature verifier against the known-answer vectors of codearts-api.md 1.5 (K1..K6 from the
// official signing guide and the Go, Python and Java SDK tests; two pipeline-shaped vectors): each
// signature is accepted as given, and any one-character change is refused.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, verifySdkHmac, type SignedRequest } from '../../../sim/codearts/verify.js';

interface Vector {
  name: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string;
  ak: string;
  sk: string;
  signedHeaders: string;
  signature: string;
  /** hex sha256 of the canonical request, where the source gives it */
  crHash?: string;
}

const P_HOST = 'cloudpipeline-ext.cn-north-4.myhuaweicloud.com';
const P_BASE = '/v5/0123456789abcdef0123456789abcdef/api/pipelines/fedcba9876543210fedcba9876543210';

const VECTORS: Vector[] = [
  {
    name: 'K1 signing guide / Java',
    method: 'GET',
    target: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    headers: {
      'Content-Type': 'application/json',
      Host: 'service.region.example.com',
      'X-Sdk-Date': '20191115T033655Z',
    },
    ak: 'QTWAOYTTINDUT2QVKYUC',
    sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    signedHeaders: 'content-type;host;x-sdk-date',
    signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    crHash: 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  },
  {
    name: 'K2 Go test1',
    method: 'GET',
    target: '/path?limit=1',
    headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' },
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'x-sdk-date',
    signature: '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    name: 'K3 Go test2',
    method: 'POST',
    target: '/path?key=value',
    headers: { 'X-Sdk-Date': '20060102T150405Z', 'Content-Type': 'application/json' },
    body: '{"Name":"test","Id":1}\n',
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'x-sdk-date',
    signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'K4 Python test_signer1',
    method: 'GET',
    target: '/resources?size=1',
    headers: { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' },
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'host;x-sdk-date',
    signature: 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'K5 Python test_signer2',
    method: 'POST',
    target: '/resources?size=1',
    headers: { Host: 'service.endpoint.myhuaweicloud.com', 'X-Sdk-Date': '20200608T023900Z' },
    body: '{"name":"test","id":1}',
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'host;x-sdk-date',
    signature: '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'K6 Java, no query',
    method: 'GET',
    target: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
    headers: {
      'Content-Type': 'application/json',
      Host: 'service.test-region-1.myhuaweicloud.com',
      'X-Sdk-Date': '20191115T033655Z',
    },
    ak: 'QTWAOYTTINDUT2QVKYUC',
    sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    signedHeaders: 'content-type;host;x-sdk-date',
    signature: '4a30e690c3032a1975323588d79e858f188834f91df411a47ada7def6ad8081f',
  },
  {
    name: 'pipeline run detail',
    method: 'GET',
    target: `${P_BASE}/pipeline-runs/detail?pipeline_run_id=00112233445566778899aabbccddeeff`,
    headers: { 'Content-Type': 'application/json', Host: P_HOST, 'X-Sdk-Date': '20260101T000000Z' },
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'content-type;host;x-sdk-date',
    signature: '2b699d379beb3cd0a813a7330c4c60c3074fc77056b8e4b312a467b48779bfba',
    crHash: 'e7ace8981cba6f6400f1f8d309963710ec366b7159c4695c70c4570c27fb86f6',
  },
  {
    name: 'pipeline run list',
    method: 'POST',
    target: `${P_BASE}/pipeline-runs/list`,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      Host: P_HOST,
      'X-Sdk-Date': '20260101T000000Z',
    },
    body: '{"offset":0,"limit":10,"sort_key":"start_time","sort_dir":"desc"}',
    ak: 'AccessKey',
    sk: 'SecretKey',
    signedHeaders: 'content-type;host;x-sdk-date',
    signature: '08f966701bcafa64553bda64376f031220064f2ec3295f25790887f44dac47f1',
    crHash: 'a68f927cc2ab268315acaf306a134937c2b8501c9d3137778cbc25545c59efa5',
  },
];

function request(v: Vector, signature = v.signature): SignedRequest {
  return {
    method: v.method,
    target: v.target,
    body: v.body ?? '',
    headers: {
      ...v.headers,
      Authorization: `SDK-HMAC-SHA256 Access=${v.ak}, SignedHeaders=${v.signedHeaders}, Signature=${signature}`,
    },
  };
}

function check(v: Vector, req: SignedRequest, sk = v.sk) {
  const d = v.headers['X-Sdk-Date']!;
  const now = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +d.slice(9, 11),
    +d.slice(11, 13),
    +d.slice(13, 15),
  );
  return verifySdkHmac(req, (ak) => (ak === v.ak ? { secretKey: sk } : undefined), { now });
}

/** `text` with the character at `i` replaced by another one of the same kind. */
function flip(text: string, i: number): string {
  const c = text[i]!;
  const other = /[0-9]/.test(c) ? (c === '0' ? '1' : '0') : c === 'a' ? 'b' : 'a';
  return text.slice(0, i) + other + text.slice(i + 1);
}

describe.each(VECTORS)('$name', (v) => {
  const signedHeader = (name: string) => v.signedHeaders.split(';').includes(name.toLowerCase());

  it('accepts the published signature', () => {
    expect(check(v, request(v))).toEqual({ ok: true, accessKey: v.ak });
  });

  it('refuses a one-character change of the signature, secret, path, query, date, signed header or body', () => {
    const base = request(v);
    const withHeader = (name: string, value: string): SignedRequest => ({
      ...base,
      headers: { ...base.headers, [name]: value },
    });
    const changed: SignedRequest[] = [
      request(v, flip(v.signature, 17)),
      { ...base, target: flip(v.target, 3) },
      { ...base, target: flip(v.target, v.target.length - 1) }, // the query's last value
      withHeader('X-Sdk-Date', flip(v.headers['X-Sdk-Date']!, 14)), // seconds: still inside the window
      { ...base, body: `${v.body ?? ''} ` },
      ...Object.entries(v.headers)
        .filter(([name]) => signedHeader(name) && name !== 'X-Sdk-Date')
        .map(([name, value]) => withHeader(name, flip(value, 2))),
    ];
    for (const req of changed) expect(check(v, req)).toMatchObject({ ok: false, code: 'APIG.0301' });
    expect(check(v, base, flip(v.sk, 5))).toMatchObject({ ok: false, code: 'APIG.0301' });
  });

  it('ignores a change of a header it does not sign', () => {
    expect(
      check(v, { ...request(v), headers: { ...request(v).headers, 'User-Agent': 'other/1.0' } }).ok,
    ).toBe(true);
  });
});

describe('canonical request', () => {
  it.each(VECTORS.filter((v) => v.crHash !== undefined))('$name: hash as published', (v) => {
    const cr = canonicalRequest(request(v), v.signedHeaders.split(';'));
    expect(createHash('sha256').update(cr).digest('hex')).toBe(v.crHash);
  });

  it('sorts and escapes the query as the SDKs do (the Go and Python test vector)', () => {
    const query =
      'test=%E4%B8%80+%28%26%3D%3F%21%23%25.*%29&multi=3&path=/tmp/123&multi=1&enable=true&limit=1&multi=2';
    const cr = canonicalRequest(
      { method: 'get', target: `/a%20b/c?${query}`, headers: { 'x-sdk-date': 'd' }, body: '' },
      ['x-sdk-date'],
    );
    expect(cr.split('\n').slice(0, 3)).toEqual([
      'GET',
      '/a%20b/c/',
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    ]);
  });
});

describe('gateway rules', () => {
  const k1 = VECTORS[0]!;
  const at = Date.UTC(2019, 10, 15, 3, 36, 55);
  const keys = (ak: string) => (ak === k1.ak ? { secretKey: k1.sk } : undefined);

  it('refuses a date more than 15 minutes away with APIG.0303, accepts one inside', () => {
    expect(verifySdkHmac(request(k1), keys, { now: at + 15 * 60_000 }).ok).toBe(true);
    expect(verifySdkHmac(request(k1), keys, { now: at - 15 * 60_000 - 1000 })).toMatchObject({
      ok: false,
      code: 'APIG.0303',
      message: expect.stringContaining('signature expired, signature time:20191115T033655Z') as string,
    });
  });

  it('refuses an unknown AK and a malformed Authorization with APIG.0301', () => {
    expect(verifySdkHmac(request(k1), () => undefined, { now: at })).toMatchObject({
      code: 'APIG.0301',
      message: expect.stringContaining('ak not exist') as string,
    });
    const req = request(k1);
    const noSignature = {
      ...req,
      headers: { ...req.headers, Authorization: `SDK-HMAC-SHA256 Access=${k1.ak}` },
    };
    expect(verifySdkHmac(noSignature, keys, { now: at })).toMatchObject({ code: 'APIG.0301' });
  });

  it('requires x-sdk-date among the signed headers, and every signed header in the request (APIG.0303)', () => {
    const unsignedDate = request({ ...k1, signedHeaders: 'content-type;host' });
    expect(verifySdkHmac(unsignedDate, keys, { now: at })).toMatchObject({ code: 'APIG.0303' });
    const req = request(k1);
    const { Host: _host, ...withoutHost } = req.headers as Record<string, string>;
    expect(verifySdkHmac({ ...req, headers: withoutHost }, keys, { now: at })).toMatchObject({
      code: 'APIG.0303',
      message: expect.stringContaining('host') as string,
    });
  });

  it('an STS key needs its token, sent and signed', () => {
    const sts = (ak: string) => (ak === k1.ak ? { secretKey: k1.sk, securityToken: 'tok' } : undefined);
    expect(verifySdkHmac(request(k1), sts, { now: at })).toMatchObject({
      code: 'APIG.0301',
      message: expect.stringContaining('security token missing') as string,
    });
    const req = request(k1);
    const unsignedToken = { ...req, headers: { ...req.headers, 'X-Security-Token': 'tok' } };
    expect(verifySdkHmac(unsignedToken, sts, { now: at })).toMatchObject({ code: 'APIG.0303' });
  });
});
