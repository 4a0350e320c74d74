// Single-value parsers: what each accepts, and that each refusal says what is accepted.
import { describe, expect, it } from 'vitest';
import { durationWithin, MAX_DURATION_MS, parseDuration } from '../../src/inputs/durations.js';
import {
  isLoopback,
  parseBoolean,
  parseBudget,
  parseCount,
  parseEndpoint,
  parseEnum,
  parseId,
  parseSlug,
  parseSegment,
} from '../../src/inputs/values.js';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['45s', 45_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['90', 90_000],
    ['1.5', 1500],
    ['0.25', 250],
    [' 10s ', 10_000],
  ])('%j is %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(['', '10 minutes', '-5s', '5x', 'm', '1.5m', '30m1h', '10s5m', '1e3', '.5', '10S', '1d'])(
    'refuses %j and lists the accepted forms',
    (text) => {
      const r = parseDuration(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.accepted).toContain('1h30m');
    },
  );

  it('refuses zero, below the minimum and above what a timer can hold', () => {
    const poll = durationWithin(100);
    expect(poll('0s')).toMatchObject({ ok: false, problem: 'is zero' });
    expect(poll('0')).toMatchObject({ ok: false, problem: 'is zero' });
    expect(poll('99ms')).toMatchObject({ ok: false, problem: 'is shorter than 100ms' });
    expect(poll('100ms')).toEqual({ ok: true, value: 100 });
    expect(poll('596h')).toEqual({ ok: true, value: MAX_DURATION_MS });
    expect(poll('597h')).toMatchObject({ ok: false, problem: 'is longer than 596h' });
    expect(poll('99999999999999999999')).toMatchObject({ ok: false });
    // Node's timers overflow above 2^31 - 1 ms and fire at once.
    expect(MAX_DURATION_MS).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});

describe('booleans', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s', (text, value) => expect(parseBoolean(text)).toEqual({ ok: true, value }));

  it.each(['yes', 'no', '1', '0', 'on', 'tRUE', ''])('refuses %j', (text) =>
    expect(parseBoolean(text)).toMatchObject({ ok: false, accepted: 'true or false' }),
  );
});

describe('enumerations', () => {
  const values = ['central', 'region', 'auto'] as const;
  it('takes exact values only', () => {
    expect(parseEnum('region', values)).toEqual({ ok: true, value: 'region' });
    for (const bad of ['Region', 'REGION', 'cloud', '']) {
      expect(parseEnum(bad, values)).toMatchObject({
        ok: false,
        accepted: 'central, region or auto (lower case)',
      });
    }
  });
});

describe('budgets', () => {
  it.each([
    ['0', { kind: 'count', count: 0 }],
    ['2', { kind: 'count', count: 2 }],
    ['0%', { kind: 'share', percent: 0 }],
    ['10%', { kind: 'share', percent: 10 }],
    ['12.5%', { kind: 'share', percent: 12.5 }],
    ['100%', { kind: 'share', percent: 100 }],
  ])('%j', (text, value) => expect(parseBudget(text)).toEqual({ ok: true, value }));

  it.each(['-1', '101%', '100.5%', 'ten', '5 %', '1.5', '%', '-5%', ''])('refuses %j', (text) => {
    const r = parseBudget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.accepted).toContain('10%');
  });

  it('names the units it counts', () => {
    expect(parseBudget('x', 'machine')).toMatchObject({
      accepted: expect.stringMatching(/^a count of machines \(2\)/),
    });
  });
});

describe('counts', () => {
  it('takes 0 to the maximum', () => {
    expect(parseCount('0', 10)).toEqual({ ok: true, value: 0 });
    expect(parseCount('10', 10)).toEqual({ ok: true, value: 10 });
    expect(parseCount('11', 10)).toMatchObject({ ok: false, problem: 'is more than 10' });
    for (const bad of ['-1', '1.5', 'two', '']) {
      expect(parseCount(bad, 10)).toMatchObject({ ok: false, problem: 'is not a whole number' });
    }
  });
});

describe('ids', () => {
  it('keeps digits exactly as given, beyond 2^53', () => {
    expect(parseId('9007199254740993')).toEqual({ ok: true, value: '9007199254740993' });
    expect(parseId('18446744073709551615')).toEqual({ ok: true, value: '18446744073709551615' });
  });
  it.each(['12ab', '-1', '1e5', '1.0', '0x10', '123456789012345678901', ''])('refuses %j', (text) =>
    expect(parseId(text).ok).toBe(false),
  );
  it('says where the id is found', () => {
    expect(parseId('x', 'the Yunxiao URL')).toMatchObject({
      accepted: 'decimal digits only, as in the Yunxiao URL',
    });
  });

  it('takes ids that are safe in a URL path, and says where to find them', () => {
    const slug = (t: string): ReturnType<typeof parseSlug> =>
      parseSlug(t, 'an organization id', 'the Yunxiao URL', '5ebbc0228123212b59xxxxx');
    expect(slug('5ebbc0228123212b59xxxxx')).toEqual({ ok: true, value: '5ebbc0228123212b59xxxxx' });
    expect(slug('bench-org_1').ok).toBe(true);
    for (const bad of ['a/b', '../x', 'a b', 'a?b', '']) expect(slug(bad).ok).toBe(false);
    expect(slug('a/b')).toMatchObject({
      problem: 'is not an organization id',
      accepted: 'letters, digits, - and _ only, as in the Yunxiao URL (for example 5ebbc0228123212b59xxxxx)',
    });
  });

  it('takes EMAS coordinates that are one URL path segment', () => {
    expect(parseSegment('abc123')).toEqual({ ok: true, value: 'abc123' });
    expect(parseSegment('d41d8cd98f00b204e9800998ecf8427e').ok).toBe(true);
    for (const bad of ['a/b', '..', '.', 'a b', 'x?y=1', '']) expect(parseSegment(bad).ok).toBe(false);
  });
});

describe('endpoints', () => {
  const EXAMPLE = 'https://api.example.com';
  it.each([
    ['https://openapi-rdc.aliyuncs.com', 'https://openapi-rdc.aliyuncs.com'],
    ['https://openapi-rdc.aliyuncs.com/', 'https://openapi-rdc.aliyuncs.com'],
    ['HTTPS://ACME.devops.aliyuncs.com:8443/', 'https://acme.devops.aliyuncs.com:8443'],
    ['https://acme.devops.aliyuncs.com:443', 'https://acme.devops.aliyuncs.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.9.9.9', 'http://127.9.9.9'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('%s is %s', (text, value) => expect(parseEndpoint(text, EXAMPLE)).toEqual({ ok: true, value }));

  it.each([
    ['http://devops.example.com', /plain http/],
    ['http://10.0.0.1', /plain http/],
    ['http://127.0.0.1.nip.io', /plain http/],
    ['http://localhost.example.com', /plain http/],
    ['ftp://example.com', /uses ftp:/],
    ['openapi-rdc.aliyuncs.com', /is not a URL/],
    ['https://user:pw@example.com', /user/],
    ['https://example.com/?a=1', /query/],
    ['https://openapi-rdc.aliyuncs.com/oapi/v1/flow', /has a path/],
  ])('refuses %s', (text, problem) => {
    const r = parseEndpoint(text, EXAMPLE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  it('tells loopback hosts from look-alikes', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '127.255.255.255', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      expect(isLoopback(h), h).toBe(true);
    }
    for (const h of [
      '128.0.0.1',
      '10.0.0.1',
      '127.0.0.256',
      'localhost.example.com',
      '127.0.0.1.nip.io',
      '::2',
    ]) {
      expect(isLoopback(h), h).toBe(false);
    }
  });
});
