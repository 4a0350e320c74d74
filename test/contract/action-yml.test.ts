// action.yml, the README and the code describe the same contract: same inputs, same defaults, same
// outputs, same runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { section as readmeSection, tableRows } from '../support/markdown.js';
import {
  CLASSIC_ENDPOINT,
  DEFAULTS,
  INPUT_NAMES,
  OPENAPI_ENDPOINT,
} from '../../src/providers/yunxiao/inputs.js';
import { YUNXIAO_OUTPUTS } from '../../src/providers/yunxiao/outputs.js';

const OUTPUT_NAMES = YUNXIAO_OUTPUTS.map((s) => s.name);

const root = join(import.meta.dirname, '../..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { default?: unknown; required?: boolean; description?: unknown }>;
  outputs: Record<string, { description?: unknown }>;
  runs: Record<string, unknown>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const section = (heading: string): string => readmeSection(readme, heading);
const table = (heading: string): [string, string[]][] => tableRows(section(heading));

const inputNames = Object.keys(action.inputs);
const outputNames = Object.keys(action.outputs);

describe('action.yml', () => {
  it('runs dist/index.js on node24, with no pre or post step', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('has a name, a description, an author and branding', () => {
    expect(action.name).toBe('Yunxiao deploy gate');
    expect(action.description).toBeTruthy();
    expect(action.author).toBeTruthy();
    expect(action.branding?.icon).toBeTruthy();
    expect(action.branding?.color).toBeTruthy();
  });

  it('describes every input and output in one line', () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(typeof spec.description, name).toBe('string');
      expect(spec.description, name).not.toContain('\n');
    }
  });

  it('requires only pipeline-id', () => {
    expect(inputNames.filter((n) => action.inputs[n]?.required)).toEqual(['pipeline-id']);
  });

  it('gives defaults as strings (the runner passes strings)', () => {
    for (const [name, spec] of Object.entries(action.inputs)) {
      if (spec.default !== undefined) expect(typeof spec.default, name).toBe('string');
    }
  });

  it('has no endpoint default: it depends on the credentials, which the description says', () => {
    const spec = action.inputs['endpoint'];
    expect(spec?.default).toBeUndefined();
    expect(spec?.description).toContain(OPENAPI_ENDPOINT);
    expect(spec?.description).toContain(CLASSIC_ENDPOINT);
  });

  it('defaults github-token to the workflow token', () => {
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });
});

describe('the code and action.yml', () => {
  it('INPUT_NAMES is every input of action.yml, in its order', () => {
    expect([...INPUT_NAMES]).toEqual(inputNames);
  });

  it('the parser falls back to the defaults of action.yml', () => {
    for (const [name, spec] of Object.entries(action.inputs)) {
      // The runner evaluates the github-token expression; the parser cannot.
      if (name === 'github-token') continue;
      expect(DEFAULTS[name as keyof typeof DEFAULTS], name).toBe(spec.default);
    }
  });

  it('the action sets every output action.yml declares, and only those', () => {
    expect(OUTPUT_NAMES).toEqual(outputNames);
  });
});

describe('the README and action.yml', () => {
  it('the inputs table has columns input, default, description', () => {
    expect(section('Inputs')).toMatch(/^\| input +\| default +\| description +\|$/m);
  });

  it('the inputs table lists exactly the inputs of action.yml, in its order', () => {
    expect(table('Inputs').map(([name]) => name)).toEqual(inputNames);
  });

  it('the inputs table shows the defaults of action.yml, in backticks, or nothing', () => {
    for (const [name, [readmeDefault = '', description = '']] of table('Inputs')) {
      const spec = action.inputs[name];
      expect(readmeDefault, name).toBe(spec?.default === undefined ? '' : `\`${String(spec.default)}\``);
      expect(description, name).toBeTruthy();
    }
  });

  it('the inputs table gives the endpoint defaults in words, as the parser has them', () => {
    const endpoint = table('Inputs').find(([name]) => name === 'endpoint')?.[1] ?? [];
    expect(endpoint[0]).toBe('');
    expect(endpoint[1]).toContain(`\`${OPENAPI_ENDPOINT}\` with \`token\``);
    expect(endpoint[1]).toContain(`\`${CLASSIC_ENDPOINT}\` with keys`);
  });

  it('the outputs table lists exactly the outputs of action.yml, in its order', () => {
    expect(section('Outputs')).toMatch(/^\| output +\| description +\|$/m);
    const rows = table('Outputs');
    expect(rows.map(([name]) => name)).toEqual(outputNames);
    for (const [name, [description = '']] of rows) expect(description, name).toBeTruthy();
  });
});

describe('the README', () => {
  it('starts with the project name', () => {
    expect(readme.startsWith('# yunxiao-deploy-gate\n')).toBe(true);
  });

  it('has a quick start of exactly two commands: the demo and the tests', () => {
    const blocks = [...section('Quick start').matchAll(/```(\w*)\n([\s\S]*?)```/g)];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.[1]).toBe('bash');
    const commands = (blocks[0]?.[2] ?? '').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(commands).toEqual(['bash scripts/dev.sh demo', 'bash scripts/dev.sh test']);
  });

  it('puts quick start, usage, inputs, outputs and verdict in that order', () => {
    const at = ['Quick start', 'Usage', 'Inputs', 'Outputs', 'Verdict'].map((h) =>
      readme.indexOf(`\n## ${h}\n`),
    );
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('shows a workflow that reads the outputs', () => {
    const usage = section('Usage');
    expect(usage).toContain('uses: your-org/yunxiao-deploy-gate@v1');
    expect(usage).toContain('secrets.');
    for (const input of ['token', 'organization-id', 'pipeline-id', 'skip-unreachable', 'max-skipped']) {
      expect(usage, input).toMatch(new RegExp(`^ +${input}: `, 'm'));
    }
    expect(usage).toMatch(/steps\.\w+\.outputs\.result/);
    expect(usage).toMatch(/steps\.\w+\.outputs\.pipeline-run-id/);
    expect(usage).toMatch(/FAILED: \$\{\{ steps\.\w+\.outputs\.failed-machines \}\}/);
  });

  it('the usage example is race-free: it starts the run it gates, on the pushed branch', () => {
    const blocks = [...section('Usage').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const steps = (
      parse(blocks[0] ?? '') as { jobs: Record<string, { steps: Array<Record<string, unknown>> }> }
    ).jobs;
    const gate = Object.values(steps)
      .flatMap((j) => j.steps)
      .find((s) => String(s['uses']).includes('yunxiao-deploy-gate'));
    const withs = (gate?.['with'] ?? {}) as Record<string, unknown>;
    expect(withs['start']).toBe(true);
    expect(withs['branch']).toBe('${{ github.ref_name }}');
    for (const excluded of ['deploy-order-id', 'pipeline-run-id', 'new-run-only'])
      expect(withs, excluded).not.toHaveProperty([excluded]);
  });

  it('the start and new-run-only inputs are described in action.yml and the README', () => {
    const rows = new Map(table('Inputs'));
    for (const name of ['start', 'branch', 'tag', 'variables', 'comment', 'new-run-only']) {
      expect(action.inputs[name]?.description, name).toBeTruthy();
      expect(rows.get(name)?.[1], name).toBeTruthy();
    }
    for (const name of ['branch', 'tag', 'variables', 'comment'])
      expect(rows.get(name)?.[1], name).toContain('With `start`');
    expect(action.inputs['start']?.default).toBe('false');
    expect(action.inputs['new-run-only']?.default).toBe('false');
    expect(section('Gating the right run')).toContain('runningBranchs');
  });

  it('no example puts an output into a script: outputs reach run: through env:', () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(3);
    let runs = 0;
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const step = node as Record<string, unknown>;
      if (typeof step['run'] === 'string') {
        runs++;
        expect(step['run']).not.toMatch(/\$\{\{[^}]*outputs/);
      }
      Object.values(step).forEach(walk);
    };
    for (const block of blocks) walk(parse(block));
    expect(runs).toBeGreaterThan(0);
  });
});
