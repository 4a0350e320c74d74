// The OpenAPI dialect: /oapi/v1/flow[/organizations/{id}]/..., x-yunxiao-token, bare resources on
// success, the documented error body on failure, pagination headers on lists.
import type { ActionResult } from './engine.js';
import { stringify } from './raw-json.js';
import { errorReply, type Dialect, type Reply, type Request, type Route, type SimContext } from './server.js';
import { deployJobsView, historyView, machineLogView, orderView, runView } from './views.js';

const BASE = '/oapi/v1/flow';
const MAX_PER_PAGE = 30;

const ok = (body: unknown, headers?: Record<string, string>): Reply => ({
  status: 200,
  body: stringify(body),
  headers,
});

export const openApiDialect: Dialect = {
  route(req: Request, ctx: SimContext): Route | undefined {
    if (!req.path.startsWith(`${BASE}/`)) return undefined;
    let rest = req.path.slice(BASE.length);
    const central = /^\/organizations\/([^/]+)(\/.*)$/.exec(rest);
    let org: string | undefined;
    if (central) {
      org = decodeURIComponent(central[1]!);
      rest = central[2]!;
    }
    const found = match(req, rest, ctx);
    const operation = found?.operation ?? 'Unknown';
    return {
      operation,
      handle() {
        if (req.headers['x-yunxiao-token'] !== ctx.opts.token) {
          return errorReply(401, 'InvalidTokenError', 'the personal access token is invalid or expired');
        }
        if ((ctx.opts.edition === 'central') !== (org !== undefined)) {
          return errorReply(
            400,
            'UnsupportedInCurrentEnv',
            `this path is not available in the ${ctx.opts.edition} edition`,
          );
        }
        if (org !== undefined && org !== ctx.opts.organizationId) {
          return errorReply(
            403,
            'Forbidden.InvalidUser.UserNotInCurrentOrganization',
            'the user is not a member of this organization',
          );
        }
        return found ? found.handle() : errorReply(404, 'NotFound', 'no such API path');
      },
    };
  },
};

function match(req: Request, rest: string, ctx: SimContext): Route | undefined {
  const s = ctx.scenario;
  const e = ctx.engine;
  const seg = rest.split('/').slice(1).map(decodeURIComponent);
  const get = req.method === 'GET';
  const put = req.method === 'PUT';
  const pipelineOk = (id: string | undefined): boolean => id === s.pipelineId;
  const notFound = (what: string): Reply => errorReply(404, 'NotFound', `${what} not found`);
  const route = (operation: string, handle: () => Reply): Route => ({ operation, handle });

  if (get && seg[0] === 'pipelines' && seg[1] === 'getComponentsWithoutButtons') {
    return route('ListPipelineJobHistorys', () => {
      if (!pipelineOk(req.query.get('pipelineId') ?? undefined)) return notFound('pipeline');
      const rows = historyView(s, req.query.get('identifier') ?? '');
      const perPage = Math.min(MAX_PER_PAGE, Number(req.query.get('perPage') ?? '10') || 10);
      const page = Math.max(1, Number(req.query.get('page') ?? '1') || 1);
      const pages = Math.max(1, Math.ceil(rows.length / perPage));
      return ok(rows.slice((page - 1) * perPage, page * perPage), {
        'x-total': String(rows.length),
        'x-total-pages': String(pages),
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': page < pages ? String(page + 1) : '',
        'x-prev-page': page > 1 ? String(page - 1) : '',
        'x-request-id': `req-${Date.now()}`,
      });
    });
  }
  if (get && seg[0] === 'pipelines' && seg[1] === 'getEmasArtifactDownloadUrl') {
    return route('GetPipelineEmasArtifactUrl', () => {
      const q = req.query;
      const em = s.emas;
      const missing = [
        'emasJobInstanceId',
        'md5',
        'pipelineId',
        'pipelineRunId',
        'serviceConnectionId',
      ].filter((k) => !q.get(k));
      if (missing.length) return errorReply(400, 'BadRequest', `missing ${missing.join(', ')}`);
      if (
        !em ||
        q.get('md5') !== em.md5 ||
        q.get('emasJobInstanceId') !== em.emasJobInstanceId ||
        q.get('pipelineRunId') !== s.pipelineRunId
      ) {
        return notFound('EMAS artifact');
      }
      return ok(em.url);
    });
  }
  if (seg[0] !== 'pipelines' || !seg[1]) return undefined;
  const p = seg[1];
  if (get && seg[2] === 'listTasksByCategory' && seg[3] === 'DEPLOY' && seg.length === 4) {
    return route('ListPipelineJobs', () => (pipelineOk(p) ? ok(deployJobsView(s)) : notFound('pipeline')));
  }
  if (get && seg[2] === 'runs' && seg.length === 4) {
    const latest = seg[3] === 'latestPipelineRun';
    return route(latest ? 'GetLatestPipelineRun' : 'GetPipelineRun', () => {
      if (!pipelineOk(p) || (!latest && seg[3] !== s.pipelineRunId)) return notFound('pipeline run');
      ctx.run.reads++;
      return ok(runView(s, e, ctx.run));
    });
  }
  if (seg[2] !== 'deploy' || !seg[3]) return undefined;
  const orderOk = (): boolean => pipelineOk(p) && seg[3] === s.deployOrderId;
  if (get && seg.length === 4) {
    return route('GetVMDeployOrder', () => {
      if (!orderOk()) return notFound('deploy order');
      ctx.onOrderRead();
      return ok(orderView(s, e));
    });
  }
  const act = (operation: string, run: () => ActionResult): Route =>
    route(operation, () => {
      if (!orderOk()) return notFound('deploy order');
      const r = run();
      return r.ok ? ok(true) : errorReply(r.status, r.code, r.message);
    });
  if (put && seg.length === 5 && seg[4] === 'stop') return act('StopVMDeployOrder', () => e.stop());
  if (put && seg.length === 5 && seg[4] === 'resume') return act('ResumeVMDeployOrder', () => e.resume());
  if (seg[4] === 'machine' && seg[5] && seg.length === 7) {
    const sn = seg[5];
    if (put && seg[6] === 'skip') return act('SkipVMDeployMachine', () => e.skip(sn));
    if (put && seg[6] === 'retry') return act('RetryVMDeployMachine', () => e.retry(sn));
    if (get && seg[6] === 'log') {
      return route('GetVMDeployMachineLog', () => {
        const m = e.bySn.get(sn);
        if (!orderOk() || !m) return notFound('machine');
        return ok(machineLogView(e, m));
      });
    }
  }
  return undefined;
}
