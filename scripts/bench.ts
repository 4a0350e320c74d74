// npm run bench: figures of the bundled action against the simulator, each a median over repeated
// runs, next to its target. Not a test: it prints what it measures and which targets it misses.
//   bash scripts/dev.sh bench            full run
//   bash scripts/dev.sh bench -- --quick small sizes and few repeats (the test suite runs this)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { V8_FLAGS } from '../src/runner/v8-flags.js';
import { machines, scenario, startSimulator, type Scenario, type Simulator } from '../sim/yunxiao/index.js';
import { scenario as codeArtsScenario, startCodeArtsSimulator } from '../sim/codearts/index.js';
import type { CpuFigure } from './bench-cpu.js';
import { DIST, ROOT, runAction, type ActionRun } from './lib/runner.js';

const quick = process.argv.includes('--quick');
const REPEATS = quick ? 3 : 11;
const TOKEN = 'pt-bench';
const ORG = 'bench-org';

interface Row {
  figure: string;
  measured: string;
  target: string;
  ok: boolean;
}
const rows: Row[] = [];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function withSim<T>(
  s: Scenario,
  clock: { mode: 'poll' } | { mode: 'time'; tickMs: number },
  body: (sim: Simulator) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({
    edition: 'central',
    organizationId: ORG,
    token: TOKEN,
    scenario: s,
    clock,
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

/** Wall time of the process until the first request reaches the simulator. */
async function startupOnce(): Promise<number> {
  const s = scenario();
  return withSim(s, { mode: 'poll' }, async (sim) => {
    const started = performance.timeOrigin + performance.now();
    const done = runAction({
      inputs: gateInputs(sim, s, { 'deploy-order-id': s.deployOrderId, 'poll-interval': '100ms' }),
    });
    await done;
    const first = sim.requests[0]?.at ?? NaN;
    return first - started;
  });
}

/** The same for the CodeArts gate, watching a run by id (its first request reads that run). */
async function codeArtsStartupOnce(): Promise<number> {
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
    const runId = started.ok ? started.run.id : '';
    const t0 = performance.timeOrigin + performance.now();
    await runAction({
      action: 'codearts',
      inputs: {
        endpoint: sim.url,
        'access-key': AK,
        'secret-key': SK,
        'project-id': PROJECT,
        'pipeline-id': s.pipelineId,
        'pipeline-run-id': runId,
        'poll-interval': '100ms',
        timeout: '2m',
      },
    });
    return (sim.requests[0]?.at ?? NaN) - t0;
  } finally {
    await sim.close();
  }
}

function emptyNodeOnce(): number {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - t;
}

async function startup(): Promise<void> {
  const app: number[] = [];
  const codeArts: number[] = [];
  const empty: number[] = [];
  // Interleaved, so that the machine's drift touches all three alike.
  for (let i = 0; i < REPEATS; i++) {
    empty.push(emptyNodeOnce());
    app.push(await startupOnce());
    codeArts.push(await codeArtsStartupOnce());
  }
  const ratio = median(app) / median(empty);
  rows.push({
    figure: 'start-up (process start to first request)',
    measured: `${ms(median(app))} = ${ratio.toFixed(2)} x node -e 0 (${ms(median(empty))})`,
    target: '<= 3.5 x node -e 0',
    ok: ratio <= 3.5,
  });
  const side = median(codeArts) / median(app);
  rows.push({
    figure: 'start-up: CodeArts gate beside the Yunxiao gate',
    measured: `${ms(median(codeArts))} = ${side.toFixed(2)} x the Yunxiao gate's`,
    target: 'within 10 % (0.90 to 1.10 x)',
    ok: side >= 0.9 && side <= 1.1,
  });
}

/** The order reaching its final status to the process exiting, with the simulator on a real clock. */
async function detection(): Promise<void> {
  const pollMs = 1000;
  const lags: number[] = [];
  for (let i = 0; i < Math.min(REPEATS, quick ? 2 : 5); i++) {
    const s = scenario({ batches: [machines(3, 1), machines(3, 2)] });
    lags.push(
      await withSim(s, { mode: 'time', tickMs: 170 + i * 37 }, async (sim) => {
        let exitedAt = 0;
        await runAction({
          inputs: gateInputs(sim, s, { 'poll-interval': `${pollMs}ms` }),
          onSpawn: (c) => c.on('exit', () => (exitedAt = Date.now())),
        });
        return exitedAt - (sim.finalAt ?? NaN);
      }),
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
  const between = await withSim(s, { mode: 'poll' }, async (sim) => {
    await runAction({
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
  await withSim(s, { mode: 'time', tickMs: 400 }, async (sim) => {
    const run: ActionRun = await runAction({
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
  });
}

/**
 * Cost of one poll (read the answer from its bytes, decide, log changes) against a plain JSON.parse
 * of the same answer, both timed in a child process that runs with the action's V8 flags.
 */
function cpuPerPoll(): void {
  const sizes = quick ? [100, 1000] : [100, 1000, 10_000];
  const child = spawnSync(
    process.execPath,
    [...V8_FLAGS, '--import', 'tsx', join(import.meta.dirname, 'bench-cpu.ts'), ...sizes.map(String)],
    { encoding: 'utf8', cwd: ROOT },
  );
  if (child.status !== 0) throw new Error(`bench-cpu.ts failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').pop() ?? '[]') as CpuFigure[];
  const perMachine: number[] = [];
  for (const f of figures) {
    perMachine.push((f.pollMs * 1000) / f.machines);
    rows.push({
      figure: `CPU per poll, ${f.machines} machines (${(f.bytes / 1e6).toFixed(2)} MB)`,
      measured: `${ms(f.pollMs)} = ${(f.pollMs / f.jsonParseMs).toFixed(2)} x JSON.parse (${ms(f.jsonParseMs)})`,
      target: f.machines === 10_000 ? '<= 2 x JSON.parse' : 'linear',
      ok: f.machines < 10_000 || f.pollMs <= 2 * f.jsonParseMs,
    });
  }
  const spread = Math.max(...perMachine) / Math.min(...perMachine);
  rows.push({
    figure: 'CPU per poll: linearity',
    measured: `${perMachine.map((x) => x.toFixed(2)).join(' / ')} µs per machine`,
    target: 'about constant per machine (< 3x spread)',
    ok: spread < 3,
  });
}

/** Peak RSS of a whole watch (median of runs), read from /proc while the action runs; and the summary. */
async function memoryAndSummary(): Promise<void> {
  const n = quick ? 1000 : 10_000;
  const b = machines(n, 1);
  for (let i = 0; i < n / 50; i++) b[i * 50] = { ...b[i * 50]!, unreachable: true }; // 2% skipped
  for (let i = 0; i < n / 100; i++) b[i * 100 + 7] = { ...b[i * 100 + 7]!, failTimes: Infinity }; // 1% failed
  const peaks: number[] = [];
  let summaryRow: Row | undefined;
  for (let r = 0; r < (quick ? 1 : 3); r++) {
    const s = scenario({ batches: [b] });
    await withSim(s, { mode: 'poll' }, async (sim) => {
      let peakKb = 0;
      let timer: NodeJS.Timeout | undefined;
      const run = await runAction({
        inputs: gateInputs(sim, s, {
          'poll-interval': '200ms',
          'skip-unreachable': 'true',
          'max-skipped': '5%',
        }),
        onSpawn: (child) => {
          timer = setInterval(() => {
            try {
              const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
            } catch {
              // the process has exited
            }
          }, 20);
        },
      });
      clearInterval(timer);
      peaks.push(peakKb / 1024);
      const size = Buffer.byteLength(run.summary);
      const listed = sim
        .order()
        .machines.filter((m) => m.status === 'Failed' || m.status === 'Skipped')
        .every((m) => run.summary.includes(`\`${m.spec.sn}\``));
      summaryRow = {
        figure: `summary size, ${n} machines`,
        measured: `${(size / 1024).toFixed(1)} KiB, every failed/skipped listed: ${listed}`,
        target: '< 1 MiB, all listed',
        ok: size < 1024 * 1024 && listed,
      };
    });
  }
  const peak = median(peaks);
  rows.push({
    figure: `peak memory of a whole watch, ${n} machines`,
    measured: `${peak.toFixed(1)} MiB (runs: ${peaks.map((p) => p.toFixed(0)).join(', ')})`,
    target: '<= 120 MiB',
    ok: peak > 0 && peak <= 120,
  });
  if (summaryRow) rows.push(summaryRow);
}

console.log(
  `Benchmark of ${DIST} (${quick ? 'quick' : `${REPEATS} repeats`}), node ${process.version}, ${new Date().toISOString()}`,
);
await startup();
await detection();
await reaction();
await requests();
cpuPerPoll();
await memoryAndSummary();

const width = Math.max(...rows.map((r) => r.figure.length));
const mw = Math.max(...rows.map((r) => r.measured.length));
for (const r of rows)
  console.log(
    `${r.ok ? 'ok  ' : 'MISS'}  ${r.figure.padEnd(width)}  ${r.measured.padEnd(mw)}  target ${r.target}`,
  );
const missed = rows.filter((r) => !r.ok);
console.log(
  missed.length
    ? `${missed.length} target(s) missed: ${missed.map((r) => r.figure).join('; ')}`
    : 'Every target met.',
);
