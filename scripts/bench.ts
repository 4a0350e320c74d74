// npm run bench: figures of the bundled actions, measured from outside the process, each run exactly
// as the GitHub runner runs it (scripts/lib/runner.ts) against the simulators; each a median over
// repeated runs, next to its target. A figure stated as a ratio is measured side by side in the same
// run, interleaved. Not a test: it prints what it measures and which targets it misses.
//   bash scripts/dev.sh bench                      full run
//   bash scripts/dev.sh bench -- --quick           fewer repeats, no 50,000-machine watch (the test)
//   bash scripts/dev.sh bench -- --other checkout=/path/to/checkout/dist/index.js
//        times another action's bundle beside ours (repeatable); its defaults come from the
//        action.yml found next to or above the bundle; --other-input checkout:token=x gives it an
//        input ({fake} in a value is the fake server's URL)
//   bash scripts/dev.sh bench -- --dist /path/to/dist  bundles of another build (its index.js and
//        codearts/index.js; the inputs' defaults still come from this checkout's action.yml files)
//   bash scripts/dev.sh bench -- --only startup,cpu   some parts only (startup, behaviour, cpu,
//        summary, diagnostics); the figures of the other parts are not printed
//   bash scripts/dev.sh bench -- --no-diagnostics  without the in-process diagnostics
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { V8_FLAGS } from '../src/runner/v8-flags.js';
import { machines, scenario, startSimulator, type Scenario, type Simulator } from '../sim/yunxiao/index.js';
import { scenario as codeArtsScenario, startCodeArtsSimulator } from '../sim/codearts/index.js';
import type { CpuFigure } from './bench-cpu.js';
import { childrenCpuMs, FirstRequest, machine, PeakMemory, startFakeServer } from './lib/outside.js';
import {
  ACTIONS,
  now,
  ROOT,
  runAction,
  type ActionRun,
  type ActionSpec,
  type RunOptions,
} from './lib/runner.js';

const args = process.argv.slice(2);
/** every value of `--flag value` and `--flag=value` */
const values = (flag: string): string[] =>
  args.flatMap((a, i) =>
    a === flag ? [args[i + 1] ?? ''] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [],
  );
const quick = args.includes('--quick');
const PARTS = ['startup', 'behaviour', 'cpu', 'summary', 'diagnostics'] as const;
const only = values('--only').flatMap((v) => v.split(','));
for (const part of only)
  if (!(PARTS as readonly string[]).includes(part))
    throw new Error(`--only ${part}: one of ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]): boolean =>
  only.length ? only.includes(part) : part !== 'diagnostics' || !args.includes('--no-diagnostics');
const distDir = resolve(values('--dist')[0] ?? join(ROOT, 'dist'));
const YUNXIAO: ActionSpec = { dist: join(distDir, 'index.js'), yml: ACTIONS.yunxiao.yml };
const CODEARTS: ActionSpec = { dist: join(distDir, 'codearts/index.js'), yml: ACTIONS.codearts.yml };
/** rounds of the start-up comparison */
const ROUNDS = quick ? 3 : 21;
/** long and short watches of the CPU figure, each */
const CPU_REPEATS = quick ? 1 : 5;
/** 20-poll watches per size of the memory figures (10,000 machines: the CPU figure's long watches) */
const MEMORY_REPEATS = quick ? 1 : 3;
/** each process of the side-by-side table is watched (memory) this long from its start, then ended */
const WINDOW_MS = 2000;
const CPU_MACHINES = 10_000;
const LONG_POLLS = 20;
const SHORT_POLLS = 2;
const TOKEN = 'pt-bench';
const ORG = 'bench-org';
const HERE = import.meta.dirname;
const ONE_REQUEST = join(HERE, 'bench/one-request.cjs');
const JSON_PARSE = join(HERE, 'bench/json-parse.mjs');

interface Row {
  figure: string;
  measured: string;
  target: string;
  ok: boolean;
}
const rows: Row[] = [];
const sideBySide: string[][] = [];
const diagnosticRows: Row[] = [];

const sorted = (xs: number[]): number[] => xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
const median = (xs: number[]): number => {
  const s = sorted(xs);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
/** the middle half of the samples (all of them under 5) */
const spread = (xs: number[], unit: (x: number) => string): string => {
  const s = sorted(xs);
  if (s.length < 2) return '';
  const [lo, hi] =
    s.length < 5 ? [s[0]!, s.at(-1)!] : [s[Math.floor(s.length / 4)]!, s[Math.floor((3 * s.length) / 4)]!];
  return ` [${s.length < 5 ? 'range' : 'IQR'} ${unit(lo)}-${unit(hi)}]`;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;
/** the median, and the spread of the samples */
const stat = (xs: number[], unit: (x: number) => string): string =>
  `${unit(median(xs))}${spread(xs, (x) => x.toFixed(0))}`;
const mib = (x: number): string => `${x.toFixed(1)} MiB`;
const num = (x: number): string => x.toLocaleString('en-US');

/** --other name=path and --other-input name:input=value */
function others(): { name: string; action: ActionSpec; inputs: Record<string, string> }[] {
  const list: { name: string; action: ActionSpec; inputs: Record<string, string> }[] = [];
  for (const spec of values('--other')) {
    const at = spec.indexOf('=');
    if (at < 1) throw new Error(`--other ${spec}: expected name=/path/to/dist/index.js`);
    const dist = resolve(spec.slice(at + 1));
    if (!existsSync(dist)) throw new Error(`--other ${spec}: no such file`);
    list.push({ name: spec.slice(0, at), action: { dist, yml: actionYmlAbove(dist) }, inputs: {} });
  }
  for (const spec of values('--other-input')) {
    const m = /^([^:]+):([^=]+)=(.*)$/s.exec(spec);
    const other = list.find((o) => o.name === m?.[1]);
    if (!m || !other)
      throw new Error(`--other-input ${spec}: expected name:input=value for a name given with --other`);
    other.inputs[m[2]!] = m[3]!;
  }
  return list;
}

/** The action.yml beside the bundle or up to two folders above it (dist/index.js, dist/main/index.js). */
function actionYmlAbove(dist: string): string | undefined {
  for (let dir = dirname(dist), up = 0; up <= 2; dir = dirname(dir), up++)
    for (const name of ['action.yml', 'action.yaml']) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

async function withSim<T>(
  s: Scenario,
  body: (sim: Simulator) => Promise<T>,
  opts: {
    clock?: { mode: 'poll' } | { mode: 'time'; tickMs: number };
    capture?: (body: string | Buffer) => void;
  } = {},
): Promise<T> {
  let captured = false;
  const sim = await startSimulator({
    edition: 'central',
    organizationId: ORG,
    token: TOKEN,
    scenario: s,
    clock: opts.clock ?? { mode: 'poll' },
    // one GetVMDeployOrder answer while the machines run: what the CPU figure's JSON.parse reads
    rewrite: (operation, reply) => {
      if (opts.capture && !captured && operation === 'GetVMDeployOrder') {
        captured = sim.order().machines[0]?.status === 'Running';
        if (captured) opts.capture(reply.body);
      }
      return reply;
    },
  });
  try {
    return await body(sim);
  } finally {
    await sim.close();
  }
}

function gateInputs(sim: Simulator, s: Scenario, extra: Record<string, string> = {}): Record<string, string> {
  return {
    token: TOKEN,
    endpoint: sim.url,
    edition: 'central',
    'organization-id': ORG,
    'pipeline-id': s.pipelineId,
    timeout: '2m',
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Start-up, side by side: each process from its spawn to the first request its server reads
// (`node -e 0`: to its exit), and its peak memory over its first WINDOW_MS (or its life).

interface Contestant {
  name: string;
  /**
   * runs once: ms from spawn to the first request (or exit), CPU ms by then, peak MiB; and what it
   * said when it ended (an error), shown when it sent no request
   */
  once: (memory: PeakMemory) => Promise<{ ms: number; cpuMs: number; mib: number; why?: string }>;
}

/**
 * Runs `opts` with the peak-memory sampler on the child, `first` armed for it, and the window as
 * its limit.
 */
async function watched(
  memory: PeakMemory,
  opts: RunOptions,
  first?: FirstRequest,
): Promise<{ run: ActionRun; mib: number }> {
  const run = await runAction({
    action: YUNXIAO,
    killAfterMs: WINDOW_MS,
    ...opts,
    onSpawn: (child) => {
      first?.arm(child.pid);
      memory.watch(child.pid);
      opts.onSpawn?.(child);
    },
  });
  return { run, mib: await memory.stop() };
}

function yunxiaoContestant(name: string, argv?: string[]): Contestant {
  return {
    name,
    once: async (memory) => {
      const s = scenario();
      return withSim(s, async (sim) => {
        const first = new FirstRequest().onRecord(sim.requests);
        let exitedAt = NaN;
        const { run, mib } = await watched(
          memory,
          {
            inputs: gateInputs(sim, s, { 'deploy-order-id': s.deployOrderId, 'poll-interval': '100ms' }),
            onSpawn: (c) => c.on('exit', () => (exitedAt = now())),
            ...(argv ? { argv } : {}),
          },
          first,
        );
        // `node -e 0` sends nothing: its figure is to its exit
        const end = argv?.[0] === '-e' ? exitedAt : first.at;
        return { ms: end - run.startedAt, cpuMs: first.cpuMs, mib };
      });
    },
  };
}

const codeArtsContestant: Contestant = {
  name: 'CodeArts gate',
  once: async (memory) => {
    const PROJECT = '0123456789abcdef0123456789abcdef';
    const AK = 'BENCHAK000000000000A';
    const SK = 'benchSK-9c1e5b2d8f4a6c0e7f3a';
    const s = codeArtsScenario();
    const sim = await startCodeArtsSimulator({
      projectId: PROJECT,
      scenario: s,
      auth: { accessKeys: { [AK]: { secretKey: SK } } },
    });
    try {
      const started = sim.engine.start({}, true);
      const first = new FirstRequest().onRecord(sim.requests);
      const { run, mib } = await watched(
        memory,
        {
          action: CODEARTS,
          inputs: {
            endpoint: sim.url,
            'access-key': AK,
            'secret-key': SK,
            'project-id': PROJECT,
            'pipeline-id': s.pipelineId,
            'pipeline-run-id': started.ok ? started.run.id : '',
            'poll-interval': '100ms',
            timeout: '2m',
          },
        },
        first,
      );
      return { ms: first.at - run.startedAt, cpuMs: first.cpuMs, mib };
    } finally {
      await sim.close();
    }
  },
};

/**
 * What the runner gives every step beyond what runner.ts sets for ours (a workspace, an event, the
 * state and environment files, the tool cache): other actions read some of it before they do anything.
 */
function runnerContext(dir: string): Record<string, string> {
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(dir, 'tool-cache'), { recursive: true });
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/shop' } }));
  for (const file of ['env', 'path', 'state']) writeFileSync(join(dir, file), '');
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_JOB: 'bench',
    GITHUB_ACTION: 'bench',
    GITHUB_ACTOR: 'bench',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STATE: join(dir, 'state'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'bench',
    RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
  };
}

function otherContestant(o: ReturnType<typeof others>[number], dir: string): Contestant {
  return {
    name: o.name,
    once: async (memory) => {
      const first = new FirstRequest();
      const fake = await startFakeServer(first);
      try {
        const inputs: Record<string, string> = {};
        for (const [k, v] of Object.entries(o.inputs)) inputs[k] = v.replaceAll('{fake}', fake.url);
        const { run, mib } = await watched(
          memory,
          {
            action: o.action,
            inputs,
            env: {
              ...runnerContext(dir),
              // every GitHub endpoint and proxy the runner names, at the fake server
              GITHUB_API_URL: fake.url,
              GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
              GITHUB_SERVER_URL: fake.url,
              ACTIONS_RUNTIME_URL: `${fake.url}/`,
              ACTIONS_RESULTS_URL: `${fake.url}/`,
              ACTIONS_CACHE_URL: `${fake.url}/`,
              ACTIONS_ID_TOKEN_REQUEST_URL: `${fake.url}/token`,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bench',
              ACTIONS_RUNTIME_TOKEN: 'bench',
              HTTP_PROXY: fake.url,
              HTTPS_PROXY: fake.url,
              http_proxy: fake.url,
              https_proxy: fake.url,
            },
          },
          first,
        );
        const why = /^::error::(.*)$/m.exec(run.stdout)?.[1] ?? run.stderr.trim().split('\n').pop() ?? '';
        return { ms: first.at - run.startedAt, cpuMs: first.cpuMs, mib, ...(why ? { why } : {}) };
      } finally {
        await fake.close();
      }
    },
  };
}

async function startup(): Promise<void> {
  const empty = yunxiaoContestant('node -e 0', ['-e', '0']);
  const baseline = yunxiaoContestant('CommonJS, one node:http request', [ONE_REQUEST]);
  const yunxiao = yunxiaoContestant('Yunxiao gate');
  const dir = mkdtempSync(join(tmpdir(), 'ydg-bench-'));
  const contestants = [
    empty,
    baseline,
    yunxiao,
    codeArtsContestant,
    ...others().map((o) => otherContestant(o, dir)),
  ];
  const silent = new Map<Contestant, string>();
  const samples = new Map(
    contestants.map((c) => [c, { ms: [] as number[], cpu: [] as number[], mib: [] as number[] }]),
  );
  const memory = new PeakMemory();
  try {
    // Interleaved, each round starting with the next contestant, so that the machine's drift and
    // the position in a round touch all of them alike. One unmeasured round first (disk caches;
    // not with --quick).
    for (let round = quick ? 0 : -1; round < ROUNDS; round++) {
      for (let i = 0; i < contestants.length; i++) {
        const c = contestants[(i + Math.max(round, 0)) % contestants.length]!;
        const r = await c.once(memory);
        if (Number.isNaN(r.ms)) silent.set(c, r.why ?? '');
        if (round < 0) continue;
        const into = samples.get(c)!;
        into.ms.push(r.ms);
        into.cpu.push(r.cpuMs);
        into.mib.push(r.mib);
      }
    }
  } finally {
    await memory.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const t = (c: Contestant): number => median(samples.get(c)!.ms);
  const base = t(empty);
  for (const c of contestants) {
    const { ms: times, cpu, mib: peaks } = samples.get(c)!;
    const ratio = c === empty ? '' : ` = ${(t(c) / base).toFixed(2)} x`;
    const none = times.filter((x) => Number.isNaN(x)).length;
    sideBySide.push([
      c.name,
      none === times.length
        ? `no request (${silent.get(c) || 'it ended without one'})`
        : `${ms(t(c))}${ratio}${spread(times, (x) => x.toFixed(0))}${none ? `, ${none} run(s) without a request` : ''}`,
      c === empty ? '-' : stat(cpu, ms),
      mib(median(peaks)),
    ]);
  }
  const ratio = t(yunxiao) / base;
  rows.push({
    figure: 'start-up to the first request, Yunxiao gate',
    measured: `${ms(t(yunxiao))} = ${ratio.toFixed(2)} x node -e 0 (${ms(base)}); CommonJS one-request script ${(t(baseline) / base).toFixed(2)} x`,
    target: '<= 1.8 x node -e 0',
    ok: ratio <= 1.8,
  });
  const side = t(codeArtsContestant) / t(yunxiao);
  rows.push({
    figure: 'start-up: CodeArts gate beside the Yunxiao gate',
    measured: `${ms(t(codeArtsContestant))} = ${side.toFixed(2)} x the Yunxiao gate's (${(t(codeArtsContestant) / base).toFixed(2)} x node -e 0)`,
    target: 'within 10 % (0.90 to 1.10 x)',
    ok: side >= 0.9 && side <= 1.1,
  });
}

// ---------------------------------------------------------------------------------------------
// Behaviour: detection, reaction, requests (wall-clock figures of whole runs).

/** The order reaching its final status to the process exiting, with the simulator on a real clock. */
async function detection(): Promise<void> {
  const pollMs = 1000;
  const lags: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const s = scenario({ batches: [machines(3, 1), machines(3, 2)] });
    lags.push(
      await withSim(
        s,
        async (sim) => {
          let exitedAt = 0;
          await runAction({
            action: YUNXIAO,
            inputs: gateInputs(sim, s, { 'poll-interval': `${pollMs}ms` }),
            onSpawn: (c) => c.on('exit', () => (exitedAt = Date.now())),
          });
          return exitedAt - (sim.finalAt ?? NaN);
        },
        { clock: { mode: 'time', tickMs: 170 + i * 37 } },
      ),
    );
  }
  const worst = Math.max(...lags);
  rows.push({
    figure: 'detection (final status to exit), poll 1s',
    measured: `median ${ms(median(lags))}, worst ${ms(worst)}`,
    target: `<= ${pollMs + 250} ms`,
    ok: worst <= pollMs + 250,
  });
}

/** An unreachable machine appearing, to its skip request: polls in between. */
async function reaction(): Promise<void> {
  const s = scenario({
    batches: [machines(4, 1, { runTicks: 6 })],
    events: [{ atTick: 3, kind: 'agent-lost', sn: 'm1-02' }],
  });
  const between = await withSim(s, async (sim) => {
    await runAction({
      action: YUNXIAO,
      inputs: gateInputs(sim, s, {
        'poll-interval': '100ms',
        'skip-unreachable': 'true',
        'max-skipped': '1',
      }),
    });
    const reads = sim.requests.filter((r) => r.operation === 'GetVMDeployOrder');
    const seenAt = reads[2]?.at ?? NaN; // the third read advances to tick 3: the first that shows it
    const skip = sim.requests.find((r) => r.operation === 'SkipVMDeployMachine');
    return skip ? reads.filter((r) => r.at > seenAt && r.at < skip.at).length : NaN;
  });
  rows.push({
    figure: 'reaction (unreachable machine to skip request)',
    measured: `${between} polls in between`,
    target: 'the first poll that sees it',
    ok: between === 0,
  });
}

/** GetVMDeployOrder calls over a deploy of duration D, and the lookup calls. */
async function requests(): Promise<void> {
  const pollMs = 500;
  const b2 = machines(4, 2);
  b2[1] = { ...b2[1]!, unreachable: true };
  const s = scenario({ batches: [machines(4, 1), b2, machines(4, 3)], olderHistoryRows: 40 });
  await withSim(
    s,
    async (sim) => {
      const run: ActionRun = await runAction({
        action: YUNXIAO,
        inputs: gateInputs(sim, s, {
          'poll-interval': `${pollMs}ms`,
          'skip-unreachable': 'true',
          'max-skipped': '1',
        }),
      });
      const reads = sim.requests.filter((r) => r.operation === 'GetVMDeployOrder');
      const firstRead = reads[0]?.at ?? NaN;
      const duration = (sim.finalAt ?? NaN) - firstRead;
      const actions = sim.requests.filter((r) => r.method === 'PUT').length;
      const allowed = Math.ceil(duration / pollMs) + 1 + actions;
      rows.push({
        figure: `requests: GetVMDeployOrder over D = ${(duration / 1000).toFixed(1)} s`,
        measured: `${reads.length} (${actions} action${actions === 1 ? '' : 's'})`,
        target: `<= ceil(D/poll)+1+actions = ${allowed}`,
        ok: reads.length <= allowed && run.code === 0,
      });
      const lookups = sim.requests.filter(
        (r) =>
          r.operation !== 'GetVMDeployOrder' &&
          r.method === 'GET' &&
          r.operation !== 'GetPipelineEmasArtifactUrl' &&
          r.operation !== 'GetVMDeployMachineLog',
      );
      const pages = lookups.filter((r) => r.operation === 'ListPipelineJobHistorys').length;
      rows.push({
        figure: 'requests: resolution',
        measured: `${lookups.length} calls (${pages} history pages)`,
        target: `<= 4 + history pages = ${3 + pages}`,
        ok: lookups.length <= 3 + pages,
      });
    },
    { clock: { mode: 'time', tickMs: 400 } },
  );
}

// ---------------------------------------------------------------------------------------------
// CPU and memory of watches, from outside: the process's own CPU accounting (every thread, counted
// by the kernel when the bench reaps it) and its peak resident memory.

interface Watch {
  polls: number;
  cpuMs: number;
  peakMib: number;
  code: number | null;
}

/**
 * One watch of an order of `n` machines that keep running, so that every poll reads the whole
 * order, and succeed on poll `polls` (the first read starts them, the last one finds them done).
 */
async function watch(
  n: number,
  polls: number,
  memory: PeakMemory,
  capture?: (body: string | Buffer) => void,
): Promise<Watch> {
  const s = scenario({ batches: [machines(n, 1, { runTicks: polls - 2 })] });
  return withSim(
    s,
    async (sim) => {
      const before = childrenCpuMs();
      const { run, mib } = await watched(memory, {
        inputs: gateInputs(sim, s, {
          'deploy-order-id': s.deployOrderId,
          'poll-interval': '100ms',
          timeout: '10m',
        }),
        killAfterMs: 600_000,
      });
      const cpuMs = childrenCpuMs() - before;
      const reads = sim.requests.filter((r) => r.operation === 'GetVMDeployOrder').length;
      if (run.code !== 0)
        throw new Error(`a ${n}-machine watch ended ${run.code}: ${run.stdout.slice(-2000)}${run.stderr}`);
      return { polls: reads, cpuMs, peakMib: mib, code: run.code };
    },
    capture ? { capture } : {},
  );
}

/**
 * A plain `node` (default flags, no NODE_OPTIONS) timing JSON.parse of `file`: the median CPU ms per
 * parse (the process's, every thread: counted as the action's is) and the median wall ms.
 */
function jsonParse(file: string): { cpuMs: number; wallMs: number } {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '' };
  const r = spawnSync(process.execPath, [JSON_PARSE, file, String(quick ? 15 : 40)], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) throw new Error(`json-parse.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { cpuMs: number; wallMs: number };
}

async function cpuAndMemory(): Promise<void> {
  const memory = new PeakMemory();
  const dir = mkdtempSync(join(tmpdir(), 'ydg-bench-'));
  const answer = join(dir, 'order.json');
  let bytes = 0;
  const capture = (body: string | Buffer): void => {
    bytes = Buffer.byteLength(body);
    writeFileSync(answer, body);
  };
  try {
    // Long and short watches interleaved, and a JSON.parse of the same answer after each pair.
    const long: Watch[] = [];
    const short: Watch[] = [];
    const parse: number[] = [];
    const parseWall: number[] = [];
    for (let i = 0; i < CPU_REPEATS; i++) {
      long.push(await watch(CPU_MACHINES, LONG_POLLS, memory, i === 0 ? capture : undefined));
      short.push(await watch(CPU_MACHINES, SHORT_POLLS, memory));
      const p = jsonParse(answer);
      parse.push(p.cpuMs);
      parseWall.push(p.wallMs);
    }
    const cpu = (ws: Watch[]): number[] => ws.map((w) => w.cpuMs);
    const polls = median(long.map((w) => w.polls)) - median(short.map((w) => w.polls));
    const perPoll = (median(cpu(long)) - median(cpu(short))) / polls;
    const ratio = perPoll / median(parse);
    rows.push({
      figure: `marginal CPU per poll, ${num(CPU_MACHINES)} machines (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
      measured:
        `${ms(perPoll)} = ${ratio.toFixed(2)} x JSON.parse in plain node ${stat(parse, ms)} (wall ${ms(median(parseWall))}); ` +
        `watch CPU, ${LONG_POLLS} polls ${stat(cpu(long), ms)}, ${SHORT_POLLS} polls ${stat(cpu(short), ms)}`,
      target: '<= 1.5 x JSON.parse',
      ok: ratio <= 1.5,
    });

    // Peak memory of 20-poll watches; at 10,000 machines the long watches above are those.
    const peaks = new Map<number, number[]>([[CPU_MACHINES, long.map((w) => w.peakMib)]]);
    const sizes = quick ? [100] : [100, 50_000];
    for (const n of sizes) peaks.set(n, []);
    for (let i = 0; i < MEMORY_REPEATS; i++)
      for (const n of sizes) peaks.get(n)!.push((await watch(n, LONG_POLLS, memory)).peakMib);
    const targets: Record<number, number> = { 100: 75, 10_000: 95, 50_000: 140 };
    for (const n of [100, 10_000, 50_000]) {
      const p = peaks.get(n);
      if (!p) {
        rows.push({
          figure: `peak memory, ${LONG_POLLS}-poll watch, ${num(n)} machines`,
          measured: 'not measured (--quick)',
          target: `<= ${targets[n]} MiB`,
          ok: true,
        });
        continue;
      }
      rows.push({
        figure: `peak memory, ${LONG_POLLS}-poll watch, ${num(n)} machines`,
        measured: `${mib(median(p))} (runs: ${p.map((x) => x.toFixed(1)).join(', ')})`,
        target: `<= ${targets[n]} MiB`,
        ok: median(p) <= targets[n]!,
      });
    }
  } finally {
    await memory.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The job summary of a large order with failed and skipped machines. */
async function summary(): Promise<void> {
  const n = quick ? 1000 : 10_000;
  const b = machines(n, 1);
  for (let i = 0; i < n / 50; i++) b[i * 50] = { ...b[i * 50]!, unreachable: true }; // 2% skipped
  for (let i = 0; i < n / 100; i++) b[i * 100 + 7] = { ...b[i * 100 + 7]!, failTimes: Infinity }; // 1% failed
  const s = scenario({ batches: [b] });
  await withSim(s, async (sim) => {
    const run = await runAction({
      action: YUNXIAO,
      inputs: gateInputs(sim, s, {
        'poll-interval': '200ms',
        'skip-unreachable': 'true',
        'max-skipped': '5%',
      }),
    });
    const size = Buffer.byteLength(run.summary);
    const listed = sim
      .order()
      .machines.filter((m) => m.status === 'Failed' || m.status === 'Skipped')
      .every((m) => run.summary.includes(`\`${m.spec.sn}\``));
    rows.push({
      figure: `summary size, ${num(n)} machines`,
      measured: `${(size / 1024).toFixed(1)} KiB, every failed/skipped listed: ${listed}`,
      target: '< 1 MiB, all listed',
      ok: size < 1024 * 1024 && listed,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// In-process diagnostics, not targets: one poll's work timed inside a process with the action's V8
// flags, beside JSON.parse under the same flags (a first read of every element: no memo of the
// last poll's; the target is the figure measured outside).

function inProcess(): void {
  const sizes = quick ? [100, 1000] : [100, 1000, 10_000];
  const child = spawnSync(
    process.execPath,
    [...V8_FLAGS, '--import', 'tsx', join(HERE, 'bench-cpu.ts'), ...sizes.map(String)],
    {
      encoding: 'utf8',
      cwd: ROOT,
    },
  );
  if (child.status !== 0) throw new Error(`bench-cpu.ts failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').pop() ?? '[]') as CpuFigure[];
  for (const f of figures) {
    diagnosticRows.push({
      figure: `in-process poll, ${num(f.machines)} machines (${(f.bytes / 1e6).toFixed(2)} MB)`,
      measured: `${ms(f.pollMs)} = ${(f.pollMs / f.jsonParseMs).toFixed(2)} x JSON.parse under the same flags (${ms(f.jsonParseMs)}); ${((f.pollMs * 1000) / f.machines).toFixed(2)} µs per machine`,
      target: 'none (diagnostics)',
      ok: true,
    });
  }
}

// ---------------------------------------------------------------------------------------------

const startedAt = new Date();
console.log(`Benchmark of ${YUNXIAO.dist} and ${CODEARTS.dist} (${quick ? 'quick' : 'full'})`);
console.log(`${startedAt.toISOString()}, ${machine()}`);
if (runs('startup')) await startup();
if (runs('behaviour')) {
  await detection();
  await reaction();
  await requests();
}
if (runs('cpu')) await cpuAndMemory();
if (runs('summary')) await summary();
if (runs('diagnostics')) inProcess();

/** status, figure, target, then what was measured (the longest column last) */
const table = (list: Row[], measured: string): void => {
  const fw = Math.max('figure'.length, ...list.map((r) => r.figure.length));
  const tw = Math.max('target'.length, ...list.map((r) => r.target.length));
  console.log(`      ${'figure'.padEnd(fw)}  ${'target'.padEnd(tw)}  ${measured}`);
  for (const r of list)
    console.log(`${r.ok ? 'ok  ' : 'MISS'}  ${r.figure.padEnd(fw)}  ${r.target.padEnd(tw)}  ${r.measured}`);
};
console.log('');
if (rows.length) table(rows, 'measured (medians)');
if (sideBySide.length) {
  console.log('');
  console.log(
    `Side by side, interleaved, medians. Start-up: spawn to the first request its server reads (node -e 0: to ` +
      `its exit). CPU: the process's, every thread, when that request is read (less touched by a busy machine ` +
      `than the wall time). Memory: peak over its first ${WINDOW_MS / 1000} s or its life.`,
  );
  const header = ['process', 'start-up', 'CPU by the first request', 'peak memory'];
  const widths = header.map((h, i) => Math.max(h.length, ...sideBySide.map((r) => r[i]!.length)));
  for (const r of [header, ...sideBySide])
    console.log(`      ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`);
}
if (diagnosticRows.length) {
  console.log('');
  console.log(
    "In-process diagnostics, not targets (this checkout's src/, timed inside one process with the action's V8 flags, " +
      'beside JSON.parse under the same flags; every element read, none remembered from a last poll):',
  );
  table(diagnosticRows, 'measured');
}
console.log('');
console.log(
  `${new Date().toISOString()}, ${machine()}; ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`,
);
const missed = rows.filter((r) => !r.ok);
console.log(
  missed.length
    ? `${missed.length} target(s) missed: ${missed.map((r) => r.figure).join('; ')}`
    : 'Every target met.',
);
