// The CodeArts gate's inputs (codearts/action.yml): credentials (AK/SK, with an STS token, or an IAM
// token; the standard Huawei Cloud variables as fallbacks), where the API is, which run to watch
// (by id, a new one, by commit, or the newest), and the policy. Read with the shared reader: every
// problem together, secrets masked first, before any request.
import type { Policy } from '../../core/policy.js';
import { COMMON_DEFAULTS, MAX_RETRIES, readCommon, type CommonConfig } from '../../inputs/common.js';
import { headerSafe, InputReader, maskSecret, type InputSpec } from '../../inputs/reader.js';
import { parseBoolean, parseCount, parseEndpoint, parseEnum, type Parsed } from '../../inputs/values.js';
import type { CodeArtsCredentials } from './client.js';
import { endpointFor, REGIONS } from './regions.js';

export const INPUT_NAMES = [
  'region',
  'endpoint',
  'access-key',
  'secret-key',
  'security-token',
  'auth-token',
  'project-id',
  'pipeline-id',
  'pipeline-run-id',
  'start',
  'variables',
  'choose-stages',
  'choose-jobs',
  'description',
  'commit',
  'wait',
  'timeout',
  'poll-interval',
  'manual-review',
  'review-comment',
  'retry-failed',
  'on-failure',
  'stop-on-cancel',
  'step-logs',
  'summary',
  'github-token',
  'environment',
] as const;

type InputName = (typeof INPUT_NAMES)[number];

/** What to watch: a run by id, a run this gate starts, the newest run of a commit, or the newest run. */
export type Target =
  | { kind: 'run'; runId: string }
  | {
      kind: 'start';
      variables: Array<{ name: string; value: string }>;
      stages: string[];
      jobs: string[];
      description?: string;
    }
  | { kind: 'commit'; sha: string }
  | { kind: 'newest' };

export interface CodeArtsConfig extends CommonConfig {
  credentials: CodeArtsCredentials;
  /** base URL without a trailing slash */
  endpoint: string;
  /** the region given (or from HUAWEI_CLOUD_REGION), when one was */
  region?: string;
  projectId: string;
  pipelineId: string;
  target: Target;
  policy: Policy;
  /** sent with a pass or refuse */
  reviewComment?: string;
  stepLogs: boolean;
}

/** Defaults of action.yml, applied when an input is empty (the runner fills them in; tests may not). */
export const DEFAULTS: Readonly<Record<string, string>> = {
  ...COMMON_DEFAULTS,
  start: 'false',
  'manual-review': 'wait',
  'step-logs': 'true',
};

/** The standard variables, as huaweicloud/auth-action exports them. Inputs always win. */
export const ENV_NAMES = {
  region: 'HUAWEI_CLOUD_REGION',
  accessKey: 'HUAWEI_CLOUD_ACCESS_KEY_ID',
  secretKey: 'HUAWEI_CLOUD_SECRET_ACCESS_KEY',
  securityToken: 'HUAWEI_CLOUD_SECURITY_TOKEN',
} as const;

const SPEC: InputSpec = {
  names: INPUT_NAMES,
  defaults: DEFAULTS,
  secrets: ['secret-key', 'security-token', 'auth-token', 'github-token'],
  headers: ['access-key', 'secret-key', 'security-token', 'auth-token', 'github-token'],
};

/** shown in a bad endpoint's error */
const ENDPOINT_EXAMPLE = endpointFor('cn-north-4')!;
/** Variables sent with a start at most; RunPipeline takes a value of up to 8192 characters. */
const MAX_VARIABLES = 100;
const MAX_VALUE_CHARS = 8192;
const MAX_DESCRIPTION_CHARS = 1024;
const MAX_COMMENT_CHARS = 1024;

export type ParseResult = { ok: true; config: CodeArtsConfig } | { ok: false; errors: string[] };

/**
 * Reads and validates every input before any request. `get` returns '' for an unset input (trimmed,
 * like core.getInput); `mask` registers a secret with the runner. All problems come back together.
 */
export function parseInputs(
  get: (name: string) => string,
  mask: (secret: string) => void,
  env: NodeJS.ProcessEnv = {},
): ParseResult {
  const fromEnv = (name: string): string => (env[name] ?? '').trim();
  // The variables' secrets are masked the moment they are read, like the inputs'.
  for (const name of [ENV_NAMES.secretKey, ENV_NAMES.securityToken]) maskSecret(fromEnv(name), mask);
  const r = new InputReader(SPEC, get, mask);
  const raw = (name: InputName): string => r.raw(name);

  const credentials = readCredentials(r, fromEnv);
  const region = raw('region') || fromEnv(ENV_NAMES.region) || undefined;
  let endpoint = '';
  if (raw('endpoint')) endpoint = r.take('endpoint', (t) => parseEndpoint(t, ENDPOINT_EXAMPLE), '');
  else if (!region)
    r.error(
      `region: required unless endpoint is set (or ${ENV_NAMES.region} is); use a region id such as cn-north-4.`,
    );
  else {
    const known = endpointFor(region);
    if (known) endpoint = known;
    else
      r.error(
        `region: ${r.shown('region', region)} has no known CodeArts Pipeline endpoint; use one of ${REGIONS.join(', ')}, or set endpoint.`,
      );
  }

  const projectId = required(
    r,
    'project-id',
    'the CodeArts project id (32 letters and digits, from the project URL)',
  );
  const pipelineId = required(
    r,
    'pipeline-id',
    'the pipeline id (32 letters and digits, from the pipeline URL)',
  );
  const target = readTarget(r);
  const { common, onFailure } = readCommon(r);
  const policy: Policy = {
    // Jobs are not hosts: nothing is unreachable, and a job not selected for a run is skipped by design.
    skipUnreachable: false,
    maxSkipped: { kind: 'any' },
    retryFailed: r.take('retry-failed', (t) => parseCount(t, MAX_RETRIES), 0),
    confirm: r.take('manual-review', (t) => parseEnum(t, ['wait', 'pass', 'refuse'] as const), 'wait'),
    onFailure,
  };
  const reviewComment = raw('review-comment') || undefined;
  if (reviewComment && reviewComment.length > MAX_COMMENT_CHARS)
    r.error(`review-comment: is ${reviewComment.length} characters long; use at most ${MAX_COMMENT_CHARS}.`);
  if (reviewComment && policy.confirm === 'wait')
    r.error(
      'review-comment: only sent with manual-review: pass or refuse; the gate does not act on reviews with wait.',
    );
  if (policy.confirm !== 'wait' && !common.wait)
    r.error(
      `manual-review: ${policy.confirm} acts on a review while the gate watches; with wait: false it would never be used.`,
    );

  const config: CodeArtsConfig = {
    ...common,
    credentials: credentials ?? { kind: 'token', token: '' },
    endpoint,
    ...(region ? { region } : {}),
    projectId,
    pipelineId,
    target,
    policy,
    ...(reviewComment ? { reviewComment } : {}),
    stepLogs: r.take('step-logs', parseBoolean, true),
  };
  const errors = r.sortedErrors();
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/** 32 letters and digits: the ids CodeArts shows in its URLs. */
function codeArtsId(text: string, what: string): Parsed<string> {
  const t = text.trim();
  return /^[A-Za-z0-9]{32}$/.test(t)
    ? { ok: true, value: t }
    : { ok: false, problem: 'is not a CodeArts id', accepted: `${what}` };
}

function required(r: InputReader, name: InputName, what: string): string {
  if (!r.raw(name)) {
    r.error(`${name}: required; use ${what}.`);
    return '';
  }
  return r.take(name, (t) => codeArtsId(t, what), '');
}

/**
 * Exactly one of an IAM token or the AK/SK pair: from the inputs, or (no credential input at all)
 * the AK/SK from the environment. An STS token goes with an AK/SK only.
 */
function readCredentials(r: InputReader, fromEnv: (name: string) => string): CodeArtsCredentials | undefined {
  const token = r.raw('auth-token');
  let ak = r.raw('access-key');
  let sk = r.raw('secret-key');
  let sts = r.raw('security-token');
  if (token && (ak || sk)) {
    r.error('auth-token: give either auth-token (an IAM token) or access-key + secret-key, not both.');
    return undefined;
  }
  if (token) {
    if (sts)
      r.error(
        'security-token: only used with access-key and secret-key (temporary AK/SK), not with auth-token.',
      );
    return { kind: 'token', token };
  }
  if (!ak && !sk) {
    ak = fromEnv(ENV_NAMES.accessKey);
    sk = fromEnv(ENV_NAMES.secretKey);
    sts ||= ak && sk ? fromEnv(ENV_NAMES.securityToken) : '';
    if (!ak || !sk) {
      r.error(
        `access-key: required (with secret-key), unless auth-token is given or ${ENV_NAMES.accessKey} and ${ENV_NAMES.secretKey} are set (as huaweicloud/auth-action does).`,
      );
      return undefined;
    }
    if (![ak, sk, sts].every(headerSafe)) {
      r.error(
        `access-key: ${ENV_NAMES.accessKey}, ${ENV_NAMES.secretKey} or ${ENV_NAMES.securityToken} has a control character or a character outside Latin-1, which no HTTP header can carry.`,
      );
      return undefined;
    }
  } else if (!ak || !sk) {
    const [missing, given] = ak ? ['secret-key', 'access-key'] : ['access-key', 'secret-key'];
    r.error(`${missing}: required with ${given}.`);
    return undefined;
  }
  return { kind: 'aksk', accessKey: ak, secretKey: sk, ...(sts ? { securityToken: sts } : {}) };
}

/** pipeline-run-id, start (with what it sends), commit, or none of them: the newest run. */
function readTarget(r: InputReader): Target {
  const raw = (name: InputName): string => r.raw(name);
  const start = r.take('start', parseBoolean, false);
  const runId = raw('pipeline-run-id');
  const commit = raw('commit');
  const startOnly = (['variables', 'choose-stages', 'choose-jobs', 'description'] as const).filter((n) =>
    raw(n),
  );
  if (start && runId)
    r.error('pipeline-run-id: cannot be used with start: true (the gate watches the run it starts).');
  if (commit && (start || runId))
    r.error(
      `commit: cannot be used with ${start ? 'start: true' : 'pipeline-run-id'}; commit picks the run to watch when neither is given.`,
    );
  if (!start)
    for (const name of startOnly)
      r.error(`${name}: only used with start: true (it is sent when the gate starts a run).`);

  if (runId) {
    const id = r.take(
      'pipeline-run-id',
      (t) => codeArtsId(t, 'the run id (32 letters and digits, from the run URL)'),
      '',
    );
    return { kind: 'run', runId: id };
  }
  if (start) {
    const description = raw('description') || undefined;
    if (description && description.length > MAX_DESCRIPTION_CHARS)
      r.error(`description: is ${description.length} characters long; use at most ${MAX_DESCRIPTION_CHARS}.`);
    return {
      kind: 'start',
      variables: r.take('variables', parseVariables, []),
      stages: r.optional('choose-stages', (t) => parseIdentifiers(t, 'stage')) ?? [],
      jobs: r.optional('choose-jobs', (t) => parseIdentifiers(t, 'job')) ?? [],
      ...(description ? { description } : {}),
    };
  }
  if (commit) return { kind: 'commit', sha: r.take('commit', parseSha, '') };
  return { kind: 'newest' };
}

/** One `NAME=value` per line; blank lines ignored; a name at most once. */
export function parseVariables(text: string): Parsed<Array<{ name: string; value: string }>> {
  const accepted =
    'one NAME=value per line (NAME of letters, digits, _, - and ., starting with a letter or _)';
  const out: Array<{ name: string; value: string }> = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    const name = eq < 0 ? line.trim() : line.slice(0, eq).trim();
    if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(name))
      return { ok: false, problem: `has line ${i + 1} that is not NAME=value`, accepted };
    if (seen.has(name)) return { ok: false, problem: `sets ${name} twice`, accepted };
    const value = line.slice(eq + 1);
    if (value.length > MAX_VALUE_CHARS)
      return {
        ok: false,
        problem: `has a value of ${name} longer than ${MAX_VALUE_CHARS} characters`,
        accepted,
      };
    seen.add(name);
    out.push({ name, value });
  }
  if (out.length > MAX_VARIABLES)
    return { ok: false, problem: `sets ${out.length} variables`, accepted: `at most ${MAX_VARIABLES}` };
  return { ok: true, value: out };
}

/** Comma-separated identifiers, as the pipeline's YAML names its stages and jobs. */
function parseIdentifiers(text: string, what: string): Parsed<string[]> {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !/^[A-Za-z0-9_.-]{1,128}$/.test(id));
  return bad === undefined && ids.length > 0
    ? { ok: true, value: [...new Set(ids)] }
    : {
        ok: false,
        problem:
          bad === undefined
            ? 'names nothing'
            : `has ${JSON.stringify(bad.slice(0, 40))}, which is not an identifier`,
        accepted: `comma-separated ${what} identifiers (letters, digits, _, - and .), as in the pipeline's definition`,
      };
}

/** A commit SHA, full or abbreviated (at least 7 hex digits). */
function parseSha(text: string): Parsed<string> {
  const t = text.trim().toLowerCase();
  return /^[0-9a-f]{7,64}$/.test(t)
    ? { ok: true, value: t }
    : {
        ok: false,
        problem: 'is not a commit SHA',
        accepted: 'a commit SHA of 7 to 64 hex digits, for example ${{ github.sha }}',
      };
}
