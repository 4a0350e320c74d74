// The v5 operations (codearts-api.md 2.1) under /v5/{project_id}/api/pipelines/{pipeline_id}: a
// route table over the engine. The route is found before auth (its operation names the request in
// the log and for faults) and handled after it.
//
// Error codes:
//   DEVPIPE.00011136 the project does not own the pipeline; DEVPIPE.00011401 unknown pipeline
//     (HTTP: the pipelineErrorStatus variant)
//   DEVCP.00012002   unknown run, job or step, and a queued run in the not-found variant
//     (HTTP: the runNotFoundStatus variant)
//   DEVCP.00021400   a body or query the API would refuse (HTTP 400, documented "bad params")
//   DEVPIPE.00011999 an action not allowed now: pass a review that is not waiting, retry a run that
//     did not fail, stop a run that ended. No public code exists for this; the number is invented
//     (HTTP 400) so that a gate can tell it from every documented code.
import type { CodeArtsEngine, ActionResult, SimRun, SimStep, StartRequest } from './engine.js';
import { TERMINAL } from './engine.js';
import { json, serviceError, success, type Reply } from './replies.js';
import type { Scenario } from './scenario.js';
import type { ResolvedVariants } from './variants.js';
import { artifactsView, detailView, logView, queuedView, runRowView, type ViewContext } from './views.js';

export const NOT_ALLOWED = 'DEVPIPE.00011999';

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

/** What the routes see of the simulator. */
export interface SimContext {
  projectId: string;
  scenario: Scenario;
  engine: CodeArtsEngine;
  variants: ResolvedVariants;
  now(): number;
  /** a ShowPipelineRunDetail is being answered (the poll clock advances) */
  onDetailRead(): void;
}

export interface Route {
  operation: string;
  handle(ctx: SimContext): Reply;
}

interface RouteSpec {
  operation: string;
  method: string;
  /** relative to the pipeline, e.g. '/pipeline-runs/:run/stop' */
  path: string;
  handle(p: Record<string, string>, req: Request, ctx: SimContext): Reply;
}

class BadRequest extends Error {}

const PREFIX = /^\/v5\/([^/]+)\/api\/pipelines\/([^/]+)(\/.*)$/;

const viewContext = (ctx: SimContext): ViewContext => ({
  projectId: ctx.projectId,
  scenario: ctx.scenario,
  variants: ctx.variants,
  now: ctx.now(),
});

const runNotFound = (ctx: SimContext, what: string): Reply =>
  serviceError(
    ctx.variants,
    ctx.variants.runNotFoundStatus,
    'DEVCP.00012002',
    `The record does not exist in the database: ${what}`,
  );

function answer(ctx: SimContext, result: ActionResult): Reply {
  if (result.ok) return success();
  switch (result.kind) {
    case 'not-found':
      return runNotFound(ctx, result.message);
    case 'not-allowed':
      return serviceError(ctx.variants, 400, NOT_ALLOWED, `The action is not allowed now: ${result.message}`);
    case 'invalid':
      return serviceError(ctx.variants, 400, 'DEVCP.00021400', `Invalid parameter: ${result.message}`);
  }
}

/** A run the API shows: a queued run is hidden in the not-found variant. */
function visible(ctx: SimContext, run: SimRun | undefined): SimRun | undefined {
  return run && !(run.queued && ctx.variants.queuedRunDetail === 'not-found') ? run : undefined;
}

function parseBody(req: Request): Record<string, unknown> {
  if (req.body.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadRequest('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function strings(v: unknown, name: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new BadRequest(`${name} must be an array of strings`);
  return v as string[];
}

function count(v: unknown, name: string, dflt: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw new BadRequest(`${name} must be a non-negative integer`);
  return n;
}

/** RunPipelineDto: variables, choose_stages, choose_jobs, description, sources (section 2.2). */
function startRequest(body: Record<string, unknown>): StartRequest {
  const variables = body['variables'] ?? [];
  if (
    !Array.isArray(variables) ||
    variables.some((v: unknown) => {
      const o = v as Record<string, unknown> | null;
      return typeof o?.['name'] !== 'string' || typeof o['value'] !== 'string';
    })
  )
    throw new BadRequest('variables must be [{name, value}] with string values');
  const sources = body['sources'] ?? [];
  if (!Array.isArray(sources)) throw new BadRequest('sources must be an array');
  const description = body['description'] ?? '';
  if (typeof description !== 'string' || description.length > 1024)
    throw new BadRequest('description must be a string of at most 1024 characters');
  const first = sources[0] as { params?: { build_params?: Record<string, unknown> } } | undefined;
  const build = first?.params?.build_params ?? {};
  const ref = (k: string) => (typeof build[k] === 'string' && build[k] !== '' ? build[k] : undefined);
  return {
    variables: variables as StartRequest['variables'],
    chooseStages: strings(body['choose_stages'], 'choose_stages'),
    chooseJobs: strings(body['choose_jobs'], 'choose_jobs'),
    description,
    sources,
    branch: ref('target_branch'),
    tag: build['build_type'] === 'tag' ? ref('tag') : undefined,
    triggerType: 'Manual',
  };
}

const sorters: Record<string, (r: SimRun) => number> = {
  start_time: (r) => r.startTime,
  end_time: (r) => r.endTime,
};

const ROUTES: RouteSpec[] = [
  {
    operation: 'RunPipeline',
    method: 'POST',
    path: '/run',
    handle(_p, req, ctx) {
      const started = ctx.engine.start(startRequest(parseBody(req)));
      if (!started.ok) return answer(ctx, started);
      const run = started.run;
      if (!run.queued) return json({ pipeline_run_id: run.id });
      const code = ctx.scenario.queue?.code ?? 'DEVPIPE.00011169';
      const why =
        code === 'DEVPIPE.00011170'
          ? 'The maximum concurrency of single pipelines under the tenant has been reached; the run enters the queue state.'
          : 'The maximum concurrency of a single pipeline has been reached; the run enters the queue state.';
      return json(
        {
          error_code: code,
          error_msg: why,
          error: { pipeline_run_id: run.id, queue_id: run.queued.queueId },
        },
        ctx.variants.queuedStartStatus,
      );
    },
  },
  {
    operation: 'ListPipelineRuns',
    method: 'POST',
    path: '/pipeline-runs/list',
    handle(_p, req, ctx) {
      const body = parseBody(req);
      const offset = count(body['offset'], 'offset', 0);
      const limit = count(body['limit'], 'limit', 10);
      const status = strings(body['status'], 'status');
      const triggers = strings(body['trigger_type'], 'trigger_type');
      const key = (body['sort_key'] as string | undefined) ?? 'start_time';
      const dir = (body['sort_dir'] as string | undefined) ?? 'desc';
      const by = sorters[key];
      if (!by) throw new BadRequest('sort_key must be start_time or end_time');
      if (dir !== 'asc' && dir !== 'desc') throw new BadRequest('sort_dir must be asc or desc');
      ctx.engine.beforeList();
      const rows = ctx.engine.runs
        .filter((r) => visible(ctx, r))
        .filter((r) => !status?.length || status.includes(r.status))
        .filter((r) => !triggers?.length || triggers.includes(r.triggerType))
        .sort((a, b) => (by(a) - by(b) || a.runNumber - b.runNumber) * (dir === 'asc' ? 1 : -1));
      const view = viewContext(ctx);
      return json({
        offset,
        limit,
        total: rows.length,
        pipeline_runs: rows.slice(offset, offset + limit).map((r) => runRowView(view, r)),
      });
    },
  },
  {
    operation: 'ShowPipelineRunDetail',
    method: 'GET',
    path: '/pipeline-runs/detail',
    handle(_p, req, ctx) {
      ctx.onDetailRead();
      const id = req.query.get('pipeline_run_id');
      const number = req.query.get('pipeline_run_number');
      const runs = ctx.engine.runs.filter((r) => visible(ctx, r));
      const run = id
        ? runs.find((r) => r.id === id)
        : number
          ? runs.find((r) => String(r.runNumber) === number)
          : runs.at(-1);
      if (!run) return runNotFound(ctx, `pipeline run ${id ?? number ?? '(latest)'}`);
      return json(detailView(viewContext(ctx), run));
    },
  },
  {
    operation: 'StopPipelineRun',
    method: 'POST',
    path: '/pipeline-runs/:run/stop',
    handle: (p, _req, ctx) => answer(ctx, ctx.engine.stop(p['run']!)),
  },
  {
    operation: 'RetryPipelineRun',
    method: 'PUT',
    path: '/pipeline-runs/:run/retry',
    handle(p, req, ctx) {
      const ids = strings(parseBody(req)['job_run_ids'], 'job_run_ids');
      return answer(ctx, ctx.engine.retry(p['run']!, ids));
    },
  },
  ...(['pass', 'refuse'] as const).flatMap((action): RouteSpec[] => [
    {
      operation: action === 'pass' ? 'AcceptManualReview' : 'RejectManualReview',
      method: 'POST',
      path: `/pipeline-runs/:run/jobs/:job/steps/:step/${action}`,
      handle(p, req, ctx) {
        const description = req.query.get('approval_description') ?? undefined;
        return answer(
          ctx,
          ctx.engine.decideReview(p['run']!, p['job']!, p['step']!, action, { description }),
        );
      },
    },
    {
      operation: action === 'pass' ? 'AcceptCheckpoint' : 'RejectCheckpoint',
      method: 'POST',
      path: `/pipeline-runs/:run/steps/:step/manual/${action}`,
      handle: (p, _req, ctx) => answer(ctx, ctx.engine.decideCheckpoint(p['run']!, p['step']!, action)),
    },
  ]),
  {
    operation: 'ShowPipelineLog',
    method: 'POST',
    path: '/pipeline-runs/:run/jobs/:job/steps/:step/logs',
    handle(p, req, ctx) {
      const body = parseBody(req);
      const run = visible(ctx, ctx.engine.run(p['run']!));
      const step: SimStep | undefined = run?.stages
        .flatMap((s) => s.jobs)
        .find((j) => j.id === p['job'])
        ?.steps.find((s) => s.id === p['step']);
      if (!step) return runNotFound(ctx, `step run ${p['step']}`);
      const sort = body['sort'];
      if (sort !== 'asc' && sort !== 'desc') throw new BadRequest('sort (asc or desc) is required');
      if (body['limit'] === undefined) throw new BadRequest('limit is required');
      const query = {
        startOffset: count(body['start_offset'], 'start_offset', 0),
        endOffset: count(body['end_offset'], 'end_offset', 0),
        limit: count(body['limit'], 'limit', 0),
        sort,
      } as const;
      return json(logView(step, ctx.engine.logOf(step), query));
    },
  },
  {
    operation: 'ShowPipelineArtifacts',
    method: 'GET',
    path: '/pipeline-runs/:run/artifacts',
    handle(p, _req, ctx) {
      const run = visible(ctx, ctx.engine.run(p['run']!));
      if (!run) return runNotFound(ctx, `pipeline run ${p['run']}`);
      return json(artifactsView(viewContext(ctx), run));
    },
  },
  {
    operation: 'ListQueuedPipelineRuns',
    method: 'GET',
    path: '/queued-pipeline',
    handle(_p, req, ctx) {
      const offset = count(req.query.get('offset') ?? undefined, 'offset', 0);
      const limit = count(req.query.get('limit') ?? undefined, 'limit', 10);
      const queued = ctx.engine.runs.filter((r) => r.queued && !TERMINAL.has(r.status));
      const view = viewContext(ctx);
      return json({ queuedPipelines: queued.slice(offset, offset + limit).map((r) => queuedView(view, r)) });
    },
  },
];

const compiled = ROUTES.map((r) => ({ r, segs: r.path.split('/').slice(1) }));

/** The route of a request, or undefined when the path is no v5 pipeline operation. */
export function route(req: Request): Route | undefined {
  const m = PREFIX.exec(req.path);
  if (!m) return undefined;
  const [, project, pipeline, rest] = m as unknown as [string, string, string, string];
  const segs = rest.split('/').slice(1).map(safeDecode);
  for (const { r, segs: template } of compiled) {
    if (r.method !== req.method) continue;
    const params = match(template, segs);
    if (!params) continue;
    return {
      operation: r.operation,
      handle(ctx) {
        const denied = checkPipeline(ctx, safeDecode(project), safeDecode(pipeline));
        if (denied) return denied;
        try {
          return r.handle(params, req, ctx);
        } catch (e) {
          if (e instanceof BadRequest) return answer(ctx, { ok: false, kind: 'invalid', message: e.message });
          throw e;
        }
      },
    };
  }
  return undefined;
}

function checkPipeline(ctx: SimContext, project: string, pipeline: string): Reply | undefined {
  const status = ctx.variants.pipelineErrorStatus;
  if (pipeline !== ctx.scenario.pipelineId)
    return serviceError(ctx.variants, status, 'DEVPIPE.00011401', `The pipeline ${pipeline} does not exist.`);
  if (project !== ctx.projectId)
    // the message a client test mock carries (codearts-api.md S13)
    return serviceError(ctx.variants, status, 'DEVPIPE.00011136', '项目ID和流水线不匹配');
  return undefined;
}

function match(template: string[], segs: string[]): Record<string, string> | undefined {
  if (template.length !== segs.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const s = segs[i]!;
    if (t.startsWith(':')) {
      if (s === '') return undefined;
      params[t.slice(1)] = s;
    } else if (t !== s) return undefined;
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
