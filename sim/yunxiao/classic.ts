// The classic "devops 2021-06-25" dialect: /organization/{id}/..., AccessKey signatures verified
// independently, the {requestId, success, errorCode, errorMessage, <payload>} envelope, nextToken paging.
import { randomUUID } from 'node:crypto';
import { verifyAcs3 } from './classic-verify.js';
import type { ActionResult } from './engine.js';
import { num, stringify } from './raw-json.js';
import type { Dialect, Reply, Request, Route, SimContext } from './dialect.js';
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
} from './views.js';

export interface ClassicKey {
  secret: string;
  /** STS credentials: the token every request must carry */
  securityToken?: string;
}

const envelope = (payload: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: stringify({
    requestId: randomUUID().toUpperCase(),
    success: true,
    errorCode: '',
    errorMessage: '',
    ...payload,
  }),
});

export function classicError(
  status: number,
  errorCode: string,
  errorMessage: string,
  headers?: Record<string, string>,
): Reply {
  return {
    status,
    headers,
    body: JSON.stringify({ requestId: randomUUID().toUpperCase(), success: false, errorCode, errorMessage }),
  };
}

export function classicDialect(keys: Record<string, ClassicKey>): Dialect {
  const seenNonces = new Set<string>();
  return {
    route(req: Request, ctx: SimContext): Route | undefined {
      // StartPipelineRun alone lives under /organizations/ (plural), as the official SDKs have it
      const m = /^\/(organizations?)\/([^/]+)(\/.*)$/.exec(req.path);
      if (!m) return undefined;
      const org = decodeURIComponent(m[2]!);
      const found = m[1] === 'organizations' ? matchPlural(req, m[3]!, ctx) : match(req, m[3]!, ctx);
      return {
        operation: found?.operation ?? 'Unknown',
        handle() {
          const verdict = verifyAcs3(
            { method: req.method, rawPath: req.rawUrl, headers: req.headers, body: req.body },
            (id) => keys[id]?.secret,
            { seenNonces },
          );
          if (!verdict.ok) return classicError(verdict.status, verdict.code, verdict.message);
          const key = keys[verdict.accessKeyId];
          if (key?.securityToken !== undefined && verdict.securityToken !== key.securityToken) {
            return classicError(
              400,
              'InvalidSecurityToken.Mismatch',
              'Specified security token is not valid.',
            );
          }
          // The gateway resolves the API from x-acs-action (as the official SDKs sign it): a name that
          // is not the one of this path is an API the gateway does not know here.
          const action = req.headers['x-acs-action'];
          if (found && action !== found.operation)
            return classicError(
              404,
              'InvalidAction.NotFound',
              `Specified api is not found, please check your url and method. (x-acs-action ${String(action)})`,
            );
          if (org !== ctx.opts.organizationId)
            return classicError(404, 'InvalidOrganization.NotFound', 'The organization is not found.');
          return found
            ? found.handle()
            : classicError(404, 'InvalidResource.NotFound', 'No resource is found.');
        },
      };
    },
  };
}

function match(req: Request, rest: string, ctx: SimContext): Route | undefined {
  const s = ctx.scenario;
  const e = ctx.engine;
  const seg = rest.split('/').slice(1).map(decodeURIComponent);
  const route = (operation: string, handle: () => Reply): Route => ({ operation, handle });
  const noPipeline = (): Reply => classicError(404, 'InvalidPipeline.NotFound', 'The pipeline is not found.');
  const { method } = req;

  if (seg[0] === 'pipeline' && seg[1]) {
    const p = seg[1];
    if (method === 'POST' && seg[2] === 'jobs' && seg.length === 3) {
      return route('ListPipelineJobs', () =>
        p === s.pipelineId ? envelope({ jobs: deployJobsView(s, ctx.run) }) : noPipeline(),
      );
    }
    if (method === 'POST' && seg[2] === 'job' && seg[3] === 'historys') {
      return route('ListPipelineJobHistorys', () => {
        if (p !== s.pipelineId) return noPipeline();
        const rows = historyView(s, req.query.get('identifier') ?? '', ctx.run);
        const max = Math.min(50, Number(req.query.get('maxResults') ?? '10') || 10);
        const start = Number(req.query.get('nextToken') ?? '0') || 0;
        const next = start + max < rows.length ? String(start + max) : undefined;
        return envelope({ jobs: rows.slice(start, start + max), nextToken: next, totalCount: rows.length });
      });
    }
    if (
      method === 'POST' &&
      seg[2] === 'pipelineRun' &&
      seg[4] === 'emas' &&
      seg[5] === 'artifact' &&
      seg.length === 8
    ) {
      return route('GetPipelineEmasArtifactUrl', () => {
        const em = s.emas;
        if (!em || seg[3] !== s.pipelineRunId || seg[6] !== em.emasJobInstanceId || seg[7] !== em.md5) {
          return classicError(404, 'InvalidResource.NotFound', 'No resource is found.');
        }
        return envelope({ fileUrl: em.url });
      });
    }
    return undefined;
  }
  if (seg[0] !== 'pipelines' || !seg[1]) return undefined;
  const p = seg[1];
  if (method === 'GET' && seg.length === 2) {
    return route('GetPipeline', () =>
      p === s.pipelineId ? envelope({ pipeline: pipelineView(s) }) : noPipeline(),
    );
  }
  if (method === 'GET' && seg[2] === 'pipelineRuns' && seg.length === 3) {
    return route('ListPipelineRuns', () => {
      if (p !== s.pipelineId) return noPipeline();
      ctx.run.onListRead();
      const rows = runListView(s, e, ctx.run);
      const max = Math.min(30, Number(req.query.get('maxResults') ?? '10') || 10);
      const start = Number(req.query.get('nextToken') ?? '0') || 0;
      const next = start + max < rows.length ? String(start + max) : undefined;
      return envelope({
        pipelineRuns: rows.slice(start, start + max),
        nextToken: next,
        totalCount: rows.length,
      });
    });
  }
  if (method === 'GET' && seg[2] === 'pipelineRuns' && seg.length === 4) {
    return route('GetPipelineRun', () => {
      const notFound = (): Reply =>
        classicError(404, 'InvalidPipelineRun.NotFound', 'The pipeline execution instance is not found.');
      if (p !== s.pipelineId) return notFound();
      if (seg[3] !== s.pipelineRunId || !ctx.run.exists) {
        const other = otherRunView(s, ctx.run, seg[3] ?? '');
        return other ? envelope({ pipelineRun: other }) : notFound();
      }
      ctx.run.reads++;
      return envelope({ pipelineRun: runView(s, e, ctx.run) });
    });
  }
  if (seg[2] !== 'deploy' || !seg[3]) return undefined;
  const orderOk = (): boolean => p === s.pipelineId && seg[3] === s.deployOrderId;
  const noOrder = (): Reply =>
    classicError(404, 'InvalidDeployOrder.NotFound', 'The deploy order is not found.');
  if (method === 'GET' && seg.length === 4) {
    return route('GetVMDeployOrder', () => {
      if (!orderOk()) return noOrder();
      ctx.onOrderRead();
      return envelope({ deployOrder: orderView(s, e, true) });
    });
  }
  const act = (operation: string, run: () => ActionResult): Route =>
    route(operation, () => {
      if (!orderOk()) return noOrder();
      const r = run();
      return r.ok ? envelope() : classicError(r.status, 'InvalidParam.ParamNotPresent', r.message);
    });
  if (method === 'PUT' && seg.length === 5 && seg[4] === 'stop')
    return act('StopVMDeployOrder', () => e.stop());
  if (method === 'PUT' && seg.length === 5 && seg[4] === 'resume')
    return act('ResumeVMDeployOrder', () => e.resume());
  if (seg[4] === 'machine' && seg[5] && seg.length === 7) {
    const sn = seg[5];
    if (method === 'PUT' && seg[6] === 'skip') return act('SkipVMDeployMachine', () => e.skip(sn));
    if (method === 'PUT' && seg[6] === 'retry') return act('RetryVMDeployMachine', () => e.retry(sn));
    if (method === 'GET' && seg[6] === 'log') {
      return route('LogVMDeployMachine', () => {
        const m = e.bySn.get(sn);
        return orderOk() && m ? envelope({ deployMachineLog: machineLogView(e, m, true) }) : noOrder();
      });
    }
  }
  return undefined;
}

/** StartPipelineRun: POST /organizations/{id}/pipelines/{pipelineId}/run, a form body `params=<JSON text>`. */
function matchPlural(req: Request, rest: string, ctx: SimContext): Route | undefined {
  const seg = rest.split('/').slice(1).map(decodeURIComponent);
  if (req.method !== 'POST' || seg.length !== 3 || seg[0] !== 'pipelines' || seg[2] !== 'run')
    return undefined;
  return {
    operation: 'StartPipelineRun',
    handle() {
      if (seg[1] !== ctx.scenario.pipelineId)
        return classicError(404, 'InvalidPipeline.NotFound', 'The pipeline is not found.');
      if (!/^application\/x-www-form-urlencoded\b/.test(req.headers['content-type'] ?? ''))
        return classicError(400, 'InvalidParam.ContentType', 'the body must be form data');
      const form = new URLSearchParams(req.body);
      const checked = checkRunParams(ctx.scenario, form.get('params') ?? undefined);
      if (!checked.ok) return classicError(400, 'InvalidParam.Params', checked.message);
      return envelope({ pipelineRunId: num(ctx.run.create(checked.params)) });
    },
  };
}
