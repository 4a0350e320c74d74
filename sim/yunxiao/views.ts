// The resources as Yunxiao shapes them (yunxiao-api.md sections 2, 4, 5; the GetVMDeployOrder
// example of the API page), shared by every API generation the simulator speaks. Ids are raw JSON
// numbers. Fields real responses carry beyond the documented ones (machines: hostName,
// machineOsArch; actions: data, displayType, name, order, title) are present unless the scenario
// asks for `minimalFields`.
import type { DeployEngine, SimMachine } from './engine.js';
import { num, rawJson, type RawJson, type RawNumber } from './raw-json.js';
import { CREATOR, DEFAULT_REPOSITORIES, TOKEN_USER, type OtherRun, type RunBook } from './runs.js';
import type { Scenario } from './scenario.js';

type Json = Record<string, unknown>;

const ACTION_LABELS: Record<string, string> = {
  StopVMDeployOrder: '取消部署',
  ResumeVMDeployOrder: '继续部署',
  RetryVMDeployMachine: '重试',
  SkipVMDeployMachine: '跳过',
  LogVMDeployMachine: '查看日志',
};

function actionView(type: string, disable: boolean, index: number, minimal: boolean): Json {
  if (minimal) return { disable, params: {}, type };
  const label = ACTION_LABELS[type] ?? type;
  return {
    data: '',
    disable,
    displayType: 'BUTTON',
    name: label,
    order: index + 1,
    params: {},
    title: label,
    type,
  };
}

/** A machine's action as real answers carry it: params {machineSn}, data and title null, order a number. */
function machineActionView(type: string, disable: boolean, index: number, minimal: boolean): Json {
  if (minimal) return { disable, params: {}, type };
  return {
    data: null,
    disable,
    displayType: 'BUTTON',
    name: ACTION_LABELS[type] ?? type,
    order: index + 1,
    params: { machineSn: SN_PLACEHOLDER },
    title: null,
    type,
  };
}
const SN_PLACEHOLDER = '\u0000sn\u0000';
/** The placeholder as it reads in the JSON text of a template, where each machine's SN goes. */
const SN_IN_JSON = JSON.stringify(SN_PLACEHOLDER);

/** The order's actions, or fewer when the scenario says Yunxiao offers fewer (a paused order too). */
function orderActionsOffered(s: Scenario, e: DeployEngine): Array<{ type: string; disable: boolean }> {
  if (s.orderActions === 'none') return [];
  const all = e.orderActions();
  return s.orderActions === 'no-resume' ? all.filter((a) => a.type !== 'ResumeVMDeployOrder') : all;
}

export function orderView(s: Scenario, e: DeployEngine, idAsString = false): Json {
  const st = e.state;
  const minimal = s.minimalFields ?? false;
  return {
    actions: orderActionsOffered(s, e).map((a, i) => asciiJson(actionView(a.type, a.disable, i, minimal))),
    createTime: st.createTime,
    creator: 'deployer@acme',
    currentBatch: st.currentBatch,
    deployMachineInfo: {
      batchNum: st.currentBatch,
      deployMachines: machinesText(s, e),
      hostGroupId: num(s.hostGroupId ?? '123'),
    },
    deployOrderId: idAsString ? s.deployOrderId : num(s.deployOrderId),
    exceptionCode: st.status === 'Waiting' && e.hasFailure() ? 'MACHINE_DEPLOY_FAILED' : '',
    status: st.status,
    totalBatch: st.totalBatch,
    updateTime: st.updateTime,
  };
}

/**
 * JSON text with non-ASCII as \u escapes: one non-ASCII character anywhere makes V8 hold the whole
 * multi-megabyte order body as a two-byte string, several times slower to build and send.
 */
function asciiJson(value: unknown): RawJson {
  const escaped = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // the replace keeps the source's two-byte form; a latin1 round trip gives a one-byte string
  return rawJson(Buffer.from(escaped, 'latin1').toString('latin1'));
}

// A machine is written from a template: a 10,000-machine order is serialized on every poll.
const machineActionText = new Map<string, string>();
function machineActionsText(retry: boolean, skip: boolean, minimal: boolean): string {
  const key = `${+retry}${+skip}${+minimal}`;
  let text = machineActionText.get(key);
  if (text === undefined) {
    const list = [
      machineActionView('RetryVMDeployMachine', !retry, 0, minimal),
      machineActionView('SkipVMDeployMachine', !skip, 1, minimal),
      machineActionView('LogVMDeployMachine', false, 2, minimal),
    ];
    text = asciiJson(list).text;
    machineActionText.set(key, text);
  }
  return text;
}

/** The deployMachines array, written again only when the engine changed since the last read. */
const ordersText = new WeakMap<DeployEngine, { version: number; text: RawJson }>();
function machinesText(s: Scenario, e: DeployEngine): RawJson {
  const last = ordersText.get(e);
  if (last && last.version === e.version) return last.text;
  const text = rawJson(`[${e.state.machines.map((m) => machineView(s, e, m).text).join(',')}]`);
  ordersText.set(e, { version: e.version, text });
  return text;
}

interface MachineText {
  ip: string;
  sn: string;
  extra: string;
  /** the last text and what it was written from: only changed machines are written again */
  text?: string;
  status?: string;
  clientStatus?: string;
  updateTime?: number;
  actions?: string;
}

const machineTexts = new WeakMap<SimMachine, MachineText>();
function machineView(s: Scenario, e: DeployEngine, m: SimMachine): RawJson {
  const minimal = s.minimalFields ?? false;
  let c = machineTexts.get(m);
  if (!c) {
    c = {
      ip: JSON.stringify(m.spec.ip),
      sn: JSON.stringify(m.spec.sn),
      extra: minimal
        ? ''
        : `,"hostName":${JSON.stringify(m.spec.hostName ?? m.spec.sn)},"machineOsArch":"x86_64"`,
    };
    machineTexts.set(m, c);
  }
  const [retry, skip] = e.allowedOn(m);
  const actions = machineActionsText(retry, skip, minimal);
  if (
    c.text === undefined ||
    c.status !== m.status ||
    c.clientStatus !== m.clientStatus ||
    c.updateTime !== m.updateTime ||
    c.actions !== actions
  ) {
    // join (not +) gives a flat string, cheap to copy into every later body
    c.text = [
      `{"actions":${actions.split(SN_IN_JSON).join(c.sn)},"batchNum":${m.batch},"clientStatus":${JSON.stringify(m.clientStatus)}`,
      `,"createTime":${m.createTime},"ip":${c.ip},"machineSn":${c.sn},"status":${JSON.stringify(m.status)}`,
      `,"updateTime":${m.updateTime}${c.extra}}`,
    ].join('');
    c.status = m.status;
    c.clientStatus = m.clientStatus;
    c.updateTime = m.updateTime;
    c.actions = actions;
  }
  return rawJson(c.text);
}

export function deployJobsView(s: Scenario, runs?: RunBook): Json[] {
  return s.jobs.map((j, i) => ({
    identifier: j.identifier,
    jobName: j.jobName,
    // before the deploying run exists, the deploy job's last run is the previous run's
    lastJobId: num(i === 0 && runs && !runs.exists ? runs.previousJobId : j.jobId),
    lastJobParams: JSON.stringify({ hostGroupId: s.hostGroupId ?? '123', packageLabel: 'release' }),
  }));
}

/**
 * The job history of a DEPLOY job, oldest first (or newest first with `historyOrder`, the order is
 * not documented): for the deploy job (the first), `olderHistoryRows` rows come before its last
 * run's row, so a big value puts that row on a later page.
 */
export function historyView(s: Scenario, identifier: string, runs?: RunBook): Json[] {
  const job = s.jobs.find((j) => j.identifier === identifier);
  if (!job) return [];
  const isTarget = job === s.jobs[0];
  const filler = isTarget ? (s.olderHistoryRows ?? 0) : 2;
  const rows: Json[] = [];
  if (isTarget && runs && s.newRun) {
    // the previous run's row, then the deploying run's once it exists
    const prev = historyRow(
      s,
      job.identifier,
      job.jobName,
      num(runs.previousJobId),
      num(runs.previousRunId),
      'SUCCESS',
      1,
    );
    const own = runs.exists
      ? [historyRow(s, job.identifier, job.jobName, num(job.jobId), num(s.pipelineRunId), 'RUNNING', 2)]
      : [];
    const all = [prev, ...own];
    return s.historyOrder === 'newest-first' ? all.reverse() : all;
  }
  for (let i = 0; i < filler; i++) {
    rows.push(
      historyRow(
        s,
        job.identifier,
        job.jobName,
        num(String(1000 + i)),
        num(String(500 + i)),
        'SUCCESS',
        i + 1,
      ),
    );
  }
  const runId = num(isTarget ? s.pipelineRunId : '77');
  rows.push(historyRow(s, job.identifier, job.jobName, num(job.jobId), runId, 'RUNNING', filler + 1));
  return s.historyOrder === 'newest-first' ? rows.reverse() : rows;
}

function historyRow(
  s: Scenario,
  identifier: string,
  jobName: string,
  jobId: RawNumber,
  runId: RawNumber,
  status: string,
  n: number,
): Json {
  return {
    executeNumber: n,
    identifier,
    jobId,
    jobName,
    operatorAccountId: '66a1b2c3d4e5f60718293a4b',
    pipelineId: num(s.pipelineId),
    pipelineRunId: runId,
    // a JSON text, as the API page's example shows it
    sources: '{}',
    status,
  };
}

/** How often the deploying run was read (GetPipelineRun and GetLatestPipelineRun). */
export type RunProgress = Pick<RunBook, 'reads'> & Partial<Pick<RunBook, 'creator' | 'triggerMode'>>;

/** Where the run is: before its deploy job, ended without an order, or following the order. */
function runPhase(s: Scenario, e: DeployEngine, progress: RunProgress) {
  const reached = progress.reads > (s.deployJobAppearsAfterReads ?? 0);
  if (!reached) {
    const before = s.runBeforeDeploy ?? { run: 'RUNNING', deploy: 'WAITING' };
    return { reached, run: before.run, build: 'RUNNING', deploy: before.deploy, hasOrder: false };
  }
  if (s.runEndsWithoutOrder) {
    const end = s.runEndsWithoutOrder === true ? { run: 'FAIL', deploy: 'FAIL' } : s.runEndsWithoutOrder;
    return { reached, run: end.run, build: 'SUCCESS', deploy: end.deploy, hasOrder: false };
  }
  const o = e.state.status;
  const deploy = o === 'Success' ? 'SUCCESS' : o === 'Cancelled' ? 'CANCELED' : 'RUNNING';
  return { reached, run: deploy, build: 'SUCCESS', deploy, hasOrder: true };
}

export function runView(s: Scenario, e: DeployEngine, progress: RunProgress): Json {
  const job = s.jobs[0]!;
  const phase = runPhase(s, e, progress);
  const ended = phase.deploy !== 'RUNNING' && phase.deploy !== 'WAITING';
  // A real deploy job carries the order id in params and in data (a JSON text); params may say null.
  const deployActions = phase.hasOrder
    ? [
        {
          type: 'GetVMDeployOrder',
          params: { deployOrderId: s.orderIdOnlyInData ? null : num(s.deployOrderId) },
          data: `{"deployOrderId":${s.deployOrderId},"status":"RUNNING"}`,
          disable: false,
          displayType: 'DEPLOY_ORDER',
          name: '部署详情',
          order: null,
          title: '部署详情',
        },
      ]
    : [];
  const buildActions = s.emas
    ? [
        {
          type: 'GetPipelineEmasArtifactUrl',
          params: {
            serviceConnectionId: num(s.emas.serviceConnectionId),
            emasJobInstanceId: num(s.emas.emasJobInstanceId),
            md5: s.emas.md5,
          },
          data: '',
          disable: false,
          displayType: 'DOWNLOAD',
          name: '下载产物',
          order: null,
          title: '下载产物',
        },
      ]
    : [];
  const t = e.state.createTime;
  const buildEnd = phase.build === 'SUCCESS' ? t - 5_000 : 0;
  return {
    pipelineRunId: num(s.pipelineRunId),
    pipelineId: num(s.pipelineId),
    status: phase.run,
    triggerMode: progress.triggerMode ?? 1,
    createTime: t - 60_000,
    updateTime: e.state.updateTime,
    creatorAccountId: progress.creator === undefined ? CREATOR : progress.creator,
    modifierAccountId: CREATOR,
    pipelineConfigId: num('3000001'),
    pipelineType: 'OTHER',
    globalParams: [{ key: 'DEPLOY_ENV', value: 'production', encrypted: false, masked: false }],
    sources: [
      {
        sign: 'code_source',
        type: 'codeup',
        name: 'shop',
        label: 'acme/shop',
        data: { repo: 'https://codeup.aliyun.com/acme/shop.git', branch: 'master', commit: '0a1b2c3' },
      },
    ],
    stages: [
      stage(0, 'Build', phase.build, t - 60_000, buildEnd, [
        {
          id: num('4400001'),
          name: 'Build',
          jobSign: 'build',
          status: phase.build,
          startTime: t - 60_000,
          endTime: buildEnd,
          params: '{}',
          result: '{}',
          actions: buildActions,
        },
      ]),
      stage(1, 'Deploy', phase.deploy, phase.reached ? t : 0, ended ? e.state.updateTime : 0, [
        {
          id: num(job.jobId),
          name: job.jobName,
          jobSign: job.identifier,
          status: phase.deploy,
          startTime: phase.reached ? t : 0,
          endTime: ended ? e.state.updateTime : 0,
          params: JSON.stringify({ hostGroupId: s.hostGroupId ?? '123' }),
          result: phase.hasOrder
            ? JSON.stringify({ message: 'deploy.running', requestId: 'f1e2d3c4', successful: true })
            : '{}',
          actions: deployActions,
        },
      ]),
    ],
  };
}

/** ListPipelineRuns: the runs before the deploying one, it (once it exists), and the runs created beside it. */
export function runListView(s: Scenario, e: DeployEngine, runs: RunBook): Json[] {
  const t = e.state.createTime;
  const row = (r: OtherRun, i: number): Json => ({
    pipelineRunId: num(r.id),
    pipelineId: num(s.pipelineId),
    status: r.status,
    startTime: t - 3_600_000 + i * 60_000,
    endTime: r.status === 'SUCCESS' ? t - 3_500_000 + i * 60_000 : 0,
    triggerMode: r.triggerMode,
    creatorAccountId: r.creator,
  });
  const rows = runs.earlier().map(row);
  if (runs.exists) {
    const phase = runPhase(s, e, runs);
    rows.push({
      pipelineRunId: num(s.pipelineRunId),
      pipelineId: num(s.pipelineId),
      status: phase.run,
      startTime: t - 60_000,
      endTime: phase.run !== 'RUNNING' && phase.run !== 'WAITING' ? e.state.updateTime : 0,
      triggerMode: runs.triggerMode,
      creatorAccountId: runs.creator,
    });
  }
  rows.push(...runs.others().map((r, i) => row(r, 100 + i)));
  return s.runListOrder === 'oldest-first' ? rows : rows.reverse();
}

/** GetPipelineRun of a run that is not the deploying one: finished (the previous run) or just created. */
export function otherRunView(s: Scenario, runs: RunBook, runId: string): Json | undefined {
  const job = s.jobs[0]!;
  const previous = runId === runs.previousRunId && s.newRun !== undefined;
  const other = runs.others().find((r) => r.id === runId);
  if (!previous && !other) return undefined;
  const done = previous ? 'SUCCESS' : 'RUNNING';
  const deployActions = previous
    ? [
        {
          type: 'GetVMDeployOrder',
          params: { deployOrderId: num(runs.previousOrderId) },
          data: '',
          disable: false,
        },
      ]
    : [];
  return {
    pipelineRunId: num(runId),
    pipelineId: num(s.pipelineId),
    status: done,
    triggerMode: other?.triggerMode ?? 1,
    creatorAccountId: other ? other.creator : CREATOR,
    stages: [
      stage(0, 'Build', done, 0, 0, [
        { id: num('4400000'), name: 'Build', jobSign: 'build', status: done, actions: [] },
      ]),
      stage(1, 'Deploy', previous ? 'SUCCESS' : 'WAITING', 0, 0, [
        {
          id: num(previous ? runs.previousJobId : '0'),
          name: job.jobName,
          jobSign: job.identifier,
          status: previous ? 'SUCCESS' : 'WAITING',
          actions: deployActions,
        },
      ]),
    ],
  };
}

/** GetPipeline: the definition, with its code sources where the scenario says Yunxiao puts them. */
export function pipelineView(s: Scenario): Json {
  const repos = s.repositories ?? DEFAULT_REPOSITORIES;
  const where = s.sourcesIn ?? 'config';
  const sources = repos.map((repo, i) => ({
    sign: `code_source_${i}`,
    type: 'codeup',
    name: repo.replace(/^.*\//, '').replace(/\.git$/, ''),
    label: repo.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, ''),
    data: {
      repo,
      branch: 'master',
      isBranchMode: false,
      isTrigger: true,
      credentialType: 'service_connection',
      serviceConnectionId: num('123'),
    },
  }));
  const yamlSources =
    where === 'yaml'
      ? [
          'sources:',
          ...repos.flatMap((repo, i) => [
            `  repo_${i}:`,
            '    type: codeup',
            `    name: source ${i}`,
            `    endpoint: ${i % 2 ? `"${repo}"` : repo}`,
            '    branch: master',
            '    certificate:',
            '      type: serviceConnection',
            '      serviceConnection: abc123',
          ]),
        ]
      : [];
  const flow = [
    ...yamlSources,
    'stages:',
    '  build:',
    '    name: Build',
    '  deploy:',
    '    name: Deploy',
    '    jobs:',
    `      ${s.jobs[0]?.identifier ?? 'deploy'}:`,
    `        name: ${s.jobs[0]?.jobName ?? 'Deploy'}`,
    '',
  ].join('\n');
  return {
    name: 'shop',
    createTime: 1_700_000_000_000,
    creatorAccountId: CREATOR,
    modifierAccountId: CREATOR,
    groupId: 0,
    envId: null,
    envName: null,
    tagList: [],
    pipelineConfig: { flow, settings: '{}', sources: where === 'config' ? sources : [] },
  };
}

/** GetUserByToken: the token's user. */
export function userView(organizationId: string | undefined): Json {
  return {
    id: TOKEN_USER,
    name: 'Gate Bot',
    nickName: 'gate',
    username: 'gate-bot',
    email: 'gate-bot@acme.example',
    staffId: '',
    lastOrganization: organizationId ?? '',
    sysDeptIds: [],
    createdAt: '2024-01-01T00:00:00Z',
    deletedAt: '',
  };
}

function stage(index: number, name: string, status: string, start: number, end: number, jobs: Json[]): Json {
  return { index: String(index), name, stageInfo: { name, status, startTime: start, endTime: end, jobs } };
}

/** The machine log: the OpenAPI gives its times as strings of epoch milliseconds, the classic API as numbers. */
export function machineLogView(e: DeployEngine, m: SimMachine, timesAsNumbers = false): Json {
  return {
    aliyunRegion: 'cn-hangzhou',
    deployBeginTime: timesAsNumbers ? m.createTime : String(m.createTime),
    deployEndTime: timesAsNumbers ? m.updateTime : String(m.updateTime),
    deployLog: e.logOf(m),
    deployLogPath: `/home/admin/logs/deploy/${m.spec.sn}.log`,
  };
}
