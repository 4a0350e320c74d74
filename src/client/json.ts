// Lossless JSON: Yunxiao returns 64-bit ids as JSON numbers, and JSON.parse rounds anything above
// 2^53. Integer tokens of 16 digits or more are quoted before parsing, so they come out as exact
// decimal strings. One regex pass that steps over strings keeps this near the cost of JSON.parse.

const LONG_DIGITS = /\d{16}/;
// A JSON string (skipped as it is), or a whole integer token of 16+ digits: not inside a decimal or an
// exponent (nothing number-like before it, no fraction or exponent after it).
const STRING_OR_LONG_INT = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])(-?\d{16,})(?![\d.eE])/g;

export function parseJsonLossless(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const quoted = text.replace(STRING_OR_LONG_INT, (match, digits: string | undefined) =>
    digits === undefined ? match : `"${digits}"`,
  );
  return JSON.parse(quoted);
}

/** An id as an exact decimal string, whatever JSON type it came in; undefined when it is not an id. */
export function toIdString(value: unknown): string | undefined {
  if (typeof value === 'string') return /^-?\d+$/.test(value.trim()) ? value.trim() : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}
