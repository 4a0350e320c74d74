// One error type for every failed API call, whichever provider: the HTTP status, the service's error
// code and message, the request id to quote to support, and a hint (the provider's) saying what to do.
import { clip } from '../common/redact.js';

export interface ApiErrorFields {
  operation: string;
  status?: number;
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  hint?: string;
  retryable: boolean;
}

export class ApiError extends Error implements ApiErrorFields {
  override name = 'ApiError';
  readonly operation: string;
  readonly status?: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestId?: string;
  readonly hint?: string;
  readonly retryable: boolean;

  constructor(fields: ApiErrorFields) {
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
function describe(f: ApiErrorFields): string {
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

/** A failure that never got an HTTP answer (reset, refused, DNS, timeout). */
export function networkError(operation: string, cause: unknown, url: string): ApiError {
  const code = (cause as { code?: string } | undefined)?.code;
  const msg = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({
    operation,
    errorCode: code,
    errorMessage: `no answer from ${new URL(url).host} (${msg})`,
    hint: 'check the endpoint and the network (proxy variables HTTPS_PROXY / NO_PROXY on self-hosted runners)',
    retryable: true,
  });
}
