// ACS3-HMAC-SHA256 request signing for the classic Yunxiao API (yunxiao-api.md section 3), as
// Alibaba Cloud's current SDKs compute it. Pure apart from the clock and the random nonce defaults.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const ALGORITHM = 'ACS3-HMAC-SHA256';

export interface SignInput {
  method: string;
  host: string;
  /** the path's segments, unencoded (a segment may hold `/`), e.g. ['organization', '1', ..., 'sn 1', 'skip'] */
  path: readonly string[];
  query?: Record<string, string | undefined>;
  /** JSON text or '' */
  body?: string;
  contentType?: string;
  action: string;
  version: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  date?: Date;
  nonce?: string;
}

export interface Signed {
  /** lower-case names, `authorization` included: ready to send */
  headers: Record<string, string>;
  /** for debugging; never contains the secret, but never log it next to one either */
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** encoded path and canonical query: the URL sent must be exactly the one signed */
  url: { path: string; query: string };
}

/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ percent-encoded over UTF-8 (space %20, `*` %2A). */
export function percentEncode(text: string): string {
  // toWellFormed: a lone surrogate (possible in JSON text) must not make encodeURIComponent throw
  return encodeURIComponent(text.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `/` and each segment encoded (a `/` inside a segment is %2F). */
export function encodePath(segments: readonly string[]): string {
  return `/${segments.map(percentEncode).join('/')}`;
}

/** Keys sorted by their raw text (as the SDKs do), then `k=v` encoded and joined by `&`; undefined dropped. */
export function canonicalQuery(query: Record<string, string | undefined>): string {
  return Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(query[k] ?? '')}`)
    .join('&');
}

export const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

/** `YYYY-MM-DDTHH:mm:ssZ` in UTC, no milliseconds. */
export function acsDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The headers that take part in the signature: host, content-type and every x-acs-*. */
const isSigned = (name: string): boolean =>
  name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

export function signRequest(req: SignInput): Signed {
  const body = req.body ?? '';
  const bodyHash = sha256Hex(body);
  const headers: Record<string, string> = {
    host: req.host,
    'x-acs-action': req.action,
    'x-acs-version': req.version,
    'x-acs-date': acsDate(req.date ?? new Date()),
    'x-acs-signature-nonce': req.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': bodyHash,
  };
  if (body || req.contentType) headers['content-type'] = req.contentType ?? 'application/json';
  if (req.securityToken) headers['x-acs-security-token'] = req.securityToken;

  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter(isSigned)
    .sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((h) => `${h}:${(headers[h] ?? '').trim()}\n`).join('');
  const path = encodePath(req.path);
  const query = canonicalQuery(req.query ?? {});
  const canonicalRequest = [
    req.method.toUpperCase(),
    path,
    query,
    canonicalHeaders,
    signedHeaders,
    bodyHash,
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', req.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
  headers['authorization'] =
    `${ALGORITHM} Credential=${req.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature, url: { path, query } };
}
