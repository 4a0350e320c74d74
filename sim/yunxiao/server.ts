// A stateful simulator of the Yunxiao Flow API on loopback (node:http): records every request,
// injects faults, and hands each request to the API generation it belongs to (a "dialect").
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { classicDialect, classicError, type ClassicKey } from './classic.js';
import {
  errorReply,
  type Dialect,
  type Reply,
  type Request,
  type Route,
  type SimContext,
} from './dialect.js';
import { DeployEngine, type SimOrderState } from './engine.js';
import { openApiDialect, platformDialect } from './openapi.js';
import { RunBook } from './runs.js';
import type { Scenario } from './scenario.js';

export interface Fault {
  /** operation it applies to (e.g. 'GetVMDeployOrder'); any operation when absent */
  operation?: string;
  /** matching calls to let through first */
  after?: number;
  /** matching calls to fault (default 1) */
  times?: number;
  /**
   * throttle: the classic API's 400 Throttling.User envelope with x-acs-retry-after;
   * answer: `body` with `status` (default 200) and `contentType`, as given;
   * huge: a body of `size` bytes, streamed (with its Content-Length when `declare` is set);
   * lost: the request is carried out, then its answer is lost: the connection reset, or with
   * `status` a gateway's HTML error page of that status instead (a write that may have been done)
   */
  kind:
    | '429'
    | '500-html'
    | '502-html'
    | 'reset'
    | 'slow'
    | 'hang'
    | 'non-json'
    | 'throttle'
    | 'answer'
    | 'huge'
    | 'lost';
  /** Retry-After header for 429 */
  retryAfter?: string;
  /** for slow */
  delayMs?: number;
  /** for answer */
  status?: number;
  body?: string | Buffer;
  contentType?: string;
  /** for huge */
  size?: number;
  declare?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operation: string;
  /** 0 when no answer was given (reset, hang) */
  status: number;
  headers: Record<string, string>;
  body: string;
  at: number;
  fault?: Fault['kind'];
}

export interface SimulatorOptions {
  edition: 'central' | 'region';
  organizationId?: string;
  token: string;
  scenario: Scenario;
  clock?: { mode: 'poll' } | { mode: 'time'; tickMs: number };
  faults?: Fault[];
  port?: number;
  /** classic API credentials by AccessKeyId (enables the classic dialect) */
  accessKeys?: Record<string, ClassicKey>;
  /** more API generations over the same state, tried after the OpenAPI one (see dialect.ts) */
  dialects?: Dialect[];
  /** the server's clock: `offsetMs` from the real one, or `fixed` (what simulators that serve canned times do) */
  serverTime?: { offsetMs: number } | { fixed: number };
  /** changes every answer before it is sent: hostile or odd servers in tests */
  rewrite?: (operation: string, reply: Reply) => Reply;
  /** serve HTTPS with this key and certificate (PEM) */
  tls?: { key: string; cert: string };
}

export interface Simulator {
  url: string;
  requests: RecordedRequest[];
  order(): SimOrderState;
  readonly finalAt?: number;
  readonly engine: DeployEngine;
  /** the pipeline's runs, and the ones CreatePipelineRun / StartPipelineRun created */
  readonly runs: RunBook;
  addFault(f: Fault): void;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  if (opts.edition === 'central' && !opts.organizationId) {
    throw new Error('startSimulator: the central edition needs an organizationId');
  }
  const dialects: Dialect[] = [openApiDialect, platformDialect, ...(opts.dialects ?? [])];
  if (opts.accessKeys) dialects.push(classicDialect(opts.accessKeys));
  const time = opts.serverTime;
  const now = !time ? Date.now : 'fixed' in time ? () => time.fixed : () => Date.now() + time.offsetMs;
  const engine = new DeployEngine(opts.scenario, now);
  const runs = new RunBook(opts.scenario);
  const clock = opts.clock ?? { mode: 'poll' };
  const ctx: SimContext = {
    opts,
    scenario: opts.scenario,
    engine,
    run: runs,
    onOrderRead: () => {
      if (clock.mode === 'poll') engine.advance();
    },
  };
  const faults = (opts.faults ?? []).map((f) => ({ ...f, seen: 0, used: 0 }));
  const reply = (operation: string, route: Route | undefined): Reply => {
    const r = answer(route);
    return opts.rewrite ? opts.rewrite(operation, r) : r;
  };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://simulator');
      const request: Request = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        rawUrl: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      let route: Route | undefined;
      for (const d of dialects) {
        route = d.route(request, ctx);
        if (route) break;
      }
      const operation = route?.operation ?? 'Unknown';
      const record: RecordedRequest = {
        method: request.method,
        path: request.path,
        query: Object.fromEntries(url.searchParams),
        operation,
        status: 0,
        headers: flatHeaders(req.headers),
        body: request.body,
        at: Date.now(),
      };
      requests.push(record);
      // Each fault counts the calls it matches on its own; the first one due answers.
      let fault: (typeof faults)[number] | undefined;
      for (const f of faults) {
        if (f.operation && f.operation !== operation) continue;
        const due = f.seen++ >= (f.after ?? 0) && f.used < (f.times ?? 1);
        if (due && !fault) fault = f;
      }
      if (fault) {
        fault.used++;
        record.fault = fault.kind;
        applyFault(
          fault,
          res,
          record,
          hanging,
          timers,
          () => send(res, record, reply(operation, route)),
          () => void reply(operation, route),
        );
        return;
      }
      send(res, record, reply(operation, route));
    });
  };
  const server = opts.tls ? createTlsServer(opts.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const ticker = clock.mode === 'time' ? setInterval(() => engine.advance(), clock.tickMs) : undefined;
  ticker?.unref();

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    order: () => engine.state,
    get finalAt() {
      return engine.finalAt;
    },
    engine,
    runs,
    addFault: (f) => faults.push({ ...f, seen: 0, used: 0 }),
    close: async () => {
      if (ticker) clearInterval(ticker);
      for (const t of timers) clearTimeout(t);
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(route: Route | undefined): Reply {
  if (!route) return errorReply(404, 'NotFound', 'no such API path');
  return route.handle();
}

function send(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
  record.status = reply.status;
  res.writeHead(reply.status, {
    'content-type': 'application/json;charset=UTF-8',
    'x-request-id': randomUUID(),
    ...reply.headers,
  });
  res.end(reply.body);
}

const HTML = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`;

function applyFault(
  fault: Fault,
  res: ServerResponse,
  record: RecordedRequest,
  hanging: Set<ServerResponse>,
  timers: Set<NodeJS.Timeout>,
  proceed: () => void,
  /** handle the request without answering it */
  carryOut: () => void,
): void {
  switch (fault.kind) {
    case '429':
      record.status = 429;
      res.writeHead(429, {
        'content-type': 'application/json',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(
        JSON.stringify({
          traceId: 't429',
          code: 429,
          errorCode: 'TooManyRequests',
          errorMessage: 'Too many requests',
          errorDescription: '',
        }),
      );
      return;
    case '500-html':
    case '502-html': {
      const status = fault.kind === '500-html' ? 500 : 502;
      record.status = status;
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(HTML(status));
      return;
    }
    case 'non-json':
      record.status = 200;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Login required</body></html>');
      return;
    case 'throttle': {
      const reply = classicError(400, 'Throttling.User', 'Request was denied due to user flow control.', {
        'x-acs-retry-after': fault.retryAfter ?? '1000',
      });
      record.status = reply.status;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
      return;
    }
    case 'answer':
      record.status = fault.status ?? 200;
      res.writeHead(record.status, fault.contentType ? { 'content-type': fault.contentType } : {});
      res.end(fault.body ?? '');
      return;
    case 'huge': {
      const size = fault.size ?? 1024 * 1024 * 1024;
      record.status = 200;
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(fault.declare ? { 'content-length': String(size) } : {}),
      });
      // Streamed as the client reads: never held whole, and it stops when the client lets go.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < size && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = size));
      pump();
      return;
    }
    case 'reset':
      res.socket?.destroy();
      return;
    case 'lost': {
      carryOut();
      if (fault.status === undefined) {
        res.socket?.destroy();
        return;
      }
      record.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end(HTML(fault.status));
      return;
    }
    case 'hang':
      hanging.add(res);
      return;
    case 'slow': {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) proceed();
      }, fault.delayMs ?? 1000);
      timers.add(t);
      return;
    }
  }
}

function flatHeaders(h: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
