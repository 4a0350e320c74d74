// The transport both API clients share: undici over an injected dispatcher (tests and proxies plug
// in there), a per-attempt timeout, the caller's AbortSignal, and retries with full-jitter backoff.
import { request, type Dispatcher } from './undici.js';
import { networkError, YunxiaoError, type HintFor } from './errors.js';
import { redact } from './redact.js';
import { messageOf } from '../common/message.js';
import { sleep } from '../common/sleep.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };
/** A server asking for more than this is not waited for beyond it (the deadline still rules). */
const MAX_RETRY_AFTER_MS = 60_000;

export interface HttpCall {
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** skip, retry, resume, stop: repeated only when surely not processed (see shouldRetry) */
  write: boolean;
  signal?: AbortSignal;
  /** headers computed afresh for each attempt (a signature carries its own date and nonce) */
  sign?: (call: HttpCall) => Record<string, string>;
  /** read the body into this buffer, reused from call to call (an answer fetched at every poll) */
  into?: BodyBuffer;
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
  /** overrides the status-based rule (e.g. an HTML page with HTTP 200 from a gateway) */
  retryable?: boolean;
  retryAfterMs?: number;
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

export class Transport {
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly random: () => number;

  constructor(private readonly opts: TransportOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.random = opts.random ?? Math.random;
  }

  async send(call: HttpCall): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      call.signal?.throwIfAborted();
      const started = Date.now();
      let error: YunxiaoError;
      let retryAfterMs: number | undefined;
      let sent: boolean;
      try {
        const res = await this.once(call);
        this.log(
          `${call.method} ${call.url} -> ${res.status} in ${Date.now() - started} ms (attempt ${attempt})`,
        );
        const failure = this.opts.failureOf(res);
        if (!failure) return res;
        const retryable =
          failure.retryable ??
          (failure.throttled === true || res.status === 408 || res.status === 429 || res.status >= 500);
        error = this.error(call, res.status, failure, retryable);
        // Retry-After means "come back then" on 429 and 503 only (RFC 9110); elsewhere, plain backoff.
        retryAfterMs =
          failure.retryAfterMs ??
          (res.status === 429 || res.status === 503 ? retryAfterOf(res.headers['retry-after']) : undefined);
        // A throttled (429) call was refused before any work was done.
        sent = !(res.status === 429 || failure.throttled === true);
      } catch (err) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (err instanceof YunxiaoError) throw err;
        this.log(
          `${call.method} ${call.url} -> ${errCode(err) ?? 'error'} after ${Date.now() - started} ms (attempt ${attempt})`,
        );
        error = networkError(call.operation, redactedError(err, this.opts.secrets), call.url);
        sent = !NOT_SENT_CODES.has(errCode(err) ?? '');
      }
      if (!shouldRetry(error, call.write, sent) || attempt >= this.retry.maxAttempts) throw error;
      const backoff =
        this.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
      const delay = retryAfterMs !== undefined ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : backoff;
      this.log(`${call.operation}: retrying in ${Math.round(delay)} ms (${error.message})`);
      await sleep(delay, call.signal);
    }
  }

  private async once(call: HttpCall): Promise<HttpResponse> {
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
      const bytes = await readBody(res.body, call.into);
      return httpResponse(res.statusCode, res.headers, bytes);
    } catch (err) {
      res.body.destroy();
      throw err;
    }
  }

  private error(call: HttpCall, status: number, f: Failure, retryable: boolean): YunxiaoError {
    const secrets = this.opts.secrets;
    return new YunxiaoError({
      operation: call.operation,
      status,
      errorCode: f.errorCode && redact(f.errorCode, secrets),
      errorMessage: f.errorMessage && redact(f.errorMessage, secrets),
      requestId: f.requestId && redact(f.requestId, secrets),
      hint: this.opts.hintFor(call.operation, status, f.errorCode),
      retryable,
    });
  }

  private log(line: string): void {
    this.opts.debug?.(redact(line, this.opts.secrets));
  }
}

/**
 * One buffer for an answer that is fetched again and again (the deploy order, ~7 MB at 10,000
 * machines): once large enough it is reused, so a poll allocates nothing for the body. Each read
 * overwrites the last one, whose bytes the caller must have let go of before it sends again.
 */
export class BodyBuffer {
  private buffer = Buffer.alloc(0);

  /** The buffer, at least `size` bytes long (its content is the caller's to write). */
  take(size: number): Buffer {
    // Room to grow: an order gains a little from poll to poll (statuses, times, new machines).
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(size + (size >> 3));
    return this.buffer;
  }
}

/**
 * The body as one Buffer, kept as bytes: the caller decodes what it needs (see HttpResponse.text).
 * The chunks are joined once, at the end, into `into` when given: no growing copies on the way, and
 * no trust in a declared length. (The chunks are views of the socket's read buffers, which live
 * until the next scavenge whatever is done with them.)
 */
async function readBody(body: AsyncIterable<unknown>, into?: BodyBuffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
  }
  if (!into) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  const out = into.take(total);
  let at = 0;
  for (const c of chunks) at += c.copy(out, at);
  return out.subarray(0, total);
}

/**
 * Reads are repeated freely. A write (skip, retry, resume, stop) is repeated only when the server
 * surely did not act on it: the connection was refused, or the call was throttled (429). After a
 * reset, a timeout or a 5xx the server may have applied it, and a repeated RetryVMDeployMachine
 * would retry a machine twice; the gate's next poll sees the real state and decides again.
 */
export function shouldRetry(error: YunxiaoError, write: boolean, sent: boolean): boolean {
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
  const e = err as { code?: string; name?: string; cause?: { code?: string } } | undefined;
  if (e?.name === 'TimeoutError') return 'ETIMEDOUT';
  return e?.code ?? e?.cause?.code;
}

function redactedError(err: unknown, secrets: readonly string[]): Error & { code?: string } {
  const out = new Error(redact(messageOf(err), secrets)) as Error & {
    code?: string;
  };
  out.code = errCode(err);
  return out;
}

/** The start of a body that is not what was expected (an HTML page from a gateway), for messages. */
export function bodyStart(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat || '(empty body)';
}
