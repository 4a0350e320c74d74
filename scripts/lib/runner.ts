// Emulates the GitHub runner for the e2e tests, the demo and the bench. Runs a bundled action (dist/index.js, dist/codearts/index.js) exactly as the runner does: a node process with INPUT_*
// variables (defaults from action.yml filled in, as the runner does), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files and RUNNER_TEMP, and collects what it leaves behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/index.js');
export const FAKE_GITHUB_TOKEN = 'ghs_e2eFakeGithubToken000000000000';

/** The repository's actions: each bundle and the action.yml the runner reads its defaults from. */
export const ACTIONS = {
  yunxiao: { dist: DIST, yml: join(ROOT, 'action.yml') },
  codearts: { dist: join(ROOT, 'dist/codearts/index.js'), yml: join(ROOT, 'codearts/action.yml') },
} as const;
export type ActionName = keyof typeof ACTIONS;

/** Epoch ms with a fraction: the clock of ActionRun.startedAt and of the bench's measures. */
export const now = (): number => performance.timeOrigin + performance.now();
/** One of the repository's actions, or any bundle by path (the bench times other actions' bundles). */
export type ActionSpec = ActionName | { dist: string; yml?: string };

interface ActionYml {
  inputs?: Record<string, { default?: unknown } | null>;
}
const ymls = new Map<string, ActionYml>();
function actionYml(path: string | undefined): ActionYml {
  if (!path) return {};
  let yml = ymls.get(path);
  if (!yml) ymls.set(path, (yml = (parse(readFileSync(path, 'utf8')) as ActionYml | null) ?? {}));
  return yml;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** where the job summary file is (GITHUB_STEP_SUMMARY); gone after the run unless `keep` */
  summaryPath: string;
  /** the parsed JSON report, when report-path was set and the file exists */
  report?: Record<string, unknown>;
  reportText?: string;
  /** the report file's bytes as written */
  reportBytes?: Buffer;
  /** ms from spawn to exit */
  wallMs: number;
  /** epoch ms (now(), fractional) right before the spawn */
  startedAt: number;
}

export interface RunOptions {
  /** which action of the repository (default yunxiao), or a bundle by path */
  action?: ActionSpec;
  /** node's arguments instead of the bundle's path (the bench's baselines: `-e 0`, a fixture script) */
  argv?: string[];
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** called with the child right after spawn (e.g. to send a signal later) */
  onSpawn?: (child: ChildProcess) => void;
  /** kill the child after this long (a test guard; default 60 s) */
  killAfterMs?: number;
  /** called with each chunk of the child's stdout as it arrives (the demo shows the log live) */
  onStdout?: (chunk: string) => void;
  /** keep the run's folder (outputs, summary, report) for a person to open; removed otherwise */
  keep?: boolean;
}

/**
 * The value of an expression in an input's default, as the runner would give it: the contexts a
 * default usually names (github.token, github.repository, runner.debug == '1', ...); '' otherwise.
 */
function expression(expr: string, env: Record<string, string | undefined>): string {
  const known: Record<string, string | undefined> = {
    'github.token': FAKE_GITHUB_TOKEN,
    'github.repository': env['GITHUB_REPOSITORY'],
    'github.repository_owner': env['GITHUB_REPOSITORY']?.split('/')[0],
    'github.sha': env['GITHUB_SHA'],
    'github.run_id': env['GITHUB_RUN_ID'],
    'github.server_url': env['GITHUB_SERVER_URL'],
    'github.api_url': env['GITHUB_API_URL'] ?? 'https://api.github.com',
    'github.graphql_url': env['GITHUB_GRAPHQL_URL'] ?? 'https://api.github.com/graphql',
    'github.workspace': env['GITHUB_WORKSPACE'],
    'github.ref': env['GITHUB_REF'],
    'runner.temp': env['RUNNER_TEMP'],
    'runner.os': env['RUNNER_OS'] ?? 'Linux',
    "runner.debug == '1'": 'false',
  };
  return known[expr] ?? '';
}

/** INPUT_<NAME> as @actions/core reads it: upper-cased, spaces to underscores, hyphens kept. */
function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ydg-e2e-'));
  try {
    return await runIn(dir, opts);
  } finally {
    // also when reading what the run left fails (a report cut short by a kill): no folder left behind
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
  }
}

async function runIn(dir: string, opts: RunOptions): Promise<ActionRun> {
  const outputFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
  };
  const action = opts.action ?? 'yunxiao';
  const { dist, yml } = typeof action === 'string' ? ACTIONS[action] : action;
  const context = { ...env, ...opts.env };
  for (const [name, spec] of Object.entries(actionYml(yml).inputs ?? {}))
    env[inputVar(name)] = String(spec?.default ?? '').replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) =>
      expression(expr, context),
    );
  for (const [name, value] of Object.entries(opts.inputs)) env[inputVar(name)] = value;
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const startedAt = now();
  const child = spawn(process.execPath, opts.argv ?? [dist], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    opts.onStdout?.(d);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  opts.onSpawn?.(child);
  const guard = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (c, s) => done([c, s])),
  );
  clearTimeout(guard);
  const wallMs = now() - startedAt;

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
  const summary = await readFile(summaryFile, 'utf8');
  let report: Record<string, unknown> | undefined;
  let reportText: string | undefined;
  let reportBytes: Buffer | undefined;
  if (outputs['report-path']) {
    reportBytes = await readFile(outputs['report-path']).catch(() => undefined);
    reportText = reportBytes?.toString('utf8');
    if (reportText) report = JSON.parse(reportText) as Record<string, unknown>;
  }
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs,
    summary,
    summaryPath: summaryFile,
    report,
    reportText,
    reportBytes,
    wallMs,
    startedAt,
  };
}

/** The GITHUB_OUTPUT file format: `name<<DELIM\nvalue\nDELIM\n` (or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

/**
 * Everything the action wrote that a person or a later step can see, for checking that no secret
 * leaked. `::add-mask::` commands are consumed by the runner (they are how a secret gets masked).
 */
export function everything(run: ActionRun): string {
  const stdout = run.stdout.replace(/^::add-mask::.*$/gm, '');
  return [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), run.reportText ?? ''].join('\n');
}
