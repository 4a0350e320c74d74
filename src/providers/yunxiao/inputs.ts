// The Yunxiao gate's inputs (action.yml): credentials (a token, an AccessKey, or the standard
// Alibaba Cloud variables), where the API is, which pipeline, run or order, and the policy. Read with
// the shared reader (all problems together, secrets masked first) before any request.
import type { Budget, Policy } from '../../core/policy.js';
import { COMMON_DEFAULTS, MAX_RETRIES, readCommon, type CommonConfig } from '../../inputs/common.js';
import { headerSafe, InputReader, maskSecret, type InputSpec } from '../../inputs/reader.js';
import { readRunChoice, type StartInputs } from './run-inputs.js';
import {
  parseBoolean,
  parseBudget,
  parseCount,
  parseEndpoint,
  parseEnum,
  parseId,
  parseSegment,
  parseSlug,
  type Parsed,
} from '../../inputs/values.js';

const WHERE = 'the Yunxiao URL';
const yunxiaoId = (t: string): Parsed<string> => parseId(t, WHERE);
const organizationIdOf = (t: string): Parsed<string> =>
  parseSlug(t, 'an organization id', WHERE, '5ebbc0228123212b59xxxxx');

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
  'start',
  'branch',
  'tag',
  'variables',
  'comment',
  'new-run-only',
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

export type Edition = 'central' | 'region';

export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'access-key'; accessKeyId: string; accessKeySecret: string; securityToken?: string };

export interface EmasInputs {
  emasJobInstanceId: string;
  md5: string;
  serviceConnectionId: string;
}

export interface YunxiaoConfig extends CommonConfig {
  credentials: Credentials;
  /** base URL without trailing slash, e.g. https://openapi-rdc.aliyuncs.com */
  endpoint: string;
  /** resolved edition (auto already decided); ignored by the classic API */
  edition: Edition;
  organizationId?: string;
  pipelineId: string;
  deployOrderId?: string;
  pipelineRunId?: string;
  job?: string;
  /** start: true: start a run with these (CreatePipelineRun), then gate its deploy */
  start?: StartInputs;
  /** wait for a run newer than the newest when the gate began, and gate its deploy */
  newRunOnly: boolean;
  policy: Policy;
  machineLogs: boolean;
  /** all three explicit EMAS inputs, or undefined */
  emas?: EmasInputs;
}

/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
export const DEFAULTS: Readonly<Record<string, string>> = {
  ...COMMON_DEFAULTS,
  edition: 'auto',
  start: 'false',
  'new-run-only': 'false',
  'skip-unreachable': 'false',
  'max-skipped': '10%',
  resume: 'never',
  'machine-logs': 'true',
};

export const CENTRAL_HOST = 'openapi-rdc.aliyuncs.com';
export const OPENAPI_ENDPOINT = `https://${CENTRAL_HOST}`;
export const CLASSIC_ENDPOINT = 'https://devops.cn-hangzhou.aliyuncs.com';

const SPEC: InputSpec = {
  names: INPUT_NAMES,
  defaults: DEFAULTS,
  secrets: ['token', 'access-key-secret', 'security-token', 'github-token'],
  headers: ['token', 'access-key-id', 'access-key-secret', 'security-token', 'github-token'],
};

export type ParseResult = { ok: true; config: YunxiaoConfig } | { ok: false; errors: string[] };

/**
 * Reads and validates every input before any request. `get` returns '' for an unset input (trimmed,
 * like core.getInput); `mask` registers a secret with the runner. All problems come back together.
 */
export function parseInputs(
  get: (name: string) => string,
  mask: (secret: string) => void,
  env: NodeJS.ProcessEnv = {},
): ParseResult {
  const r = new InputReader(SPEC, get, mask);
  const raw = (name: InputName): string => r.raw(name);
  const credentials = readCredentials(raw, r) ?? credentialsFromEnv(raw, env, mask, r);
  const defaultEndpoint = credentials?.kind === 'access-key' ? CLASSIC_ENDPOINT : OPENAPI_ENDPOINT;
  const endpointText = raw('endpoint') || defaultEndpoint;
  const endpointParsed = parseEndpoint(endpointText, defaultEndpoint);
  const endpoint = r.take('endpoint', () => endpointParsed, OPENAPI_ENDPOINT);
  const editionChoice = r.take(
    'edition',
    (t) => parseEnum(t, ['central', 'region', 'auto'] as const),
    'auto',
  );
  const edition: Edition =
    editionChoice === 'auto'
      ? new URL(endpoint).hostname === CENTRAL_HOST
        ? 'central'
        : 'region'
      : editionChoice;
  const organizationId = r.optional('organization-id', organizationIdOf);
  if (!raw('organization-id') && credentials?.kind === 'access-key') {
    r.error(
      'organization-id: required with access-key-id / access-key-secret (the classic API has it in every path).',
    );
  } else if (
    !raw('organization-id') &&
    credentials?.kind === 'token' &&
    edition === 'central' &&
    // with a bad endpoint and edition auto the edition is unknown: one error, not a guessed second
    (endpointParsed.ok || editionChoice === 'central')
  ) {
    r.error(
      'organization-id: required for the central edition (openapi-rdc.aliyuncs.com); set it, or set edition: region for a region-edition endpoint.',
    );
  }

  let pipelineId = '';
  if (!raw('pipeline-id')) r.error('pipeline-id: required; use the numeric id of the Yunxiao pipeline.');
  else pipelineId = r.take('pipeline-id', yunxiaoId, '');
  const deployOrderId = r.optional('deploy-order-id', yunxiaoId);
  const pipelineRunId = r.optional('pipeline-run-id', yunxiaoId);
  const { start, newRunOnly } = readRunChoice(r);

  const { common, onFailure } = readCommon(r);
  const resume = r.take('resume', (t) => parseEnum(t, ['never', 'auto'] as const), 'never');
  const policy: Policy = {
    skipUnreachable: r.take('skip-unreachable', parseBoolean, false),
    maxSkipped: r.take<Budget>('max-skipped', (t) => parseBudget(t, 'machine'), {
      kind: 'share',
      percent: 10,
    }),
    retryFailed: r.take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
    // a pause between batches is a point a person confirms: resume never waits, auto passes it
    confirm: resume === 'auto' ? 'pass' : 'wait',
    onFailure,
  };
  const config: YunxiaoConfig = {
    ...common,
    credentials: credentials ?? { kind: 'token', token: '' },
    endpoint,
    edition,
    organizationId,
    pipelineId,
    deployOrderId,
    pipelineRunId,
    job: raw('job') || undefined,
    ...(start ? { start } : {}),
    newRunOnly,
    policy,
    machineLogs: r.take('machine-logs', parseBoolean, true),
    emas: readEmas(raw, (name) => r.optional(name, parseSegment), r),
  };
  const errors = r.sortedErrors();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

function readCredentials(raw: (name: InputName) => string, r: InputReader): Credentials | undefined {
  const token = raw('token');
  const id = raw('access-key-id');
  const secret = raw('access-key-secret');
  const sts = raw('security-token');
  if (sts && !id && !secret && token) {
    r.error('security-token: only used with access-key-id and access-key-secret (STS credentials).');
  }
  if (token && (id || secret)) {
    r.error(
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
    r.error(`${missing}: required with ${given}.`);
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
  r: InputReader,
): Credentials | undefined {
  if (raw('token') || raw('access-key-id') || raw('access-key-secret')) return undefined;
  const read = (name: string): string => (env[name] ?? '').trim();
  const [id, secret, sts] = [
    read(ENV_CREDENTIALS.id),
    read(ENV_CREDENTIALS.secret),
    read(ENV_CREDENTIALS.token),
  ];
  // All three, as aliyun/configure-aliyun-credentials-action masks them (the key id included: with
  // STS it is a short-lived id that names the role session).
  for (const value of [id, secret, sts]) maskSecret(value, mask);
  if (!id || !secret) {
    if (raw('security-token'))
      r.error(
        `security-token: only used with access-key-id and access-key-secret, or with ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} (STS credentials).`,
      );
    r.error(
      `token: required (a Yunxiao personal access token), unless access-key-id and access-key-secret are given, or ${ENV_CREDENTIALS.id} and ${ENV_CREDENTIALS.secret} are set (as aliyun/configure-aliyun-credentials-action does).`,
    );
    return undefined;
  }
  if (![id, secret, sts].every(headerSafe)) {
    r.error(
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
  r: InputReader,
): EmasInputs | undefined {
  const given = EMAS_INPUTS.filter((n) => raw(n));
  if (given.length === 0) return undefined;
  if (given.length < EMAS_INPUTS.length) {
    const missing = EMAS_INPUTS.filter((n) => !raw(n));
    r.error(
      `${missing.join(', ')}: required with ${given.join(', ')} (the EMAS artifact needs all three, or none to use the run's own).`,
    );
    return undefined;
  }
  const [emasJobInstanceId, md5, serviceConnectionId] = EMAS_INPUTS.map(read);
  if (emasJobInstanceId === undefined || md5 === undefined || serviceConnectionId === undefined)
    return undefined;
  return { emasJobInstanceId, md5, serviceConnectionId };
}
