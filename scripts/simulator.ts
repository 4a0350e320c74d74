// npm run simulator -- [--edition central|region] [--port N] [--tick-ms N] [--token pt-...]
// Starts the Yunxiao simulator with the demo scenario (a dozen machines in three batches, one host
// unreachable) and prints what a caller needs: the endpoint, the token, the ids. Requests are
// logged as they arrive. Poll clock by default (each GetVMDeployOrder advances the deploy one
// step); --tick-ms runs it on a timer instead. Ctrl-C stops it.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { demoScenario, startSimulator } from '../sim/yunxiao/index.js';

const { values } = parseArgs({
  options: {
    edition: { type: 'string', default: 'central' },
    port: { type: 'string' },
    'tick-ms': { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'usage: tsx scripts/simulator.ts [--edition central|region] [--port N] [--tick-ms N] [--token pt-...]',
  );
  process.exit(0);
}
const edition = values.edition;
if (edition !== 'central' && edition !== 'region') {
  console.error(`--edition must be central or region, not ${edition}`);
  process.exit(2);
}
const port = values.port === undefined ? undefined : Number(values.port);
const tickMs = values['tick-ms'] === undefined ? undefined : Number(values['tick-ms']);
if ((port !== undefined && !Number.isInteger(port)) || (tickMs !== undefined && !(tickMs > 0))) {
  console.error('--port and --tick-ms take positive integers');
  process.exit(2);
}

// A throwaway token for this simulator only (or the one given, as .env.example does): printing it is the point.
const token = values.token ?? `pt-sim${randomBytes(12).toString('hex')}`;
const organizationId = edition === 'central' ? '5f8a1c2e9d3b7a6f4e2d1c0b' : undefined;
const scenario = demoScenario();
const sim = await startSimulator({
  edition,
  organizationId,
  token,
  scenario,
  port,
  clock: tickMs ? { mode: 'time', tickMs } : { mode: 'poll' },
});

const api = `${sim.url}/oapi/v1/flow${organizationId ? `/organizations/${organizationId}` : ''}`;
const lines: Array<[string, string]> = [
  ['endpoint', sim.url],
  ['API base', api],
  ['edition', edition],
  ...(organizationId ? [['organization-id', organizationId] as [string, string]] : []),
  ['token (x-yunxiao-token)', token],
  ['pipeline-id', scenario.pipelineId],
  ['pipeline-run-id', scenario.pipelineRunId],
  ['deploy-order-id', scenario.deployOrderId],
  ['deploy jobs', scenario.jobs.map((j) => `${j.identifier} (${j.jobName}, last job ${j.jobId})`).join(', ')],
  ['machines', scenario.batches.map((b, i) => `batch ${i + 1}: ${b.map((m) => m.sn).join(' ')}`).join('; ')],
  [
    'unreachable',
    scenario.batches
      .flat()
      .filter((m) => m.unreachable)
      .map((m) => m.sn)
      .join(', '),
  ],
  ['clock', tickMs ? `a step every ${tickMs} ms` : 'a step per GetVMDeployOrder'],
];
console.log('Yunxiao Flow OpenAPI simulator (demo scenario)');
for (const [k, v] of lines) console.log(`  ${k.padEnd(24)} ${v}`);
console.log('\nTry:');
console.log(
  `  curl -s -H 'x-yunxiao-token: ${token}' ${api}/pipelines/${scenario.pipelineId}/deploy/${scenario.deployOrderId}`,
);
console.log('Ctrl-C to stop.\n');

// The request log, as it grows (headers stay out of it: they carry the token).
let shown = 0;
const printer = setInterval(() => {
  for (; shown < sim.requests.length; shown++) {
    const r = sim.requests[shown]!;
    const fault = r.fault ? ` [fault ${r.fault}]` : '';
    console.log(
      `${new Date(r.at).toISOString()} ${r.method} ${r.path} -> ${r.operation} ${r.status}${fault}`,
    );
  }
}, 200);

let order = '';
const watcher = setInterval(() => {
  const o = sim.order();
  const now = `${o.status} batch ${o.currentBatch}/${o.totalBatch}`;
  if (now !== order) console.log(`  order ${scenario.deployOrderId}: ${(order = now)}`);
}, 200);

const stop = async (): Promise<void> => {
  clearInterval(printer);
  clearInterval(watcher);
  await sim.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
