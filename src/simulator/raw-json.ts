// The simulator writes ids as raw JSON numbers, as Yunxiao does, including ids above 2^53 that a
// JavaScript number cannot hold: an id wrapped in RawNumber is emitted digit for digit.
export class RawNumber {
  constructor(readonly digits: string) {}
}

export const num = (digits: string): RawNumber => new RawNumber(digits);

export function stringify(value: unknown): string {
  if (value instanceof RawNumber) return value.digits;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stringify(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}
