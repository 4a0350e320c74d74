// A tiny CodeArts client for the simulator's tests: node:http and its own SDK-HMAC-SHA256 signer
// (written here from codearts-api.md 1.4, sharing nothing with sim/ or src/), or an IAM token.
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterEach } from 'vitest';
import {
  startCodeArtsSimulator,
  scenario,
  type CodeArtsSimulator,
  type CodeArtsSimulatorOptions,
  type Scenario,
} from '../../../sim/codearts/index.js';

export const PROJECT = '0123456789abcdef0123456789abcdef';
export const AK = 'HPUAQWERTYUIOPASDFGH';
export const SK = 'sk-for-the-simulator-tests-only-0123456789';
export const STS_AK = 'HSTSQWERTYUIOPASDFGH';
export const STS_SK = 'sts-secret-0123456789';
export const STS_TOKEN = 'gQpjbi1ub3J0aC00LXRva2Vu';
export const IAM_TOKEN = 'MIIZ-iam-token-for-tests';

export type Credentials =
  { ak: string; sk: string; securityToken?: string; signedHeaders?: string[] } | { token: string } | 'none';

export interface CallOptions {
  body?: unknown;
  /** query parameters, in the order given */
  query?: Record<string, string>;
  creds?: Credentials;
  /** X-Sdk-Date as epoch ms (default now) */
  date?: number;
  headers?: Record<string, string>;
  /** changes the request target after signing */
  tamper?: (target: string) => string;
}

/** What any answer may carry: an error (service, gateway or queue) or an action's success. */
export interface ErrorJson {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  error?: { code?: string; message?: string; pipeline_run_id?: string; queue_id?: string };
  success?: boolean;
}

// The fields of the answers that the tests read.
export interface StepJson {
  id: string;
  name: string;
  task: string;
  business_type: string;
  status: string;
  message: string;
}
export interface JobJson {
  id: string;
  status: string;
  message: string;
  async: string | boolean;
  start_time: number;
  steps: StepJson[];
}
export interface StageJson {
  name: string;
  status: string;
  is_select: boolean;
  pre: StepJson[];
  jobs: JobJson[];
}
export interface DetailJson {
  id: string;
  status: string;
  run_number: number;
  start_time: number;
  end_time: number;
  current_system_time: number;
  stages: StageJson[];
  artifacts: unknown[];
  sources: Array<{ params: { build_params: Record<string, unknown> } }>;
}
export interface RowJson {
  run_number: number;
  status: string;
  trigger_type: string;
  executor_name: string;
  build_params: { commit_id: string };
  start_time: number;
  stage_status_list: Array<{ start_time: string }>;
}
export interface ListJson {
  offset: number;
  limit: number;
  total: number;
  pipeline_runs: RowJson[];
}

export interface Answer<T = object> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** {} when the body is not JSON */
  json: T & ErrorJson;
}

const enc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const sdkDate = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';

/** The SDK-HMAC-SHA256 Authorization for a request (headers with lower-case names). */
export function sign(
  method: string,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: string,
  ak: string,
  sk: string,
  signed: string[],
): string {
  const names = [...signed].sort();
  const canonical = [
    method,
    path
      .split('/')
      .map((s) => enc(decodeURIComponent(s)))
      .join('/') + (path.endsWith('/') ? '' : '/'),
    Object.keys(query)
      .sort()
      .map((k) => `${enc(k)}=${enc(query[k]!)}`)
      .join('&'),
    names.map((n) => `${n}:${headers[n]!.trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const date = headers['x-sdk-date']!;
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', sk).update(toSign).digest('hex');
  return `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}

export async function call<T = object>(
  sim: CodeArtsSimulator,
  method: string,
  path: string,
  o: CallOptions = {},
): Promise<Answer<T>> {
  const url = new URL(sim.url);
  const body = o.body === undefined ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const query = o.query ?? {};
  const search = new URLSearchParams(query).toString();
  const headers: Record<string, string> = { host: url.host, ...o.headers };
  if (body !== '') headers['content-type'] = 'application/json;charset=UTF-8';
  const creds = o.creds ?? { ak: AK, sk: SK };
  if (creds !== 'none' && 'token' in creds) headers['x-auth-token'] = creds.token;
  else if (creds !== 'none') {
    headers['x-sdk-date'] = sdkDate(o.date ?? Date.now());
    if (creds.securityToken) headers['x-security-token'] = creds.securityToken;
    const signed = creds.signedHeaders ?? Object.keys(headers).filter((h) => h !== 'authorization');
    headers['authorization'] = sign(method, path, query, headers, body, creds.ak, creds.sk, signed);
  }
  const target = search ? `${path}?${search}` : path;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path: o.tamper ? o.tamper(target) : target, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Answer<T>['json'];
          try {
            parsed = JSON.parse(text) as Answer<T>['json'];
          } catch {
            parsed = {} as Answer<T>['json'];
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The v5 path of the scenario's pipeline. */
export const pipelinePath = (s: Scenario, rest: string, project = PROJECT): string =>
  `/v5/${project}/api/pipelines/${s.pipelineId}${rest}`;

/** Simulators started by `start` in a test close after it. */
export function simulators(): (
  over?: Partial<Scenario>,
  opts?: Partial<CodeArtsSimulatorOptions>,
) => Promise<CodeArtsSimulator> {
  let open: CodeArtsSimulator[] = [];
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()));
    open = [];
  });
  return async (over = {}, opts = {}) => {
    const sim = await startCodeArtsSimulator({
      projectId: PROJECT,
      scenario: scenario(over),
      auth: {
        accessKeys: { [AK]: { secretKey: SK }, [STS_AK]: { secretKey: STS_SK, securityToken: STS_TOKEN } },
        iamTokens: [IAM_TOKEN],
      },
      ...opts,
    });
    open.push(sim);
    return sim;
  };
}
