// One version, package.json's: the source reads it, and the bundle carries it (inlined by the
// bundler, alone: none of the rest of package.json goes into dist/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../../scripts/lib/runner.js';
import { USER_AGENT, VERSION } from '../../src/version.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  description: string;
};

describe('the version', () => {
  it('is package.json’s, in the source', () => {
    expect(VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`yunxiao-deploy-gate/${pkg.version}`);
  });

  it('is package.json’s, in the bundle as it runs', async () => {
    const run = await runAction({ inputs: {} }); // refused inputs: it stops before any request
    expect(run.stdout).toContain(`::debug::yunxiao-deploy-gate ${pkg.version}\n`);
  });

  it('comes alone into dist/: nothing else of package.json does', () => {
    const bundle = readdirSync(join(ROOT, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'))
      .join('\n');
    expect(bundle).toContain(`"${pkg.version}"`);
    expect(bundle).not.toContain(pkg.description);
    expect(bundle).not.toContain('"typecheck"');
  });
});
