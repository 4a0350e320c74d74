// The transport both API clients share: over an injected dispatcher (Node's own client, or undici
// for proxies and tests, which plug in there), a per-attempt timeout, the caller's AbortSignal, and
// retries with full-jitter backoff.
import { request, type Dispatcher, type ResponseData } from './dispatch.js';
import { AnswerError, networkError, ApiError, type BadAnswerKind, type HintFor } from './errors.js';
import { clip, redact, redactedPreview } from '../common/redact.js';
import { messageOf } from '../common/message.js';
import { sleep } from '../common/sleep.js';
import { collectYoung } from '../common/gc.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };
/** A server asking for more than this is not waited for beyond it (the deadline still rules). */
const MAX_RETRY_AFTER_MS = 60_000;

export interface HttpCall<T = HttpResponse> {
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** skip, retry, resume, stop: repeated only when surely not processed (see shouldRetry) */
  write: boolean;
  signal?: AbortSignal;
  /** headers computed afresh for each attempt (a signature carries its own date and nonce) */
  sign?: (call: HttpCall<T>) => Record<string, string>;
  /** read the body into this buffer, reused from call to call (an answer fetched at every poll) */
  into?: BodyBuffer;
  /**
   * The result, from an answer that is not a failure. Throwing SyntaxError or AnswerError says the
   * answer is not what the operation returns: a bad answer, retried like a 5xx (see Transport.send).
   */
  read?: (res: HttpResponse) => T;
  /** the largest answer accepted, in bytes (DEFAULT_MAX_BYTES when absent) */
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the body as received */
  bytes: Uint8Array;
  /** the body decoded (UTF-8), on first use: a large order is read from `bytes` and never decoded whole */
  readonly text: string;
}

export function httpResponse(
  status: number,
  headers: HttpResponse['headers'],
  bytes: Uint8Array,
): HttpResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get text(): string {
      return (text ??= new TextDecoder().decode(bytes));
    },
  };
}

/** The body starts with `<` (after white space): an HTML page from a gateway, not a JSON answer. */
export function looksLikeMarkup(res: HttpResponse): boolean {
  for (const b of res.bytes) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x3c;
  }
  return false;
}

/** What the API generation reads from a failed answer. */
export interface Failure {
  errorCode?: string;
  errorMessage?: string;
  requestId?: string;
  /** throttled: refused before any work was done */
  throttled?: boolean;
  /** overrides the status-based rule */
  retryable?: boolean;
  retryAfterMs?: number;
  /** the body is not the error format: show its start (redacted) in the message */
  showBody?: boolean;
  /** a redirect (3xx): the hint says what to do about it */
  redirect?: boolean;
}

export interface TransportOptions {
  dispatcher: Dispatcher;
  userAgent: string;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  debug?: (line: string) => void;
  /** redacted from every message and debug line */
  secrets: readonly string[];
  /** undefined when the answer is a success, else what went wrong */
  failureOf: (res: HttpResponse) => Failure | undefined;
  hintFor: HintFor;
}

/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** The largest answer accepted when a call names no limit: far above any listing, run or log a provider sends. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** This many bad answers in a row are not a blip: the call fails for good. */
export const BAD_ANSWERS_IN_A_ROW = 3;
/** The most read of an error answer's body: enough for any error format and a preview. */
const MAX_ERROR_BYTES = 64 * 1024;

export class Transport {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly random: () => number;
  /** bad answers in a row, over calls: only a good answer ends the row (an error between does not) */
  private badRow?: { count: number };
  private last?: ApiError;

  constructor(private readonly opts: TransportOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.random = opts.random ?? Math.random;
  }

  /** The last failed attempt of any call (retried or not), for a verdict that must name it. */
  lastError(): ApiError | undefined {
    return this.last;
  }

  async send<T = HttpResponse>(call: HttpCall<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      call.signal?.throwIfAborted();
      const started = Date.now();
      let error: ApiError;
      let retryAfterMs: number | undefined;
      let sent = true;
      let res: HttpResponse | undefined;
      try {
        res = await this.once(call);
        this.log(
          `${call.method} ${call.url} -> ${res.status} in ${Date.now() - started} ms (attempt ${attempt})`,
        );
        const failure = redirected(res) ?? this.opts.failureOf(res);
        if (!failure) {
          const value = call.read ? call.read(res) : (res as T);
          this.badRow = undefined;
          return value;
        }
        const retryable =
          failure.retryable ??
          (failure.throttled === true || res.status === 408 || res.status === 429 || res.status >= 500);
        error = this.error(call, res, failure, retryable);
        // Retry-After means "come back then" on 429 and 503 only (RFC 9110); elsewhere, plain backoff.
        retryAfterMs =
          failure.retryAfterMs ??
          (res.status === 429 || res.status === 503 ? retryAfterOf(res.headers['retry-after']) : undefined);
        // A throttled (429) call was refused before any work was done.
        sent = !(res.status === 429 || failure.throttled === true);
      } catch (err) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (err instanceof SyntaxError || err instanceof AnswerError) {
          error = this.badAnswer(call, res, err);
        } else {
          this.log(
            `${call.method} ${call.url} -> ${errCode(err) ?? 'error'} after ${Date.now() - started} ms (attempt ${attempt})`,
          );
          error = networkError(call.operation, redactedError(err, this.opts.secrets), call.url);
          sent = !NOT_SENT_CODES.has(errCode(err) ?? '');
        }
      }
      this.last = error;
      if (!shouldRetry(error, call.write, sent) || attempt >= this.retry.maxAttempts) throw error;
      const backoff =
        this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : backoff;
      this.log(`${call.operation}: retrying in ${Math.round(delay)} ms (${error.message})`);
      await sleep(delay, call.signal);
    }
  }

  private async once<T>(call: HttpCall<T>): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const res = await request(this.opts.dispatcher, call.url, {
      method: call.method,
      headers: {
        'user-agent': this.opts.userAgent,
        accept: 'application/json',
        ...call.headers,
        ...call.sign?.(call),
      },
      body: call.body,
      signal,
    });
    try {
      // Of an error's body only what a message needs is kept (the rest is read, to keep the
      // connection, and dropped): a failure can neither flood the log nor fill the memory.
      const max = call.maxBytes ?? DEFAULT_MAX_BYTES;
      const bytes =
        res.statusCode >= 300
          ? await readBody(res, max, undefined, MAX_ERROR_BYTES)
          : await readBody(res, max, call.into);
      return httpResponse(res.statusCode, res.headers, bytes);
    } catch (err) {
      res.body.destroy();
      throw err;
    }
  }

  /**
   * An answer that is not what the operation returns. One is a blip, retried like a 5xx;
   * BAD_ANSWERS_IN_A_ROW of them with no good answer between (whatever their kinds) are what the
   * endpoint answers, and the call fails at once.
   */
  private badAnswer<T>(
    call: HttpCall<T>,
    res: HttpResponse | undefined,
    err: SyntaxError | AnswerError,
  ): ApiError {
    const kind = err instanceof AnswerError ? err.kind : res ? syntaxKind(res) : 'not-json';
    const count = (this.badRow?.count ?? 0) + 1;
    this.badRow = { count };
    const status = res?.status ?? 200;
    const type = res ? header(res, 'content-type') : undefined;
    const what = err instanceof AnswerError ? err.message : BAD_ANSWER_TEXT[kind];
    const times = count > 1 ? `, ${count} bad answers in a row` : '';
    const body = res ? `: ${redactedPreview(res.bytes, this.opts.secrets)}` : '';
    this.log(`${call.method} ${call.url}: bad answer (${kind}${times})`);
    return new ApiError({
      operation: call.operation,
      status,
      errorMessage: redact(`${what} (content type ${type || 'none'}${times})${body}`, this.opts.secrets),
      hint: this.opts.hintFor(call.operation, status, undefined, kind),
      retryable: count < BAD_ANSWERS_IN_A_ROW,
    });
  }

  private error<T>(call: HttpCall<T>, res: HttpResponse, f: Failure, retryable: boolean): ApiError {
    const secrets = this.opts.secrets;
    const message = f.showBody
      ? `${f.errorMessage ?? 'non-JSON answer'}: ${redactedPreview(res.bytes, secrets)}`
      : f.errorMessage;
    return new ApiError({
      operation: call.operation,
      status: res.status,
      errorCode: f.errorCode && redact(f.errorCode, secrets),
      errorMessage: message && redact(message, secrets),
      requestId: f.requestId && redact(f.requestId, secrets),
      hint: f.redirect
        ? 'set `endpoint` to the API address itself (the one it redirects to, if you trust it); no credential was sent there'
        : this.opts.hintFor(call.operation, res.status, f.errorCode),
      retryable,
    });
  }

  private log(line: string): void {
    this.opts.debug?.(redact(line, this.opts.secrets));
  }
}

/**
 * A redirect is no answer: undici does not follow it (so no credential goes elsewhere), and a body
 * that came with it is never read as the API's answer.
 */
function redirected(res: HttpResponse): Failure | undefined {
  if (res.status < 300 || res.status >= 400) return undefined;
  const to = header(res, 'location');
  return {
    errorMessage: `the endpoint answers with a redirect${to ? ` to ${clip(to, 200)}` : ''}, which the gate does not follow`,
    retryable: false,
    redirect: true,
  };
}

const BAD_ANSWER_TEXT: Record<BadAnswerKind, string> = {
  html: 'the answer is an HTML page, not JSON',
  empty: 'the answer is empty',
  'not-json': 'the answer is not JSON',
  shape: 'the answer is not of the expected shape',
  mismatch: 'the answer is about something else',
  'too-large': 'the answer is too large',
};

function syntaxKind(res: HttpResponse): BadAnswerKind {
  if (looksLikeMarkup(res)) return 'html';
  return isBlank(res.bytes) ? 'empty' : 'not-json';
}

/** Nothing but white space (or nothing at all). */
export function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09);
}

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The buffer for an answer that is fetched again and again (the deploy order, ~7 MB at 10,000
 * machines), reused from poll to poll. It is as large as the largest answer accepted, allocated
 * once: only the pages an answer is written into take memory, so it never grows by copies, and
 * there are no freed copies to leave the allocator holding memory it will not give back. The answer
 * read before is overwritten: the caller lets go of its bytes before it sends again.
 */
export class BodyBuffer {
  private buffer = Buffer.alloc(0);

  /** The buffer, at least `capacity` bytes long (its content is the caller's to write). */
  take(capacity: number): Buffer {
    if (this.buffer.length < capacity) this.buffer = Buffer.allocUnsafeSlow(capacity);
    return this.buffer;
  }
}

/**
 * The body as one Buffer, kept as bytes: the caller decodes what it needs (see HttpResponse.text).
 * At most `max` bytes (a declared length over it is refused before reading), so a hostile or broken
 * server cannot make the action hold gigabytes. Into `into` when given, chunk by chunk as they come
 * (each socket chunk can be freed at once, rather than all of them living beside the copy), else
 * joined once at the end: no growing copies on the way.
 */
async function readBody(
  res: ResponseData,
  max: number,
  into?: BodyBuffer,
  /** keep only the first `keep` bytes (the rest is read and dropped) */
  keep = max,
): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (into && keep >= max) {
    const known = Number.isSafeInteger(declared) && declared >= 0;
    const out = into.take(max);
    let at = 0;
    for await (const chunk of res.body) {
      const c = chunk as Buffer;
      const end = at + c.length;
      // With a declared length the HTTP client holds the body to it; this only guards the buffer.
      if (known && end > declared)
        throw new AnswerError('too-large', 'the answer is longer than it declared');
      if (end > max) throw tooLarge(max);
      at += c.copy(out, at);
      if (at >>> RECLAIM_SHIFT !== (at - c.length) >>> RECLAIM_SHIFT) collectYoung();
    }
    return out.subarray(0, at);
  }
  const chunks: Buffer[] = [];
  let read = 0;
  let total = 0;
  for await (const chunk of res.body) {
    const c = chunk as Buffer;
    read += c.length;
    if (read > max) throw tooLarge(max);
    if (total >= keep) continue;
    const kept = total + c.length > keep ? c.subarray(0, keep - total) : c;
    chunks.push(kept);
    total += kept.length;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** A young-generation GC after every 1 MiB of a large answer (see common/gc.ts). */
const RECLAIM_SHIFT = 20;

function tooLarge(max: number): AnswerError {
  return new AnswerError('too-large', `the answer is larger than ${Math.round(max / 1024 / 1024)} MiB`);
}

/**
 * A failed write that may still have been carried out: the request went out and no answer refused it
 * (no answer at all, a 5xx, or a success status whose body could not be read). A refusal (a 4xx, or
 * an error code in a success status) and a request that never left say it was not.
 */
export function mayHaveBeenDone(error: ApiError): boolean {
  if (error.status === undefined) return !NOT_SENT_CODES.has(error.errorCode ?? '');
  if (error.status >= 500) return true;
  return error.status < 300 && !error.errorCode;
}

/**
 * Reads are repeated freely. A write (skip, retry, resume, stop) is repeated only when the server
 * surely did not act on it: the connection was refused, or the call was throttled (429). After a
 * reset, a timeout or a 5xx the server may have applied it, and a repeated retry of a unit
 * would retry it twice; the gate's next poll sees the real state and decides again.
 */
export function shouldRetry(error: ApiError, write: boolean, sent: boolean): boolean {
  if (!error.retryable) return false;
  return !write || !sent;
}

/** Retry-After: delay-seconds or an HTTP date (a date in the past means now). */
export function retryAfterOf(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function errCode(err: unknown): string | undefined {
  const e = err as { code?: string; name?: string; cause?: { code?: string; name?: string } } | undefined;
  // The attempt's own time limit: undici throws the signal's reason, Node's client an AbortError with it as the cause.
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return 'ETIMEDOUT';
  return e?.code ?? e?.cause?.code;
}

function redactedError(err: unknown, secrets: readonly string[]): Error & { code?: string } {
  const out = new Error(redact(messageOf(err), secrets)) as Error & {
    code?: string;
  };
  out.code = errCode(err);
  return out;
}
