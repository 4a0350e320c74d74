// scripts/lib/runner.ts runs a bundle as the runner does; its folder (outputs, summary, report) is
// removed afterwards, whatever the run left behind.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../scripts/lib/runner.js';

describe('runAction', () => {
  it('removes its folder even when what the run left cannot be read (a report cut short)', async () => {
    // a "bundle" that names a report it wrote only half of
    const script = `
      const fs = require('node:fs');
      const dir = process.env.RUNNER_TEMP;
      fs.writeFileSync(dir + '/report.json', '{"cut short');
      fs.appendFileSync(process.env.GITHUB_OUTPUT, 'report-path=' + dir + '/report.json\\n');
      console.log(dir);`;
    let dir = '';
    const run = runAction({ inputs: {}, argv: ['-e', script], onStdout: (d) => (dir += d) });
    await expect(run).rejects.toThrow(SyntaxError);
    expect(dir.trim()).toMatch(/ydg-e2e-/);
    expect(existsSync(dir.trim())).toBe(false);
  });
});
