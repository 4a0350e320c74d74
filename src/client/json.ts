// Lossless JSON: Yunxiao returns 64-bit ids as JSON numbers, and JSON.parse rounds anything above
// 2^53. Integer tokens of 16 digits or more come out as exact decimal strings instead.
//
// Fast path (a deploy order of 10,000 machines is ~4 MB, polled every few seconds): quote every
// 16+ digit run that sits where a number can (after `:`, `,`, `[` or the start of the text, before
// `,`, `}`, `]` or its end: a bare id is a whole answer too). If a run like that is inside a string,
// the two quotes inserted split the string into string, digits, string: tokens side by side, which
// JSON never allows, so JSON.parse throws and the exact path, which steps over strings, takes over.
// A wrong result is impossible; only the speed differs.

const LONG_DIGITS = /\d{16}/;
const LONG_INT_TOKEN = /((?:^|[:,[])\s*)(-?\d{16,})(?=\s*(?:[,}\]]|$))/g;
const STRING_OR_LONG_INT = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])(-?\d{16,})(?![\d.eE])/g;

export function parseJsonLossless(text: string): unknown {
  return parseLossless(text).value;
}

/** The value, and the JSON text it was parsed from with long integers quoted (exact ids in a report). */
export function parseLossless(text: string): { value: unknown; text: string } {
  if (!LONG_DIGITS.test(text)) return { value: JSON.parse(text), text };
  const quick = text.replace(LONG_INT_TOKEN, '$1"$2"');
  try {
    return { value: JSON.parse(quick), text: quick };
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
  }
  const exact = text.replace(STRING_OR_LONG_INT, (match, digits: string | undefined) =>
    digits === undefined ? match : `"${digits}"`,
  );
  return { value: JSON.parse(exact), text: exact };
}

/**
 * An id as an exact decimal string, whatever JSON type it came in; undefined when it is not an id
 * (ids are never negative; an unsafe number has already lost its digits).
 */
export function toIdString(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\d+$/.test(value) ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value === 'bigint') return value >= 0n ? value.toString() : undefined;
  return undefined;
}
