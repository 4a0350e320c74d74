// The Yunxiao Flow OpenAPI (personal access token), both editions: central carries
// /organizations/{id} in the path, region does not (yunxiao-api.md sections 1-2).
import type { Dispatcher } from '../../http/dispatch.js';
import { USER_AGENT } from '../../version.js';
import type { ApiError } from '../../http/errors.js';
import { openApiHint } from './hints.js';
import {
  BodyBuffer,
  Transport,
  type Failure,
  type HttpResponse,
  type RetryPolicy,
} from '../../http/transport.js';
import { ElementMemo, readJson } from '../../http/json.js';
import type {
  CallOptions,
  DeployJob,
  OrderRead,
  EmasArtifactRequest,
  JobHistoryEntry,
  MachineLog,
  Page,
  PipelineDefinition,
  PipelineRun,
  RunParams,
  RunRow,
  YunxiaoApi,
} from './model.js';
import { ShapeError } from '../../http/shape.js';
import {
  checkRunId,
  DEPLOY_ORDER_FIELDS,
  MACHINE_FIELDS,
  MAX_LOG_BYTES,
  MAX_ORDER_BYTES,
  orderMismatch,
  toWriteResult,
  toDeployJobs,
  toDeployOrderRead,
  toJobHistory,
  toCreatedRunId,
  toMachineLog,
  toPipelineDefinition,
  toPipelineRun,
  toRunRows,
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

/** Rows per history or run list page: the documented maximum. */
export const HISTORY_PAGE_SIZE = 30;

const enc = encodeURIComponent;

export class OpenApiClient implements YunxiaoApi {
  readonly kind = 'openapi' as const;
  private readonly base: string;
  private readonly transport: Transport;
  /** the machines of the last order read: unchanged ones are not read again */
  private readonly orderMemo = new ElementMemo(MACHINE_FIELDS);
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

  listDeployJobs(pipelineId: string, o?: CallOptions): Promise<DeployJob[]> {
    return this.get(
      'ListPipelineJobs',
      `/pipelines/${enc(pipelineId)}/listTasksByCategory/DEPLOY`,
      json(toDeployJobs),
      o,
    );
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
    return this.get(
      'ListPipelineJobHistorys',
      `/pipelines/getComponentsWithoutButtons?${query}`,
      (res) => {
        const items = toJobHistory(readJson(res.bytes).value);
        const total = Number(header(res, 'x-total-pages'));
        const last = Number.isSafeInteger(total) && total > 0 ? String(total) : undefined;
        return { items, next: nextPage(res, page, items.length), ...(last ? { last } : {}) };
      },
      o,
    );
  }

  getPipelineRun(pipelineId: string, pipelineRunId: string, o?: CallOptions): Promise<PipelineRun> {
    return this.get(
      'GetPipelineRun',
      `/pipelines/${enc(pipelineId)}/runs/${enc(pipelineRunId)}`,
      json((raw) => checkRunId(toPipelineRun(raw), pipelineRunId)),
      o,
    );
  }

  getLatestPipelineRun(pipelineId: string, o?: CallOptions): Promise<PipelineRun> {
    return this.get(
      'GetLatestPipelineRun',
      `/pipelines/${enc(pipelineId)}/runs/latestPipelineRun`,
      json(toPipelineRun),
      o,
    );
  }

  getPipeline(pipelineId: string, o?: CallOptions): Promise<PipelineDefinition> {
    return this.get('GetPipeline', `/pipelines/${enc(pipelineId)}`, json(toPipelineDefinition), o);
  }

  async listPipelineRuns(
    pipelineId: string,
    cursor: string | undefined,
    o?: CallOptions,
  ): Promise<Page<RunRow>> {
    const page = Number(cursor ?? '1') || 1;
    const query = new URLSearchParams({ page: String(page), perPage: String(HISTORY_PAGE_SIZE) });
    return this.get(
      'ListPipelineRuns',
      `/pipelines/${enc(pipelineId)}/runs?${query}`,
      (res) => {
        const items = toRunRows(readJson(res.bytes).value);
        const total = Number(header(res, 'x-total-pages'));
        const last = Number.isSafeInteger(total) && total > 0 ? String(total) : undefined;
        return { items, next: nextPage(res, page, items.length), ...(last ? { last } : {}) };
      },
      o,
    );
  }

  createPipelineRun(pipelineId: string, params: RunParams, o?: CallOptions): Promise<string> {
    // `params` is a JSON string inside the JSON body; no params at all is `{}`, as the MCP server sends it.
    const body = Object.keys(params).length > 0 ? { params: JSON.stringify(params) } : {};
    return this.transport.send({
      operation: 'CreatePipelineRun',
      method: 'POST',
      url: `${this.base}/pipelines/${enc(pipelineId)}/runs`,
      headers: { 'x-yunxiao-token': this.opts.token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      write: true,
      signal: o?.signal,
      read: json(toCreatedRunId),
    });
  }

  /** GetUserByToken: the same path in both editions, outside /flow. */
  currentUserId(o?: CallOptions): Promise<string> {
    return this.transport.send({
      operation: 'GetUserByToken',
      method: 'GET',
      url: `${this.opts.endpoint.replace(/\/+$/, '')}/oapi/v1/platform/user`,
      headers: { 'x-yunxiao-token': this.opts.token },
      write: false,
      signal: o?.signal,
      read: json((raw) => {
        const user = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['id'] : undefined;
        if ((typeof user !== 'string' && typeof user !== 'number') || user === '')
          throw new ShapeError('expected the user, with an id');
        return String(user);
      }),
    });
  }

  getDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<OrderRead> {
    return this.get(
      'GetVMDeployOrder',
      this.orderPath(pipelineId, deployOrderId),
      (res) => {
        const read = readDeployOrder(res.bytes, this.orderMemo);
        if (read.snapshot.id !== deployOrderId) throw orderMismatch(read.snapshot.id, deployOrderId);
        return read;
      },
      o,
      { into: this.orderBody, maxBytes: MAX_ORDER_BYTES },
    );
  }

  lastError(): ApiError | undefined {
    return this.transport.lastError();
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

  getMachineLog(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<MachineLog> {
    return this.get(
      'GetVMDeployMachineLog',
      `${this.machinePath(pipelineId, deployOrderId, machineSn)}/log`,
      json(toMachineLog),
      o,
      { maxBytes: MAX_LOG_BYTES },
    );
  }

  getEmasArtifactUrl(req: EmasArtifactRequest, o?: CallOptions): Promise<string> {
    const query = new URLSearchParams({
      emasJobInstanceId: req.emasJobInstanceId,
      md5: req.md5,
      pipelineId: req.pipelineId,
      pipelineRunId: req.pipelineRunId,
      serviceConnectionId: req.serviceConnectionId,
    });
    return this.get(
      'GetPipelineEmasArtifactUrl',
      `/pipelines/getEmasArtifactDownloadUrl?${query}`,
      (res) => {
        const text = res.text.trim();
        // A bare string: JSON-quoted, or unquoted as the documentation's example shows it.
        const url = text.startsWith('"') ? readJson(res.bytes).value : text;
        if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))
          throw new ShapeError('expected the artifact URL');
        return url;
      },
      o,
    );
  }

  private orderPath(pipelineId: string, deployOrderId: string): string {
    return `/pipelines/${enc(pipelineId)}/deploy/${enc(deployOrderId)}`;
  }

  private machinePath(pipelineId: string, deployOrderId: string, machineSn: string): string {
    return `${this.orderPath(pipelineId, deployOrderId)}/machine/${enc(machineSn)}`;
  }

  private get<T>(
    operation: string,
    path: string,
    read: (res: HttpResponse) => T,
    o?: CallOptions,
    body?: { into?: BodyBuffer; maxBytes?: number },
  ): Promise<T> {
    return this.transport.send({
      operation,
      method: 'GET',
      url: this.base + path,
      headers: { 'x-yunxiao-token': this.opts.token },
      write: false,
      signal: o?.signal,
      read,
      ...body,
    });
  }

  private put(operation: string, path: string, o?: CallOptions): Promise<boolean> {
    return this.transport.send({
      operation,
      method: 'PUT',
      url: this.base + path,
      headers: { 'x-yunxiao-token': this.opts.token },
      write: true,
      signal: o?.signal,
      read: (res) => toWriteResult(res.bytes, (bytes) => readJson(bytes).value),
    });
  }
}

/** A reader of a JSON answer into the model: SyntaxError and ShapeError say it is a bad answer. */
function json<T>(normalize: (raw: unknown) => T): (res: HttpResponse) => T {
  return (res) => normalize(readJson(res.bytes).value);
}

/**
 * GetVMDeployOrder's answer (UTF-8 bytes) to the model, and its text for the report. Only the fields
 * the model reads are built (DEPLOY_ORDER_FIELDS): a 10,000-machine order is ~7 MB of JSON, and its
 * whole tree would be several times that at every poll.
 * Throws SyntaxError (not JSON) or ShapeError (not a deploy order).
 */
export function readDeployOrder(bytes: Uint8Array, memo?: ElementMemo): OrderRead {
  const raw = readJson(bytes, DEPLOY_ORDER_FIELDS, memo);
  return { snapshot: toDeployOrderRead(raw.value), raw };
}

/** The documented error body: {traceId, code, errorCode, errorMessage, errorDescription}. */
export function openApiFailure(res: HttpResponse): Failure | undefined {
  const requestId = header(res, 'x-request-id');
  // An answer with a success status that is not what was asked for is the reader's to say (a bad answer).
  if (res.status < 400) return undefined;
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = readJson(res.bytes).value;
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (!body) return { errorMessage: 'non-JSON answer', requestId, showBody: true };
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
