// The CodeArts Pipeline v5 API on loopback (node:http): records every request, injects faults,
// authenticates as the API gateway does, then hands the request to its route.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, type AuthOptions } from './auth.js';
import { CodeArtsEngine, type SimRun } from './engine.js';
import { delayOrDrop, faultReply, type Fault } from './faults.js';
import { gatewayError, requestId, type Reply } from './replies.js';
import { route, type SimContext } from './routes.js';
import type { Scenario } from './scenario.js';
import { resolveVariants, type Variants } from './variants.js';

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

export interface CodeArtsSimulatorOptions {
  /** the CodeArts project that owns the scenario's pipeline */
  projectId: string;
  scenario: Scenario;
  auth: AuthOptions;
  /** poll (default): each ShowPipelineRunDetail advances one tick before answering; time: a timer */
  clock?: { mode: 'poll' } | { mode: 'time'; tickMs: number };
  faults?: Fault[];
  port?: number;
  variants?: Variants;
  /** the simulator's wall clock in epoch ms (signature skew, run times); Date.now by default */
  now?: () => number;
  /** changes every answer of a known operation before it is sent: hostile or odd servers in tests */
  rewrite?: (operation: string, reply: Reply) => Reply;
}

export interface CodeArtsSimulator {
  url: string;
  requests: RecordedRequest[];
  /** every run, oldest first (live objects: they change as the engine moves) */
  runs(): SimRun[];
  run(id: string): SimRun | undefined;
  readonly engine: CodeArtsEngine;
  addFault(f: Fault): void;
  close(): Promise<void>;
}

export async function startCodeArtsSimulator(opts: CodeArtsSimulatorOptions): Promise<CodeArtsSimulator> {
  const now = opts.now ?? Date.now;
  const variants = resolveVariants(opts.variants);
  const engine = new CodeArtsEngine(opts.scenario, variants, now);
  const clock = opts.clock ?? { mode: 'poll' };
  const ctx: SimContext = {
    projectId: opts.projectId,
    scenario: opts.scenario,
    engine,
    variants,
    now,
    onDetailRead: () => {
      if (clock.mode === 'poll') engine.advance();
    },
  };
  const faults = (opts.faults ?? []).map((f) => ({ ...f, seen: 0, used: 0 }));
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.url ?? '/';
      const url = new URL(target, 'http://simulator');
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const method = req.method ?? 'GET';
      const found = route({ method, path: url.pathname, query: url.searchParams, body: text });
      const operation = found?.operation ?? 'Unknown';
      const record: RecordedRequest = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        operation,
        status: 0,
        headers: flatHeaders(req.headers),
        body: text,
        at: now(),
      };
      requests.push(record);
      // the gateway knows its routes before it checks who calls
      const answer = (r: NonNullable<typeof found>): Reply => {
        const reply = r.handle(ctx);
        return opts.rewrite ? opts.rewrite(operation, reply) : reply;
      };
      const handle = (): Reply =>
        found
          ? (authenticate({ method, target, headers: req.headers, body }, opts.auth, now()) ?? answer(found))
          : gatewayError(
              404,
              'APIG.0101',
              'The API does not exist or has not been published in the environment',
            );

      // Each fault counts the calls it matches on its own; the first one due answers.
      let fault: (typeof faults)[number] | undefined;
      for (const f of faults) {
        if (f.operation && f.operation !== operation) continue;
        const due = f.seen++ >= (f.after ?? 0) && f.used < (f.times ?? 1);
        if (due && !fault) fault = f;
      }
      if (!fault) return send(res, record, handle());
      fault.used++;
      record.fault = fault.kind;
      const reply = faultReply(fault, variants);
      if (reply) send(res, record, reply);
      else delayOrDrop(fault, res, hanging, timers, () => send(res, record, handle()));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const ticker = clock.mode === 'time' ? setInterval(() => engine.advance(), clock.tickMs) : undefined;
  ticker?.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    runs: () => engine.runs,
    run: (id) => engine.run(id),
    engine,
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

function send(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
  record.status = reply.status;
  res.writeHead(reply.status, {
    'content-type': 'application/json;charset=UTF-8',
    'x-request-id': requestId(),
    ...reply.headers,
  });
  res.end(reply.body);
}

function flatHeaders(h: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
