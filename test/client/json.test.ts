// Lossless JSON: exact 64-bit ids wherever a JSON integer token can sit, and nothing else touched.
import { describe, expect, it } from 'vitest';
import { parseJsonLossless, parseLossless, toIdString } from '../../src/client/json.js';

describe('parseJsonLossless', () => {
  it('a bare id is a whole answer (CreatePipelineRun answers one)', () => {
    expect(parseJsonLossless('9007199254740993')).toBe('9007199254740993');
    expect(parseJsonLossless(' \n9007199254740993 \n')).toBe('9007199254740993');
    expect(parseJsonLossless('[9007199254740993]')).toEqual(['9007199254740993']);
  });

  it('digits inside strings that look like tokens stay as written', () => {
    const text =
      '{"log":"order:9007199254740993, next [12345678901234567]","q":"say \\"9007199254740993\\"","id":9007199254740995}';
    expect(parseJsonLossless(text)).toEqual({
      log: 'order:9007199254740993, next [12345678901234567]',
      q: 'say "9007199254740993"',
      id: '9007199254740995',
    });
  });

  it('decimals, exponents and 15-digit integers stay numbers', () => {
    const text = '{"a":1.2345678901234567,"b":12345678901234567e2,"c":123456789012345,"d":-1}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
    expect(Object.values(parseJsonLossless(text) as object).every((v) => typeof v === 'number')).toBe(true);
  });

  it('without any long digit run, plain JSON.parse and the text unchanged', () => {
    const text = '{"deployOrderId":44178813,"t":1729178040000}';
    expect(parseLossless(text)).toEqual({ value: JSON.parse(text), text });
  });

  it('the returned text has the long ids quoted and parses to the same value', () => {
    const { value, text } = parseLossless('{"a":[9007199254740993, {"b": 9007199254740995}]}');
    expect(JSON.parse(text)).toEqual(value);
    expect(value).toEqual({ a: ['9007199254740993', { b: '9007199254740995' }] });
  });
});

describe('toIdString', () => {
  it.each([
    ['9007199254740993', '9007199254740993'],
    [44178813, '44178813'],
    [0, '0'],
    [9007199254740993n, '9007199254740993'],
    [-5, undefined],
    ['-5', undefined],
    [' 12', undefined],
    ['', undefined],
    [1.5, undefined],
    [2 ** 60, undefined],
    [-1n, undefined],
    [true, undefined],
    [undefined, undefined],
  ])('%s -> %s', (v, out) => expect(toIdString(v)).toBe(out));
});
