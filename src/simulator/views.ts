// The resources as Yunxiao shapes them (yunxiao-api.md sections 2, 4, 5; the GetVMDeployOrder
// example of the API page), shared by both API generations. Ids are raw JSON numbers.
import type { DeployEngine, SimMachine } from './engine.js';
import { num, type RawNumber } from './raw-json.js';
import type { Scenario } from './scenario.js';

type Json = Record<string, unknown>;

export function orderView(s: Scenario, e: DeployEngine, idAsString = false): Json {
  const st = e.state;
  return {
    actions: e.orderActions().map((a) => ({ disable: a.disable, params: {}, type: a.type })),
    createTime: st.createTime,
    creator: 'deployer@acme',
    currentBatch: st.currentBatch,
    deployMachineInfo: {
      batchNum: st.currentBatch,
      deployMachines: st.machines.map((m) => machineView(e, m)),
      hostGroupId: num(s.hostGroupId ?? '123'),
    },
    deployOrderId: idAsString ? s.deployOrderId : num(s.deployOrderId),
    exceptionCode:
      st.status === 'Waiting' && st.machines.some((m) => m.status === 'Failed')
        ? 'MACHINE_DEPLOY_FAILED'
        : '',
    status: st.status,
    totalBatch: st.totalBatch,
    updateTime: st.updateTime,
  };
}

function machineView(e: DeployEngine, m: SimMachine): Json {
  return {
    actions: e.machineActions(m).map((a) => ({ disable: a.disable, params: {}, type: a.type })),
    batchNum: m.batch,
    clientStatus: m.clientStatus,
    createTime: m.createTime,
    ip: m.spec.ip,
    machineSn: m.spec.sn,
    status: m.status,
    updateTime: m.updateTime,
    // fields real responses carry beyond the documented ones
    hostName: m.spec.hostName ?? m.spec.sn,
    machineOsArch: 'x86_64',
  };
}

export function deployJobsView(s: Scenario): Json[] {
  return s.jobs.map((j) => ({
    identifier: j.identifier,
    jobName: j.jobName,
    lastJobId: num(j.jobId),
    lastJobParams: JSON.stringify({ hostGroupId: s.hostGroupId ?? '123' }),
  }));
}

/** The job history of a DEPLOY job: `olderHistoryRows` rows listed before its last run's row. */
export function historyView(s: Scenario, identifier: string): Json[] {
  const job = s.jobs.find((j) => j.identifier === identifier);
  if (!job) return [];
  const rows: Json[] = [];
  const isTarget = job === s.jobs[0];
  const filler = isTarget ? (s.olderHistoryRows ?? 0) : 2;
  for (let i = 0; i < filler; i++) {
    rows.push(
      historyRow(
        s,
        job.identifier,
        job.jobName,
        num(String(1000 + i)),
        num(String(500 + i)),
        'SUCCESS',
        filler - i,
      ),
    );
  }
  rows.push(
    historyRow(
      s,
      job.identifier,
      job.jobName,
      num(job.jobId),
      num(isTarget ? s.pipelineRunId : '77'),
      'RUNNING',
      filler + 1,
    ),
  );
  return rows;
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
    sources: [],
    status,
  };
}

export interface RunProgress {
  reads: number;
}

export function runView(s: Scenario, e: DeployEngine, progress: RunProgress): Json {
  const job = s.jobs[0]!;
  const reached = progress.reads > (s.deployJobAppearsAfterReads ?? 0);
  const orderStatus = e.state.status;
  const ended = s.runEndsWithoutOrder
    ? 'FAIL'
    : orderStatus === 'Success'
      ? 'SUCCESS'
      : orderStatus === 'Cancelled'
        ? 'CANCELED'
        : undefined;
  const runStatus = ended ?? 'RUNNING';
  const deployActions =
    reached && !s.runEndsWithoutOrder
      ? [
          {
            type: 'GetVMDeployOrder',
            params: s.orderIdOnlyInData ? {} : { deployOrderId: num(s.deployOrderId) },
            data: s.orderIdOnlyInData ? `{"deployOrderId":${s.deployOrderId},"status":"RUNNING"}` : '',
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
  return {
    pipelineRunId: num(s.pipelineRunId),
    pipelineId: num(s.pipelineId),
    status: runStatus,
    triggerMode: 1,
    createTime: t - 60_000,
    updateTime: e.state.updateTime,
    stages: [
      stage(0, 'Build', 'SUCCESS', [
        {
          id: num('4400001'),
          name: 'Build',
          jobSign: 'build',
          status: 'SUCCESS',
          startTime: t - 60_000,
          endTime: t - 5_000,
          params: '{}',
          result: '{}',
          actions: buildActions,
        },
      ]),
      stage(1, 'Deploy', reached ? (ended ?? 'RUNNING') : 'WAITING', [
        {
          id: num(job.jobId),
          name: job.jobName,
          jobSign: job.identifier,
          status: reached ? (ended ?? 'RUNNING') : 'WAITING',
          startTime: t,
          endTime: ended ? e.state.updateTime : 0,
          params: '{}',
          result: '{}',
          actions: deployActions,
        },
      ]),
    ],
  };
}

function stage(index: number, name: string, status: string, jobs: Json[]): Json {
  return { index: String(index), name, stageInfo: { name, status, startTime: 0, endTime: 0, jobs } };
}

export function machineLogView(e: DeployEngine, m: SimMachine, timesAsNumbers = false): Json {
  return {
    aliyunRegion: 'cn-hangzhou',
    deployBeginTime: timesAsNumbers ? m.createTime : new Date(m.createTime).toISOString(),
    deployEndTime: timesAsNumbers ? m.updateTime : new Date(m.updateTime).toISOString(),
    deployLog: e.logOf(m),
    deployLogPath: `/home/admin/logs/deploy/${m.spec.sn}.log`,
  };
}
