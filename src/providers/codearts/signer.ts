// SDK-HMAC-SHA256 request signing for the CodeArts Pipeline API (codearts-api.md 1.4), as Huawei Cloud's SDKs
// compute it for AK/SK and STS credentials; CodeArts clients use no derived (V11) signing. Pure apart from the
// clock default. The default signed set is the one the signing guide shows, plus the STS token and X-Project-Id.
import { Buffer } from 'node:buffer';
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignInput {
  method: string;
  /** the URL the request is sent to, as sent; its host[:port] is the signed `host` */
  url: URL | string;
  /** the headers the client sends besides the signer's, any case (e.g. content-type, x-project-id) */
  headers?: Record<string, string>;
  /** the exact bytes sent; a string is sent as UTF-8 */
  body?: string | Uint8Array;
  accessKey: string;
  secretKey: string;
  /** STS: sent as X-Security-Token and signed */
  securityToken?: string;
  date?: Date;
  /**
   * The names to sign instead of the default, e.g. ['x-sdk-date'] as the Go SDK's own test vectors do.
   * Each must be sent and free of `_`, and x-sdk-date is always required.
   */
  signedHeaders?: readonly string[];
}

export interface Signed {
  /** lower-case names, to add to the request: x-sdk-date, authorization and, with STS, x-security-token */
  headers: Record<string, string>;
  /** for debugging; never contains the secret, but never log it next to one either */
  canonicalRequest: string;
  stringToSign: string;
}

/** Everything but A-Z a-z 0-9 - _ . ~ as upper-case %XX over UTF-8 (space %20, never `+`). */
export function percentEncode(text: string): string {
  // toWellFormed: a lone surrogate must not make encodeURIComponent throw
  return encodeURIComponent(text.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Runs of %XX decoded as UTF-8 (invalid bytes as U+FFFD), anything else kept: Python's `unquote`. */
const percentDecode = (text: string): string =>
  text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'),
  );

/**
 * The path decoded, then split on `/`, each segment encoded, and a `/` appended when it does not end with one
 * (the request line keeps the path as sent): `/v5/p/api/x` -> `/v5/p/api/x/`.
 */
export function canonicalUri(pathname: string): string {
  const uri = percentDecode(pathname).split('/').map(percentEncode).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Code point order, which is the UTF-8 byte order the SDKs sort by (JS's default sorts UTF-16 units). */
const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Keys sorted, then one `k=v` per value, values sorted; keys and values encoded; joined by `&`. */
export function canonicalQuery(params: URLSearchParams): string {
  return [...new Set(params.keys())]
    .sort(byBytes)
    .flatMap((k) =>
      params
        .getAll(k)
        .sort(byBytes)
        .map((v) => `${percentEncode(k)}=${percentEncode(v)}`),
    )
    .join('&');
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(d: Date): string {
  return d.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** Signed when sent (codearts-api.md 1.4, recommendation); never anything else by default. */
const DEFAULT_SIGNED = ['content-type', 'host', 'x-project-id', 'x-sdk-date', 'x-security-token'];

/** The signer's own: a caller's copy would be sent twice or differ from what is signed. */
const SIGNER_HEADERS = new Set(['authorization', 'host', 'x-sdk-date', 'x-security-token']);

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export function signRequest(req: SignInput): Signed {
  const url = new URL(req.url);
  const date = sdkDate(req.date ?? new Date());
  const sent = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const key = name.toLowerCase();
    if (SIGNER_HEADERS.has(key) || sent.has(key)) {
      throw new Error(`signRequest: header ${name} is given twice or is the signer's own`);
    }
    sent.set(key, value);
  }
  const added: Record<string, string> = { 'x-sdk-date': date };
  if (req.securityToken) added['x-security-token'] = req.securityToken;
  for (const [name, value] of Object.entries({ host: url.host, ...added })) sent.set(name, value);

  const names = req.signedHeaders
    ? [...new Set(req.signedHeaders.map((h) => h.toLowerCase()))].sort()
    : DEFAULT_SIGNED.filter((h) => sent.has(h));
  const bad = names.find((h) => h.includes('_') || !sent.has(h));
  if (bad !== undefined || !names.includes('x-sdk-date')) {
    throw new Error(`signRequest: cannot sign ${bad ?? 'without x-sdk-date'}`);
  }
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    names.map((h) => `${h}:${(sent.get(h) ?? '').trim()}\n`).join(''),
    signedHeaders,
    sha256Hex(req.body ?? ''),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', req.secretKey).update(stringToSign).digest('hex');
  return {
    headers: {
      ...added,
      authorization: `${ALGORITHM} Access=${req.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
    canonicalRequest,
    stringToSign,
  };
}
