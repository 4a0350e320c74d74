// scripts/simulator.ts --background, as the workflow's action job uses it: the simulator goes on in
// a process of its own, the fields land in GITHUB_OUTPUT, no credential reaches the log unmasked,
// and what it hands over is enough to run the bundled action against it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../../scripts/lib/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'ydg-sim-'));
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Running (an exited process its new parent has not reaped yet, a zombie, is not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc here (macOS)
  }
}

/** Starts a simulator the way a workflow step does; returns its step outputs and what it printed. */
function background(provider: string): { outputs: Record<string, string>; stdout: string } {
  const outputFile = join(dir, `${provider}-output`);
  writeFileSync(outputFile, '');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/simulator.ts', '--provider', provider, '--background'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  started.push(Number(outputs['pid']));
  return { outputs, stdout: r.stdout };
}

/** Each credential is masked by the first lines, and appears nowhere else in the output or the log. */
function expectMasked(stdout: string, log: string, secrets: string[]): void {
  const lines = stdout.split('\n');
  expect(lines.slice(0, secrets.length)).toEqual(secrets.map((s) => `::add-mask::${s}`));
  const rest = lines.slice(secrets.length).join('\n');
  for (const secret of secrets) {
    expect(rest).not.toContain(secret);
    expect(log).not.toContain(secret);
  }
}

describe('scripts/simulator.ts --background', () => {
  it('Yunxiao: hands over what the bundled action needs, and the deploy it watches passes', async () => {
    const { outputs, stdout } = background('yunxiao');
    expect(Object.keys(outputs)).toEqual([
      'endpoint',
      'edition',
      'organization-id',
      'token',
      'pipeline-id',
      'pipeline-run-id',
      'deploy-order-id',
      'machines-total',
      'unreachable-machines',
      'pid',
      'log',
    ]);
    expect(outputs['endpoint']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const run = await runAction({
      inputs: {
        endpoint: outputs['endpoint']!,
        token: outputs['token']!,
        edition: outputs['edition']!,
        'organization-id': outputs['organization-id']!,
        'pipeline-id': outputs['pipeline-id']!,
        'skip-unreachable': 'true',
        'max-skipped': '1',
        'poll-interval': '100ms',
        timeout: '1m',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs['result']).toBe('success');
    expect(run.outputs['deploy-order-id']).toBe(outputs['deploy-order-id']);
    expect(run.outputs['pipeline-run-id']).toBe(outputs['pipeline-run-id']);
    expect(run.outputs['machines-total']).toBe(outputs['machines-total']);
    expect(run.outputs['skipped-machines']).toBe(outputs['unreachable-machines']);

    // the simulator logged the run's requests to its file, without the token
    const log = readFileSync(outputs['log']!, 'utf8');
    expect(log).toContain('GetVMDeployOrder 200');
    expectMasked(stdout, log, [outputs['token']!]);
  });

  it('CodeArts: its credentials are the ones the simulator accepts', async () => {
    const { outputs, stdout } = background('codearts');
    expect(Object.keys(outputs)).toEqual([
      'endpoint',
      'project-id',
      'pipeline-id',
      'access-key',
      'secret-key',
      'auth-token',
      'jobs-total',
      'pid',
      'log',
    ]);
    expect(outputs['pipeline-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(outputs['access-key']).toMatch(/^[A-Z0-9]{20}$/);
    expect(outputs['secret-key']).toMatch(/^[0-9a-f]{40}$/);
    expect(outputs['jobs-total']).toBe('4');
    const detail = `${outputs['endpoint']}/v5/${outputs['project-id']}/api/pipelines/${outputs['pipeline-id']}/pipeline-runs/detail`;
    const ok = await fetch(detail, { headers: { 'X-Auth-Token': outputs['auth-token']! } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { pipeline_id?: string }).pipeline_id).toBe(outputs['pipeline-id']);
    const refused = await fetch(detail, { headers: { 'X-Auth-Token': 'MIIwrong' } });
    expect(refused.status).toBe(401);

    const secrets = [outputs['access-key']!, outputs['secret-key']!, outputs['auth-token']!];
    expectMasked(stdout, readFileSync(outputs['log']!, 'utf8'), secrets);
  });

  it('stops on kill <pid>, as the workflow ends it', async () => {
    const { outputs } = background('codearts');
    const pid = Number(outputs['pid']);
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGTERM');
    // it closes its server and exits; wait for that (bounded), then look
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
    expect(existsSync(outputs['log']!)).toBe(true);
  });
});
