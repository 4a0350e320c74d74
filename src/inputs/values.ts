// Parsers for single input values. Each returns the value, or what is wrong and what is accepted;
// parse.ts names the input and shows the bad value around them:
//   `<input>: "<value>" <problem>; use <accepted>.`
import type { Budget } from '../core/policy.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; accepted: string };

const BOOLEANS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};

/** Strict, like the YAML 1.2 core schema: `yes`, `on` or `1` are refused rather than guessed. */
export function parseBoolean(text: string): Parsed<boolean> {
  const v = BOOLEANS[text.trim()];
  return v === undefined
    ? { ok: false, problem: 'is not a boolean', accepted: 'true or false' }
    : { ok: true, value: v };
}

/** Exact match: `Auto` is refused, so a typo never silently picks another behaviour. */
export function parseEnum<T extends string>(text: string, values: readonly T[]): Parsed<T> {
  const v = values.find((x) => x === text.trim());
  if (v !== undefined) return { ok: true, value: v };
  const choices = `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
  return { ok: false, problem: `is not ${choices}`, accepted: `${choices} (lower case)` };
}

/** A count (`2`) or a share of all units (`10%`, `12.5%`); `unit` names them (machine). */
export function parseBudget(text: string, unit = 'unit'): Parsed<Budget> {
  const BUDGET_FORMS = `a count of ${unit}s (2) or a share of all ${unit}s from 0% to 100% (10%)`;
  const t = text.trim();
  if (/^\d+$/.test(t)) return { ok: true, value: { kind: 'count', count: Number(t) } };
  const share = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (!share) return { ok: false, problem: 'is not a count or a share', accepted: BUDGET_FORMS };
  const percent = Number(share[1]);
  if (percent > 100) return { ok: false, problem: 'is more than 100%', accepted: BUDGET_FORMS };
  return { ok: true, value: { kind: 'share', percent } };
}

/** A whole number from 0 to `max`. */
export function parseCount(text: string, max: number): Parsed<number> {
  const t = text.trim();
  const accepted = `a whole number from 0 to ${max}`;
  if (!/^\d+$/.test(t)) return { ok: false, problem: 'is not a whole number', accepted };
  const n = Number(t);
  return n <= max ? { ok: true, value: n } : { ok: false, problem: `is more than ${max}`, accepted };
}

/**
 * Decimal digits only (at most 20: a 64-bit id); kept as a string, as a number it could lose
 * precision. `where` says where people find it (the Yunxiao URL).
 */
export function parseId(text: string, where = 'the URL'): Parsed<string> {
  const t = text.trim();
  return /^\d{1,20}$/.test(t)
    ? { ok: true, value: t }
    : { ok: false, problem: 'is not a numeric id', accepted: `decimal digits only, as in ${where}` };
}

/** An id that goes into a URL path: letters, digits, `-` and `_` only, as in `where`, like `example`. */
export function parseSlug(text: string, what: string, where: string, example: string): Parsed<string> {
  const t = text.trim();
  return /^[A-Za-z0-9_-]{1,64}$/.test(t)
    ? { ok: true, value: t }
    : {
        ok: false,
        problem: `is not ${what}`,
        accepted: `letters, digits, - and _ only, as in ${where} (for example ${example})`,
      };
}

/** An opaque value that becomes one URL path segment (EMAS coordinates): no `/`, no `..`, no spaces. */
export function parseSegment(text: string): Parsed<string> {
  const t = text.trim();
  return /^[A-Za-z0-9._~-]{1,128}$/.test(t) && t !== '.' && t !== '..'
    ? { ok: true, value: t }
    : { ok: false, problem: 'is not accepted', accepted: 'letters, digits, ., _, ~ and - only' };
}

/**
 * A base URL: `https://` for any host, `http://` only for loopback, so no credential is ever sent in
 * clear text over a network. No path: the clients build every path themselves from the origin (a
 * signature covers the path), so a path here would be dropped or doubled, never what was meant.
 * `example` is the service's own base URL, shown in the errors.
 */
export function parseEndpoint(text: string, example: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'is not a URL', accepted: `a base URL such as ${example}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      problem: `uses ${url.protocol}`,
      accepted: `an https:// URL such as ${example}`,
    };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      problem: 'is plain http to a host that is not loopback (no credential was sent)',
      accepted: 'https://, or http:// only for loopback hosts (127.0.0.0/8, ::1, localhost)',
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      ok: false,
      problem: 'has a user, query or fragment',
      accepted: `a base URL without them, such as ${example}`,
    };
  }
  if (url.pathname !== '/') {
    return {
      ok: false,
      problem: 'has a path',
      accepted: `the base URL only (scheme, host and port), such as ${example}; the action adds every path itself`,
    };
  }
  return { ok: true, value: url.origin };
}

/** 127.0.0.0/8, ::1 (with or without brackets) and localhost; nothing that merely looks like them. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
