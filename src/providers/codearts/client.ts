// The CodeArts Pipeline v5 API (codearts-api.md 2): the operations the gate needs, under
// /v5/{project_id}/api/pipelines/{pipeline_id}, over the shared Transport. Signed with
// SDK-HMAC-SHA256 for AK/SK (and STS) credentials, or an IAM token in X-Auth-Token; no secret is
// ever part of a URL. Errors come in two bodies, at any HTTP status, 200 included (see
// codeArtsFailure); a start or retry held by the concurrency limit is no error but a queued run.
import { clip } from '../../common/redact.js';
import type { Dispatcher } from '../../http/dispatch.js';
import { USER_AGENT } from '../../version.js';
import { AnswerError, type ApiError } from '../../http/errors.js';
import {
  BodyBuffer,
  Transport,
  type Failure,
  type HttpCall,
  type HttpResponse,
  type RetryPolicy,
} from '../../http/transport.js';
import { readJson, type JsonText, type Keep } from '../../http/json.js';
import { BUSY_CODES, THROTTLE_CODES, codeArtsHint } from './hints.js';
import { percentEncode, signRequest } from './signer.js';
import type {
  CallOptions,
  ListRunsQuery,
  LogQuery,
  PipelineArtifact,
  RunDetail,
  RunPage,
  RunPipelineBody,
  StartResult,
  StepLogPage,
} from './model.js';
import {
  MAX_LOG_BYTES,
  QUEUE_CODES,
  RUN_DETAIL_FIELDS,
  toActionResult,
  toArtifacts,
  toRetryResult,
  toRunDetail,
  toRunPage,
  toStartResult,
  toStepLog,
} from './normalize.js';

/** A run detail read: the model, and the answer's own bytes for the report. */
export interface RunRead {
  run: RunDetail;
  raw: JsonText;
}

export type CodeArtsCredentials =
  | { kind: 'aksk'; accessKey: string; secretKey: string; securityToken?: string }
  | { kind: 'token'; token: string };

export interface CodeArtsClientOptions {
  /** e.g. https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com (see regions.ts) */
  endpoint: string;
  /** the CodeArts project id (32 characters), not the IAM project id */
  projectId: string;
  pipelineId: string;
  credentials: CodeArtsCredentials;
  dispatcher: Dispatcher;
  debug?: (line: string) => void;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** the signing clock (X-Sdk-Date); the system clock by default */
  now?: () => Date;
}

/** Content type of a request with a body, as the SDKs send it. */
const JSON_BODY = 'application/json;charset=UTF-8';

const seg = percentEncode;

/** A query string: keys and values encoded as the signer does (space %20, never `+`). */
function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params).filter((p): p is [string, string] => p[1] !== undefined);
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&')}`;
}

interface Request<T> {
  operation: string;
  method: HttpCall['method'];
  /** under the pipeline's base, starting with `/` (query included) */
  path: string;
  body?: unknown;
  write: boolean;
  read: (res: HttpResponse) => T;
  into?: BodyBuffer;
  maxBytes?: number;
}

export class CodeArtsClient {
  private readonly base: string;
  private readonly transport: Transport;
  private readonly detailBody = new BodyBuffer();

  constructor(private readonly opts: CodeArtsClientOptions) {
    const c = opts.credentials;
    if (c.kind === 'aksk' ? !c.accessKey || !c.secretKey : !c.token)
      throw new Error('CodeArts credentials are incomplete: an access key and a secret key, or an IAM token');
    const endpoint = opts.endpoint.replace(/\/+$/, '');
    this.base = `${endpoint}/v5/${seg(opts.projectId)}/api/pipelines/${seg(opts.pipelineId)}`;
    this.transport = new Transport({
      dispatcher: opts.dispatcher,
      userAgent: USER_AGENT,
      requestTimeoutMs: opts.requestTimeoutMs,
      retry: opts.retry,
      random: opts.random,
      debug: opts.debug,
      secrets: c.kind === 'aksk' ? [c.secretKey, c.securityToken ?? ''].filter(Boolean) : [c.token],
      failureOf: codeArtsFailure,
      hintFor: codeArtsHint,
    });
  }

  /** RunPipeline: starts a run (it may wait in the queue: see StartResult). */
  runPipeline(body: RunPipelineBody = {}, o?: CallOptions): Promise<StartResult> {
    return this.send(
      {
        operation: 'RunPipeline',
        method: 'POST',
        path: '/run',
        body: pick(body, ['variables', 'choose_stages', 'choose_jobs', 'description']),
        write: true,
        read: json(toStartResult),
      },
      o,
    );
  }

  /** ListPipelineRuns, by start time. */
  listRuns(q: ListRunsQuery, o?: CallOptions): Promise<RunPage> {
    const body: Record<string, unknown> = {
      offset: q.offset,
      limit: q.limit,
      sort_key: 'start_time',
      sort_dir: q.sort_dir,
    };
    if (q.status && q.status.length > 0) body['status'] = q.status;
    return this.send(
      {
        operation: 'ListPipelineRuns',
        method: 'POST',
        path: '/pipeline-runs/list',
        body,
        write: false,
        read: json(toRunPage),
      },
      o,
    );
  }

  /**
   * ShowPipelineRunDetail: the run, or the latest run without an id, with the answer as it came
   * (unknown fields kept) for the report. Its bytes are in a buffer the next read reuses: a caller
   * lets go of them before it reads again. An answer about another run than the one asked for is a
   * bad answer, never a verdict.
   */
  getRun(runId?: string, o?: CallOptions): Promise<RunRead> {
    return this.send(
      {
        operation: 'ShowPipelineRunDetail',
        method: 'GET',
        path: `/pipeline-runs/detail${query({ pipeline_run_id: runId })}`,
        write: false,
        into: this.detailBody,
        read: (res) => {
          const raw = readJson(res.bytes, RUN_DETAIL_FIELDS);
          const run = toRunDetail(raw.value);
          if (runId !== undefined && run.id !== runId) throw runMismatch(run.id, runId);
          return { run, raw };
        },
      },
      o,
    );
  }

  /** The last failed attempt of any call, for a verdict that must name the last error seen. */
  lastError(): ApiError | undefined {
    return this.transport.lastError();
  }

  /** StopPipelineRun: true when CodeArts says it stopped the run. */
  async stopRun(runId: string, o?: CallOptions): Promise<boolean> {
    return this.action('StopPipelineRun', 'POST', `${runPath(runId)}/stop`, undefined, o);
  }

  /**
   * RetryPipelineRun: the failed jobs again (or only `jobRunIds`). Undefined when CodeArts says
   * nothing was done; the run's id (and its queue entry when it waits) otherwise.
   */
  async retryRun(
    runId: string,
    jobRunIds?: readonly string[],
    o?: CallOptions,
  ): Promise<StartResult | undefined> {
    return this.send(
      {
        operation: 'RetryPipelineRun',
        method: 'PUT',
        path: `${runPath(runId)}/retry`,
        // the newest SDKs' body; older ones send none, which retries every failed job
        body: jobRunIds && jobRunIds.length > 0 ? { job_run_ids: [...jobRunIds] } : undefined,
        write: true,
        read: (res) => toRetryResult(res.bytes, parse, runId),
      },
      o,
    );
  }

  /** AcceptManualReview: passes a waiting review step (task official_devcloud_checkpoint). */
  passReview(
    runId: string,
    jobRunId: string,
    stepRunId: string,
    description?: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.review('AcceptManualReview', 'pass', runId, jobRunId, stepRunId, description, o);
  }

  /** RejectManualReview: refuses a waiting review step. */
  refuseReview(
    runId: string,
    jobRunId: string,
    stepRunId: string,
    description?: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.review('RejectManualReview', 'refuse', runId, jobRunId, stepRunId, description, o);
  }

  /** AcceptCheckpoint: passes a stage's waiting entry check point (a `pre` step). */
  passCheckpoint(runId: string, stepRunId: string, description?: string, o?: CallOptions): Promise<boolean> {
    return this.checkpoint('AcceptCheckpoint', 'pass', runId, stepRunId, description, o);
  }

  /** RejectCheckpoint: refuses a stage's waiting entry check point. */
  refuseCheckpoint(
    runId: string,
    stepRunId: string,
    description?: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.checkpoint('RejectCheckpoint', 'refuse', runId, stepRunId, description, o);
  }

  /** ShowPipelineLog: one page of a step's log. */
  async getStepLog(
    runId: string,
    jobRunId: string,
    stepRunId: string,
    q: LogQuery,
    o?: CallOptions,
  ): Promise<StepLogPage> {
    const body: Record<string, unknown> = { limit: q.limit, sort: q.sort };
    if (q.start_offset !== undefined) body['start_offset'] = q.start_offset;
    if (q.end_offset !== undefined) body['end_offset'] = q.end_offset;
    return this.send(
      {
        operation: 'ShowPipelineLog',
        method: 'POST',
        path: `${runPath(runId)}/jobs/${idSegment(jobRunId, 'job run')}/steps/${idSegment(stepRunId, 'step run')}/logs`,
        body,
        write: false,
        read: json(toStepLog),
        maxBytes: MAX_LOG_BYTES,
      },
      o,
    );
  }

  /** ShowPipelineArtifacts: the run's build products. */
  async listArtifacts(runId: string, o?: CallOptions): Promise<PipelineArtifact[]> {
    return this.send(
      {
        operation: 'ShowPipelineArtifacts',
        method: 'GET',
        path: `${runPath(runId)}/artifacts`,
        write: false,
        read: json(toArtifacts),
      },
      o,
    );
  }

  private async review(
    operation: string,
    action: 'pass' | 'refuse',
    runId: string,
    jobRunId: string,
    stepRunId: string,
    description: string | undefined,
    o?: CallOptions,
  ): Promise<boolean> {
    const path = `${runPath(runId)}/jobs/${idSegment(jobRunId, 'job run')}/steps/${idSegment(stepRunId, 'step run')}/${action}`;
    return this.action(operation, 'POST', path + query({ approval_description: description }), undefined, o);
  }

  private async checkpoint(
    operation: string,
    action: 'pass' | 'refuse',
    runId: string,
    stepRunId: string,
    description: string | undefined,
    o?: CallOptions,
  ): Promise<boolean> {
    // The docs show RejectCheckpoint with the body `{ }` (the SDK's AcceptCheckpoint has none, and
    // an empty object is harmless there). Where a description goes is documented for neither: it is
    // sent as the manual review's `approval_description` query (UNVERIFIED).
    const path = `${runPath(runId)}/steps/${idSegment(stepRunId, 'step run')}/manual/${action}`;
    return this.action(operation, 'POST', path + query({ approval_description: description }), {}, o);
  }

  private action(
    operation: string,
    method: HttpCall['method'],
    path: string,
    body: unknown,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.send(
      { operation, method, path, body, write: true, read: (res) => toActionResult(res.bytes, parse) },
      o,
    );
  }

  private send<T>(r: Request<T>, o?: CallOptions): Promise<T> {
    const url = this.base + r.path;
    const body = r.body === undefined ? undefined : JSON.stringify(r.body);
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': JSON_BODY };
    const c = this.opts.credentials;
    if (c.kind === 'token') headers['x-auth-token'] = c.token;
    return this.transport.send<T>({
      operation: r.operation,
      method: r.method,
      url,
      headers,
      body,
      write: r.write,
      signal: o?.signal,
      read: r.read,
      into: r.into,
      maxBytes: r.maxBytes,
      // Signed afresh at each attempt (the date is part of it): content-type when a body is sent,
      // host, x-sdk-date and x-security-token (signer.ts).
      sign:
        c.kind === 'aksk'
          ? () =>
              signRequest({
                method: r.method,
                url,
                headers: body === undefined ? {} : { 'content-type': JSON_BODY },
                body,
                accessKey: c.accessKey,
                secretKey: c.secretKey,
                securityToken: c.securityToken,
                date: this.opts.now?.(),
              }).headers
          : undefined,
    });
  }
}

const runPath = (runId: string): string => `/pipeline-runs/${idSegment(runId, 'run')}`;

/**
 * An id (from the server's answers) as one path segment, percent-encoded. Never empty, `.` or `..`:
 * a URL parser resolves those, and a pass, a retry or a stop would go to another path than the one
 * the gate means (`…/steps/../manual/pass` is `…/manual/pass`). Refused before anything is sent.
 */
function idSegment(id: string, what: string): string {
  if (id === '' || id === '.' || id === '..')
    throw new Error(`the ${what} id ${JSON.stringify(id)} cannot name a path segment: nothing was sent`);
  return seg(id);
}

const parse = (bytes: Uint8Array): unknown => readJson(bytes).value;

/** A reader of a JSON answer into the model: SyntaxError and ShapeError say it is a bad answer. */
function json<T>(normalize: (raw: unknown) => T): (res: HttpResponse) => T {
  return (res) => normalize(readJson(res.bytes).value);
}

/** The fields of `body` that are set, no others (a caller's object may carry more). */
function pick<T extends object>(body: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
  return out;
}

/** An answer about another run than the one asked for. */
export function runMismatch(got: string, asked: string): AnswerError {
  return new AnswerError('mismatch', `the answer is about run "${clip(got, 40)}", not run ${asked}`);
}

/** What codeArtsFailure reads of an answer (a large one is checked, not built). */
const FAILURE_FIELDS: Keep = {
  error_code: true,
  error_msg: true,
  error: true,
  code: true,
  message: true,
  request_id: true,
};

/** `"error` (a key error_code or error, or a string starting so): only then is a 2xx answer read for an error. */
const ERROR_MARK = Buffer.from('"error');

/**
 * The documented error bodies, `{error_code, error_msg}` and `{error: {code, message}}`, at ANY
 * HTTP status: an error inside a 200 is an error (codearts-api.md 2.8). Except a queued start
 * (DEVPIPE.00011169/70 with the run's id in `error`): the run started, and the reader returns it
 * (only RunPipeline and RetryPipelineRun answer so; any other reader finds no answer of its shape).
 * Throttling (COCT.0070003, APIG(W).0308, HTTP 429) is retried, and a write refused by it repeated;
 * "busy" codes and 5xx are retried (not a write); everything else is not.
 */
export function codeArtsFailure(res: HttpResponse): Failure | undefined {
  const requestId = header(res, 'x-request-id');
  const ok = res.status < 400;
  // A success answer is read for an error only when it may hold one: a step log of many MB is not
  // parsed twice.
  if (ok && Buffer.from(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength).indexOf(ERROR_MARK) < 0)
    return undefined;
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = readJson(res.bytes, FAILURE_FIELDS).value;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  // With a success status, what a body that is no error is instead is the reader's to say.
  if (!body) return ok ? undefined : { errorMessage: 'non-JSON answer', requestId, showBody: true };
  const nested =
    body['error'] && typeof body['error'] === 'object' && !Array.isArray(body['error'])
      ? (body['error'] as Record<string, unknown>)
      : {};
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  let code = text(body['error_code']) ?? text(nested['code']);
  if (code !== undefined && QUEUE_CODES.has(code) && text(nested['pipeline_run_id']) !== undefined)
    return undefined;
  if (ok && code === undefined) return undefined;
  // Not the documented bodies: what the Go SDK also reads (code, message), or an `error` string.
  code ??= text(body['code']);
  const message =
    text(body['error_msg']) ?? text(nested['message']) ?? text(body['message']) ?? text(body['error']);
  const throttled = (code !== undefined && THROTTLE_CODES.has(code)) || res.status === 429;
  const retryable =
    throttled || (code !== undefined && BUSY_CODES.has(code)) || res.status >= 500
      ? true
      : code !== undefined
        ? false
        : undefined;
  const failure: Failure = {
    errorCode: code,
    errorMessage: message,
    requestId: requestId ?? text(body['request_id']),
  };
  if (throttled) failure.throttled = true;
  if (retryable !== undefined) failure.retryable = retryable;
  if (code === undefined && message === undefined) failure.showBody = true;
  return failure;
}

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
