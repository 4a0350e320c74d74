// GitHub's own tool for running an action locally (@github/local-action) runs src/main.ts from
// source with @actions/core replaced by its own: the failure must reach its exit status, the
// outputs its table, and no secret its log (README: Run it locally).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/runner.js';
import { machines, scenario, startSimulator } from '../../sim/yunxiao/index.js';
import { ORG, TOKEN } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'ydg-local-action-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function localAction(envFile: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('npx', ['local-action', 'run', '.', 'src/main.ts', envFile], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? dir, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

describe('npx @github/local-action run . src/main.ts .env', () => {
  it('a failed deploy: exit status 1, the outputs in its table, no secret in the log', async () => {
    const sim = await startSimulator({
      edition: 'central',
      organizationId: ORG,
      token: TOKEN,
      scenario: scenario({ batches: [machines(1, 1, { failTimes: Infinity })] }),
    });
    try {
      const envFile = join(dir, 'test.env');
      writeFileSync(
        envFile,
        [
          `INPUT_TOKEN=${TOKEN}`,
          `INPUT_ENDPOINT=${sim.url}`,
          'INPUT_EDITION=central',
          `INPUT_ORGANIZATION-ID=${ORG}`,
          'INPUT_PIPELINE-ID=1234567',
          'INPUT_POLL-INTERVAL=100ms',
          'INPUT_TIMEOUT=20s',
          `RUNNER_TEMP=${dir}`,
        ].join('\n'),
      );
      const { code, out } = await localAction(envFile);
      expect(code, out).toBe(1);
      expect(out).toContain('Action Outputs');
      expect(out).toMatch(/'result'\s*│\s*'failure'/);
      expect(out).toMatch(/'failed-machines'\s*│\s*'\["m1-01"\]'/);
      expect(out).not.toContain('::add-mask::');
      expect(out).not.toContain(TOKEN);
    } finally {
      await sim.close();
    }
  }, 120_000);
});
