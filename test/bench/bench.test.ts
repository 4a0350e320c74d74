// The benchmark is not a test of speed (timed tests are not allowed); this only checks that it runs
// to the end on its quick settings and prints every figure next to its target, the side-by-side
// table (with another "action" given on the command line: the bench's own one-request fixture,
// against the fake server) and the in-process diagnostics.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

it('npm run bench -- --quick runs to the end and prints every figure', () => {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/bench.ts',
      '--quick',
      '--other',
      'fixture=scripts/bench/one-request.cjs',
      '--other-input',
      'fixture:endpoint={fake}',
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const figures = [
    'start-up to the first request, Yunxiao gate',
    'start-up: CodeArts gate beside the Yunxiao gate',
    'detection',
    'reaction',
    'requests: GetVMDeployOrder',
    'requests: resolution',
    'marginal CPU per poll, 10,000 machines',
    'peak memory, 20-poll watch, 100 machines',
    'peak memory, 20-poll watch, 10,000 machines',
    'peak memory, 20-poll watch, 50,000 machines',
    'summary size',
  ];
  for (const figure of figures) expect(r.stdout).toMatch(new RegExp(`^(ok  |MISS)  ${escape(figure)}`, 'm'));
  for (const process of ['node -e 0', 'CommonJS, one node:http request', 'Yunxiao gate', 'CodeArts gate'])
    expect(r.stdout).toMatch(new RegExp(`^ {6}${escape(process)} +\\d`, 'm'));
  // the other "action" reached the fake server: a time, not NaN
  expect(r.stdout).toMatch(/^ {6}fixture +\d+\.\d ms = \d/m);
  expect(r.stdout).toContain('in-process poll, 1,000 machines');
  expect(r.stdout).toMatch(/cores, .* GiB, load .*, node v\d+/);
  expect(r.stdout).toMatch(/Every target met\.|target\(s\) missed:/);
}, 150_000);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
