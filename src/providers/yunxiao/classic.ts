// The classic "devops 2021-06-25" API (AccessKey + ACS3-HMAC-SHA256 signature): classic paths, the
// {requestId, success, errorCode, errorMessage, <payload>} envelope, nextToken paging. It returns the
// same domain model as the OpenAPI client, so the gate cannot tell which one it talks to.
import type { Dispatcher } from '../../http/dispatch.js';
import { USER_AGENT } from '../../version.js';
import type { ApiError } from '../../http/errors.js';
import { classicHint } from './hints.js';
import {
  BodyBuffer,
  isBlank,
  Transport,
  type Failure,
  type HttpCall,
  type HttpResponse,
  type RetryPolicy,
} from '../../http/transport.js';
import { ElementMemo, readJson, type Keep, type ReadJson } from '../../http/json.js';
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
  toBoolean,
  toDeployJobs,
  toDeployOrderRead,
  toJobHistory,
  toCreatedRunId,
  toMachineLog,
  toPipelineDefinition,
  toPipelineRun,
  toRunRows,
} from './normalize.js';
import { canonicalQuery, encodePath, percentEncode, signRequest } from './signer.js';

export const CLASSIC_VERSION = '2021-06-25';
/** Rows per history page: the documented maximum. */
const HISTORY_PAGE_SIZE = 50;
/** Rows per run list page: what every list of runs takes at least. */
const RUNS_PAGE_SIZE = 30;

export interface ClassicClientOptions {
  endpoint: string;
  organizationId: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  dispatcher: Dispatcher;
  debug?: (line: string) => void;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** for tests: a fixed clock */
  now?: () => Date;
}

type Envelope = Record<string, unknown>;

/** GetVMDeployOrder's envelope: only the order's fields that the model reads are built. */
const ORDER_ENVELOPE_FIELDS: Keep = { deployOrder: DEPLOY_ORDER_FIELDS };

export class ClassicClient implements YunxiaoApi {
  readonly kind = 'classic' as const;
  private readonly transport: Transport;
  private readonly origin: URL;
  /** the machines of the last order read: unchanged ones are not read again */
  private readonly orderMemo = new ElementMemo(MACHINE_FIELDS);
  private readonly orderBody = new BodyBuffer();

  constructor(private readonly opts: ClassicClientOptions) {
    this.origin = new URL(opts.endpoint);
    this.transport = new Transport({
      dispatcher: opts.dispatcher,
      userAgent: USER_AGENT,
      requestTimeoutMs: opts.requestTimeoutMs,
      retry: opts.retry,
      random: opts.random,
      debug: opts.debug,
      secrets: [opts.accessKeySecret, opts.securityToken ?? ''].filter(Boolean),
      failureOf: classicFailure,
      hintFor: classicHint,
    });
  }

  listDeployJobs(pipelineId: string, o?: CallOptions): Promise<DeployJob[]> {
    return this.call(
      'ListPipelineJobs',
      'POST',
      ['pipeline', pipelineId, 'jobs'],
      { category: 'DEPLOY' },
      o,
      (body) => toDeployJobs(body['jobs']),
    );
  }

  listJobHistory(
    pipelineId: string,
    identifier: string,
    cursor: string | undefined,
    o?: CallOptions,
  ): Promise<Page<JobHistoryEntry>> {
    const query = {
      category: 'DEPLOY',
      identifier,
      maxResults: String(HISTORY_PAGE_SIZE),
      nextToken: cursor,
    };
    return this.call(
      'ListPipelineJobHistorys',
      'POST',
      ['pipeline', pipelineId, 'job', 'historys'],
      query,
      o,
      (body) => {
        const token = body['nextToken'];
        const next = typeof token === 'string' && token !== '' ? token : undefined;
        return { items: toJobHistory(body['jobs']), next };
      },
    );
  }

  getPipelineRun(pipelineId: string, pipelineRunId: string, o?: CallOptions): Promise<PipelineRun> {
    return this.call(
      'GetPipelineRun',
      'GET',
      ['pipelines', pipelineId, 'pipelineRuns', pipelineRunId],
      {},
      o,
      (body) => checkRunId(toPipelineRun(body['pipelineRun']), pipelineRunId),
    );
  }

  getPipeline(pipelineId: string, o?: CallOptions): Promise<PipelineDefinition> {
    return this.call('GetPipeline', 'GET', ['pipelines', pipelineId], {}, o, (body) =>
      toPipelineDefinition(body['pipeline']),
    );
  }

  listPipelineRuns(pipelineId: string, cursor: string | undefined, o?: CallOptions): Promise<Page<RunRow>> {
    const query = { maxResults: String(RUNS_PAGE_SIZE), nextToken: cursor };
    return this.call(
      'ListPipelineRuns',
      'GET',
      ['pipelines', pipelineId, 'pipelineRuns'],
      query,
      o,
      (body) => {
        const token = body['nextToken'];
        const next = typeof token === 'string' && token !== '' ? token : undefined;
        return { items: toRunRows(body['pipelineRuns']), next };
      },
    );
  }

  /**
   * StartPipelineRun: a form body `params=<JSON text>` (the SDK's formData), and the one classic path
   * under /organizations/ (plural), as the official SDKs have it.
   */
  createPipelineRun(pipelineId: string, params: RunParams, o?: CallOptions): Promise<string> {
    const body = Object.keys(params).length > 0 ? `params=${percentEncode(JSON.stringify(params))}` : '';
    return this.call(
      'StartPipelineRun',
      'POST',
      ['pipelines', pipelineId, 'run'],
      {},
      o,
      (envelope) => toCreatedRunId(envelope['pipelineRunId']),
      {
        write: true,
        root: 'organizations',
        body,
        contentType: 'application/x-www-form-urlencoded',
      },
    );
  }

  getDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<OrderRead> {
    return this.call(
      'GetVMDeployOrder',
      'GET',
      orderPath(pipelineId, deployOrderId),
      {},
      o,
      (body, read) => {
        const snapshot = toDeployOrderRead(body['deployOrder']);
        if (snapshot.id !== deployOrderId) throw orderMismatch(snapshot.id, deployOrderId);
        // The payload inside the envelope, as it came, for the report.
        const raw = read.member('deployOrder');
        if (!raw) throw new ShapeError('the envelope has no deployOrder');
        return { snapshot, raw };
      },
      { keep: ORDER_ENVELOPE_FIELDS, memo: this.orderMemo, into: this.orderBody, maxBytes: MAX_ORDER_BYTES },
    );
  }

  lastError(): ApiError | undefined {
    return this.transport.lastError();
  }

  stopDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.write('StopVMDeployOrder', [...orderPath(pipelineId, deployOrderId), 'stop'], o);
  }

  resumeDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.write('ResumeVMDeployOrder', [...orderPath(pipelineId, deployOrderId), 'resume'], o);
  }

  skipMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.write(
      'SkipVMDeployMachine',
      [...machinePath(pipelineId, deployOrderId, machineSn), 'skip'],
      o,
    );
  }

  retryMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.write(
      'RetryVMDeployMachine',
      [...machinePath(pipelineId, deployOrderId, machineSn), 'retry'],
      o,
    );
  }

  getMachineLog(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<MachineLog> {
    return this.call(
      'LogVMDeployMachine',
      'GET',
      [...machinePath(pipelineId, deployOrderId, machineSn), 'log'],
      {},
      o,
      (body) => toMachineLog(body['deployMachineLog']),
      { maxBytes: MAX_LOG_BYTES },
    );
  }

  getEmasArtifactUrl(req: EmasArtifactRequest, o?: CallOptions): Promise<string> {
    const path = [
      'pipeline',
      req.pipelineId,
      'pipelineRun',
      req.pipelineRunId,
      'emas',
      'artifact',
      req.emasJobInstanceId,
      req.md5,
    ];
    return this.call(
      'GetPipelineEmasArtifactUrl',
      'POST',
      path,
      { serviceConnectionId: req.serviceConnectionId },
      o,
      (body) => {
        const url = body['fileUrl'];
        if (typeof url !== 'string' || url === '') throw new ShapeError('the answer has no fileUrl');
        return url;
      },
    );
  }

  private write(action: string, path: readonly string[], o?: CallOptions): Promise<boolean> {
    return this.call(
      action,
      'PUT',
      path,
      {},
      o,
      // The envelope says success; some operations add a boolean `result`.
      (body) => (body['result'] === undefined ? body['success'] !== false : toBoolean(body['result'])),
      { write: true, empty: false },
    );
  }

  /**
   * One classic call: `path` is the segments after /organization/{id}, each encoded (a machine SN may
   * hold any character), and `payload` reads the envelope. An answer that is not an envelope, or whose
   * payload is not of its shape, is a bad answer (see Transport.send). `empty`: what an empty answer
   * means (a write's says nothing was done).
   */
  private call<T>(
    action: string,
    method: HttpCall['method'],
    path: readonly string[],
    query: Record<string, string | undefined>,
    o: CallOptions | undefined,
    payload: (body: Envelope, read: ReadJson) => T,
    opts: {
      keep?: Keep;
      memo?: ElementMemo;
      into?: BodyBuffer;
      maxBytes?: number;
      write?: boolean;
      empty?: T;
      /** the first path segment: organization, or organizations for the one operation the SDKs put there */
      root?: string;
      body?: string;
      contentType?: string;
    } = {},
  ): Promise<T> {
    const segments = [opts.root ?? 'organization', this.opts.organizationId, ...path];
    const qs = canonicalQuery(query);
    const url = `${this.origin.origin}${encodePath(segments)}${qs ? `?${qs}` : ''}`;
    const write = opts.write ?? false;
    return this.transport.send({
      operation: action,
      method,
      url,
      headers: {},
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      write,
      signal: o?.signal,
      into: opts.into,
      maxBytes: opts.maxBytes,
      read: (res) => {
        if (opts.empty !== undefined && isBlank(res.bytes)) return opts.empty;
        const read = readJson(res.bytes, opts.keep ?? true, opts.memo);
        const body = read.value;
        if (!body || typeof body !== 'object' || Array.isArray(body))
          throw new ShapeError('the answer is not a JSON envelope');
        return payload(body as Envelope, read);
      },
      sign: () =>
        signRequest({
          method,
          host: this.origin.host,
          path: segments,
          query,
          body: opts.body,
          contentType: opts.contentType,
          action,
          version: CLASSIC_VERSION,
          accessKeyId: this.opts.accessKeyId,
          accessKeySecret: this.opts.accessKeySecret,
          securityToken: this.opts.securityToken,
          date: this.opts.now?.(),
        }).headers,
    });
  }
}

function orderPath(pipelineId: string, deployOrderId: string): string[] {
  return ['pipelines', pipelineId, 'deploy', deployOrderId];
}

function machinePath(pipelineId: string, deployOrderId: string, machineSn: string): string[] {
  return [...orderPath(pipelineId, deployOrderId), 'machine', machineSn];
}

/** What classicFailure reads of an envelope (a large order inside it is checked, not built). */
const FAILURE_FIELDS: Keep = {
  success: true,
  errorCode: true,
  code: true,
  errorMessage: true,
  message: true,
  requestId: true,
};

/** A failure is HTTP 4xx/5xx or `success: false`, even on HTTP 200. */
export function classicFailure(res: HttpResponse): Failure | undefined {
  let body: Envelope | undefined;
  try {
    const parsed = readJson(res.bytes, FAILURE_FIELDS).value;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Envelope;
  } catch {
    body = undefined;
  }
  const header = (name: string): string | undefined => {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (!body) {
    // With a success status, what it is instead is the reader's to say (a bad answer).
    if (res.status < 400) return undefined;
    return { errorMessage: 'non-JSON answer', requestId: header('x-acs-request-id'), showBody: true };
  }
  if (res.status < 400 && body['success'] !== false) return undefined;
  const code =
    typeof body['errorCode'] === 'string'
      ? body['errorCode']
      : typeof body['code'] === 'string'
        ? body['code']
        : undefined;
  const message =
    typeof body['errorMessage'] === 'string'
      ? body['errorMessage']
      : typeof body['message'] === 'string'
        ? body['message']
        : undefined;
  const throttled = code?.includes('Throttling') === true;
  return {
    errorCode: code,
    errorMessage: message,
    requestId: typeof body['requestId'] === 'string' ? body['requestId'] : header('x-acs-request-id'),
    throttled,
    retryAfterMs: throttled ? acsRetryAfter(header('x-acs-retry-after')) : undefined,
  };
}

/** x-acs-retry-after: milliseconds, as Alibaba Cloud's SDK retry policies read it. */
function acsRetryAfter(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
