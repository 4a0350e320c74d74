import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/inputs/parse.js';
import { isLoopback, parseBudget, parseDuration } from '../../src/inputs/values.js';

const base = { token: 'pt-secret-token-value', 'organization-id': 'org1', 'pipeline-id': '123' };

function parse(inputs: Record<string, string>) {
  const masked: string[] = [];
  const r = parseInputs(
    (n) => inputs[n] ?? '',
    (s) => masked.push(s),
  );
  return { r, masked };
}

const errorsOf = (inputs: Record<string, string>): string[] => {
  const { r } = parse(inputs);
  return r.ok ? [] : r.errors;
};

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['45s', 45_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1m30s', 90_000],
    ['90', 90_000],
    ['1.5', 1500],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(['', '10 minutes', '-5s', '5x', 'm', '1.5m', '30m1h'])('refuses %j', (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });
});

describe('budgets', () => {
  it('reads a count and a share', () => {
    expect(parseBudget('2')).toEqual({ ok: true, value: { kind: 'count', count: 2 } });
    expect(parseBudget('12.5%')).toEqual({ ok: true, value: { kind: 'share', percent: 12.5 } });
  });
  it.each(['-1', '101%', 'ten', '5 %', '1.5'])('refuses %j', (text) =>
    expect(parseBudget(text).ok).toBe(false),
  );
});

describe('loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('%s is loopback', (h) =>
    expect(isLoopback(h)).toBe(true),
  );
  it.each(['128.0.0.1', '10.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', '::2'])('%s is not', (h) =>
    expect(isLoopback(h)).toBe(false),
  );
});

describe('parseInputs', () => {
  it('gives the config with the defaults of action.yml', () => {
    const { r } = parse(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      credentials: { kind: 'token', token: 'pt-secret-token-value' },
      endpoint: 'https://openapi-rdc.aliyuncs.com',
      edition: 'central',
      pipelineId: '123',
      wait: true,
      timeoutMs: 1_800_000,
      pollIntervalMs: 10_000,
      policy: {
        skipUnreachable: false,
        maxSkipped: { kind: 'share', percent: 10 },
        retryFailed: 0,
        resume: 'never',
        onFailure: 'leave',
      },
      stopOnCancel: false,
      machineLogs: true,
      summary: true,
    });
  });

  it('masks every secret as it is read, even when other inputs are bad', () => {
    const { r, masked } = parse({ ...base, 'github-token': 'ghs_x1234', timeout: 'soon' });
    expect(r.ok).toBe(false);
    expect(masked).toEqual(['pt-secret-token-value', 'ghs_x1234']);
    const keys = parse({
      'access-key-id': 'LTAI5t',
      'access-key-secret': 'sekrit-value',
      'security-token': 'sts-value',
      'organization-id': 'o',
      'pipeline-id': '1',
    });
    expect(keys.masked).toEqual(['sekrit-value', 'sts-value']);
  });

  it('keeps ids as exact strings', () => {
    const { r } = parse({
      ...base,
      'pipeline-id': '9007199254740993',
      'deploy-order-id': '18446744073709551615',
    });
    expect(r.ok && r.config.pipelineId).toBe('9007199254740993');
    expect(r.ok && r.config.deployOrderId).toBe('18446744073709551615');
  });

  it('reports every problem together, naming input, value and what is accepted', () => {
    const errors = errorsOf({
      ...base,
      'pipeline-id': '12ab',
      timeout: '10 minutes',
      'poll-interval': '10ms',
      'skip-unreachable': 'yes',
      'max-skipped': 'many',
      'retry-failed': '50',
      resume: 'Auto',
      'on-failure': 'kill',
      edition: 'cloud',
    });
    expect(errors).toHaveLength(9);
    for (const [name, value] of [
      ['pipeline-id', '12ab'],
      ['timeout', '10 minutes'],
      ['poll-interval', '10ms'],
      ['skip-unreachable', 'yes'],
      ['max-skipped', 'many'],
      ['retry-failed', '50'],
      ['resume', 'Auto'],
      ['on-failure', 'kill'],
      ['edition', 'cloud'],
    ]) {
      expect(errors.some((e) => e.startsWith(`${name}: "${value}"`) && e.includes('use '))).toBe(true);
    }
  });

  it.each(['True', 'TRUE', 'true'])('accepts the boolean %s', (v) => {
    const { r } = parse({ ...base, wait: v });
    expect(r.ok && r.config.wait).toBe(true);
  });

  it('refuses plain http to anything but loopback, and says why', () => {
    expect(errorsOf({ ...base, endpoint: 'http://devops.example.com' })[0]).toMatch(
      /^endpoint: "http:\/\/devops.example.com" .*loopback/,
    );
    const { r } = parse({ ...base, endpoint: 'http://127.0.0.1:8080/', edition: 'region' });
    expect(r.ok && r.config.endpoint).toBe('http://127.0.0.1:8080');
  });

  it('picks the edition from the endpoint with auto', () => {
    const { r } = parse({ ...base, endpoint: 'https://acme.devops.aliyuncs.com' });
    expect(r.ok && r.config.edition).toBe('region');
  });

  it('wants exactly one kind of credential', () => {
    expect(errorsOf({ 'pipeline-id': '1', 'organization-id': 'o' })[0]).toMatch(/^token: required/);
    expect(errorsOf({ ...base, 'access-key-id': 'id', 'access-key-secret': 's' })[0]).toMatch(/not both/);
    expect(errorsOf({ 'pipeline-id': '1', 'organization-id': 'o', 'access-key-id': 'id' })[0]).toMatch(
      /^access-key-secret: required/,
    );
    const { r } = parse({
      'pipeline-id': '1',
      'organization-id': 'o',
      'access-key-id': 'id',
      'access-key-secret': 's',
    });
    expect(r.ok && r.config.endpoint).toBe('https://devops.cn-hangzhou.aliyuncs.com');
  });

  it('never shows a secret value in an error', () => {
    const errors = errorsOf({ ...base, token: 'pt-secret-token-value', 'access-key-secret': 'other-secret' });
    expect(errors.join('\n')).not.toContain('secret-token-value');
    expect(errors.join('\n')).not.toContain('other-secret');
  });

  it('requires organization-id for the central edition and the classic API', () => {
    expect(errorsOf({ token: 't', 'pipeline-id': '1' })[0]).toMatch(
      /^organization-id: required for the central edition/,
    );
    expect(errorsOf({ 'pipeline-id': '1', 'access-key-id': 'i', 'access-key-secret': 's' })[0]).toMatch(
      /^organization-id: required with access-key-id/,
    );
    expect(
      errorsOf({ token: 't', 'pipeline-id': '1', endpoint: 'https://acme.devops.aliyuncs.com' }),
    ).toEqual([]);
  });

  it('wants all three EMAS inputs or none', () => {
    expect(errorsOf({ ...base, 'emas-md5': 'abc' })[0]).toMatch(
      /^emas-job-instance-id, service-connection-id: required with emas-md5/,
    );
  });
});
