// How an API generation ("dialect") plugs into the simulator's HTTP server. The server owns the
// socket, the request log and the faults; a dialect owns its paths, auth and response envelope,
// and reads/changes the shared state (SimContext: the scenario, the DeployEngine, the run).
//
// Most dialects are a route table (tableDialect): a prefix parser, a guard (auth, edition, org)
// and rows {operation, method, path template with :params, handle}. See openapi.ts; a second
// table (e.g. the classic 2021-06-25 API) is passed to startSimulator in `dialects`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DeployEngine } from './engine.js';
import type { Scenario } from './scenario.js';
import type { RunBook } from './runs.js';

export interface Reply {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What a dialect sees of the simulator: one shared state for every dialect. */
export interface SimContext {
  opts: {
    edition: 'central' | 'region';
    organizationId?: string;
    token: string;
  };
  scenario: Scenario;
  engine: DeployEngine;
  /** the pipeline's runs: the deploying one, those before it, those created */
  run: RunBook;
  /** advance the deploy on a read of the order (poll clock) */
  onOrderRead(): void;
}

export interface Route {
  operation: string;
  handle(): Reply;
}

export interface Dialect {
  /** undefined when the path is not this dialect's */
  route(req: Request, ctx: SimContext): Route | undefined;
}

/** One row of a route table. `path` is relative to the dialect's prefix, e.g. '/pipelines/:pipelineId'. */
export interface RouteSpec {
  operation: string;
  method: string;
  path: string;
  handle(params: Record<string, string>, req: Request, ctx: SimContext): Reply;
}

export interface TableDialectSpec<S> {
  /** the rest of the path after the dialect's prefix, and what the prefix says (e.g. the org) */
  parse(req: Request): { rest: string; scope: S } | undefined;
  /** auth and scope checks, run before the route (an error Reply stops the request) */
  guard(req: Request, ctx: SimContext, scope: S): Reply | undefined;
  routes: RouteSpec[];
  /** the answer to a path of this dialect that no row matches */
  notFound(req: Request): Reply;
}

/** A Dialect from a route table: the first row whose method and path template match wins. */
export function tableDialect<S>(spec: TableDialectSpec<S>): Dialect {
  const compiled = spec.routes.map((r) => ({ r, segs: r.path.split('/').slice(1) }));
  return {
    route(req, ctx) {
      const parsed = spec.parse(req);
      if (!parsed) return undefined;
      const segs = parsed.rest.split('/').slice(1).map(safeDecode);
      let found: { r: RouteSpec; params: Record<string, string> } | undefined;
      for (const c of compiled) {
        if (c.r.method !== req.method) continue;
        const params = matchSegments(c.segs, segs);
        if (params) {
          found = { r: c.r, params };
          break;
        }
      }
      return {
        operation: found?.r.operation ?? 'Unknown',
        handle() {
          const denied = spec.guard(req, ctx, parsed.scope);
          if (denied) return denied;
          return found ? found.r.handle(found.params, req, ctx) : spec.notFound(req);
        },
      };
    },
  };
}

function matchSegments(template: string[], segs: string[]): Record<string, string> | undefined {
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

/** The OpenAPI error body: {traceId, code, errorCode, errorMessage, errorDescription}. */
export function errorReply(status: number, errorCode: string, message: string): Reply {
  const traceId = randomUUID().replace(/-/g, '');
  return {
    status,
    headers: { 'x-request-id': traceId },
    body: JSON.stringify({
      traceId,
      code: status,
      errorCode,
      errorMessage: message,
      errorDescription: message,
    }),
  };
}
