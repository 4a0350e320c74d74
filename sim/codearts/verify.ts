// Verifies SDK-HMAC-SHA256 signatures (codearts-api.md 1.4) as Huawei Cloud's API gateway does,
// written independently of any client signer so the two cannot share a mistake: the canonical
// request is rebuilt from the request as it arrived on the wire, with only the headers that its
// Authorization header lists.
//
// Gateway codes (APIG FAQ pages, codearts-api.md 2.8):
//   APIG.0301 "Incorrect IAM authentication information": who is calling is wrong: unknown AK,
//             a signature that does not match, a malformed Authorization, a wrong STS token.
//   APIG.0303 the signature does not cover the request as it must: X-Sdk-Date missing, malformed
//             or more than 15 minutes from the gateway's clock ("signature expired"), or a header
//             that must be signed (x-sdk-date, x-security-token) missing from SignedHeaders.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ALGORITHM = 'SDK-HMAC-SHA256';
const DEFAULT_SKEW_MS = 15 * 60 * 1000;
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignedRequest {
  method: string;
  /** the request target as received: path and query, still percent-encoded */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

export interface AccessKey {
  secretKey: string;
  /** an STS key: requests must carry this X-Security-Token, signed */
  securityToken?: string;
}

export type GatewayCode = 'APIG.0301' | 'APIG.0303';

export type Verdict = { ok: true; accessKey: string } | { ok: false; code: GatewayCode; message: string };

export interface VerifyOptions {
  /** the gateway's clock (epoch ms) */
  now: number;
  maxSkewMs?: number;
}

class Rejection extends Error {
  constructor(
    readonly code: GatewayCode,
    message: string,
  ) {
    super(message);
  }
}

const iam = (why: string) => new Rejection('APIG.0301', `Incorrect IAM authentication information: ${why}`);
const coverage = (why: string) =>
  new Rejection('APIG.0303', `Incorrect app authentication information: ${why}`);

const isUnreserved = (byte: number): boolean =>
  (byte >= 0x41 && byte <= 0x5a) || // A-Z
  (byte >= 0x61 && byte <= 0x7a) || // a-z
  (byte >= 0x30 && byte <= 0x39) || // 0-9
  byte === 0x2d || // -
  byte === 0x2e || // .
  byte === 0x5f || // _
  byte === 0x7e; // ~

/** The signer's escape: UTF-8 bytes, unreserved kept, the rest %XX in upper case (space: %20). */
function escape(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // left as sent: the signature will not match
  }
}

const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Path segments decoded then escaped, with the trailing slash the algorithm adds. */
function canonicalUri(rawPath: string): string {
  const uri = rawPath
    .split('/')
    .map((segment) => escape(decodeOr(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * Keys sorted by their UTF-8 bytes, each value of a repeated key in order too. The query is read
 * as a form (`+` is a space), as URLSearchParams writes it: a client that builds its query that
 * way and signs `%20` for a space is accepted.
 */
function canonicalQuery(rawQuery: string): string {
  const byKey = new Map<string, string[]>();
  for (const item of rawQuery.split('&')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const [k, v] = eq < 0 ? [item, ''] : [item.slice(0, eq), item.slice(eq + 1)];
    const key = decodeOr(k.replaceAll('+', ' '));
    byKey.set(key, [...(byKey.get(key) ?? []), decodeOr(v.replaceAll('+', ' '))]);
  }
  return [...byKey.keys()]
    .sort(byUtf8)
    .flatMap((key) =>
      byKey
        .get(key)!
        .sort(byUtf8)
        .map((v) => `${escape(key)}=${escape(v)}`),
    )
    .join('&');
}

/** Lower-cased header names; repeated headers joined by commas. */
function lowerHeaders(raw: SignedRequest['headers']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    const key = name.toLowerCase();
    const prev = out.get(key);
    out.set(key, prev === undefined ? text : `${prev},${text}`);
  }
  return out;
}

function payloadHash(req: SignedRequest, headers: Map<string, string>): string {
  // SDKs sign multipart and other non-JSON bodies with this literal instead of the body's hash
  if (headers.get('x-sdk-content-sha256') === 'UNSIGNED-PAYLOAD') return 'UNSIGNED-PAYLOAD';
  if (req.body.length === 0) return EMPTY_BODY_SHA256;
  return createHash('sha256').update(req.body).digest('hex');
}

/** The canonical request of section 1.4 for `signedHeaders` (lower-case names). */
export function canonicalRequest(req: SignedRequest, signedHeaders: string[]): string {
  const headers = lowerHeaders(req.headers);
  const target = req.target.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/, '').split('#')[0]!;
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  const names = [...signedHeaders].sort(byUtf8);
  const lines = names.map((name) => `${name}:${(headers.get(name) ?? '').trim()}\n`).join('');
  return [
    req.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    lines,
    names.join(';'),
    payloadHash(req, headers),
  ].join('\n');
}

interface Authorization {
  access: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): Authorization {
  const text = value.trim();
  if (!text.startsWith(`${ALGORITHM} `)) throw iam(`the Authorization header must use ${ALGORITHM}`);
  const fields = new Map<string, string>();
  for (const part of text.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw iam('the Authorization header has a field without a value');
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const access = fields.get('Access');
  const list = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!access || !list || !signature)
    throw iam('the Authorization header needs Access, SignedHeaders and Signature');
  if (!/^[0-9a-f]{64}$/.test(signature)) throw iam('verify aksk signature fail, malformed signature');
  const signedHeaders = list.split(';');
  if (
    signedHeaders.some((h) => !/^[a-z0-9_-]+$/.test(h)) ||
    new Set(signedHeaders).size !== signedHeaders.length
  )
    throw iam('SignedHeaders must be distinct lower-case header names');
  return { access, signedHeaders, signature };
}

/** `YYYYMMDDTHHMMSSZ` as epoch ms, or NaN. */
function parseSdkDate(value: string | undefined): number {
  const m = value === undefined ? null : /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 20260231 over into March: such a date is malformed
  return new Date(at).getUTCDate() === d && new Date(at).getUTCHours() === h ? at : NaN;
}

function formatSdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function verify(
  req: SignedRequest,
  keys: (ak: string) => AccessKey | undefined,
  opts: VerifyOptions,
): string {
  const headers = lowerHeaders(req.headers);
  const auth = parseAuthorization(headers.get('authorization') ?? '');
  const key = keys(auth.access);
  if (!key) throw iam(`Get secretKey failed,ak:${auth.access},err:ak not exist`);

  const signed = new Set(auth.signedHeaders);
  if (!signed.has('x-sdk-date')) throw coverage('x-sdk-date must be signed');
  for (const name of signed) {
    if (!headers.has(name)) throw coverage(`the signed header ${name} is not in the request`);
  }
  const token = headers.get('x-security-token');
  if (token !== undefined && !signed.has('x-security-token'))
    throw coverage('x-security-token must be signed');
  if (key.securityToken !== undefined && token !== key.securityToken)
    throw iam(`security token ${token === undefined ? 'missing' : 'invalid'} for ak:${auth.access}`);
  if (key.securityToken === undefined && token !== undefined)
    throw iam(`ak:${auth.access} is not a temporary key, yet a security token was sent`);

  const date = headers.get('x-sdk-date');
  const at = parseSdkDate(date);
  if (Number.isNaN(at)) throw coverage(`x-sdk-date ${date ?? ''} is not YYYYMMDDTHHMMSSZ`);
  if (Math.abs(opts.now - at) > (opts.maxSkewMs ?? DEFAULT_SKEW_MS))
    throw coverage(`signature expired, signature time:${date},server time:${formatSdkDate(opts.now)}`);

  const canonical = canonicalRequest(req, auth.signedHeaders);
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  const expected = createHmac('sha256', key.secretKey)
    .update(`${ALGORITHM}\n${date}\n${digest}`, 'utf8')
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(auth.signature, 'hex')))
    // the gateway shows its canonical request (lines joined by |) to help find the difference
    throw iam(`verify aksk signature fail, canonicalRequest:${canonical.replaceAll('\n', '|')}`);
  return auth.access;
}

/** Checks an SDK-HMAC-SHA256 request; a rejection never quotes the secret key or the token. */
export function verifySdkHmac(
  req: SignedRequest,
  keys: (ak: string) => AccessKey | undefined,
  opts: VerifyOptions,
): Verdict {
  try {
    return { ok: true, accessKey: verify(req, keys, opts) };
  } catch (e) {
    if (e instanceof Rejection) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
