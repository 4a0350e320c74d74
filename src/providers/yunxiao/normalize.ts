// From Yunxiao's JSON (parsed losslessly) to the domain model. Shared by both API generations:
// tolerant of missing optional fields and of fields it does not know; statuses kept as given.
import { clip } from '../../common/redact.js';
import { AnswerError } from '../../http/errors.js';
import { isBlank } from '../../http/transport.js';
import { parseJsonLossless, toIdString, type Keep } from '../../http/json.js';
import { describe, list, obj, ShapeError, type Obj } from '../../http/shape.js';
import type { Snapshot, Unit } from '../../core/snapshot.js';
import type {
  ActionState,
  DeployJob,
  JobHistoryEntry,
  MachineLog,
  PipelineDefinition,
  PipelineRun,
  RunAction,
  RunJob,
  RunRow,
} from './model.js';
import { machineUnit, orderSnapshot } from './snapshot.js';

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const id = (v: unknown): string => toIdString(v) ?? str(v);
const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};
const optNum = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : num(v));

/**
 * Action lists, interned: 10,000 machines carry the same few lists of (type, disable), and a poll
 * would otherwise allocate 40,000 small objects only to drop them at the next one. Read-only.
 */
const internedActions = new Map<string, ActionState[]>();
/** the last list returned: consecutive machines in the same state carry equal lists, found without allocating */
let lastActions: readonly ActionState[] | undefined;

function actions(value: unknown): ActionState[] {
  const raw = list(value, 'actions');
  if (lastActions && sameActions(lastActions, raw)) return lastActions as ActionState[];
  const states: ActionState[] = [];
  for (const a of raw) {
    const o = obj(a, 'an action');
    states.push({ type: str(o['type']), disable: disabled(o['disable']) });
  }
  const key = JSON.stringify(states); // unambiguous, whatever characters the types hold
  let hit = internedActions.get(key);
  if (!hit) {
    if (internedActions.size > 1000) internedActions.clear(); // bounded, whatever Yunxiao sends
    hit = Object.freeze(states) as ActionState[];
    internedActions.set(key, hit);
  }
  lastActions = hit;
  return hit;
}

const disabled = (v: unknown): boolean => v === true || v === 'true';

function sameActions(list: readonly ActionState[], raw: readonly unknown[]): boolean {
  if (list.length !== raw.length) return false;
  for (let i = 0; i < list.length; i++) {
    const o = raw[i];
    if (!o || typeof o !== 'object' || Array.isArray(o)) return false; // obj() then says what is wrong
    const a = o as Obj;
    if (str(a['type']) !== list[i]!.type || disabled(a['disable']) !== list[i]!.disable) return false;
  }
  return true;
}

/**
 * A deploy machine, straight into the core's unit (the mapping table is snapshot.ts). `before`: the
 * unit this made of the machine at the same place in the last answer (see MapElement).
 */
function machine(value: unknown, before?: unknown): Unit {
  const m = obj(value, 'a deploy machine');
  const updated = optNum(m['updateTime']);
  return machineUnit(
    {
      machineSn: id(m['machineSn']),
      ip: str(m['ip']),
      status: str(m['status']),
      clientStatus: str(m['clientStatus']),
      batchNum: num(m['batchNum']),
      actions: actions(m['actions']),
      ...(typeof m['hostName'] === 'string' ? { hostName: m['hostName'] } : {}),
      ...(updated !== undefined ? { updateTime: updated } : {}),
    },
    before as Unit | undefined,
  );
}

/**
 * What of a deploy order's answer to build (see readJson): the fields the model holds, and each
 * machine turned into the model as soon as it is read, so no tree of 10,000 raw machines ever
 * exists. toDeployOrderRead takes what this builds.
 */
const ACTION_FIELDS: Keep = [{ type: true, disable: true }];
/** The machines: each turned into a unit as it is read (an ElementMemo of this reuses unchanged ones). */
export const MACHINE_FIELDS: Keep = [
  {
    machineSn: true,
    ip: true,
    status: true,
    clientStatus: true,
    batchNum: true,
    hostName: true,
    updateTime: true,
    actions: ACTION_FIELDS,
  },
  machine,
];
export const DEPLOY_ORDER_FIELDS: Keep = {
  deployOrderId: true,
  status: true,
  currentBatch: true,
  totalBatch: true,
  exceptionCode: true,
  updateTime: true,
  actions: ACTION_FIELDS,
  deployMachineInfo: { deployMachines: MACHINE_FIELDS },
};

/** An order read with DEPLOY_ORDER_FIELDS, in the core's terms: its machines are units already. */
export function toDeployOrderRead(raw: unknown): Snapshot {
  const o = obj(raw, 'the deploy order');
  const info =
    o['deployMachineInfo'] === undefined || o['deployMachineInfo'] === null
      ? {}
      : obj(o['deployMachineInfo'], 'deployMachineInfo');
  const updateTime = optNum(o['updateTime']);
  return orderSnapshot(
    {
      deployOrderId: id(o['deployOrderId']),
      status: str(o['status']),
      currentBatch: num(o['currentBatch']),
      totalBatch: num(o['totalBatch']),
      ...(o['exceptionCode'] !== undefined && o['exceptionCode'] !== null
        ? { exceptionCode: str(o['exceptionCode']) }
        : {}),
      ...(updateTime !== undefined ? { updateTime } : {}),
      actions: actions(o['actions']),
    },
    list(info['deployMachines'], 'deployMachineInfo.deployMachines') as Unit[],
  );
}

export function toDeployJobs(raw: unknown): DeployJob[] {
  return list(raw, 'the deploy job list').map((j) => {
    const o = obj(j, 'a deploy job');
    const job: DeployJob = {
      identifier: str(o['identifier']),
      jobName: str(o['jobName']),
      lastJobId: id(o['lastJobId']),
    };
    if (typeof o['lastJobParams'] === 'string') job.lastJobParams = o['lastJobParams'];
    return job;
  });
}

export function toJobHistory(raw: unknown): JobHistoryEntry[] {
  return list(raw, 'the job history').map((j) => {
    const o = obj(j, 'a job history row');
    return {
      jobId: id(o['jobId']),
      pipelineRunId: id(o['pipelineRunId']),
      identifier: str(o['identifier']),
      jobName: str(o['jobName']),
      status: str(o['status']),
      executeNumber: optNum(o['executeNumber']),
    };
  });
}

function runAction(value: unknown): RunAction {
  const a = obj(value, 'a job action');
  const params =
    a['params'] && typeof a['params'] === 'object' && !Array.isArray(a['params']) ? (a['params'] as Obj) : {};
  const out: RunAction = { type: str(a['type']), params };
  if (typeof a['data'] === 'string') out.data = a['data'];
  if (typeof a['disable'] === 'boolean') out.disable = a['disable'];
  return out;
}

export function toPipelineRun(raw: unknown): PipelineRun {
  const r = obj(raw, 'the pipeline run');
  const jobs: RunJob[] = [];
  for (const s of list(r['stages'], 'stages')) {
    const stage = obj(s, 'a stage');
    const info = stage['stageInfo'] ? obj(stage['stageInfo'], 'stageInfo') : {};
    const stageName = str(info['name'] ?? stage['name']);
    for (const j of list(info['jobs'], 'stageInfo.jobs')) {
      const job = obj(j, 'a job');
      jobs.push({
        id: id(job['id']),
        name: str(job['name']),
        status: str(job['status']),
        stageName,
        actions: list(job['actions'], 'job actions').map(runAction),
      });
    }
  }
  return {
    pipelineRunId: id(r['pipelineRunId']),
    pipelineId: id(r['pipelineId']),
    status: str(r['status']),
    createTime: optNum(r['createTime']),
    updateTime: optNum(r['updateTime']),
    jobs,
  };
}

/**
 * GetPipeline's answer: the repository of each code source (`pipelineConfig.sources[].data.repo`,
 * as the official MCP server reads it; `sources` as a JSON text too, as the job history sends its
 * own) and the YAML text (`pipelineConfig.flow`). A pipeline with neither is not an error here.
 */
export function toPipelineDefinition(raw: unknown): PipelineDefinition {
  const p = obj(raw, 'the pipeline');
  const config =
    p['pipelineConfig'] === undefined || p['pipelineConfig'] === null
      ? {}
      : obj(p['pipelineConfig'], 'pipelineConfig');
  let sources = config['sources'];
  if (typeof sources === 'string') {
    try {
      sources = sources.trim() ? parseJsonLossless(sources) : [];
    } catch {
      throw new ShapeError('pipelineConfig.sources is text that is not JSON');
    }
  }
  const repositories: string[] = [];
  for (const source of list(sources, 'pipelineConfig.sources')) {
    const data = obj(source, 'a code source')['data'];
    const repo = data && typeof data === 'object' ? (data as Obj)['repo'] : undefined;
    if (typeof repo === 'string' && repo.trim() && !repositories.includes(repo)) repositories.push(repo);
  }
  const flow = config['flow'];
  return { repositories, ...(typeof flow === 'string' && flow.trim() ? { flow } : {}) };
}

/** ListPipelineRuns' rows (OpenAPI: the answer; classic: `pipelineRuns`). */
export function toRunRows(raw: unknown): RunRow[] {
  return list(raw, 'the run list').map((r) => {
    const o = obj(r, 'a run list row');
    const runId = id(o['pipelineRunId']);
    if (!/^\d+$/.test(runId)) throw new ShapeError('a run list row has no numeric pipelineRunId');
    const creator = o['creatorAccountId'];
    return {
      pipelineRunId: runId,
      status: str(o['status']),
      creatorAccountId: typeof creator === 'string' || typeof creator === 'number' ? String(creator) : '',
    };
  });
}

/**
 * The new run's id from CreatePipelineRun / StartPipelineRun: a bare number (what the official MCP
 * server and public clients read), the same quoted, or an object carrying `pipelineRunId`.
 * Anything else (no id, zero, a negative or fractional number) is a bad answer.
 */
export function toCreatedRunId(raw: unknown): string {
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Obj)['pipelineRunId'] : raw;
  const runId = toIdString(typeof value === 'string' ? value.trim() : value);
  if (!runId || /^0+$/.test(runId)) throw new ShapeError(`expected the new run's id, got ${describe(value)}`);
  return runId;
}

/** A time as epoch milliseconds: a number, or a string of digits ("1590730400000"); else unknown. */
function epochMs(v: unknown): number | undefined {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,15}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function toMachineLog(raw: unknown): MachineLog {
  const o = obj(raw, 'the machine log');
  const log: MachineLog = { deployLog: str(o['deployLog']) };
  if (o['deployLogPath'] !== undefined) log.deployLogPath = str(o['deployLogPath']);
  if (o['aliyunRegion'] !== undefined) log.aliyunRegion = str(o['aliyunRegion']);
  const begin = epochMs(o['deployBeginTime']);
  const end = epochMs(o['deployEndTime']);
  if (begin !== undefined) log.deployBeginTime = begin;
  if (end !== undefined) log.deployEndTime = end;
  return log;
}

/** A boolean answer (stop, resume, skip, retry): `true`, or the string "true". */
export function toBoolean(raw: unknown): boolean {
  return raw === true || raw === 'true';
}

/**
 * The answer to a write (stop, resume, skip, retry): an empty body says nothing was done (`false`),
 * not that the answer is broken; anything else is read as JSON by `parse` and must be a boolean.
 */
export function toWriteResult(bytes: Uint8Array, parse: (bytes: Uint8Array) => unknown): boolean {
  return isBlank(bytes) ? false : toBoolean(parse(bytes));
}

/**
 * The largest deploy order answer accepted. A machine takes ~700 bytes (10,000 machines are ~7 MB),
 * so this is ~95,000 machines: far above any host group, far below what would exhaust the runner.
 */
export const MAX_ORDER_BYTES = 64 * 1024 * 1024;
/** The largest machine log answer accepted; only its last lines are kept. */
export const MAX_LOG_BYTES = 16 * 1024 * 1024;

/**
 * An answer about another pipeline run than the one asked for: its deploy order is never taken for
 * the run's (the run the gate started or waited for). A run that names no id is read as asked.
 */
export function checkRunId(run: PipelineRun, asked: string): PipelineRun {
  if (run.pipelineRunId === '' || run.pipelineRunId === asked) return run;
  throw new AnswerError(
    'mismatch',
    `the answer is about pipeline run "${clip(run.pipelineRunId, 40)}", not pipeline run ${asked}`,
  );
}

/** An answer about another deploy order than the one asked for: never a verdict. */
export function orderMismatch(got: string, asked: string): AnswerError {
  const shown = got === '' ? 'no deployOrderId' : `deploy order "${clip(got, 40)}"`;
  return new AnswerError('mismatch', `the answer is about ${shown}, not deploy order ${asked}`);
}
