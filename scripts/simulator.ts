// npm run simulator -- [--provider yunxiao|codearts] [--edition central|region] [--port N]
//                      [--tick-ms N] [--token T] [--background [--log FILE]]
// Starts a simulator with its demo scenario (Yunxiao: a dozen machines in three batches, one host
// unreachable; CodeArts: build and tests, a manual review, a deploy) and prints what a caller needs:
// the endpoint, throwaway credentials, the ids. Poll clock by default (each status read advances
// one step); --tick-ms runs it on a timer instead.
// In the foreground it logs requests as they arrive until Ctrl-C. With --background it starts the
// simulator in a process of its own, waits until it listens, prints the same fields (and writes them
// as step outputs when GITHUB_OUTPUT is set, as in a workflow), plus `pid` and `log`, and exits;
// `kill <pid>` stops the simulator.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROVIDERS, startDemoSimulator, type Field, type ProviderName } from './lib/simulators.js';

const USAGE =
  'usage: tsx scripts/simulator.ts [--provider yunxiao|codearts] [--edition central|region] [--port N] ' +
  '[--tick-ms N] [--token T] [--background [--log FILE]]';
const { values } = parseArgs({
  options: {
    provider: { type: 'string', default: 'yunxiao' },
    edition: { type: 'string' },
    port: { type: 'string' },
    'tick-ms': { type: 'string' },
    token: { type: 'string' },
    background: { type: 'boolean' },
    log: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const usage = (problem: string): never => {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
};
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const provider = values.provider as ProviderName;
if (!PROVIDERS.includes(provider)) usage(`--provider must be ${PROVIDERS.join(' or ')}, not ${provider}`);
const edition = values.edition ?? (provider === 'yunxiao' ? 'central' : undefined);
if (provider === 'yunxiao' && edition !== 'central' && edition !== 'region')
  usage(`--edition must be central or region, not ${edition}`);
if (provider !== 'yunxiao' && edition !== undefined) usage('--edition is for the Yunxiao simulator only');
const port = values.port === undefined ? undefined : Number(values.port);
const tickMs = values['tick-ms'] === undefined ? undefined : Number(values['tick-ms']);
if ((port !== undefined && !Number.isInteger(port)) || (tickMs !== undefined && !(tickMs > 0)))
  usage('--port and --tick-ms take positive integers');

// The process a --background start runs the simulator in (it reports to its parent when it listens).
const CHILD = process.env['SIMULATOR_BACKGROUND_CHILD'] === '1';
const outputFile = process.env['GITHUB_OUTPUT'];

if (values.background) await startInBackground();
else await serve();

async function serve(): Promise<void> {
  const sim = await startDemoSimulator(provider, {
    port,
    tickMs,
    token: values.token,
    edition: edition as 'central' | 'region' | undefined,
  });
  // The log of a background simulator is a file anybody may print: no credential goes into it.
  printFields(sim.title, sim.fields, CHILD);
  const hide = (text: string): string =>
    sim.fields.reduce((t, f) => (f.secret ? t.split(f.value).join('***') : t), text);
  for (const note of sim.notes) console.log(`  ${CHILD ? hide(note) : note}`);
  console.log(CHILD ? '' : 'Ctrl-C to stop.\n');
  if (CHILD) process.send?.({ fields: sim.fields });

  // The request log, as it grows, and the state whenever it changes.
  let shown = 0;
  let state = '';
  const printer = setInterval(() => {
    const requests = sim.requests();
    for (; shown < requests.length; shown++) {
      const r = requests[shown]!;
      const fault = r.fault ? ` [fault ${r.fault}]` : '';
      console.log(
        `${new Date(r.at).toISOString()} ${r.method} ${r.path} -> ${r.operation} ${r.status}${fault}`,
      );
    }
    const now = sim.state();
    if (now !== state) console.log(`  ${(state = now)}`);
  }, 200);
  const stop = async (): Promise<void> => {
    clearInterval(printer);
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function startInBackground(): Promise<void> {
  const log =
    values.log ??
    join(mkdtempSync(join(process.env['RUNNER_TEMP'] ?? tmpdir(), 'simulator-')), `${provider}.log`);
  const fd = openSync(log, 'a');
  const args = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--background' && !/^--log(=|$)/.test(a) && all[i - 1] !== '--log');
  // Its own process group (detached): it outlives this process and the workflow step that ran it.
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    detached: true,
    stdio: ['ignore', fd, fd, 'ipc'],
    env: { ...process.env, SIMULATOR_BACKGROUND_CHILD: '1' },
  });
  const gaveUp = (why: string): never => {
    console.error(`The simulator ${why}. Its log (${log}):\n${readFileSync(log, 'utf8')}`);
    process.exit(1);
  };
  // A simulator starts in a second or two; a step should not wait for one that never will.
  const bound = setTimeout(() => {
    child.kill('SIGKILL');
    gaveUp('did not listen within 60 s');
  }, 60_000);
  const fields = await new Promise<Field[]>((resolve) => {
    child.once('message', (m) => resolve((m as { fields: Field[] }).fields));
    child.once('exit', (code, signal) => gaveUp(`stopped before it listened (${signal ?? `exit ${code}`})`));
  });
  clearTimeout(bound);
  child.removeAllListeners('exit');
  child.disconnect();
  child.unref();

  const all = [...fields, { key: 'pid', value: String(child.pid) }, { key: 'log', value: log }];
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    // Masked before any line shows them: the runner then hides them wherever they appear later.
    for (const f of all.filter((f) => f.secret)) console.log(`::add-mask::${f.value}`);
  }
  if (outputFile) {
    for (const f of all) {
      if (/[\r\n]/.test(f.value)) throw new Error(`${f.key}: a value on more than one line`);
      appendFileSync(outputFile, `${f.key}=${f.value}\n`);
    }
  }
  printFields('Started in the background:', all, outputFile !== undefined);
  console.log(
    `${outputFile ? 'Written to GITHUB_OUTPUT as step outputs. ' : ''}Stop it with: kill ${child.pid}`,
  );
}

function printFields(title: string, fields: readonly Field[], hideSecrets: boolean): void {
  console.log(title);
  for (const f of fields) console.log(`  ${f.key.padEnd(22)} ${f.secret && hideSecrets ? '***' : f.value}`);
}
