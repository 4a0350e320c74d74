// The last lines of a log, whatever its size or line endings.
import { describe, expect, it } from 'vitest';
import { LOG_TAIL_LINES, tail } from '../../src/common/log-tail.js';

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
});
