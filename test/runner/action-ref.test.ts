// The warning a workflow gets when it runs the action from a branch rather than a tag or a commit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { branchRefWarning } from '../../src/runner/action-ref.js';
import { runAction } from '../../src/runner/gate.js';
import { io, type RunnerIo } from '../../src/runner/io.js';

const REPO = 'acme/yunxiao-deploy-gate';
const warn = (ref: string | undefined): string | undefined =>
  branchRefWarning({ GITHUB_ACTION_REF: ref, GITHUB_ACTION_REPOSITORY: REPO });

describe('branchRefWarning', () => {
  it.each([
    'main',
    'master',
    'develop',
    'feature/faster-polls',
    'refs/heads/main',
    'refs/heads/v1',
    'abc1234',
  ])('warns for %s', (ref) => {
    const text = warn(ref);
    expect(text).toContain(REPO);
    expect(text).toContain(`"${ref.replace('refs/heads/', '')}"`);
    expect(text).toMatch(/Pin a release tag \(@v1.*\) or a full commit SHA/);
  });

  it.each([
    'v1',
    'v1.2',
    'v1.2.3',
    '1.2.3',
    'v2.0.0-rc.1',
    'refs/tags/stable',
    '8f4b7f84884ec3e152e95e913f196d7a537752ca',
    '8F4B7F84884EC3E152E95E913F196D7A537752CA',
    'a'.repeat(64),
  ])('stays silent for %s', (ref) => {
    expect(warn(ref)).toBeUndefined();
  });

  it('stays silent for a local action (uses: ./), where the runner sets no ref', () => {
    expect(warn(undefined)).toBeUndefined();
    expect(warn('')).toBeUndefined();
  });

  it('names no repository it does not know', () => {
    expect(branchRefWarning({ GITHUB_ACTION_REF: 'main' })).toMatch(/^this action runs from "main"/);
  });
});

describe('runAction', () => {
  afterEach(() => vi.unstubAllEnvs());

  /** Runs a gate whose inputs are refused (nothing is sent anywhere) and returns its warnings. */
  async function warningsOfARun(): Promise<string[]> {
    const warnings: string[] = [];
    const quiet: RunnerIo = {
      ...io,
      info: () => undefined,
      warning: (text) => void warnings.push(text),
      setOutput: () => undefined,
      fail: () => undefined,
    };
    const cancel = { signal: new AbortController().signal };
    const before = process.exitCode;
    const code = await runAction(
      {
        name: 'Nowhere',
        outputs: [],
        parse: () => ({ ok: false, errors: ['pipeline-id: required'] }),
        provider: () => Promise.reject(new Error('no provider is made for refused inputs')),
      },
      cancel,
      quiet,
    );
    process.exitCode = before; // runAction sets the process's exit code: not this test runner's
    expect(code).toBe(1);
    return warnings;
  }

  it('warns first thing, whatever happens next, when run from a branch', async () => {
    vi.stubEnv('GITHUB_ACTION_REF', 'main');
    vi.stubEnv('GITHUB_ACTION_REPOSITORY', REPO);
    const warnings = await warningsOfARun();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${REPO} runs from "main"`);
  });

  it('does not warn when run from a release tag', async () => {
    vi.stubEnv('GITHUB_ACTION_REF', 'v1');
    expect(await warningsOfARun()).toEqual([]);
  });
});
