// Every input, parsed and validated in one place before any request. All problems are reported
// together, each naming the input, the value and what is accepted. Secrets are masked as they are read.
import type { Budget, Config, Credentials, Edition, EmasInputs, Policy } from './config.js';
import { durationWithin } from './durations.js';
import {
  parseBoolean,
  parseBudget,
  parseCount,
  parseEndpoint,
  parseEnum,
  parseId,
  parseOrganizationId,
  parseSegment,
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
/** Polls faster than this only load the API; the tests and the bench poll at 100-200ms. */
export const MIN_POLL_MS = 100;
/** More retries than this hide a broken deploy rather than ride out a flaky host. */
export const MAX_RETRIES = 10;
/** Longest value shown in an error: enough to recognise it, not a wall of text. */
const SHOWN_CHARS = 80;

/** Sent in a request header (or signed into one): each must be something a header can carry. */
const HEADER_INPUTS: readonly InputName[] = [
  'token',
  'access-key-id',
  'access-key-secret',
  'security-token',
  'github-token',
];

/** Visible ASCII and Latin-1, and spaces: what an HTTP header value may hold. Control characters never. */
function headerSafe(value: string): boolean {
  return /^[\x20-\x7e\xa0-\xff]*$/.test(value);
}

/** Masked as soon as they are read; their values never appear in an error. */
const SECRET_INPUTS: readonly InputName[] = ['token', 'access-key-secret', 'security-token', 'github-token'];

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Reads and validates every input before any request. `get` returns '' for an unset input (trimmed,
 * like core.getInput); `mask` registers a secret with the runner. All problems come back together.
 */
export function parseInputs(
  get: (name: string) => string,
  mask: (secret: string) => void,
  env: NodeJS.ProcessEnv = {},
): ParseResult {
  // Mask first, before anything could print a value.
  for (const name of SECRET_INPUTS) maskSecret(get(name).trim(), mask);
  const errors: string[] = [];
  const raw = (name: InputName): string => get(name).trim() || (DEFAULTS[name] ?? '');
  function take<T>(name: InputName, parser: (text: string) => Parsed<T>, fallback: T): T {
    const text = raw(name);
    const r = parser(text);
    if (r.ok) return r.value;
    errors.push(`${name}: ${shown(name, text)} ${r.problem}; use ${r.accepted}.`);
    return fallback;
  }
  function optional<T>(name: InputName, parser: (text: string) => Parsed<T>): T | undefined {
    return raw(name) ? take<T | undefined>(name, parser, undefined) : undefined;
  }

  for (const name of HEADER_INPUTS) {
    if (!headerSafe(raw(name)))
      errors.push(
        `${name}: ${shown(name, raw(name))} has a control character or a character outside Latin-1, which no HTTP header can carry; use the value exactly as issued.`,
      );
  }
  const credentials = readCredentials(raw, errors) ?? credentialsFromEnv(raw, env, mask, errors);
  const endpointText =
    raw('endpoint') || (credentials?.kind === 'access-key' ? CLASSIC_ENDPOINT : OPENAPI_ENDPOINT);
  const endpointParsed = parseEndpoint(endpointText);
  const endpoint = take('endpoint', () => endpointParsed, OPENAPI_ENDPOINT);
  const editionChoice = take('edition', (t) => parseEnum(t, ['central', 'region', 'auto'] as const), 'auto');
  const edition: Edition =
    editionChoice === 'auto'
      ? new URL(endpoint).hostname === CENTRAL_HOST
        ? 'central'
        : 'region'
      : editionChoice;
  const organizationId = optional('organization-id', parseOrganizationId);
  if (!raw('organization-id') && credentials?.kind === 'access-key') {
    errors.push(
      'organization-id: required with access-key-id / access-key-secret (the classic API has it in every path).',
    );
  } else if (
    !raw('organization-id') &&
    credentials?.kind === 'token' &&
    edition === 'central' &&
    // with a bad endpoint and edition auto the edition is unknown: one error, not a guessed second
    (endpointParsed.ok || editionChoice === 'central')
  ) {
    errors.push(
      'organization-id: required for the central edition (openapi-rdc.aliyuncs.com); set it, or set edition: region for a region-edition endpoint.',
    );
  }

  let pipelineId = '';
  if (!raw('pipeline-id')) errors.push('pipeline-id: required; use the numeric id of the Yunxiao pipeline.');
  else pipelineId = take('pipeline-id', parseId, '');
  const deployOrderId = optional('deploy-order-id', parseId);
  const pipelineRunId = optional('pipeline-run-id', parseId);

  const timeoutMs = take('timeout', durationWithin(1), 30 * 60_000);
  const pollIntervalMs = take(
    'poll-interval',
    durationWithin(MIN_POLL_MS, ' (polling faster only loads the API)'),
    10_000,
  );
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
    emas: readEmas(raw, (name) => optional(name, parseSegment), errors),
    githubToken: raw('github-token') || undefined,
    environment: raw('environment') || undefined,
  };
  return errors.length > 0 ? { ok: false, errors: inInputOrder(errors) } : { ok: true, config };
}

/** Errors in the order of action.yml (each starts with its input's name), whatever order they were found in. */
function inInputOrder(errors: string[]): string[] {
  const rank = (e: string): number => INPUT_NAMES.indexOf(/^[a-z-]+/.exec(e)?.[0] as InputName);
  return errors
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** The whole value, and each line of a multi-line one: the runner matches masks line by line. */
function maskSecret(value: string, mask: (secret: string) => void): void {
  if (!value) return;
  mask(value);
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) for (const line of lines) if (line) mask(line);
}

/** The value as an error shows it: quoted (control characters escaped), cut short, never a secret. */
function shown(name: InputName, value: string): string {
  if (SECRET_INPUTS.includes(name)) return '(value hidden)';
  // A user:password@ in the endpoint is a credential too.
  const safe = name === 'endpoint' ? value.replace(/^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, '$1***@') : value;
  return JSON.stringify(safe.length > SHOWN_CHARS ? `${safe.slice(0, SHOWN_CHARS)}...` : safe);
}

function readCredentials(raw: (name: InputName) => string, errors: string[]): Credentials | undefined {
  const token = raw('token');
  const id = raw('access-key-id');
  const secret = raw('access-key-secret');
  const sts = raw('security-token');
  if (sts && !id && !secret && token) {
    errors.push('security-token: only used with access-key-id and access-key-secret (STS credentials).');
  }
  if (token && (id || secret)) {
    errors.push(
      'token: give either token (OpenAPI) or access-key-id + access-key-secret (classic API), not both.',
    );
    return undefined;
  }
  if (token) return { kind: 'token', token };
  if (id && secret) {
    return {
      kind: 'access-key',
      accessKeyId: id,
      accessKeySecret: secret,
      ...(sts ? { securityToken: sts } : {}),
    };
  }
  if (id || secret) {
    const [missing, given] = id
      ? ['access-key-secret', 'access-key-id']
      : ['access-key-id', 'access-key-secret'];
    errors.push(`${missing}: required with ${given}.`);
    return undefined;
  }
  return undefined;
}

/** The standard Alibaba Cloud variables, as aliyun/configure-aliyun-credentials-action exports them. */
export const ENV_CREDENTIALS = {
  id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

/**
 * With no token and no key inputs at all: the AccessKey (and STS token) from the environment, masked
 * the moment they are read. Inputs always win: this is only asked when none was given.
 */
function credentialsFromEnv(
  raw: (name: InputName) => string,
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
  errors: string[],
): Credentials | undefined {
  if (raw('token') || raw('access-key-id') || raw('access-key-secret')) return undefined;
  const read = (name: string): string => (env[name] ?? '').trim();
  const [id, secret, sts] = [
    read(ENV_CREDENTIALS.id),
    read(ENV_CREDENTIALS.secret),
    read(ENV_CREDENTIALS.token),
  ];
  for (const value of [secret, sts]) maskSecret(value, mask);
  if (!id || !secret) {
    if (raw('security-token'))
      errors.push(
        `security-token: only used with access-key-id and access-key-secret, or with ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} (STS credentials).`,
      );
    errors.push(
      `token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given, or ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} are set (as aliyun/configure-aliyun-credentials-action does).`,
    );
    return undefined;
  }
  if (![id, secret, sts].every(headerSafe)) {
    errors.push(
      `token: ${ENV_CREDENTIALS.id}, ${ENV_CREDENTIALS.secret} or ${ENV_CREDENTIALS.token} has a control character or a character outside Latin-1, which no HTTP header can carry.`,
    );
    return undefined;
  }
  const securityToken = raw('security-token') || sts;
  return {
    kind: 'access-key',
    accessKeyId: id,
    accessKeySecret: secret,
    ...(securityToken ? { securityToken } : {}),
  };
}

const EMAS_INPUTS = ['emas-job-instance-id', 'emas-md5', 'service-connection-id'] as const;

function readEmas(
  raw: (name: InputName) => string,
  read: (name: InputName) => string | undefined,
  errors: string[],
): EmasInputs | undefined {
  const given = EMAS_INPUTS.filter((n) => raw(n));
  if (given.length === 0) return undefined;
  if (given.length < EMAS_INPUTS.length) {
    const missing = EMAS_INPUTS.filter((n) => !raw(n));
    errors.push(
      `${missing.join(', ')}: required with ${given.join(', ')} (the EMAS artifact needs all three, or none to use the run's own).`,
    );
    return undefined;
  }
  const [emasJobInstanceId, md5, serviceConnectionId] = EMAS_INPUTS.map(read);
  if (emasJobInstanceId === undefined || md5 === undefined || serviceConnectionId === undefined)
    return undefined;
  return { emasJobInstanceId, md5, serviceConnectionId };
}
