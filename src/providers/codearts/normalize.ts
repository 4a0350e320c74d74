// From CodeArts' JSON (parsed losslessly) to the model: tolerant of missing optional fields and of
// fields it does not know, statuses kept as given. Ids and statuses must be scalars, lists lists
// and records objects: anything else is a ShapeError (a bad answer, see Transport.send).
// Descriptive fields (names, messages) of another type are read as '' rather than failing a run.
import { isBlank } from '../../http/transport.js';
import type { Keep } from '../../http/json.js';
import { describe, isObj, list, obj, ShapeError, type Obj } from '../../http/shape.js';
import type {
  JobRun,
  PipelineArtifact,
  RunArtifact,
  RunDetail,
  RunPage,
  RunRow,
  RunSource,
  StageRun,
  StageSummary,
  StartResult,
  StepInput,
  StepLogPage,
  StepRun,
} from './model.js';

/** The largest step log answer accepted (run details and lists: the transport's default, 8 MiB). */
export const MAX_LOG_BYTES = 16 * 1024 * 1024;

/** Queue codes: the run started and waits for the pipeline's (00011169) or tenant's (00011170) limit. */
export const QUEUE_CODES: ReadonlySet<string> = new Set(['DEVPIPE.00011169', 'DEVPIPE.00011170']);

/** An optional record: absent or null is empty. */
function optObj(value: unknown, what: string): Obj {
  return value === undefined || value === null ? {} : obj(value, what);
}

/** An id or a status: a string (a number is written out); absent is ''. */
function word(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ShapeError(`expected ${what} to be a string, got ${describe(value)}`);
}

/** A name, a message, a URL: text when it is a scalar, else ''. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const optText = (value: unknown): string | undefined => {
  const t = text(value);
  return t === '' ? undefined : t;
};

/** A whole number (a JSON number or a string of digits); undefined otherwise. */
export function int(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Below this an int64 time is taken as seconds: as seconds it would be the year 5138, as
 * milliseconds March 1973. v5 times are epoch ms by convention; the unit is UNVERIFIED
 * (codearts-api.md 9.5), and the simulator serves seconds as a variant.
 */
export const SECONDS_BELOW = 1e11;

/** A time as epoch ms: a number or a string of digits, in ms or seconds; 0 or absent is not set. */
export function epochMs(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,16}(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n < SECONDS_BELOW ? Math.round(n * 1000) : Math.trunc(n);
}

/** The job's `async`: the SDK says a string ("true"/"false"), Terraform reads a boolean. */
function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** start_time / end_time of a record, set only when given. */
function times(o: Obj): { startTime?: number; endTime?: number } {
  const out: { startTime?: number; endTime?: number } = {};
  const start = epochMs(o['start_time']);
  const end = epochMs(o['end_time']);
  if (start !== undefined) out.startTime = start;
  if (end !== undefined) out.endTime = end;
  return out;
}

function input(value: unknown): StepInput {
  const i = obj(value, 'a step input');
  return { key: text(i['key']), value: i['value'] ?? null };
}

function step(value: unknown): StepRun {
  const s = obj(value, 'a step');
  return {
    id: word(s['id'], 'a step id'),
    name: text(s['name']),
    task: word(s['task'], 'a step task'),
    businessType: text(s['business_type']),
    status: word(s['status'], 'a step status'),
    message: text(s['message']),
    ...times(s),
    inputs: list(s['inputs'], 'a step inputs').map(input),
  };
}

function job(value: unknown): JobRun {
  const j = obj(value, 'a job');
  const out: JobRun = {
    id: word(j['id'], 'a job id'),
    name: text(j['name']),
    identifier: text(j['identifier']),
    status: word(j['status'], 'a job status'),
    message: text(j['message']),
    ...times(j),
    steps: list(j['steps'], 'a job steps').map(step),
  };
  const async = flag(j['async']);
  if (async !== undefined) out.async = async;
  return out;
}

function stage(value: unknown, index: number): StageRun {
  const s = obj(value, 'a stage');
  return {
    id: word(s['id'], 'a stage id'),
    sequence: int(s['sequence']) ?? index,
    name: text(s['name']),
    identifier: text(s['identifier']),
    status: word(s['status'], 'a stage status'),
    ...times(s),
    pre: list(s['pre'], 'a stage pre').map(step),
    jobs: list(s['jobs'], 'a stage jobs').map(job),
  };
}

/** A code source's build_params (and its repository). */
function source(buildParams: unknown, gitUrl?: unknown): RunSource {
  const b = optObj(buildParams, 'build_params');
  const out: RunSource = {};
  const url = optText(gitUrl ?? b['git_url']);
  const commit = optText(b['commit_id']);
  const branch = optText(b['target_branch']);
  const tag = optText(b['tag']);
  if (url !== undefined) out.gitUrl = url;
  if (commit !== undefined) out.commitId = commit;
  if (branch !== undefined) out.branch = branch;
  if (tag !== undefined) out.tag = tag;
  return out;
}

function runArtifact(value: unknown): RunArtifact {
  const a = obj(value, 'an artifact');
  return {
    name: text(a['name']),
    version: text(a['version']),
    type: text(a['packageType']),
    url: text(a['downloadUrl']),
  };
}

function executor(o: Obj): { id: string; name: string } {
  return { id: word(o['executor_id'], 'executor_id'), name: text(o['executor_name']) };
}

/** What the step, job and stage readers use. */
const STEP_FIELDS: Keep = {
  id: true,
  name: true,
  task: true,
  business_type: true,
  status: true,
  message: true,
  start_time: true,
  end_time: true,
  inputs: true,
};
const JOB_FIELDS: Keep = {
  id: true,
  name: true,
  identifier: true,
  status: true,
  message: true,
  start_time: true,
  end_time: true,
  async: true,
  steps: [STEP_FIELDS],
};

/** What toRunDetail reads of ShowPipelineRunDetail's answer: nothing else is built (see readJson). */
export const RUN_DETAIL_FIELDS: Keep = {
  id: true,
  pipeline_id: true,
  name: true,
  status: true,
  run_number: true,
  trigger_type: true,
  start_time: true,
  end_time: true,
  executor_id: true,
  executor_name: true,
  stages: [
    {
      id: true,
      sequence: true,
      name: true,
      identifier: true,
      status: true,
      start_time: true,
      end_time: true,
      pre: [STEP_FIELDS],
      jobs: [JOB_FIELDS],
    },
  ],
  sources: [{ params: { git_url: true, build_params: true } }],
  artifacts: [{ name: true, version: true, packageType: true, downloadUrl: true }],
  detail_url: true,
  current_system_time: true,
};

/** ShowPipelineRunDetail's answer. A run without an id is no run (the gate acts on it by id). */
export function toRunDetail(raw: unknown): RunDetail {
  const r = obj(raw, 'the run detail');
  const id = word(r['id'], 'the run id');
  if (id === '') throw new ShapeError('expected the run detail to have an id');
  const out: RunDetail = {
    id,
    pipelineId: word(r['pipeline_id'], 'pipeline_id'),
    name: text(r['name']),
    status: word(r['status'], 'the run status'),
    trigger: text(r['trigger_type']),
    ...times(r),
    executor: executor(r),
    stages: list(r['stages'], 'stages').map(stage),
    sources: list(r['sources'], 'sources').map((s) => {
      const params = optObj(obj(s, 'a source')['params'], 'a source params');
      return source(params['build_params'], params['git_url']);
    }),
    artifacts: list(r['artifacts'], 'artifacts').map(runArtifact),
  };
  const runNumber = int(r['run_number']);
  const detailUrl = optText(r['detail_url']);
  const serverTime = epochMs(r['current_system_time']);
  if (runNumber !== undefined) out.runNumber = runNumber;
  if (detailUrl !== undefined) out.detailUrl = detailUrl;
  if (serverTime !== undefined) out.serverTime = serverTime;
  return out;
}

function stageSummary(value: unknown, index: number): StageSummary {
  const s = obj(value, 'a stage status');
  return {
    id: word(s['id'], 'a stage id'),
    name: text(s['name']),
    sequence: int(s['sequence']) ?? index,
    status: word(s['status'], 'a stage status'),
    ...times(s),
  };
}

function runRow(value: unknown): RunRow {
  const r = obj(value, 'a pipeline run');
  const out: RunRow = {
    id: word(r['pipeline_run_id'], 'pipeline_run_id'),
    pipelineId: word(r['pipeline_id'], 'pipeline_id'),
    status: word(r['status'], 'a run status'),
    trigger: text(r['trigger_type']),
    ...times(r),
    executor: executor(r),
    source: source(r['build_params']),
    stages: list(r['stage_status_list'], 'stage_status_list').map(stageSummary),
  };
  const runNumber = int(r['run_number']);
  const detailUrl = optText(r['detail_url']);
  if (runNumber !== undefined) out.runNumber = runNumber;
  if (detailUrl !== undefined) out.detailUrl = detailUrl;
  return out;
}

/** ListPipelineRuns' answer: `{offset, limit, total, pipeline_runs}`. */
export function toRunPage(raw: unknown): RunPage {
  const o = obj(raw, 'the run list');
  const runs = list(o['pipeline_runs'], 'pipeline_runs').map(runRow);
  return {
    offset: int(o['offset']) ?? 0,
    limit: int(o['limit']) ?? runs.length,
    total: int(o['total']) ?? runs.length,
    runs,
  };
}

/** ShowPipelineLog's answer: `{has_more, start_offset, end_offset, log, step_run_id}` (offsets are strings). */
export function toStepLog(raw: unknown): StepLogPage {
  const o = obj(raw, 'the step log');
  const out: StepLogPage = {
    stepRunId: word(o['step_run_id'], 'step_run_id'),
    log: text(o['log']),
    hasMore: flag(o['has_more']) ?? false,
  };
  const start = int(o['start_offset']);
  const end = int(o['end_offset']);
  if (start !== undefined) out.startOffset = start;
  if (end !== undefined) out.endOffset = end;
  return out;
}

function pipelineArtifact(value: unknown): PipelineArtifact {
  const a = obj(value, 'an artifact');
  const out: PipelineArtifact = {
    name: text(a['name']),
    version: text(a['artifact_version']),
    type: text(a['artifact_package_type']),
    url: text(a['artifact_download_url_with_id']),
    hashes: list(a['hash_code'], 'hash_code').map((h) => {
      const o = obj(h, 'a hash code');
      return { type: text(o['hash_type']), value: text(o['hash_value']) };
    }),
  };
  const jobId = optText(a['job_id']);
  const size = int(a['file_size']);
  if (jobId !== undefined) out.jobId = jobId;
  if (size !== undefined) out.size = size;
  return out;
}

/** ShowPipelineArtifacts' answer: `{artifacts: [...]}`. */
export function toArtifacts(raw: unknown): PipelineArtifact[] {
  return list(obj(raw, 'the artifact list')['artifacts'], 'artifacts').map(pipelineArtifact);
}

/**
 * A queued start (RunPipeline, RetryPipelineRun): `{error_code: DEVPIPE.00011169|70, error_msg,
 * error: {pipeline_run_id, queue_id}}`; undefined when the answer is not one.
 */
export function toQueued(raw: unknown): StartResult | undefined {
  if (!isObj(raw)) return undefined;
  const code = raw['error_code'];
  if (typeof code !== 'string' || !QUEUE_CODES.has(code) || !isObj(raw['error'])) return undefined;
  const runId = word(raw['error']['pipeline_run_id'], 'error.pipeline_run_id');
  if (runId === '') return undefined;
  const out: StartResult = { pipelineRunId: runId, queueCode: code };
  const queueId = optText(raw['error']['queue_id']);
  const message = optText(raw['error_msg']);
  if (queueId !== undefined) out.queueId = queueId;
  if (message !== undefined) out.queueMessage = message;
  return out;
}

/** RunPipeline's answer: `{pipeline_run_id}`, or a queued start. */
export function toStartResult(raw: unknown): StartResult {
  const queued = toQueued(raw);
  if (queued) return queued;
  const id = word(obj(raw, 'the start answer')['pipeline_run_id'], 'pipeline_run_id');
  if (id === '') throw new ShapeError('expected the start answer to have a pipeline_run_id');
  return { pipelineRunId: id };
}

/**
 * An action's answer (stop, retry, pass, refuse): `{"success": boolean}`. `false`, an empty body
 * or an object without `success` say nothing was done; what is not an object is a bad answer.
 */
export function toActionResult(bytes: Uint8Array, parse: (bytes: Uint8Array) => unknown): boolean {
  return isBlank(bytes) ? false : succeeded(parse(bytes));
}

function succeeded(raw: unknown): boolean {
  const success = obj(raw, 'the action answer')['success'];
  return success === true || success === 'true';
}

/**
 * RetryPipelineRun's answer: `{"success": true}` (the run itself goes on), a queued start (its run
 * id and queue), or undefined when nothing was done (`false`, an empty body).
 */
export function toRetryResult(
  bytes: Uint8Array,
  parse: (bytes: Uint8Array) => unknown,
  runId: string,
): StartResult | undefined {
  if (isBlank(bytes)) return undefined;
  const raw = parse(bytes);
  return toQueued(raw) ?? (succeeded(raw) ? { pipelineRunId: runId } : undefined);
}
