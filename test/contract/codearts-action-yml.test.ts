// codearts/action.yml, the README's CodeArts section and the code describe the same contract: same
// inputs, same defaults, same outputs, same runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { section, tableRows } from '../support/markdown.js';
import { DEFAULTS, INPUT_NAMES } from '../../src/providers/codearts/inputs.js';
import { CODEARTS_OUTPUTS } from '../../src/providers/codearts/outputs.js';

const root = join(import.meta.dirname, '../..');
const action = parse(readFileSync(join(root, 'codearts/action.yml'), 'utf8')) as {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { default?: unknown; required?: boolean; description?: unknown }>;
  outputs: Record<string, { description?: unknown }>;
  runs: Record<string, unknown>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** A `##` or `###` section of the README. */
const subsection = (heading: string): string => section(readme, heading, 3);
const table = (heading: string): [string, string[]][] => tableRows(subsection(heading));

const inputNames = Object.keys(action.inputs);
const outputNames = Object.keys(action.outputs);

describe('codearts/action.yml', () => {
  it('runs the CodeArts bundle on node24 from outside its folder, with no pre or post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/codearts/index.js' });
  });

  it('has a name, a description, an author and branding; every input and output in one line', () => {
    expect(action.name).toBe('CodeArts pipeline gate');
    for (const v of [action.description, action.author, action.branding?.icon, action.branding?.color])
      expect(v).toBeTruthy();
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(typeof spec.description, name).toBe('string');
      expect(spec.description, name).not.toContain('\n');
    }
  });

  it('requires project-id and pipeline-id; defaults are strings', () => {
    expect(inputNames.filter((n) => action.inputs[n]?.required)).toEqual(['project-id', 'pipeline-id']);
    for (const [name, spec] of Object.entries(action.inputs))
      if (spec.default !== undefined) expect(typeof spec.default, name).toBe('string');
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });
});

describe('the code and codearts/action.yml', () => {
  it('INPUT_NAMES is every input, in its order; the parser falls back to its defaults', () => {
    expect([...INPUT_NAMES]).toEqual(inputNames);
    for (const [name, spec] of Object.entries(action.inputs)) {
      if (name === 'github-token') continue; // the runner evaluates the expression
      expect(DEFAULTS[name], name).toBe(spec.default);
    }
  });

  it('the action sets every output it declares, in its order, and only those', () => {
    expect(CODEARTS_OUTPUTS.map((s) => s.name)).toEqual(outputNames);
  });
});

describe("the README's CodeArts section and codearts/action.yml", () => {
  it('the inputs table lists exactly the inputs, in order, with the defaults in backticks', () => {
    expect(subsection('CodeArts inputs')).toMatch(/^\| input +\| default +\| description +\|$/m);
    const rows = table('CodeArts inputs');
    expect(rows.map(([name]) => name)).toEqual(inputNames);
    for (const [name, [readmeDefault = '', description = '']] of rows) {
      const spec = action.inputs[name];
      expect(readmeDefault, name).toBe(spec?.default === undefined ? '' : `\`${String(spec.default)}\``);
      expect(description, name).toBeTruthy();
    }
  });

  it('the outputs table lists exactly the outputs, in order', () => {
    const rows = table('CodeArts outputs');
    expect(rows.map(([name]) => name)).toEqual(outputNames);
    for (const [name, [description = '']] of rows) expect(description, name).toBeTruthy();
  });

  it('the usage authenticates with huaweicloud/auth-action and reads outputs through env', () => {
    const usage = subsection('CodeArts usage');
    expect(usage).toContain('uses: huaweicloud/auth-action@');
    expect(usage).toContain('uses: your-org/yunxiao-deploy-gate/codearts@v1');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(usage)?.[1] ?? '';
    const steps =
      (parse(yaml) as { jobs: Record<string, { steps: Array<Record<string, unknown>> }> }).jobs['release']
        ?.steps ?? [];
    const gate = steps.find((s) => s['id'] === 'gate') as { with: Record<string, unknown> } | undefined;
    for (const input of Object.keys(gate?.with ?? {})) expect(inputNames, input).toContain(input);
    for (const s of steps)
      if (typeof s['run'] === 'string') expect(s['run']).not.toMatch(/\$\{\{[^}]*outputs/);
  });
});
