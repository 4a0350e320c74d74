// The last lines of a log, whatever its size or line endings.
import { describe, expect, it } from 'vitest';
import { LOG_TAIL_LINES, tail, tailOfNewestFirst } from '../../src/common/log-tail.js';
import { withRegexInputsAtMost } from '../support/regex-guard.js';

describe('tail', () => {
  it('keeps the last lines; CRLF, CR and LF all end a line', () => {
    expect(tail('a\r\nb\rc\nd\n\n', 2)).toBe('c\nd');
    expect(tail('only')).toBe('only');
    expect(tail('')).toBe('');
  });

  it('reads only the end of a huge log, and never shows a line cut in half', () => {
    const line = 'x'.repeat(99) + '\n';
    const huge = line.repeat(2_000_000) + 'last line'; // ~200 MB
    const lines = tail(huge).split('\n');
    expect(lines).toHaveLength(LOG_TAIL_LINES);
    expect(lines.at(-1)).toBe('last line');
    expect(lines[0]).toBe('x'.repeat(99));
  });

  it('a single line far longer than what is read shows its end', () => {
    const one = 'y'.repeat(5_000_000);
    expect(tail(one)).toBe(one.slice(-64 * 1024));
  });

  // A server's log of line breaks that ends in another character: /[\r\n]+$/ over all of it is
  // quadratic (hours at the 16 MB a log answer may have). No regex may look at more than its end.
  it('no regex looks at more than the end of a log of a million line breaks', () => {
    const lines = withRegexInputsAtMost(64 * 1024, () => tail('\n'.repeat(1_000_000) + 'x'));
    // its last lines: empty ones, then the character
    expect(lines).toBe('\n'.repeat(LOG_TAIL_LINES - 1) + 'x');
    expect(withRegexInputsAtMost(64 * 1024, () => tail('x' + '\r\n'.repeat(1_000_000)))).toBe('x');
  });
});

describe('tailOfNewestFirst', () => {
  it('the first lines of a newest-first log, oldest first, as tail gives the end of one oldest first', () => {
    const oldestFirst = Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n');
    const newestFirst = '\r\n\n' + oldestFirst.split('\n').reverse().join('\r\n') + '\n';
    expect(tailOfNewestFirst(newestFirst, 50)).toBe(tail(oldestFirst, 50));
    expect(tailOfNewestFirst('only')).toBe('only');
    expect(tailOfNewestFirst('')).toBe('');
  });

  it('looks only at the start of a page of many MB, and never shows a line cut in half', () => {
    // a page of 16 MB: newest line first, then millions of line breaks and long lines
    const page = 'newest\n' + 'older\n'.repeat(10) + 'z'.repeat(100_000) + '\n'.repeat(16_000_000);
    const lines = withRegexInputsAtMost(64 * 1024, () => tailOfNewestFirst(page, 50));
    expect(lines).toBe([...Array(10).fill('older'), 'newest'].join('\n'));
    expect(withRegexInputsAtMost(64 * 1024, () => tailOfNewestFirst('\n'.repeat(1_000_000) + 'x'))).toBe('x');
  });
});
