// Durations of the inputs `timeout` and `poll-interval`: `500ms`, `45s`, `10m`, `1h30m`, or a bare
// number of seconds. Units combine in the order h, m, s, ms; decimals only in the bare form.
import type { Parsed } from './values.js';

const UNITS = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

export const DURATION_FORMS = '500ms, 45s, 10m, 1h30m or a number of seconds';

/**
 * The longest duration a Node timer can hold (2^31 - 1 ms, about 24.8 days), rounded down to whole
 * hours. A longer one makes setTimeout fire at once: a huge timeout would end the watch immediately and
 * a huge poll interval would poll without pause.
 */
export const MAX_DURATION_MS = 596 * 3_600_000;

/** Milliseconds, not yet range-checked (0 is returned as 0). */
export function parseDuration(text: string): Parsed<number> {
  const t = text.trim();
  if (SECONDS.test(t)) return { ok: true, value: Math.round(Number(t) * 1000) };
  const m = UNITS.exec(t);
  if (!t || !m || m.slice(1).every((g) => g === undefined)) {
    return { ok: false, problem: 'is not a duration', accepted: DURATION_FORMS };
  }
  const [h, min, s, ms] = m.slice(1).map((g) => Number(g ?? 0)) as [number, number, number, number];
  return { ok: true, value: ((h * 60 + min) * 60 + s) * 1000 + ms };
}

/** A duration from `minMs` to MAX_DURATION_MS; `why` says why the minimum is what it is. */
export function durationWithin(minMs: number, why = ''): (text: string) => Parsed<number> {
  return (text) => {
    const r = parseDuration(text);
    if (!r.ok) return r;
    if (r.value === 0) {
      return { ok: false, problem: 'is zero', accepted: `a positive duration: ${DURATION_FORMS}` };
    }
    if (r.value < minMs) {
      return { ok: false, problem: `is shorter than ${minMs}ms`, accepted: `at least ${minMs}ms${why}` };
    }
    if (r.value > MAX_DURATION_MS) {
      return {
        ok: false,
        problem: 'is longer than 596h',
        accepted: 'at most 596h (about 24 days, the longest timer Node.js can hold)',
      };
    }
    return r;
  };
}
