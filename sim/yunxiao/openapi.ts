// The OpenAPI dialect: /oapi/v1/flow[/organizations/{id}]/..., x-yunxiao-token, bare resources on
// success, the documented error body on failure, pagination headers on lists. A route table over
// the shared engine (dialect.ts explains how another table plugs in).
import { randomUUID } from 'node:crypto';
import {
  errorReply,
  tableDialect,
  type Reply,
  type Request,
  type RouteSpec,
  type SimContext,
} from './dialect.js';
import type { ActionResult } from './engine.js';
import { num, stringify } from './raw-json.js';
import { checkRunParams } from './start.js';
import {
  deployJobsView,
  historyView,
  machineLogView,
  orderView,
  otherRunView,
  pipelineView,
  runListView,
  runView,
  userView,
} from './views.js';

export const OPENAPI_BASE = '/oapi/v1/flow';
const MAX_PER_PAGE = 30;

const ok = (body: unknown, headers?: Record<string, string>): Reply => ({
  status: 200,
  body: stringify(body),
  headers,
});

const notFound = (what: string): Reply => errorReply(404, 'NotFound', `${what} not found`);

/** One page of `rows` with the documented headers; perPage is capped at 30 as the API does. */
function paged(rows: unknown[], q: URLSearchParams): Reply {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(q.get('perPage') ?? '10') || 10));
  const page = Math.max(1, Math.floor(Number(q.get('page') ?? '1')) || 1);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  return ok(rows.slice((page - 1) * perPage, page * perPage), {
    'x-total': String(rows.length),
    'x-total-pages': String(pages),
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': page < pages ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
    'x-request-id': randomUUID(),
  });
}

const isPipeline = (ctx: SimContext, id: string | null | undefined): boolean =>
  id === ctx.scenario.pipelineId;
const isOrder = (ctx: SimContext, p: Record<string, string>): boolean =>
  isPipeline(ctx, p['pipelineId']) && p['deployOrderId'] === ctx.scenario.deployOrderId;

/** An order or machine action: true on success, the API's error otherwise. */
function action(
  operation: string,
  path: string,
  run: (ctx: SimContext, sn: string) => ActionResult,
): RouteSpec {
  return {
    operation,
    method: 'PUT',
    path,
    handle(p, _req, ctx) {
      if (!isOrder(ctx, p)) return notFound('deploy order');
      const r = run(ctx, p['machineSn'] ?? '');
      return r.ok ? ok(true) : errorReply(r.status, r.code, r.message);
    },
  };
}

const ORDER = '/pipelines/:pipelineId/deploy/:deployOrderId';
const MACHINE = `${ORDER}/machine/:machineSn`;

/** The OpenAPI routes (yunxiao-api.md section 2), relative to the base and org segment. */
export const openApiRoutes: RouteSpec[] = [
  {
    operation: 'ListPipelineJobHistorys',
    method: 'GET',
    path: '/pipelines/getComponentsWithoutButtons',
    handle(_p, req, ctx) {
      if (!isPipeline(ctx, req.query.get('pipelineId'))) return notFound('pipeline');
      return paged(historyView(ctx.scenario, req.query.get('identifier') ?? '', ctx.run), req.query);
    },
  },
  {
    operation: 'GetPipelineEmasArtifactUrl',
    method: 'GET',
    path: '/pipelines/getEmasArtifactDownloadUrl',
    handle(_p, req, ctx) {
      const q = req.query;
      const s = ctx.scenario;
      const required = ['emasJobInstanceId', 'md5', 'pipelineId', 'pipelineRunId', 'serviceConnectionId'];
      const missing = required.filter((k) => !q.get(k));
      if (missing.length) return errorReply(400, 'BadRequest', `missing ${missing.join(', ')}`);
      const em = s.emas;
      const matches =
        em &&
        isPipeline(ctx, q.get('pipelineId')) &&
        q.get('pipelineRunId') === s.pipelineRunId &&
        q.get('md5') === em.md5 &&
        q.get('emasJobInstanceId') === em.emasJobInstanceId &&
        q.get('serviceConnectionId') === em.serviceConnectionId;
      // a bare, unquoted string, as the API page's example shows it
      return matches ? { status: 200, body: em.url } : notFound('EMAS artifact');
    },
  },
  {
    operation: 'ListPipelineJobs',
    method: 'GET',
    path: '/pipelines/:pipelineId/listTasksByCategory/DEPLOY',
    handle: (p, _req, ctx) =>
      isPipeline(ctx, p['pipelineId']) ? ok(deployJobsView(ctx.scenario, ctx.run)) : notFound('pipeline'),
  },
  {
    operation: 'GetLatestPipelineRun',
    method: 'GET',
    path: '/pipelines/:pipelineId/runs/latestPipelineRun',
    handle(p, _req, ctx) {
      if (!isPipeline(ctx, p['pipelineId'])) return notFound('pipeline');
      if (!ctx.run.exists) return ok(otherRunView(ctx.scenario, ctx.run, ctx.run.previousRunId));
      ctx.run.reads++;
      return ok(runView(ctx.scenario, ctx.engine, ctx.run));
    },
  },
  {
    operation: 'GetPipelineRun',
    method: 'GET',
    path: '/pipelines/:pipelineId/runs/:pipelineRunId',
    handle(p, _req, ctx) {
      const runId = p['pipelineRunId'] ?? '';
      if (!isPipeline(ctx, p['pipelineId'])) return notFound('pipeline run');
      if (runId !== ctx.scenario.pipelineRunId || !ctx.run.exists) {
        const other = otherRunView(ctx.scenario, ctx.run, runId);
        return other ? ok(other) : notFound('pipeline run');
      }
      ctx.run.reads++;
      return ok(runView(ctx.scenario, ctx.engine, ctx.run));
    },
  },
  {
    operation: 'ListPipelineRuns',
    method: 'GET',
    path: '/pipelines/:pipelineId/runs',
    handle(p, req, ctx) {
      if (!isPipeline(ctx, p['pipelineId'])) return notFound('pipeline');
      ctx.run.onListRead();
      const status = req.query.get('status');
      const rows = runListView(ctx.scenario, ctx.engine, ctx.run).filter(
        (r) => !status || r['status'] === status,
      );
      return paged(rows, req.query);
    },
  },
  {
    operation: 'CreatePipelineRun',
    method: 'POST',
    path: '/pipelines/:pipelineId/runs',
    handle(p, req, ctx) {
      if (!isPipeline(ctx, p['pipelineId'])) return notFound('pipeline');
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
        return errorReply(415, 'UnsupportedMediaType', 'the body must be application/json');
      let body: unknown;
      try {
        body = req.body.trim() ? JSON.parse(req.body) : {};
      } catch {
        return errorReply(400, 'BadRequest', 'the body is not JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body))
        return errorReply(400, 'BadRequest', 'the body must be a JSON object');
      const checked = checkRunParams(ctx.scenario, (body as Record<string, unknown>)['params']);
      if (!checked.ok) return errorReply(400, 'BadRequest', checked.message);
      const id = ctx.run.create(checked.params);
      const answer = ctx.scenario.createAnswer ?? 'number';
      return ok(answer === 'string' ? id : answer === 'object' ? { pipelineRunId: num(id) } : num(id));
    },
  },
  {
    operation: 'GetPipeline',
    method: 'GET',
    path: '/pipelines/:pipelineId',
    handle: (p, _req, ctx) =>
      isPipeline(ctx, p['pipelineId']) ? ok(pipelineView(ctx.scenario)) : notFound('pipeline'),
  },
  {
    operation: 'GetVMDeployOrder',
    method: 'GET',
    path: ORDER,
    handle(p, _req, ctx) {
      if (!isOrder(ctx, p)) return notFound('deploy order');
      ctx.onOrderRead();
      return ok(orderView(ctx.scenario, ctx.engine));
    },
  },
  action('StopVMDeployOrder', `${ORDER}/stop`, (ctx) => ctx.engine.stop()),
  action('ResumeVMDeployOrder', `${ORDER}/resume`, (ctx) => ctx.engine.resume()),
  action('SkipVMDeployMachine', `${MACHINE}/skip`, (ctx, sn) => ctx.engine.skip(sn)),
  action('RetryVMDeployMachine', `${MACHINE}/retry`, (ctx, sn) => ctx.engine.retry(sn)),
  {
    operation: 'GetVMDeployMachineLog',
    method: 'GET',
    path: `${MACHINE}/log`,
    handle(p, _req, ctx) {
      const m = ctx.engine.bySn.get(p['machineSn'] ?? '');
      if (!isOrder(ctx, p) || !m) return notFound('machine');
      return ok(machineLogView(ctx.engine, m));
    },
  },
];

/** Which edition a path is written for: the org segment (central) or none (region). */
function parse(req: Request): { rest: string; scope: { org?: string } } | undefined {
  if (!req.path.startsWith(`${OPENAPI_BASE}/`)) return undefined;
  const rest = req.path.slice(OPENAPI_BASE.length);
  const central = /^\/organizations\/([^/]+)(\/.*)$/.exec(rest);
  if (!central) return { rest, scope: {} };
  return { rest: central[2]!, scope: { org: decodeURIComponent(central[1]!) } };
}

function guard(req: Request, ctx: SimContext, scope: { org?: string }): Reply | undefined {
  if (req.headers['x-yunxiao-token'] !== ctx.opts.token) {
    return errorReply(401, 'InvalidTokenError', 'the personal access token is invalid or expired');
  }
  if ((ctx.opts.edition === 'central') !== (scope.org !== undefined)) {
    return errorReply(
      400,
      'UnsupportedInCurrentEnv',
      `this path is not available in the ${ctx.opts.edition} edition`,
    );
  }
  if (scope.org !== undefined && scope.org !== ctx.opts.organizationId) {
    return errorReply(
      403,
      'Forbidden.InvalidUser.UserNotInCurrentOrganization',
      'the user is not a member of this organization',
    );
  }
  return undefined;
}

export const openApiDialect = tableDialect({
  parse,
  guard,
  routes: openApiRoutes,
  notFound: () => errorReply(404, 'NotFound', 'no such API path'),
});

/** /oapi/v1/platform: GetUserByToken, the same path in both editions (no organization segment). */
export const platformDialect = tableDialect<Record<string, never>>({
  parse: (req) =>
    req.path.startsWith('/oapi/v1/platform/')
      ? { rest: req.path.slice('/oapi/v1/platform'.length), scope: {} }
      : undefined,
  guard: (req, ctx) =>
    req.headers['x-yunxiao-token'] === ctx.opts.token
      ? undefined
      : errorReply(401, 'InvalidTokenError', 'the personal access token is invalid or expired'),
  routes: [
    {
      operation: 'GetUserByToken',
      method: 'GET',
      path: '/user',
      handle: (_p, _req, ctx) => ok(userView(ctx.opts.organizationId)),
    },
  ],
  notFound: () => errorReply(404, 'NotFound', 'no such API path'),
});
