// Verifies ACS3-HMAC-SHA256 signatures the way Alibaba Cloud's gateway does, written independently of
// the client's signer (src/providers/yunxiao/signer.ts) so the two cannot share a mistake: everything is rebuilt
// from the request as it arrived on the wire, using only the headers the Authorization header lists.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Acs3Verdict =
  | { ok: true; accessKeyId: string; securityToken?: string }
  | { ok: false; status: number; code: string; message: string };

export interface Received {
  method: string;
  /** path and query as received, still percent-encoded */
  rawPath: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface VerifyOptions {
  now?: Date;
  /** allowed clock difference either way; 15 minutes when not given */
  maxSkewMs?: number;
  /** nonces already accepted; a nonce is recorded only once its request verified */
  seenNonces?: Set<string>;
}

const DEFAULT_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'ACS3-HMAC-SHA256';
const ALWAYS_SIGNED = ['host', 'x-acs-date', 'x-acs-content-sha256'];

class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isUnreserved = (byte: number): boolean =>
  (byte >= 0x41 && byte <= 0x5a) || // A-Z
  (byte >= 0x61 && byte <= 0x7a) || // a-z
  (byte >= 0x30 && byte <= 0x39) || // 0-9
  byte === 0x2d || // -
  byte === 0x2e || // .
  byte === 0x5f || // _
  byte === 0x7e; // ~

/** RFC 3986 encoding, byte by byte over UTF-8. */
function rfc3986(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Strict percent-decoding; `+` stays a plus (RFC 3986, not form encoding). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Rejection(400, 'InvalidParameter', 'The request path or query is not valid percent-encoding.');
  }
}

/** Lower-cased header names; repeated headers joined by commas as HTTP allows. */
function lowerHeaders(raw: Received['headers']): Map<string, string> {
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

interface Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: Buffer;
}

function parseAuthorization(value: string | undefined): Authorization {
  if (value === undefined || value.trim() === '')
    throw new Rejection(400, 'MissingAuthorization', 'Authorization is mandatory for this action.');
  const malformed = (why: string) =>
    new Rejection(400, 'InvalidAuthorization', `The Authorization header ${why}.`);
  const text = value.trim();
  const space = text.indexOf(' ');
  if (space < 0 || text.slice(0, space) !== ALGORITHM) throw malformed(`must use ${ALGORITHM}`);
  const fields = new Map<string, string>();
  for (const part of text.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw malformed('has a field without a value');
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const list = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId) throw malformed('lacks Credential');
  if (!list) throw malformed('lacks SignedHeaders');
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) throw malformed('lacks a hex SHA-256 Signature');
  const signedHeaders = list.split(';');
  if (
    signedHeaders.some((h) => !/^[a-z0-9-]+$/.test(h)) ||
    new Set(signedHeaders).size !== signedHeaders.length
  )
    throw malformed('lists SignedHeaders that are not distinct lower-case names');
  return { accessKeyId, signedHeaders, signature: Buffer.from(signature, 'hex') };
}

function checkDate(value: string | undefined, opts: VerifyOptions): void {
  const at = value !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at))
    throw new Rejection(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    );
  const now = (opts.now ?? new Date()).getTime();
  if (Math.abs(now - at) > (opts.maxSkewMs ?? DEFAULT_SKEW_MS))
    throw new Rejection(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
}

/** Path and query rebuilt from the wire: decoded, then re-encoded by RFC 3986. */
function canonicalTarget(rawTarget: string): { path: string; query: string } {
  // absolute-form request targets (through a proxy) carry the origin too
  const target = rawTarget.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/, '');
  const hash = target.indexOf('#');
  const noFragment = hash < 0 ? target : target.slice(0, hash);
  const q = noFragment.indexOf('?');
  const rawPath = q < 0 ? noFragment : noFragment.slice(0, q);
  const rawQuery = q < 0 ? '' : noFragment.slice(q + 1);

  const path = rawPath
    .split('/')
    .map((segment) => rfc3986(decode(segment)))
    .join('/');

  const pairs: Array<[string, string]> = [];
  for (const item of rawQuery.split('&')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    pairs.push(eq < 0 ? [decode(item), ''] : [decode(item.slice(0, eq)), decode(item.slice(eq + 1))]);
  }
  // sorted by the decoded name (code units, as the SDKs sort before encoding), then by value
  pairs.sort(([ka, va], [kb, vb]) => (ka !== kb ? (ka < kb ? -1 : 1) : va < vb ? -1 : va > vb ? 1 : 0));
  const query = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  return { path, query };
}

function verify(
  req: Received,
  lookupSecret: (accessKeyId: string) => string | undefined,
  opts: VerifyOptions,
): Acs3Verdict {
  const headers = lowerHeaders(req.headers);
  const auth = parseAuthorization(headers.get('authorization'));
  const secret = lookupSecret(auth.accessKeyId);
  if (secret === undefined)
    throw new Rejection(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const signed = new Set(auth.signedHeaders);
  const mustSign = [...ALWAYS_SIGNED, ...[...headers.keys()].filter((h) => h.startsWith('x-acs-'))];
  for (const name of mustSign) {
    if (!signed.has(name))
      throw new Rejection(400, 'IncompleteSignature', `The header ${name} must be signed.`);
  }
  for (const name of signed) {
    if (!headers.has(name))
      throw new Rejection(400, 'IncompleteSignature', `The signed header ${name} is not in the request.`);
  }

  checkDate(headers.get('x-acs-date'), opts);

  const nonce = headers.get('x-acs-signature-nonce');
  if (!nonce)
    throw new Rejection(400, 'MissingSignatureNonce', 'SignatureNonce is mandatory for this action.');
  if (opts.seenNonces?.has(nonce))
    throw new Rejection(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');

  const bodyHash = createHash('sha256').update(Buffer.from(req.body, 'utf8')).digest('hex');
  if ((headers.get('x-acs-content-sha256') ?? '').toLowerCase() !== bodyHash)
    throw new Rejection(
      400,
      'InvalidContentSHA256',
      'The x-acs-content-sha256 header does not match the body.',
    );

  const { path, query } = canonicalTarget(req.rawPath);
  const sortedNames = [...signed].sort();
  let canonical = `${req.method.toUpperCase()}\n${path}\n${query}\n`;
  for (const name of sortedNames) canonical += `${name}:${(headers.get(name) ?? '').trim()}\n`;
  canonical += `\n${sortedNames.join(';')}\n${bodyHash}`;
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  const expected = createHmac('sha256', secret).update(`${ALGORITHM}\n${digest}`, 'utf8').digest();
  if (!timingSafeEqual(expected, auth.signature))
    throw new Rejection(
      400,
      'SignatureDoesNotMatch',
      'Specified signature is not matched with our calculation.',
    );

  opts.seenNonces?.add(nonce);
  const securityToken = headers.get('x-acs-security-token');
  return securityToken === undefined
    ? { ok: true, accessKeyId: auth.accessKeyId }
    : { ok: true, accessKeyId: auth.accessKeyId, securityToken };
}

/**
 * Checks an ACS3-HMAC-SHA256 request. Rejections carry Alibaba Cloud's status, code and message; none
 * of them ever quotes the secret, the security token or the signature.
 */
export function verifyAcs3(
  req: Received,
  lookupSecret: (accessKeyId: string) => string | undefined,
  opts: VerifyOptions = {},
): Acs3Verdict {
  try {
    return verify(req, lookupSecret, opts);
  } catch (e) {
    if (e instanceof Rejection) return { ok: false, status: e.status, code: e.code, message: e.message };
    throw e;
  }
}
