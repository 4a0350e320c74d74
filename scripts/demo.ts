// npm run demo [codearts]: a bundled action against its embedded simulator, as a runner would run it.
// Yunxiao (default): a realistic host deploy, a dozen machines in three batches, one host whose agent
// is unreachable, skip-unreachable on. CodeArts: a build with unit tests, a manual review the gate
// passes, and a deploy. Shows the log live, then where the summary and the report are, and the summary.
import { demoScenario as codeArtsDemo, startCodeArtsSimulator } from '../sim/codearts/index.js';
import { demoScenario, startSimulator } from '../sim/yunxiao/index.js';
import { runAction, type ActionName } from './lib/runner.js';
import { summaryToText } from './lib/summary-text.js';

const which = (process.argv[2] ?? 'yunxiao') as ActionName;
if (which !== 'yunxiao' && which !== 'codearts') {
  console.error(`usage: npm run demo [yunxiao|codearts], not ${String(which)}`);
  process.exit(2);
}
const { sim, inputs, hidden } = which === 'codearts' ? await codeArts() : await yunxiao();
console.log(`Running dist/${which === 'codearts' ? 'codearts/' : ''}index.js as the runner would, with:`);
for (const [k, v] of Object.entries(inputs)) console.log(`  ${k}: ${hidden.includes(k) ? '***' : v}`);
console.log('─'.repeat(80));

try {
  const run = await runAction({
    action: which,
    inputs,
    keep: true,
    onStdout: (chunk) => process.stdout.write(prettyCommands(chunk)),
  });
  console.log('─'.repeat(80));
  console.log(
    `Exit code ${run.code} after ${(run.wallMs / 1000).toFixed(1)} s; ${sim.requests.length} API requests.`,
  );
  console.log('Outputs:');
  for (const [k, v] of Object.entries(run.outputs)) console.log(`  ${k} = ${v}`);
  console.log(`Job summary: ${run.summaryPath}`);
  console.log(`JSON report: ${run.outputs['report-path'] ?? '(none)'}`);
  console.log('─'.repeat(80));
  console.log(summaryToText(run.summary));
  process.exitCode = run.code === 0 ? 0 : 1;
} finally {
  await sim.close();
}

/** Workflow commands as a person reads them in the Actions log. */
function prettyCommands(text: string): string {
  return text
    .replace(/^::add-mask::.*\n/gm, '')
    .replace(/^::group::(.*)$/gm, '▸ $1')
    .replace(/^::endgroup::\n/gm, '')
    .replace(
      /^::(error|warning|notice)[^:]*::(.*)$/gm,
      (_m, level: string, msg: string) => `${level.toUpperCase()}: ${msg}`,
    )
    .replace(/^::debug::.*\n/gm, '')
    .replace(/^::(stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::)\n/gm, '');
}

async function yunxiao(): Promise<{
  sim: { requests: unknown[]; close(): Promise<void> };
  inputs: Record<string, string>;
  hidden: string[];
}> {
  const TOKEN = 'pt-demoToken0123456789abcdef';
  const ORG = '5f8a1c2e9d3b7a6f4e2d1c0b';
  const scenario = demoScenario();
  const sim = await startSimulator({
    edition: 'central',
    organizationId: ORG,
    token: TOKEN,
    scenario,
    clock: { mode: 'time', tickMs: 700 },
  });
  console.log(`Simulator of the Yunxiao Flow OpenAPI listening on ${sim.url} (central edition).`);
  const inputs = {
    token: TOKEN,
    endpoint: sim.url,
    edition: 'central',
    'organization-id': ORG,
    'pipeline-id': scenario.pipelineId,
    'skip-unreachable': 'true',
    'max-skipped': '1',
    'poll-interval': '1s',
    timeout: '2m',
  };
  return { sim, inputs, hidden: ['token'] };
}

async function codeArts(): Promise<{
  sim: { requests: unknown[]; close(): Promise<void> };
  inputs: Record<string, string>;
  hidden: string[];
}> {
  const PROJECT = '54f90b75fc1447b1b65e8d3a9f77923d';
  const AK = 'DEMOAK0000000000DEMO';
  const SK = 'demoSK-7f3a9c1e5b2d8f4a6c0e';
  const scenario = codeArtsDemo();
  const sim = await startCodeArtsSimulator({
    projectId: PROJECT,
    scenario,
    auth: { accessKeys: { [AK]: { secretKey: SK } } },
    clock: { mode: 'time', tickMs: 600 },
  });
  console.log(`Simulator of the CodeArts Pipeline v5 API listening on ${sim.url} (AK/SK signed).`);
  const inputs = {
    endpoint: sim.url,
    'access-key': AK,
    'secret-key': SK,
    'project-id': PROJECT,
    'pipeline-id': scenario.pipelineId,
    start: 'true',
    variables: 'VERSION=1.4.2\nCHANNEL=stable',
    'manual-review': 'pass',
    'review-comment': 'approved by the release workflow',
    'poll-interval': '1s',
    timeout: '2m',
  };
  return { sim, inputs, hidden: ['secret-key'] };
}
