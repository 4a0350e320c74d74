import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest, type SignInput } from '../../../src/providers/yunxiao/signer.js';
import { verifyAcs3, type Received } from '../../../sim/yunxiao/classic-verify.js';

const SECRET = 'theSecret-Value';
const TOKEN = 'CAIS-sts-token-value';
const keys: Record<string, string> = { AK1: SECRET, AK2: 'second-secret' };
const lookup = (id: string): string | undefined => keys[id];
const now = new Date('2026-11-23T00:00:00Z');

const ORG = ['organization', '5ebbc0228123212b59'];

/** Signs as the client does and puts the result on the "wire": the signed URL and headers. */
function wire(over: Partial<SignInput> = {}): Received {
  const input: SignInput = {
    method: 'PUT',
    host: '127.0.0.1:1234',
    path: [...ORG, 'pipelines', '1', 'deploy', '2', 'machine', 'sn 1', 'skip'],
    query: {},
    action: 'SkipVMDeployMachine',
    version: '2021-06-25',
    accessKeyId: 'AK1',
    accessKeySecret: SECRET,
    date: now,
    ...over,
  };
  const s = signRequest(input);
  return {
    method: input.method,
    rawPath: s.url.query ? `${s.url.path}?${s.url.query}` : s.url.path,
    headers: { ...s.headers },
    body: input.body ?? '',
  };
}

const check = (req: Received, opts: Parameters<typeof verifyAcs3>[2] = {}) =>
  verifyAcs3(req, lookup, { now, ...opts });

describe('verifyAcs3 accepts what the client signs', () => {
  it.each<[string, Partial<SignInput>]>([
    ['a PUT on a machine SN with a space', {}],
    [
      'a GET with a query',
      { method: 'GET', path: [...ORG, 'pipelines', '1', 'deploy', '2'], query: { a: 'x y', b: '*' } },
    ],
    [
      'a GET with awkward query text',
      { method: 'GET', query: { 'k e*y': "v!'()~中😀", Z: '', a: 'a=1&b=2', '[': 'bracket' } },
    ],
    [
      'a POST with a query and no body',
      { method: 'POST', path: [...ORG, 'pipeline', '1', 'jobs'], query: { category: 'DEPLOY' } },
    ],
    [
      'a POST with a JSON body',
      {
        method: 'POST',
        path: [...ORG, 'pipeline', '1', 'job', 'historys'],
        body: '{"category":"DEPLOY","identifier":"ss_1","maxResults":50,"nextToken":"中"}',
      },
    ],
    ['an STS request', { securityToken: TOKEN }],
    [
      'an SN with reserved characters and unicode',
      { path: [...ORG, 'pipelines', '1', 'deploy', '2', 'machine', 'a+b', 'c é#1', 'log'] },
    ],
    ['the second key', { accessKeyId: 'AK2', accessKeySecret: 'second-secret' }],
    ['a date just inside the window', { date: new Date(now.getTime() - 14 * 60_000) }],
    ['a date ahead, inside the window', { date: new Date(now.getTime() + 14 * 60_000) }],
  ])('%s', (_name, over) => {
    const verdict = check(wire(over));
    expect(verdict).toEqual(
      over.securityToken
        ? { ok: true, accessKeyId: over.accessKeyId ?? 'AK1', securityToken: over.securityToken }
        : { ok: true, accessKeyId: over.accessKeyId ?? 'AK1' },
    );
  });

  it('accepts header names in any case and repeated values as an array', () => {
    const req = wire({ securityToken: TOKEN });
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(check({ ...req, headers }).ok).toBe(true);
  });

  it('re-encodes the received query itself: order and percent-encoding spelling do not matter', () => {
    const req = wire({ method: 'GET', query: { b: '~中', a: '1' } });
    expect(req.rawPath).toContain('?a=1&b=~%E4%B8%AD');
    const respelled = req.rawPath.replace('?a=1&b=~%E4%B8%AD', '?b=%7e%e4%b8%ad&a=1');
    expect(check({ ...req, rawPath: respelled }).ok).toBe(true);
  });

  it('accepts an absolute-form request target', () => {
    const req = wire({ method: 'GET', query: { a: '1' } });
    expect(check({ ...req, rawPath: `http://127.0.0.1:1234${req.rawPath}` }).ok).toBe(true);
  });

  it('honours a custom skew', () => {
    const req = wire({ date: new Date(now.getTime() - 2 * 60_000) });
    expect(check(req, { maxSkewMs: 60_000 })).toMatchObject({ ok: false, code: 'InvalidTimeStamp.Expired' });
    expect(check(req, { maxSkewMs: 3 * 60_000 }).ok).toBe(true);
  });
});

describe('verifyAcs3 rejects', () => {
  const get = () => wire({ method: 'GET', query: { a: 'x y', b: '1' } });
  const post = () => wire({ method: 'POST', body: '{"a":1}' });
  it.each<[string, () => Received, number, string]>([
    ['a wrong secret', () => wire({ accessKeySecret: 'wrong' }), 400, 'SignatureDoesNotMatch'],
    [
      'another key id with the first key secret',
      () => wire({ accessKeyId: 'AK2', accessKeySecret: SECRET }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered query value',
      () => ({ ...get(), rawPath: get().rawPath.replace('x%20y', 'x%20z') }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'an added query parameter',
      () => ({ ...get(), rawPath: `${get().rawPath}&c=1` }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a dropped query',
      () => ({ ...get(), rawPath: get().rawPath.split('?')[0]! }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a `+` sent where the signer meant a space',
      () => ({ ...get(), rawPath: get().rawPath.replace('x%20y', 'x+y') }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered path (another machine)',
      () => ({ ...wire(), rawPath: wire().rawPath.replace('sn%201', 'sn%202') }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'another operation on the same machine',
      () => ({ ...wire(), rawPath: wire().rawPath.replace('/skip', '/retry') }),
      400,
      'SignatureDoesNotMatch',
    ],
    ['another method', () => ({ ...wire(), method: 'POST' }), 400, 'SignatureDoesNotMatch'],
    ['a tampered body', () => ({ ...post(), body: '{"a":2}' }), 400, 'InvalidContentSHA256'],
    [
      'a tampered body sent with its own hash',
      () => {
        const r = post();
        const rehashed = createHash('sha256').update('{"a":2}').digest('hex');
        return { ...r, body: '{"a":2}', headers: { ...r.headers, 'x-acs-content-sha256': rehashed } };
      },
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered x-acs-action header',
      () => ({ ...wire(), headers: { ...wire().headers, 'x-acs-action': 'StopVMDeployOrder' } }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered host header',
      () => ({ ...wire(), headers: { ...wire().headers, host: 'evil.example.com' } }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a tampered content-type',
      () => ({ ...post(), headers: { ...post().headers, 'content-type': 'text/plain' } }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'a swapped security token',
      () => ({
        ...wire({ securityToken: TOKEN }),
        headers: { ...wire({ securityToken: TOKEN }).headers, 'x-acs-security-token': 'other' },
      }),
      400,
      'SignatureDoesNotMatch',
    ],
    [
      'an unsigned x-acs header',
      () => ({ ...wire(), headers: { ...wire().headers, 'x-acs-extra': '1' } }),
      400,
      'IncompleteSignature',
    ],
    [
      'an STS token added after signing',
      () => ({ ...wire(), headers: { ...wire().headers, 'x-acs-security-token': TOKEN } }),
      400,
      'IncompleteSignature',
    ],
    [
      'a signed header missing from the request',
      () => {
        const r = wire();
        const { 'x-acs-version': _v, ...headers } = r.headers;
        return { ...r, headers };
      },
      400,
      'IncompleteSignature',
    ],
    [
      'SignedHeaders that leave out host',
      () => {
        const r = wire();
        const auth = String(r.headers['authorization']).replace('SignedHeaders=host;', 'SignedHeaders=');
        return { ...r, headers: { ...r.headers, authorization: auth } };
      },
      400,
      'IncompleteSignature',
    ],
    ['an unknown key id', () => wire({ accessKeyId: 'NOPE' }), 404, 'InvalidAccessKeyId.NotFound'],
    [
      'a date too old',
      () => wire({ date: new Date(now.getTime() - 16 * 60_000) }),
      400,
      'InvalidTimeStamp.Expired',
    ],
    [
      'a date too far ahead',
      () => wire({ date: new Date(now.getTime() + 16 * 60_000) }),
      400,
      'InvalidTimeStamp.Expired',
    ],
    [
      'a date with milliseconds',
      () => ({ ...wire(), headers: { ...wire().headers, 'x-acs-date': '2026-11-23T00:00:00.000Z' } }),
      400,
      'InvalidTimeStamp.Format',
    ],
    [
      'malformed percent-encoding in the path',
      () => ({ ...wire(), rawPath: wire().rawPath.replace('sn%201', 'sn%2') }),
      400,
      'InvalidParameter',
    ],
    [
      'no Authorization header',
      () => {
        const r = wire();
        const { authorization: _a, ...headers } = r.headers;
        return { ...r, headers };
      },
      400,
      'MissingAuthorization',
    ],
  ])('%s', (_name, build, status, code) => {
    const verdict = check(build());
    expect(verdict).toMatchObject({ ok: false, status, code });
    expect(JSON.stringify(verdict)).not.toContain(SECRET);
    expect(JSON.stringify(verdict)).not.toContain(TOKEN);
  });

  it.each([
    ['another algorithm', (a: string) => a.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3')],
    ['no Signature', (a: string) => a.replace(/,Signature=.*$/, '')],
    ['a short Signature', (a: string) => a.slice(0, -2)],
    ['no Credential', (a: string) => a.replace(/Credential=[^,]*,/, '')],
    ['upper-case SignedHeaders', (a: string) => a.replace('SignedHeaders=host', 'SignedHeaders=Host')],
    ['a field without a value', (a: string) => `${a},junk`],
  ])('a malformed Authorization: %s', (_name, mangle) => {
    const r = wire();
    const authorization = mangle(String(r.headers['authorization']));
    expect(check({ ...r, headers: { ...r.headers, authorization } })).toMatchObject({
      ok: false,
      status: 400,
      code: 'InvalidAuthorization',
    });
  });

  it('a reused nonce, but only once the first request was accepted', () => {
    const seenNonces = new Set<string>();
    const forged = wire({ nonce: 'n1', accessKeySecret: 'wrong' });
    expect(check(forged, { seenNonces })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    const req = wire({ nonce: 'n1' });
    expect(check(req, { seenNonces }).ok).toBe(true);
    expect(check(req, { seenNonces })).toMatchObject({ ok: false, status: 400, code: 'SignatureNonceUsed' });
    expect(check(wire({ nonce: 'n2' }), { seenNonces }).ok).toBe(true);
    expect([...seenNonces].sort()).toEqual(['n1', 'n2']);
  });

  it('a request without a nonce', () => {
    const r = wire();
    const { 'x-acs-signature-nonce': _n, ...headers } = r.headers;
    headers['authorization'] = String(headers['authorization']).replace(';x-acs-signature-nonce', '');
    expect(check({ ...r, headers })).toMatchObject({ ok: false, status: 400, code: 'MissingSignatureNonce' });
  });
});

describe("the known-answer vector's Authorization header", () => {
  // Written out by hand from Alibaba Cloud's documentation, not produced by the signer.
  const documented: Received = {
    method: 'POST',
    rawPath: '/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T09:01:01Z',
      'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
      'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      authorization:
        'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804',
    },
    body: '',
  };
  const docLookup = (id: string) => (id === 'YourAccessKeyId' ? 'YourAccessKeySecret' : undefined);
  const at = { now: new Date('2023-10-26T09:05:00Z') };

  it('verifies', () => {
    expect(verifyAcs3(documented, docLookup, at)).toEqual({ ok: true, accessKeyId: 'YourAccessKeyId' });
  });

  it('fails with another secret, query order aside', () => {
    expect(verifyAcs3(documented, () => 'YourAccessKeySecreT', at)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    const reordered = {
      ...documented,
      rawPath: '/?RegionId=cn-shanghai&ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
    };
    expect(verifyAcs3(reordered, docLookup, at).ok).toBe(true);
    const changed = { ...documented, rawPath: documented.rawPath.replace('cn-shanghai', 'cn-hangzhou') };
    expect(verifyAcs3(changed, docLookup, at)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});
