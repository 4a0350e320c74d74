// Every input, parsed and validated in one place before any request. All problems are reported
// together, each naming the input, the value and what is accepted. Secrets are masked as they are read.
import type { Budget, Config, Credentials, Edition, EmasInputs, Policy } from './config.js';
import {
  parseBoolean,
  parseBudget,
  parseCount,
  parseDuration,
  parseEndpoint,
  parseEnum,
  parseId,
  type Parsed,
} from './values.js';

export const INPUT_NAMES = [
  'token',
  'access-key-id',
  'access-key-secret',
  'security-token',
  'endpoint',
  'edition',
  'organization-id',
  'pipeline-id',
  'deploy-order-id',
  'pipeline-run-id',
  'job',
  'wait',
  'timeout',
  'poll-interval',
  'skip-unreachable',
  'max-skipped',
  'retry-failed',
  'resume',
  'on-failure',
  'stop-on-cancel',
  'machine-logs',
  'summary',
  'emas-job-instance-id',
  'emas-md5',
  'service-connection-id',
  'github-token',
  'environment',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
export const DEFAULTS: Partial<Record<InputName, string>> = {
  edition: 'auto',
  wait: 'true',
  timeout: '30m',
  'poll-interval': '10s',
  'skip-unreachable': 'false',
  'max-skipped': '10%',
  'retry-failed': '0',
  resume: 'never',
  'on-failure': 'leave',
  'stop-on-cancel': 'false',
  'machine-logs': 'true',
  summary: 'true',
};

export const CENTRAL_HOST = 'openapi-rdc.aliyuncs.com';
export const OPENAPI_ENDPOINT = `https://${CENTRAL_HOST}`;
export const CLASSIC_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com';
/** Polling faster than this only loads the API; slower deploys gain nothing. */
const MIN_POLL_MS = 100;
/** More retries than this hide a broken deploy rather than a flaky host. */
const MAX_RETRIES = 10;

const SECRET_INPUTS: ReadonlySet<InputName> = new Set([
  'token',
  'access-key-secret',
  'security-token',
  'github-token',
]);

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function parseInputs(get: (name: string) => string, mask: (secret: string) => void): ParseResult {
  // Mask first, before anything could print a value.
  for (const name of SECRET_INPUTS) {
    const v = get(name).trim();
    if (v) mask(v);
  }
  const errors: string[] = [];
  const raw = (name: InputName): string => get(name).trim() || (DEFAULTS[name] ?? '');
  const shown = (name: InputName, value: string): string =>
    SECRET_INPUTS.has(name) ? '***' : JSON.stringify(value);
  function take<T>(name: InputName, parser: (text: string) => Parsed<T>, fallback: T): T {
    const text = raw(name);
    const r = parser(text);
    if (r.ok) return r.value;
    errors.push(`${name}: ${shown(name, text)} is not accepted; use ${r.accepted}.`);
    return fallback;
  }
  function optional<T>(name: InputName, parser: (text: string) => Parsed<T>): T | undefined {
    return raw(name) ? take<T | undefined>(name, parser, undefined) : undefined;
  }

  const credentials = readCredentials(raw, errors);
  const endpointText =
    raw('endpoint') || (credentials?.kind === 'access-key' ? CLASSIC_ENDPOINT : OPENAPI_ENDPOINT);
  const endpoint = take('endpoint', () => parseEndpoint(endpointText), OPENAPI_ENDPOINT);
  const editionChoice = take('edition', (t) => parseEnum(t, ['central', 'region', 'auto'] as const), 'auto');
  const edition: Edition =
    editionChoice === 'auto' ? (hostOf(endpoint) === CENTRAL_HOST ? 'central' : 'region') : editionChoice;
  const organizationId = raw('organization-id') || undefined;
  if (!organizationId && credentials?.kind === 'access-key') {
    errors.push(
      'organization-id: required with access-key-id / access-key-secret (the classic API has it in every path).',
    );
  } else if (!organizationId && credentials?.kind === 'token' && edition === 'central') {
    errors.push(
      'organization-id: required for the central edition (openapi-rdc.aliyuncs.com); set it, or set edition: region for a region-edition endpoint.',
    );
  }

  let pipelineId = '';
  if (!raw('pipeline-id')) errors.push('pipeline-id: required; use the numeric id of the Yunxiao pipeline.');
  else pipelineId = take('pipeline-id', parseId, '');
  const deployOrderId = optional('deploy-order-id', parseId);
  const pipelineRunId = optional('pipeline-run-id', parseId);

  const timeoutMs = take('timeout', positive(parseDuration), 30 * 60_000);
  const pollIntervalMs = take('poll-interval', atLeast(parseDuration, MIN_POLL_MS), 10_000);
  const policy: Policy = {
    skipUnreachable: take('skip-unreachable', parseBoolean, false),
    maxSkipped: take<Budget>('max-skipped', parseBudget, { kind: 'share', percent: 10 }),
    retryFailed: take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
    resume: take('resume', (t) => parseEnum(t, ['never', 'auto'] as const), 'never'),
    onFailure: take('on-failure', (t) => parseEnum(t, ['leave', 'stop'] as const), 'leave'),
  };
  const config: Config = {
    credentials: credentials ?? { kind: 'token', token: '' },
    endpoint,
    edition,
    organizationId,
    pipelineId,
    deployOrderId,
    pipelineRunId,
    job: raw('job') || undefined,
    wait: take('wait', parseBoolean, true),
    timeoutMs,
    pollIntervalMs,
    policy,
    stopOnCancel: take('stop-on-cancel', parseBoolean, false),
    machineLogs: take('machine-logs', parseBoolean, true),
    summary: take('summary', parseBoolean, true),
    emas: readEmas(raw, errors),
    githubToken: raw('github-token') || undefined,
    environment: raw('environment') || undefined,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

function readCredentials(raw: (name: InputName) => string, errors: string[]): Credentials | undefined {
  const token = raw('token');
  const id = raw('access-key-id');
  const secret = raw('access-key-secret');
  const sts = raw('security-token');
  if (token && (id || secret)) {
    errors.push(
      'token: give either token (OpenAPI) or access-key-id + access-key-secret (classic API), not both.',
    );
    return undefined;
  }
  if (token) {
    if (sts) errors.push('security-token: only used with access-key-id + access-key-secret, not with token.');
    return { kind: 'token', token };
  }
  if (id && secret)
    return {
      kind: 'access-key',
      accessKeyId: id,
      accessKeySecret: secret,
      ...(sts ? { securityToken: sts } : {}),
    };
  if (id || secret) {
    errors.push(
      `${id ? 'access-key-secret' : 'access-key-id'}: required with ${id ? 'access-key-id' : 'access-key-secret'}.`,
    );
    return undefined;
  }
  errors.push(
    'token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given.',
  );
  return undefined;
}

function readEmas(raw: (name: InputName) => string, errors: string[]): EmasInputs | undefined {
  const names = ['emas-job-instance-id', 'emas-md5', 'service-connection-id'] as const;
  const given = names.filter((n) => raw(n));
  if (given.length === 0) return undefined;
  if (given.length < names.length) {
    const missing = names.filter((n) => !raw(n));
    errors.push(
      `${missing.join(', ')}: required with ${given.join(', ')} (the EMAS artifact needs all three).`,
    );
    return undefined;
  }
  return { emasJobInstanceId: raw(names[0]), md5: raw(names[1]), serviceConnectionId: raw(names[2]) };
}

function positive(parser: (t: string) => Parsed<number>): (t: string) => Parsed<number> {
  return atLeast(parser, 1);
}

function atLeast(parser: (t: string) => Parsed<number>, minMs: number): (t: string) => Parsed<number> {
  return (t) => {
    const r = parser(t);
    if (!r.ok) return r;
    return r.value >= minMs
      ? r
      : { ok: false, accepted: `a duration of at least ${minMs}ms (500ms, 45s, 10m, 1h30m)` };
  };
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).hostname;
  } catch {
    return '';
  }
}
