// The Yunxiao Flow OpenAPI (personal access token), both editions: central carries
// /organizations/{id} in the path, region does not (yunxiao-api.md sections 1-2).
import type { Dispatcher } from './undici.js';
import { USER_AGENT } from '../version.js';
import { openApiHint, YunxiaoError } from './errors.js';
import {
  BodyBuffer,
  bodyStart,
  looksLikeMarkup,
  Transport,
  type Failure,
  type HttpCall,
  type HttpResponse,
  type RetryPolicy,
} from './http.js';
import { readJson, type JsonText } from './json.js';
import { redact } from './redact.js';
import type {
  CallOptions,
  DeployJob,
  DeployOrder,
  EmasArtifactRequest,
  JobHistoryEntry,
  MachineLog,
  Page,
  PipelineRun,
  YunxiaoApi,
} from './model.js';
import {
  DEPLOY_ORDER_FIELDS,
  ShapeError,
  toBoolean,
  toDeployJobs,
  toDeployOrderRead,
  toJobHistory,
  toMachineLog,
  toPipelineRun,
} from './normalize.js';

export interface OpenApiClientOptions {
  endpoint: string;
  edition: 'central' | 'region';
  organizationId?: string;
  token: string;
  dispatcher: Dispatcher;
  debug?: (line: string) => void;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
}

/** Rows per history page: the documented maximum. */
export const HISTORY_PAGE_SIZE = 30;

const enc = encodeURIComponent;

export class OpenApiClient implements YunxiaoApi {
  readonly kind = 'openapi' as const;
  private readonly base: string;
  private readonly transport: Transport;
  /** the last order as it came (its bytes, in orderBody), for the report */
  private lastOrder?: JsonText;
  private readonly orderBody = new BodyBuffer();

  constructor(private readonly opts: OpenApiClientOptions) {
    if (opts.edition === 'central' && !opts.organizationId) {
      throw new Error('organization-id is required for the central edition');
    }
    const root = `${opts.endpoint.replace(/\/+$/, '')}/oapi/v1/flow`;
    this.base = opts.edition === 'central' ? `${root}/organizations/${enc(opts.organizationId ?? '')}` : root;
    this.transport = new Transport({
      dispatcher: opts.dispatcher,
      userAgent: USER_AGENT,
      requestTimeoutMs: opts.requestTimeoutMs,
      retry: opts.retry,
      random: opts.random,
      debug: opts.debug,
      secrets: [opts.token],
      failureOf: openApiFailure,
      hintFor: openApiHint,
    });
  }

  async listDeployJobs(pipelineId: string, o?: CallOptions): Promise<DeployJob[]> {
    const res = await this.get(
      'ListPipelineJobs',
      `/pipelines/${enc(pipelineId)}/listTasksByCategory/DEPLOY`,
      o,
    );
    return this.shaped('ListPipelineJobs', res, toDeployJobs);
  }

  async listJobHistory(
    pipelineId: string,
    identifier: string,
    cursor: string | undefined,
    o?: CallOptions,
  ): Promise<Page<JobHistoryEntry>> {
    const page = Number(cursor ?? '1') || 1;
    const query = new URLSearchParams({
      pipelineId,
      category: 'DEPLOY',
      identifier,
      page: String(page),
      perPage: String(HISTORY_PAGE_SIZE),
    });
    const res = await this.get(
      'ListPipelineJobHistorys',
      `/pipelines/getComponentsWithoutButtons?${query}`,
      o,
    );
    const items = this.shaped('ListPipelineJobHistorys', res, toJobHistory);
    return { items, next: nextPage(res, page, items.length) };
  }

  async getPipelineRun(pipelineId: string, pipelineRunId: string, o?: CallOptions): Promise<PipelineRun> {
    const res = await this.get(
      'GetPipelineRun',
      `/pipelines/${enc(pipelineId)}/runs/${enc(pipelineRunId)}`,
      o,
    );
    return this.shaped('GetPipelineRun', res, toPipelineRun);
  }

  async getLatestPipelineRun(pipelineId: string, o?: CallOptions): Promise<PipelineRun> {
    const res = await this.get(
      'GetLatestPipelineRun',
      `/pipelines/${enc(pipelineId)}/runs/latestPipelineRun`,
      o,
    );
    return this.shaped('GetLatestPipelineRun', res, toPipelineRun);
  }

  async getDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<DeployOrder> {
    // The answer is read into the buffer the last one is in: that one is let go of first.
    this.lastOrder = undefined;
    const res = await this.get(
      'GetVMDeployOrder',
      this.orderPath(pipelineId, deployOrderId),
      o,
      this.orderBody,
    );
    const read = this.parsed('GetVMDeployOrder', res, () => readDeployOrder(res.bytes));
    this.lastOrder = read.raw;
    return read.order;
  }

  lastRawDeployOrder(): JsonText | undefined {
    return this.lastOrder;
  }

  stopDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.put('StopVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/stop`, o);
  }

  resumeDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.put('ResumeVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/resume`, o);
  }

  skipMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.put(
      'SkipVMDeployMachine',
      `${this.machinePath(pipelineId, deployOrderId, machineSn)}/skip`,
      o,
    );
  }

  retryMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.put(
      'RetryVMDeployMachine',
      `${this.machinePath(pipelineId, deployOrderId, machineSn)}/retry`,
      o,
    );
  }

  async getMachineLog(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<MachineLog> {
    const res = await this.get(
      'GetVMDeployMachineLog',
      `${this.machinePath(pipelineId, deployOrderId, machineSn)}/log`,
      o,
    );
    return this.shaped('GetVMDeployMachineLog', res, toMachineLog);
  }

  async getEmasArtifactUrl(req: EmasArtifactRequest, o?: CallOptions): Promise<string> {
    const query = new URLSearchParams({
      emasJobInstanceId: req.emasJobInstanceId,
      md5: req.md5,
      pipelineId: req.pipelineId,
      pipelineRunId: req.pipelineRunId,
      serviceConnectionId: req.serviceConnectionId,
    });
    const res = await this.get(
      'GetPipelineEmasArtifactUrl',
      `/pipelines/getEmasArtifactDownloadUrl?${query}`,
      o,
    );
    const text = res.text.trim();
    // A bare string: JSON-quoted, or plain text from some gateways.
    const url = text.startsWith('"') ? this.json('GetPipelineEmasArtifactUrl', res) : text;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      throw shapeError('GetPipelineEmasArtifactUrl', res, 'expected the artifact URL', this.opts.token);
    }
    return url;
  }

  private orderPath(pipelineId: string, deployOrderId: string): string {
    return `/pipelines/${enc(pipelineId)}/deploy/${enc(deployOrderId)}`;
  }

  private machinePath(pipelineId: string, deployOrderId: string, machineSn: string): string {
    return `${this.orderPath(pipelineId, deployOrderId)}/machine/${enc(machineSn)}`;
  }

  private get(operation: string, path: string, o?: CallOptions, into?: BodyBuffer): Promise<HttpResponse> {
    return this.send({
      operation,
      method: 'GET',
      url: this.base + path,
      headers: {},
      write: false,
      signal: o?.signal,
      into,
    });
  }

  private async put(operation: string, path: string, o?: CallOptions): Promise<boolean> {
    const res = await this.send({
      operation,
      method: 'PUT',
      url: this.base + path,
      headers: {},
      write: true,
      signal: o?.signal,
    });
    return toBoolean(this.json(operation, res));
  }

  private send(call: HttpCall): Promise<HttpResponse> {
    call.headers['x-yunxiao-token'] = this.opts.token;
    return this.transport.send(call);
  }

  /** The answer normalized; one that is not the expected kind at all fails as this operation's error. */
  private shaped<T>(
    operation: string,
    res: HttpResponse,
    normalize: (raw: unknown) => T,
    raw: unknown = this.json(operation, res),
  ): T {
    return this.parsed(operation, res, () => normalize(raw));
  }

  private json(operation: string, res: HttpResponse): unknown {
    return this.parsed(operation, res, () => readJson(res.bytes).value);
  }

  /** read(), with an answer that is not JSON (SyntaxError) or not of its shape (ShapeError) as this operation's error. */
  private parsed<T>(operation: string, res: HttpResponse, read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (err instanceof SyntaxError)
        throw shapeError(operation, res, 'the answer is not JSON', this.opts.token);
      if (err instanceof ShapeError) throw shapeError(operation, res, err.message, this.opts.token);
      throw err;
    }
  }
}

/**
 * GetVMDeployOrder's answer (UTF-8 bytes) to the model, and its text for the report. Only the fields
 * the model reads are built (DEPLOY_ORDER_FIELDS): a 10,000-machine order is ~7 MB of JSON, and its
 * whole tree would be several times that at every poll.
 * Throws SyntaxError (not JSON) or ShapeError (not a deploy order).
 */
export function readDeployOrder(bytes: Uint8Array): { order: DeployOrder; raw: JsonText } {
  const raw = readJson(bytes, DEPLOY_ORDER_FIELDS);
  return { order: toDeployOrderRead(raw.value), raw };
}

function shapeError(operation: string, res: HttpResponse, what: string, secret: string): YunxiaoError {
  return new YunxiaoError({
    operation,
    status: res.status,
    errorMessage: redact(`${what}: ${bodyStart(res.text)}`, [secret]),
    hint: 'the endpoint may not be a Yunxiao API (check `endpoint`), or a proxy answered instead',
    retryable: false,
  });
}

/** The documented error body: {traceId, code, errorCode, errorMessage, errorDescription}. */
export function openApiFailure(res: HttpResponse): Failure | undefined {
  const requestId = header(res, 'x-request-id');
  if (res.status < 400) {
    // A gateway's HTML page with a 200 is not an answer from Yunxiao: worth another try.
    if (looksLikeMarkup(res))
      return { errorMessage: `non-JSON answer: ${bodyStart(res.text)}`, requestId, retryable: true };
    return undefined;
  }
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = readJson(res.bytes).value;
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (!body) return { errorMessage: `non-JSON answer: ${bodyStart(res.text)}`, requestId };
  const text = (k: string): string | undefined =>
    typeof body[k] === 'string' && body[k] !== '' ? (body[k] as string) : undefined;
  return {
    errorCode: text('errorCode') ?? text('code'),
    errorMessage: text('errorMessage') ?? text('errorDescription') ?? text('message'),
    requestId: requestId ?? text('traceId') ?? text('requestId'),
  };
}

function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The next page: x-next-page when the server sends it, else x-total-pages, else a full page may have more. */
function nextPage(res: HttpResponse, page: number, rows: number): string | undefined {
  const next = header(res, 'x-next-page');
  if (next !== undefined) return /^\d+$/.test(next.trim()) ? next.trim() : undefined;
  const total = Number(header(res, 'x-total-pages'));
  if (Number.isFinite(total) && total > 0) return page < total ? String(page + 1) : undefined;
  return rows >= HISTORY_PAGE_SIZE ? String(page + 1) : undefined;
}
