// The simulators as scripts/simulator.ts starts them: each with its demo scenario and throwaway
// credentials, and the fields a caller needs (an action's inputs, the outputs to expect). A field's
// key is also its name as a GitHub step output (the background mode writes them to GITHUB_OUTPUT).
import { randomBytes } from 'node:crypto';
import * as codearts from '../../sim/codearts/index.js';
import * as yunxiao from '../../sim/yunxiao/index.js';

export const PROVIDERS = ['yunxiao', 'codearts'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface Field {
  key: string;
  value: string;
  /** a credential: masked in GitHub's log, never printed where GITHUB_OUTPUT carries it */
  secret?: boolean;
}

export interface RequestLine {
  at: number;
  method: string;
  path: string;
  operation: string;
  status: number;
  fault?: string;
}

export interface RunningSimulator {
  title: string;
  fields: Field[];
  /** more lines for a person: what the scenario holds, a request to try */
  notes: string[];
  /** every request so far (no headers: they carry the credentials) */
  requests(): readonly RequestLine[];
  /** one line of state, logged when it changes */
  state(): string;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  /** a step every tickMs; without it, a step per status read (the poll clock) */
  tickMs?: number;
  /** the credential to accept, instead of a random one (Yunxiao: the token; CodeArts: the IAM token) */
  token?: string;
  /** Yunxiao only */
  edition?: 'central' | 'region';
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const clockOf = (tickMs?: number) => (tickMs ? { mode: 'time' as const, tickMs } : { mode: 'poll' as const });

export function startDemoSimulator(
  provider: ProviderName,
  opts: StartOptions = {},
): Promise<RunningSimulator> {
  return provider === 'yunxiao' ? startYunxiao(opts) : startCodeArts(opts);
}

async function startYunxiao(opts: StartOptions): Promise<RunningSimulator> {
  const edition = opts.edition ?? 'central';
  // Throwaway credentials for this simulator only: handing them to the caller is the point.
  const token = opts.token ?? `pt-sim${hex(12)}`;
  const organizationId = edition === 'central' ? '5f8a1c2e9d3b7a6f4e2d1c0b' : undefined;
  const scenario = yunxiao.demoScenario();
  const sim = await yunxiao.startSimulator({
    edition,
    organizationId,
    token,
    scenario,
    port: opts.port,
    clock: clockOf(opts.tickMs),
  });
  const machines = scenario.batches.flat();
  const api = `${sim.url}/oapi/v1/flow${organizationId ? `/organizations/${organizationId}` : ''}`;
  return {
    title: 'Yunxiao Flow OpenAPI simulator (demo scenario)',
    fields: [
      { key: 'endpoint', value: sim.url },
      { key: 'edition', value: edition },
      ...(organizationId ? [{ key: 'organization-id', value: organizationId }] : []),
      { key: 'token', value: token, secret: true },
      { key: 'pipeline-id', value: scenario.pipelineId },
      { key: 'pipeline-run-id', value: scenario.pipelineRunId },
      { key: 'deploy-order-id', value: scenario.deployOrderId },
      { key: 'machines-total', value: String(machines.length) },
      {
        key: 'unreachable-machines',
        value: JSON.stringify(machines.filter((m) => m.unreachable).map((m) => m.sn)),
      },
    ],
    notes: [
      `API base: ${api}`,
      `deploy jobs: ${scenario.jobs.map((j) => `${j.identifier} (${j.jobName}, last job ${j.jobId})`).join(', ')}`,
      `machines: ${scenario.batches.map((b, i) => `batch ${i + 1}: ${b.map((m) => m.sn).join(' ')}`).join('; ')}`,
      `clock: ${opts.tickMs ? `a step every ${opts.tickMs} ms` : 'a step per GetVMDeployOrder'}`,
      `try: curl -s -H 'x-yunxiao-token: ${token}' ${api}/pipelines/${scenario.pipelineId}/deploy/${scenario.deployOrderId}`,
    ],
    requests: () => sim.requests,
    state: () => {
      const o = sim.order();
      return `order ${scenario.deployOrderId}: ${o.status} batch ${o.currentBatch}/${o.totalBatch}`;
    },
    close: () => sim.close(),
  };
}

async function startCodeArts(opts: StartOptions): Promise<RunningSimulator> {
  const projectId = '0c6f1e2d3b4a59687a8b9c0d1e2f3a4b';
  // shaped as real ones are: a 20-character AK, a 40-character SK
  const accessKey = `SIMA${hex(8).toUpperCase()}`;
  const secretKey = hex(20);
  const iamToken = opts.token ?? `MIIsim${hex(16)}`;
  const scenario = codearts.demoScenario();
  const sim = await codearts.startCodeArtsSimulator({
    projectId,
    scenario,
    auth: { accessKeys: { [accessKey]: { secretKey } }, iamTokens: [iamToken] },
    port: opts.port,
    clock: clockOf(opts.tickMs),
  });
  const jobs = scenario.stages.flatMap((s) => s.jobs);
  const base = `${sim.url}/v5/${projectId}/api/pipelines/${scenario.pipelineId}`;
  return {
    title: 'CodeArts Pipeline v5 API simulator (demo scenario)',
    fields: [
      { key: 'endpoint', value: sim.url },
      { key: 'project-id', value: projectId },
      { key: 'pipeline-id', value: scenario.pipelineId },
      { key: 'access-key', value: accessKey, secret: true },
      { key: 'secret-key', value: secretKey, secret: true },
      { key: 'auth-token', value: iamToken, secret: true },
      { key: 'jobs-total', value: String(jobs.length) },
    ],
    notes: [
      `stages: ${scenario.stages.map((s) => `${s.name} (${s.jobs.map((j) => j.name).join(', ')})`).join('; ')}`,
      `past runs: ${(scenario.history ?? []).map((r) => r.status).join(', ') || 'none'}`,
      `clock: ${opts.tickMs ? `a step every ${opts.tickMs} ms` : 'a step per ShowPipelineRunDetail'}`,
      `try: curl -s -H 'X-Auth-Token: ${iamToken}' '${base}/pipeline-runs/detail'`,
    ],
    requests: () => sim.requests,
    state: () => {
      const run = sim.runs().at(-1);
      return run ? `run ${run.runNumber} (${run.id}): ${run.status}` : 'no run';
    },
    close: () => sim.close(),
  };
}
