// npm run demo: the bundled action against the embedded simulator, as a runner would run it.
// A realistic host deploy: a dozen machines in three batches, one host whose agent is unreachable,
// skip-unreachable on. Shows the log live, then where the summary and the report are, and the summary.
import { summaryToText } from './lib/summary-text.js';
import { demoScenario, startSimulator } from '../sim/yunxiao/index.js';
import { runAction } from './lib/runner.js';

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
console.log('Running dist/index.js as the runner would, with:');
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
for (const [k, v] of Object.entries(inputs)) console.log(`  ${k}: ${k === 'token' ? '***' : v}`);
console.log('─'.repeat(80));

try {
  const run = await runAction({
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
