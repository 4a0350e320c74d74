// The benchmark is not a test of speed (timed tests are not allowed); this only checks that it runs
// to the end on a small size and prints every figure next to its target.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

it('npm run bench -- --quick runs to the end and prints every figure', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  for (const figure of [
    'start-up',
    'start-up: CodeArts gate beside the Yunxiao gate',
    'detection',
    'reaction',
    'requests: GetVMDeployOrder',
    'requests: resolution',
    'CPU per poll, 100 machines',
    'CPU per poll: linearity',
    'peak memory',
    'summary size',
  ]) {
    expect(r.stdout).toContain(figure);
  }
  expect(r.stdout).toMatch(/Every target met\.|target\(s\) missed:/);
}, 150_000);
