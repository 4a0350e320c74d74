// ACS3-HMAC-SHA256 request signing for the classic Yunxiao API (yunxiao-api.md section 3), as
// Alibaba Cloud's current SDKs compute it.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const ALGORITHM = 'ACS3-HMAC-SHA256';

export interface SignInput {
  method: string;
  host: string;
  /** unencoded path, e.g. /organization/1/pipelines/2/deploy/3/machine/sn 1/skip */
  path: string;
  query?: Record<string, string | undefined>;
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
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** encoded path and canonical query, to build the URL that was signed */
  url: { path: string; query: string };
}

/** RFC 3986: everything but unreserved characters percent-encoded (space is %20, `*` is %2A). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function encodePath(path: string): string {
  return path.split('/').map(percentEncode).join('/');
}

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

export function signRequest(req: SignInput): Signed {
  const body = req.body ?? '';
  const headers: Record<string, string> = {
    host: req.host,
    'x-acs-action': req.action,
    'x-acs-version': req.version,
    'x-acs-date': acsDate(req.date ?? new Date()),
    'x-acs-signature-nonce': req.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': sha256Hex(body),
  };
  if (body) headers['content-type'] = req.contentType ?? 'application/json';
  if (req.securityToken) headers['x-acs-security-token'] = req.securityToken;

  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
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
    headers['x-acs-content-sha256'],
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', req.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
  headers['authorization'] =
    `${ALGORITHM} Credential=${req.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature, url: { path, query } };
}
