import { describe, expect, it } from 'vitest';
import { parseJsonLossless, toIdString } from '../../src/client/json.js';

describe('parseJsonLossless', () => {
  it('turns integers of 16+ digits into exact strings', () => {
    expect(
      parseJsonLossless('{"a":9007199254740993,"b":[-18446744073709551615],"c":1234567890123456}'),
    ).toEqual({
      a: '9007199254740993',
      b: ['-18446744073709551615'],
      c: '1234567890123456',
    });
  });

  it('leaves strings, decimals, exponents and small numbers alone', () => {
    const text =
      '{"s":"id 9007199254740993 \\" 12345678901234567","d":0.12345678901234567,"e":1e-12345678901234567,"f":1234567890123456.5,"n":42,"t":1729178040000}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });

  it('throws on what is not JSON', () => {
    expect(() => parseJsonLossless('<html>12345678901234567</html>')).toThrow(SyntaxError);
  });
});

describe('toIdString', () => {
  it.each([
    ['123', '123'],
    [123, '123'],
    [9007199254740993n, '9007199254740993'],
    [1.5, undefined],
    [2 ** 60, undefined],
    ['abc', undefined],
    [null, undefined],
  ])('%s -> %s', (v, out) => expect(toIdString(v)).toBe(out));
});

describe('parseJsonLossless: ids inside strings take the exact path', () => {
  it('keeps a JSON string that itself holds big ids intact', () => {
    const inner = '{"deployOrderId":9007199254740993,"ids":[12345678901234567]}';
    const text = JSON.stringify({ data: inner, id: 9007199254740993n.toString() }).replace(
      '"9007199254740993"',
      '9007199254740993',
    );
    const parsed = parseJsonLossless(text) as { data: string; id: string };
    expect(parsed.data).toBe(inner);
    expect(parsed.id).toBe('9007199254740993');
  });

  it('handles whitespace around tokens and negative ids', () => {
    expect(parseJsonLossless('{ "a" : [ -9007199254740993 , 9007199254740995 ] }')).toEqual({
      a: ['-9007199254740993', '9007199254740995'],
    });
  });
});
