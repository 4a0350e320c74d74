// The quick-start scripts switch to Node 24 without losing the machine's npm configuration (a
// corporate CA, proxy or registry in its global npmrc): npm reads that file from the prefix of the
// node it runs under, and the fetched Node 24 has its own prefix.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/runner.js';

/** A node older than 24 on this machine, outside the project's own .tools/ (none: the switch is not needed). */
function olderNode(): string | undefined {
  const found = execFileSync('bash', ['-c', 'which -a node || true'], { encoding: 'utf8' }).split('\n');
  for (const path of found.filter((p) => p && !p.includes('/.tools/'))) {
    const major = Number(
      execFileSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }),
    );
    if (major < 24) return path;
  }
  return undefined;
}

const machineNpm = (): string =>
  realpathSync(execFileSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

const dir = mkdtempSync(join(tmpdir(), 'ydg-npmrc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/use-node24.sh', () => {
  const old = olderNode();
  it.skipIf(!old)('keeps the global npmrc of the machine’s npm after switching to Node 24', () => {
    // A machine whose node lives in <dir>/bin: its npm's global config is <dir>/etc/npmrc.
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'etc'));
    copyFileSync(old!, join(dir, 'bin/node'));
    writeFileSync(join(dir, 'bin/npm'), `#!/bin/sh\nexec node "${machineNpm()}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'etc/npmrc'), 'maxsockets=13\n');
    const path = `${join(dir, 'bin')}:${dirname(old!)}:/usr/bin:/bin`;
    const run = (script: string): string =>
      execFileSync('bash', ['-c', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: path, HOME: dir },
      }).trim();
    // the machine's own npm reads it
    expect(run('npm config get maxsockets')).toBe('13');
    // and so does npm under the Node 24 the scripts switch to
    expect(
      run('source scripts/use-node24.sh >/dev/null 2>&1; node --version; npm config get maxsockets'),
    ).toMatch(/^v2[4-9]\.\d+\.\d+\n13$/);
  });
});
