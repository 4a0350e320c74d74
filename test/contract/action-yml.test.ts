// action.yml, the README and the input parser describe the same contract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS, INPUT_NAMES } from '../../src/inputs/parse.js';
import { OUTPUT_NAMES } from '../../src/report/outputs.js';

const root = join(import.meta.dirname, '../..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean; description?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string };
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Rows of the markdown table under a `## heading`: first cell without backticks -> other cells. */
function table(heading: string): Map<string, string[]> {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const key = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (key) rows.set(key, cells.slice(1));
  }
  return rows;
}

describe('the contract', () => {
  it('runs on node24 from dist/index.js, with no post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('the README lists exactly the inputs of action.yml, with the same defaults', () => {
    const rows = table('Inputs');
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      const readmeDefault = rows.get(name)?.[0] ?? '';
      expect(readmeDefault, name).toBe(spec.default === undefined ? '' : `\`${spec.default}\``);
      expect(spec.description, name).toBeTruthy();
    }
  });

  it('the README lists exactly the outputs of action.yml', () => {
    expect([...table('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('the parser reads every input, and only those, with the defaults of action.yml', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      if (name === 'github-token') continue; // an expression the runner evaluates
      expect(DEFAULTS[name as keyof typeof DEFAULTS], name).toBe(spec.default);
    }
  });

  it('the action sets exactly the outputs action.yml declares', () => {
    expect([...OUTPUT_NAMES].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('only pipeline-id is required', () => {
    expect(
      Object.entries(action.inputs)
        .filter(([, s]) => s.required)
        .map(([n]) => n),
    ).toEqual(['pipeline-id']);
  });

  it('the quick start is exactly two commands: the demo and the tests', () => {
    const quick = readme.split(/^## /m).find((s) => s.startsWith('Quick start')) ?? '';
    const block = /```bash\n([\s\S]*?)```/.exec(quick)?.[1] ?? '';
    expect(block.trim().split('\n')).toEqual(['bash scripts/dev.sh demo', 'bash scripts/dev.sh test']);
    expect(readme.indexOf('## Quick start')).toBeLessThan(readme.indexOf('## Usage'));
    expect(readme.indexOf('## Usage')).toBeLessThan(readme.indexOf('## Inputs'));
  });
});
