// Verifies ACS3-HMAC-SHA256 signatures as Alibaba Cloud does, computed independently of the
// client's signer (src/client/signer.ts): from the request as it arrived on the wire.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict =
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
  maxSkewMs?: number;
  seenNonces?: Set<string>;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 encoding, byte by byte over UTF-8. */
function rfc3986(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const reject = (status: number, code: string, message: string): Verdict => ({
  ok: false,
  status,
  code,
  message,
});

export function verifyAcs3(
  req: Received,
  lookupSecret: (id: string) => string | undefined,
  opts: VerifyOptions = {},
): Verdict {
  const header = (name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const auth = header('authorization');
  if (!auth) return reject(400, 'MissingAuthorization', 'Authorization is mandatory for this action.');
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    auth.trim(),
  );
  if (!m) return reject(400, 'InvalidAuthorization', 'The Authorization header is malformed.');
  const [, accessKeyId, signedList, signature] = m as unknown as [string, string, string, string];
  const secret = lookupSecret(accessKeyId);
  if (secret === undefined)
    return reject(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

  const signed = signedList.split(';');
  const present = Object.keys(req.headers).map((h) => h.toLowerCase());
  for (const required of [
    'host',
    'x-acs-date',
    'x-acs-content-sha256',
    ...present.filter((h) => h.startsWith('x-acs-')),
  ]) {
    if (!signed.includes(required))
      return reject(400, 'IncompleteSignature', `The header ${required} must be signed.`);
  }
  const bodyHash = createHash('sha256').update(req.body, 'utf8').digest('hex');
  if (header('x-acs-content-sha256') !== bodyHash)
    return reject(400, 'InvalidContentSHA256', 'The x-acs-content-sha256 does not match the body.');

  const date = Date.parse(header('x-acs-date') ?? '');
  const now = (opts.now ?? new Date()).getTime();
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(header('x-acs-date') ?? '') || Number.isNaN(date)) {
    return reject(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    );
  }
  if (Math.abs(now - date) > (opts.maxSkewMs ?? 15 * 60_000)) {
    return reject(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = header('x-acs-signature-nonce') ?? '';
  if (opts.seenNonces) {
    if (!nonce || opts.seenNonces.has(nonce))
      return reject(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    opts.seenNonces.add(nonce);
  }

  const q = req.rawPath.indexOf('?');
  const rawPath = q < 0 ? req.rawPath : req.rawPath.slice(0, q);
  const rawQuery = q < 0 ? '' : req.rawPath.slice(q + 1);
  const path = rawPath
    .split('/')
    .map((s) => rfc3986(decodeURIComponent(s)))
    .join('/');
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const eq = kv.indexOf('=');
      const k = decodeURIComponent(eq < 0 ? kv : kv.slice(0, eq));
      const v = eq < 0 ? '' : decodeURIComponent(kv.slice(eq + 1));
      return [rfc3986(k), rfc3986(v)] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const headerBlock = [...signed]
    .sort()
    .map((h) => `${h}:${(header(h) ?? '').trim()}\n`)
    .join('');
  const canonical = `${req.method.toUpperCase()}\n${path}\n${query}\n${headerBlock}\n${[...signed].sort().join(';')}\n${bodyHash}`;
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const expected = createHmac('sha256', secret).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return reject(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
  }
  const sts = header('x-acs-security-token');
  return sts ? { ok: true, accessKeyId, securityToken: sts } : { ok: true, accessKeyId };
}
