// Parsers for single input values. Each returns the value or a message saying what is accepted;
// parse.ts names the input and the bad value around it.
import type { Budget } from './config.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; accepted: string };

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
export const DURATION_FORMS = 'a duration such as 500ms, 45s, 10m, 1h30m, or a number of seconds';

/** `500ms`, `45s`, `10m`, `1h30m`, or a bare number of seconds (decimals allowed). */
export function parseDuration(text: string): Parsed<number> {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return { ok: true, value: Math.round(Number(t) * 1000) };
  const m = DURATION.exec(t);
  if (!t || !m || m.slice(1).every((g) => g === undefined)) return { ok: false, accepted: DURATION_FORMS };
  const [h, min, s, ms] = m.slice(1).map((g) => Number(g ?? 0)) as [number, number, number, number];
  return { ok: true, value: ((h * 60 + min) * 60 + s) * 1000 + ms };
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

export function parseBoolean(text: string): Parsed<boolean> {
  const v = BOOLEANS[text.trim()];
  return v === undefined ? { ok: false, accepted: 'true or false' } : { ok: true, value: v };
}

export function parseEnum<T extends string>(text: string, values: readonly T[]): Parsed<T> {
  const v = values.find((x) => x === text.trim());
  return v === undefined ? { ok: false, accepted: `one of ${values.join(', ')}` } : { ok: true, value: v };
}

/** A count (`2`) or a share of all machines (`10%`, `12.5%`). */
export function parseBudget(text: string): Parsed<Budget> {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { ok: true, value: { kind: 'count', count: Number(t) } };
  const share = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (share && Number(share[1]) <= 100)
    return { ok: true, value: { kind: 'share', percent: Number(share[1]) } };
  return { ok: false, accepted: 'a count of machines (2) or a share of all machines from 0% to 100% (10%)' };
}

export function parseCount(text: string, max: number): Parsed<number> {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number(t) <= max) return { ok: true, value: Number(t) };
  return { ok: false, accepted: `a whole number from 0 to ${max}` };
}

/** Decimal digits only; kept as a string (64-bit ids lose precision as numbers). */
export function parseId(text: string): Parsed<string> {
  const t = text.trim();
  return /^\d{1,20}$/.test(t)
    ? { ok: true, value: t }
    : { ok: false, accepted: 'a numeric id (decimal digits only)' };
}

/** `https://` for any host; `http://` only for loopback, so no credential travels in clear text. */
export function parseEndpoint(text: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, accepted: 'an https:// URL such as https://openapi-rdc.aliyuncs.com' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, accepted: 'a base URL without credentials, query or fragment' };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      accepted:
        'https:// (plain http:// only for loopback hosts: 127.0.0.0/8, ::1, localhost), so the credential is never sent in clear text',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, accepted: 'an https:// URL' };
  return { ok: true, value: url.toString().replace(/\/+$/, '') };
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
