// The classic "devops 2021-06-25" API (AccessKey + ACS3-HMAC-SHA256 signature): classic paths, the
// {requestId, success, errorCode, errorMessage, <payload>} envelope, nextToken paging. It returns the
// same domain model as the OpenAPI client, so the gate cannot tell which one it talks to.
import type { Dispatcher } from './undici.js';
import { USER_AGENT } from '../version.js';
import { classicHint, YunxiaoError } from './errors.js';
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
import { readJson, type JsonText, type Keep, type ReadJson } from './json.js';
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
  toBoolean,
  toDeployJobs,
  toDeployOrderRead,
  toJobHistory,
  toMachineLog,
  toPipelineRun,
} from './normalize.js';
import { redact } from './redact.js';
import { canonicalQuery, encodePath, signRequest } from './signer.js';

export const CLASSIC_VERSION = '2021-06-25';
/** Rows per history page: the documented maximum. */
const HISTORY_PAGE_SIZE = 50;

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
  /** the last order as it came (its bytes, in orderBody), for the report */
  private lastOrder?: JsonText;
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

  async listDeployJobs(pipelineId: string, o?: CallOptions): Promise<DeployJob[]> {
    const body = await this.call(
      'ListPipelineJobs',
      'POST',
      `/pipeline/${pipelineId}/jobs`,
      { category: 'DEPLOY' },
      false,
      o,
    );
    return toDeployJobs(body['jobs']);
  }

  async listJobHistory(
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
    const body = await this.call(
      'ListPipelineJobHistorys',
      'POST',
      `/pipeline/${pipelineId}/job/historys`,
      query,
      false,
      o,
    );
    const next =
      typeof body['nextToken'] === 'string' && body['nextToken'] !== '' ? body['nextToken'] : undefined;
    return { items: toJobHistory(body['jobs']), next };
  }

  async getPipelineRun(pipelineId: string, pipelineRunId: string, o?: CallOptions): Promise<PipelineRun> {
    const body = await this.call(
      'GetPipelineRun',
      'GET',
      `/pipelines/${pipelineId}/pipelineRuns/${pipelineRunId}`,
      {},
      false,
      o,
    );
    return toPipelineRun(body['pipelineRun']);
  }

  async getDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<DeployOrder> {
    // The answer is read into the buffer the last one is in: that one is let go of first.
    this.lastOrder = undefined;
    const { body, read } = await this.callWithText(
      'GetVMDeployOrder',
      'GET',
      this.orderPath(pipelineId, deployOrderId),
      {},
      false,
      o,
      ORDER_ENVELOPE_FIELDS,
      this.orderBody,
    );
    const order = toDeployOrderRead(body['deployOrder']);
    // The payload inside the envelope, as it came, for the report.
    this.lastOrder = read.member('deployOrder');
    return order;
  }

  lastRawDeployOrder(): JsonText | undefined {
    return this.lastOrder;
  }

  stopDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.write('StopVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/stop`, o);
  }

  resumeDeployOrder(pipelineId: string, deployOrderId: string, o?: CallOptions): Promise<boolean> {
    return this.write('ResumeVMDeployOrder', `${this.orderPath(pipelineId, deployOrderId)}/resume`, o);
  }

  skipMachine(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    return this.write(
      'SkipPipelineJobMachine',
      `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/skip`,
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
      `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/retry`,
      o,
    );
  }

  async getMachineLog(
    pipelineId: string,
    deployOrderId: string,
    machineSn: string,
    o?: CallOptions,
  ): Promise<MachineLog> {
    const path = `${this.orderPath(pipelineId, deployOrderId)}/machine/${machineSn}/log`;
    const body = await this.call('GetVMDeployMachineLog', 'GET', path, {}, false, o);
    return toMachineLog(body['deployMachineLog']);
  }

  async getEmasArtifactUrl(req: EmasArtifactRequest, o?: CallOptions): Promise<string> {
    const path = `/pipeline/${req.pipelineId}/pipelineRun/${req.pipelineRunId}/emas/artifact/${req.emasJobInstanceId}/${req.md5}`;
    const body = await this.call(
      'GetPipelineEmasArtifactUrl',
      'POST',
      path,
      { serviceConnectionId: req.serviceConnectionId },
      false,
      o,
    );
    const url = body['fileUrl'];
    if (typeof url !== 'string' || url === '') {
      throw new YunxiaoError({
        operation: 'GetPipelineEmasArtifactUrl',
        status: 200,
        errorMessage: 'the answer has no fileUrl',
        retryable: false,
      });
    }
    return url;
  }

  private orderPath(pipelineId: string, deployOrderId: string): string {
    return `/pipelines/${pipelineId}/deploy/${deployOrderId}`;
  }

  private async write(action: string, path: string, o?: CallOptions): Promise<boolean> {
    const body = await this.call(action, 'PUT', path, {}, true, o);
    // The envelope says success; some operations add a boolean `result`.
    return body['result'] === undefined ? body['success'] !== false : toBoolean(body['result']);
  }

  private async call(
    action: string,
    method: HttpCall['method'],
    path: string,
    query: Record<string, string | undefined>,
    write: boolean,
    o?: CallOptions,
  ): Promise<Envelope> {
    return (await this.callWithText(action, method, path, query, write, o)).body;
  }

  private async callWithText(
    action: string,
    method: HttpCall['method'],
    path: string,
    query: Record<string, string | undefined>,
    write: boolean,
    o?: CallOptions,
    keep: Keep = true,
    into?: BodyBuffer,
  ): Promise<{ body: Envelope; read: ReadJson }> {
    const fullPath = `/organization/${this.opts.organizationId}${path}`;
    const qs = canonicalQuery(query);
    const url = `${this.origin.origin}${encodePath(fullPath)}${qs ? `?${qs}` : ''}`;
    const res = await this.transport.send({
      operation: action,
      method,
      url,
      headers: {},
      write,
      signal: o?.signal,
      into,
      sign: () =>
        signRequest({
          method,
          host: this.origin.host,
          path: fullPath,
          query,
          action,
          version: CLASSIC_VERSION,
          accessKeyId: this.opts.accessKeyId,
          accessKeySecret: this.opts.accessKeySecret,
          securityToken: this.opts.securityToken,
          date: this.opts.now?.(),
        }).headers,
    });
    try {
      const read = readJson(res.bytes, keep);
      if (read.value && typeof read.value === 'object' && !Array.isArray(read.value)) {
        return { body: read.value as Envelope, read };
      }
    } catch (err) {
      // Not JSON: said below. A shape error (a machine read as it came) says what is wrong itself.
      if (!(err instanceof SyntaxError)) throw err;
    }
    throw new YunxiaoError({
      operation: action,
      status: res.status,
      errorMessage: redact(`the answer is not a JSON envelope: ${bodyStart(res.text)}`, [
        this.opts.accessKeySecret,
      ]),
      hint: 'check `endpoint` (the classic API is https://devops.cn-hangzhou.aliyuncs.com), or a proxy answered instead',
      retryable: false,
    });
  }
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
    if (res.status < 400 && !looksLikeMarkup(res)) return undefined;
    return {
      errorMessage: `non-JSON answer: ${bodyStart(res.text)}`,
      requestId: header('x-acs-request-id'),
      retryable: res.status < 400 ? true : undefined,
    };
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
