// The simulator writes ids as raw JSON numbers, as Yunxiao does, including ids above 2^53 that a
// JavaScript number cannot hold: an id wrapped in RawNumber is emitted digit for digit.
export class RawNumber {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new Error(`not an integer id: ${JSON.stringify(digits)}`);
  }
}

/** A piece of JSON text already serialized (big orders reuse machine fragments), emitted verbatim. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const num = (digits: string): RawNumber => new RawNumber(digits);
export const rawJson = (text: string): RawJson => new RawJson(text);

export function stringify(value: unknown): string {
  if (value instanceof RawNumber) return value.digits;
  if (value instanceof RawJson) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stringify(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  // JSON has no Infinity/NaN; JSON.stringify would write null
  return JSON.stringify(value);
}
