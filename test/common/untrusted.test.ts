// Server text on its way to a reader: never a command, never hidden or reordered.
import { describe, expect, it } from 'vitest';
import { cleanLines, cleanText, displaySafeJson, inertLine, oneLine } from '../../src/common/untrusted.js';
import { readRunnerLog } from '../support/runner-log.js';

const FORMS = [
  '::error::x',
  '   ::add-mask::failure',
  'a ##[error]b',
  'lone\r::warning::cr',
  '::stop-commands::tok',
  'bidi \u202eevil\u2066 \u200f',
  'osc \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 csi \u001b[31mred\u001b[0m',
  'c1 \u0085\u009b31m nul \u0000 del \u007f',
];

describe('inertLine', () => {
  it.each(FORMS)('the runner reads no command in a line holding %j', (value) => {
    for (const line of [value, `machine ${value} (batch 1)`, `${value}  10.0.0.1  Failed`]) {
      const out = inertLine(line);
      expect(out).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
      expect(readRunnerLog(`${out}\n`).commands).toEqual([]);
    }
  });

  it('keeps ordinary text as it is, and bounds a huge value', () => {
    expect(inertLine('machine m1-01 (10.0.1.1, batch 1): Running -> Success')).toBe(
      'machine m1-01 (10.0.1.1, batch 1): Running -> Success',
    );
    expect(inertLine('x'.repeat(10_000))).toHaveLength(2000);
  });
});

describe('cleanText and cleanLines', () => {
  it('remove escapes, bidi and control characters, keep tabs and line breaks', () => {
    expect(cleanText('a\tb\r\nc\rd\u001b[1mbold\u001b[0m\u202e')).toBe('a\tb\nc\ndbold');
    expect(cleanLines('one\r\ntwo\rthree\nfour')).toEqual(['one', 'two', 'three', 'four']);
    expect(cleanText(FORMS[6]!)).toBe('osc link csi red');
  });

  it('oneLine leaves no line break', () => {
    expect(oneLine('a\r\nb\rc\nd')).toBe('a b c d');
  });
});

describe('displaySafeJson', () => {
  it('writes bidi and C1 characters as escapes: the same JSON value', () => {
    const json = JSON.stringify({ name: 'web-\u202e2', c1: '\u0085' });
    const safe = displaySafeJson(json);
    expect(safe).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });
});
