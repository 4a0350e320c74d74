// One error type for every failed Yunxiao call: HTTP status, Yunxiao's error code and message, the
// request id to quote to support, and a hint saying what to do about it.

export interface YunxiaoErrorFields {
  operation: string;
  status?: number;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  hint?: string;
  retryable: boolean;
}

export class YunxiaoError extends Error implements YunxiaoErrorFields {
  override name = 'YunxiaoError';
  readonly operation: string;
  readonly status?: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestId?: string;
  readonly hint?: string;
  readonly retryable: boolean;

  constructor(fields: YunxiaoErrorFields) {
    super(describe(fields));
    this.operation = fields.operation;
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.errorMessage = fields.errorMessage;
    this.requestId = fields.requestId;
    this.hint = fields.hint;
    this.retryable = fields.retryable;
  }
}

/** One line (annotations and logs show the first line only): a server's message may hold newlines. */
function describe(f: YunxiaoErrorFields): string {
  const parts = [`${f.operation} failed`];
  if (f.status !== undefined) parts.push(`: HTTP ${f.status}`);
  if (f.errorCode) parts.push(` ${clip(f.errorCode, 100)}`);
  if (f.errorMessage) parts.push(`: ${clip(f.errorMessage, 500)}`);
  if (f.requestId) parts.push(` (request id ${clip(f.requestId, 100)})`);
  let text = parts.join('').replace(/\s+/g, ' ');
  if (f.hint) text += `. Hint: ${f.hint}`;
  return text;
}

/**
 * An answer that came with a success status but is not what the operation returns: an HTML page, an
 * empty body, text that is not JSON, JSON of another shape, or an answer about something else.
 */
export type BadAnswerKind = 'html' | 'empty' | 'not-json' | 'shape' | 'mismatch' | 'too-large';

export class AnswerError extends Error {
  override name = 'AnswerError';
  constructor(
    readonly kind: BadAnswerKind,
    message: string,
  ) {
    super(message);
  }
}

/** A server's text cut to a length that fits a message (it was redacted before: see Transport). */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What each API generation says about a failure it recognises. */
export type HintFor = (
  operation: string,
  status: number | undefined,
  errorCode: string | undefined,
  bad?: BadAnswerKind,
) => string | undefined;

/** The hint for an answer that is not what was expected, whichever API generation. */
export function badAnswerHint(bad: BadAnswerKind | undefined, endpointHint: string): string | undefined {
  if (bad === 'html')
    return 'an HTML page with status 200 is most often a login page: check `endpoint`, the credentials and `organization-id`, or a proxy that wants a login';
  if (bad === 'too-large') return 'the answer is far larger than any real one; check `endpoint`';
  if (bad) return endpointHint;
  return undefined;
}

/** Token permission each OpenAPI operation needs (yunxiao-api.md section 1). */
export function permissionFor(operation: string): string {
  if (/^(Stop|Resume)VMDeployOrder$|^(Skip|Retry)VMDeployMachine$/.test(operation))
    return 'Flow > host deployment (read-write)';
  if (/VMDeploy/.test(operation)) return 'Flow > host deployment (read-only)';
  if (/PipelineRun/.test(operation)) return 'Flow > pipeline run (read-only)';
  return 'Flow > pipeline (read-only)';
}

export const openApiHint: HintFor = (operation, status, code, bad) => {
  if (bad)
    return badAnswerHint(
      bad,
      'the endpoint may not be a Yunxiao API (check `endpoint`), or a proxy answered instead',
    );
  if (code === 'UnsupportedInCurrentEnv')
    return 'this operation is not available in this edition; set `edition` to `central` (openapi-rdc.aliyuncs.com) or `region` (your instance domain)';
  if (status === 401 || code === 'ExpiredTokenError' || code === 'InvalidTokenError')
    return 'the personal access token is invalid or expired; create a new one in Yunxiao and update the `token` secret';
  if (status === 403) {
    if (code?.startsWith('Forbidden.InvalidUser') || code === 'Forbidden.InvalidOrganizationMember')
      return "the token's user is not a member of this organisation; check `organization-id`";
    return `the token lacks the permission ${permissionFor(operation)}; add it to the token in Yunxiao`;
  }
  if (status === 404)
    return 'check the pipeline, run and deploy order ids, `organization-id`, and `edition` (central paths carry /organizations/{id}, region paths do not)';
  if (status === 429 || code === 'TooManyRequests')
    return 'Yunxiao is rate-limiting this token; raise `poll-interval`';
  if (status !== undefined && status >= 500)
    return 'Yunxiao had a server error; it usually passes, run the job again';
  return undefined;
};

/** A failure that never got an HTTP answer (reset, refused, DNS, timeout). */
export function networkError(operation: string, cause: unknown, url: string): YunxiaoError {
  const code = (cause as { code?: string } | undefined)?.code;
  const msg = cause instanceof Error ? cause.message : String(cause);
  return new YunxiaoError({
    operation,
    errorCode: code,
    errorMessage: `no answer from ${new URL(url).host} (${msg})`,
    hint: 'check the endpoint and the network (proxy variables HTTPS_PROXY / NO_PROXY on self-hosted runners)',
    retryable: true,
  });
}

export const classicHint: HintFor = (operation, status, code, bad) => {
  if (bad)
    return badAnswerHint(
      bad,
      'check `endpoint` (the classic API is https://devops.cn-hangzhou.aliyuncs.com), or a proxy answered instead',
    );
  const c = code ?? '';
  if (c.startsWith('InvalidAccessKeyId'))
    return 'the AccessKey ID is unknown or disabled; check `access-key-id`';
  if (c === 'SignatureDoesNotMatch' || c === 'IncompleteSignature' || c === 'InvalidAuthorization')
    return 'the signature does not match: check `access-key-secret` (and `security-token` for STS credentials)';
  if (c.startsWith('InvalidTimeStamp') || c === 'SignatureNonceUsed')
    return "the request time was refused: check the runner's clock (it must be within 15 minutes of UTC)";
  if (c.startsWith('InvalidSecurityToken'))
    return 'the STS token is invalid or expired; request new STS credentials';
  if (c.includes('Throttling')) return 'Alibaba Cloud is throttling these credentials; raise `poll-interval`';
  if (c.includes('UserNotInCurrentOrganization') || c === 'InvalidUser.NotFound')
    return "the AccessKey's RAM user is not a member of this Yunxiao organisation; check `organization-id`";
  if (status === 403 || c.startsWith('Forbidden'))
    return `the RAM user lacks the permission for ${operation} (grant AliyunRDCFullAccess, or a policy allowing devops:${operation}), and Yunxiao ${permissionFor(operation)}`;
  if (status === 404 || c.endsWith('.NotFound'))
    return 'check `organization-id` and the pipeline, run and deploy order ids';
  if (status !== undefined && status >= 500)
    return 'Alibaba Cloud had a server error; it usually passes, run the job again';
  return undefined;
};
