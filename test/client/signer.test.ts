import { describe, expect, it } from 'vitest';
import { acsDate, canonicalQuery, encodePath, signRequest } from '../../src/client/signer.js';
import { verifyAcs3 } from '../../src/simulator/classic-verify.js';

const vector = {
  method: 'POST',
  host: 'ecs.cn-shanghai.aliyuncs.com',
  path: '/',
  query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
  action: 'RunInstances',
  version: '2014-05-26',
  date: new Date('2023-10-26T09:01:01Z'),
  nonce: 'd410180a5abf7fe235dd9b74aca91fc0',
  accessKeyId: 'YourAccessKeyId',
  accessKeySecret: 'YourAccessKeySecret',
};

describe('ACS3-HMAC-SHA256', () => {
  it("gives the known-answer vector of Alibaba Cloud's signature documentation", () => {
    const s = signRequest(vector);
    expect(s.signature).toBe('e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
    expect(s.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-acs-date:2023-10-26T09:01:01Z',
        'x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(s.headers['authorization']).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    );
  });

  it('encodes the query RFC 3986 style, sorted by key', () => {
    expect(canonicalQuery({ b: 'a b', a: '*~', 'c d': '中', e: '', z: undefined })).toBe(
      'a=%2A~&b=a%20b&c%20d=%E4%B8%AD&e=',
    );
    expect(canonicalQuery({ q: "!'()+=&/" })).toBe('q=%21%27%28%29%2B%3D%26%2F');
  });

  it('encodes each path segment, keeping the slashes', () => {
    expect(encodePath('/organization/o 1/pipelines/2/deploy/3/machine/sn 1+x/skip')).toBe(
      '/organization/o%201/pipelines/2/deploy/3/machine/sn%201%2Bx/skip',
    );
  });

  it('writes the date in UTC without milliseconds', () => {
    expect(acsDate(new Date('2026-11-23T01:02:03.456Z'))).toBe('2026-11-23T01:02:03Z');
  });

  it('signs a JSON body: its hash and its content-type', () => {
    const s = signRequest({ ...vector, body: '{"a":1}', query: {} });
    expect(s.headers['x-acs-content-sha256']).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    );
    expect(s.headers['content-type']).toBe('application/json');
    expect(s.canonicalRequest).toContain('content-type:application/json\nhost:');
    expect(s.headers['authorization']).toContain('SignedHeaders=content-type;host;');
  });

  it('signs the STS token header', () => {
    const s = signRequest({ ...vector, securityToken: 'CAIS-token' });
    expect(s.headers['x-acs-security-token']).toBe('CAIS-token');
    expect(s.headers['authorization']).toContain('x-acs-security-token;x-acs-signature-nonce');
  });

  it('uses a fresh nonce per request', () => {
    const { nonce: _n, ...rest } = vector;
    expect(signRequest(rest).headers['x-acs-signature-nonce']).not.toBe(
      signRequest(rest).headers['x-acs-signature-nonce'],
    );
  });
});

describe('the simulator verifies signatures independently', () => {
  const secret = 'theSecret';
  const lookup = (id: string): string | undefined => (id === 'AK' ? secret : undefined);
  const now = new Date('2026-11-23T00:00:00Z');
  function wire(over: Partial<Parameters<typeof signRequest>[0]> = {}) {
    const s = signRequest({
      method: 'PUT',
      host: '127.0.0.1:1234',
      path: '/organization/o/pipelines/1/deploy/2/machine/sn 1/skip',
      query: { a: 'x y', b: '*' },
      action: 'SkipPipelineJobMachine',
      version: '2021-06-25',
      accessKeyId: 'AK',
      accessKeySecret: secret,
      date: now,
      ...over,
    });
    return {
      method: 'PUT',
      rawPath: `${s.url.path}?${s.url.query}`,
      headers: { ...s.headers },
      body: over.body ?? '',
    };
  }

  it('accepts what the signer produces (query, path with a space, JSON body, STS)', () => {
    expect(verifyAcs3(wire(), lookup, { now })).toMatchObject({ ok: true, accessKeyId: 'AK' });
    expect(verifyAcs3(wire({ body: '{"x":[1,2]}' }), lookup, { now }).ok).toBe(true);
    expect(verifyAcs3(wire({ securityToken: 'sts' }), lookup, { now })).toMatchObject({
      ok: true,
      securityToken: 'sts',
    });
  });

  it.each([
    [
      'a wrong secret',
      () => verifyAcs3(wire({ accessKeySecret: 'wrong' }), lookup, { now }),
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered query',
      () => verifyAcs3({ ...wire(), rawPath: wire().rawPath.replace('x%20y', 'x%20z') }, lookup, { now }),
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered body',
      () => verifyAcs3({ ...wire({ body: '{}' }), body: '{"a":1}' }, lookup, { now }),
      'InvalidContentSHA256',
    ],
    [
      'an unsigned x-acs header',
      () => verifyAcs3({ ...wire(), headers: { ...wire().headers, 'x-acs-extra': '1' } }, lookup, { now }),
      'IncompleteSignature',
    ],
    [
      'an unknown key',
      () => verifyAcs3(wire({ accessKeyId: 'NOPE' }), lookup, { now }),
      'InvalidAccessKeyId.NotFound',
    ],
    [
      'a skewed clock',
      () => verifyAcs3(wire({ date: new Date('2026-11-22T23:40:00Z') }), lookup, { now }),
      'InvalidTimeStamp.Expired',
    ],
  ])('rejects %s', (_name, check, code) => {
    expect(check()).toMatchObject({ ok: false, code });
  });

  it('rejects a reused nonce', () => {
    const seenNonces = new Set<string>();
    const req = wire({ nonce: 'n1' });
    expect(verifyAcs3(req, lookup, { now, seenNonces }).ok).toBe(true);
    expect(verifyAcs3(req, lookup, { now, seenNonces })).toMatchObject({
      ok: false,
      code: 'SignatureNonceUsed',
    });
  });

  it("verifies the known-answer vector's Authorization header", () => {
    const s = signRequest(vector);
    const req = { method: 'POST', rawPath: `/?${s.url.query}`, headers: s.headers, body: '' };
    expect(
      verifyAcs3(req, (id) => (id === 'YourAccessKeyId' ? 'YourAccessKeySecret' : undefined), {
        now: vector.date,
      }).ok,
    ).toBe(true);
  });
});
