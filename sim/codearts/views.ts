// The runs as the v5 API shapes them (codearts-api.md 2.3, 2.4, 2.6, 2.7; the constructed examples
// of 7.2 and 7.3, field names as the SDK models spell them), with the variants that change a shape:
// the unit of times and the JSON type of a job's `async`.
import { createHash } from 'node:crypto';
import type { SimJob, SimRun, SimStage, SimStep } from './engine.js';
import type { Scenario } from './scenario.js';
import type { ResolvedVariants } from './variants.js';

type Json = Record<string, unknown>;

export interface ViewContext {
  projectId: string;
  scenario: Scenario;
  variants: ResolvedVariants;
  now: number;
}

const DOMAIN_ID = 'dd8e1e0f7b3c4a5d9e6f1a2b3c4d5e6f';

/** An int64 time in the variant's unit; 0 stays 0 (not started, not ended). */
const time = (c: ViewContext, ms: number): number =>
  c.variants.timeUnit === 's' ? Math.floor(ms / 1000) : ms;

function urls(c: ViewContext, run: SimRun): { detail: string; modify: string } {
  const base = `https://devcloud.${c.scenario.region}.huaweicloud.com/cicd/project/${c.projectId}/pipeline`;
  return {
    detail: `${base}/detail/${c.scenario.pipelineId}/${run.id}?v=1`,
    modify: `${base}/edit/${c.scenario.pipelineId}`,
  };
}

function buildParams(c: ViewContext, run: SimRun): Json {
  return {
    action: '',
    build_type: run.tag ? 'tag' : 'branch',
    commit_id: run.commitId,
    event_type: run.triggerType,
    merge_id: '',
    message: '',
    source_branch: '',
    tag: run.tag,
    target_branch: run.branch,
    codehub_id: c.scenario.repo.codehubId,
    git_url: c.scenario.repo.gitUrl,
    source_codehub_id: '',
    source_codehub_url: '',
    source_codehub_http_url: '',
  };
}

function stepView(c: ViewContext, s: SimStep): Json {
  return {
    name: s.name,
    task: s.task,
    business_type: s.businessType,
    inputs: s.inputs,
    sequence: s.sequence,
    official_task_version: s.taskVersion,
    identifier: s.identifier,
    multi_step_editable: 0,
    id: s.id,
    endpoint_ids: [],
    last_dispatch_id: '',
    status: s.status,
    message: s.message,
    start_time: time(c, s.startTime),
    end_time: time(c, s.endTime),
  };
}

function jobView(c: ViewContext, j: SimJob): Json {
  return {
    id: j.id,
    category: j.category,
    sequence: j.sequence,
    async: c.variants.asyncType === 'boolean' ? j.async : String(j.async),
    name: j.name,
    identifier: j.identifier,
    depends_on: [],
    condition: '${{ default() }}',
    resource: '{"type":"system","arch":"x86"}',
    is_select: j.selected,
    timeout: '',
    last_dispatch_id: '',
    status: j.status,
    message: j.message,
    start_time: time(c, j.startTime),
    end_time: time(c, j.endTime),
    steps: j.steps.map((s) => stepView(c, s)),
    exec_id: '',
  };
}

function stageView(c: ViewContext, s: SimStage): Json {
  return {
    id: s.id,
    category: null,
    name: s.name,
    identifier: s.identifier,
    run_always: false,
    parallel: 'false',
    is_select: s.selected,
    sequence: s.sequence,
    depends_on: [],
    condition: '${{ default() }}',
    status: s.status,
    start_time: time(c, s.startTime),
    end_time: time(c, s.endTime),
    pause_time: 0,
    pre: s.pre.map((p) => stepView(c, p)),
    post: [],
    jobs: s.jobs.map((j) => jobView(c, j)),
  };
}

/** ShowPipelineRunDetail. */
export function detailView(c: ViewContext, run: SimRun): Json {
  const repo = c.scenario.repo;
  return {
    id: run.id,
    pipeline_id: c.scenario.pipelineId,
    manifest_version: '3.0',
    name: c.scenario.name,
    description: run.description,
    is_publish: false,
    executor_id: run.executorId,
    executor_name: run.executorName,
    status: run.status,
    trigger_type: run.triggerType,
    run_number: run.runNumber,
    pause_time: 0,
    start_time: time(c, run.startTime),
    end_time: time(c, run.endTime),
    stages: run.stages.map((s) => stageView(c, s)),
    domain_id: DOMAIN_ID,
    project_id: c.projectId,
    region: c.scenario.region,
    component_id: '',
    language: 'en-us',
    sources: [
      {
        type: 'code',
        params: {
          git_type: 'codehub',
          git_url: repo.gitUrl,
          ssh_git_url: repo.gitUrl.replace(/^https:\/\/([^/]+)\//, 'git@$1:'),
          web_url: repo.gitUrl.replace(/\.git$/, ''),
          repo_name: repo.gitUrl.replace(/^.*\/|\.git$/g, ''),
          default_branch: repo.defaultBranch,
          endpoint_id: '',
          codehub_id: repo.codehubId,
          alias: '',
          build_params: buildParams(c, run),
        },
      },
    ],
    artifacts: run.artifacts.map((a) => ({
      name: a.name,
      packageType: a.packageType,
      version: a.version,
      downloadUrl: a.downloadUrl,
    })),
    subject_id: run.id,
    group_id: '',
    group_name: '',
    detail_url: urls(c, run).detail,
    current_system_time: time(c, c.now),
  };
}

/** A row of ListPipelineRuns: stage times are strings there ('' when not set). */
export function runRowView(c: ViewContext, run: SimRun): Json {
  const { detail, modify } = urls(c, run);
  return {
    pipeline_id: c.scenario.pipelineId,
    pipeline_run_id: run.id,
    executor_id: run.executorId,
    executor_name: run.executorName,
    stage_status_list: run.stages.map((s) => ({
      name: s.name,
      sequence: s.sequence,
      status: s.status,
      start_time: s.startTime ? String(time(c, s.startTime)) : '',
      end_time: s.endTime ? String(time(c, s.endTime)) : '',
      id: s.id,
    })),
    status: run.status,
    run_number: run.runNumber,
    trigger_type: run.triggerType,
    build_params: buildParams(c, run),
    artifact_params: { version: null, branch_filter: null, package_name: null, organization: null },
    start_time: time(c, run.startTime),
    end_time: time(c, run.endTime),
    detail_url: detail,
    modify_url: modify,
  };
}

/** ShowPipelineArtifacts. */
export function artifactsView(c: ViewContext, run: SimRun): Json {
  return {
    artifacts: run.artifacts.map((a) => ({
      project_id: c.projectId,
      name: a.name,
      artifact_version: a.version,
      upload_target: 'CodeArtsArtifact',
      artifact_package_type: a.packageType,
      artifact_uri: `/${c.scenario.pipelineId}/${run.runNumber}/${a.name}`,
      artifact_download_url_with_id: a.downloadUrl,
      artifact_type: 'build',
      hash_code: [
        { hash_type: 'sha256', hash_value: createHash('sha256').update(a.downloadUrl).digest('hex') },
      ],
      job_id: a.jobId,
      build_no: String(run.runNumber),
      daily_build_number: String(run.runNumber),
      file_size: String(1024 * (a.name.length + 17)),
    })),
  };
}

/** An entry of the queued list (Terraform's queueing records). */
export function queuedView(c: ViewContext, run: SimRun): Json {
  return {
    id: run.queued?.queueId,
    pipeline_run_id: run.id,
    enqueue_time: time(c, run.queued?.enqueueTime ?? run.startTime),
    trigger_type: run.triggerType,
    status: 'QUEUED',
    creator_id: run.executorId,
    creator_name: run.executorName,
  };
}

export interface LogQuery {
  startOffset: number;
  /** 0: up to the end of the log */
  endOffset: number;
  limit: number;
  sort: 'asc' | 'desc';
}

/**
 * One page of a step log. Offsets count lines (in the order `sort` asks for); the answer's
 * start_offset is where the next page starts and end_offset the log's length now, so a reader copies
 * both into its next request while has_more is true (codearts-api.md 2.6: the semantics beyond
 * that are unverified).
 */
export function logView(step: SimStep, lines: string[], q: LogQuery): Json {
  const ordered = q.sort === 'desc' ? [...lines].reverse() : lines;
  const stop = q.endOffset > 0 ? Math.min(q.endOffset, ordered.length) : ordered.length;
  const page = ordered.slice(q.startOffset, Math.min(stop, q.startOffset + q.limit));
  const next = Math.min(ordered.length, q.startOffset + page.length);
  return {
    has_more: next < ordered.length,
    start_offset: String(next),
    end_offset: String(ordered.length),
    log: page.join('\n'),
    step_run_id: step.id,
    location: '',
  };
}
