// The V8 flags the entry point sets at run time (it cannot pass them on node's command line) must
// take effect then: a hot loop reaches Maglev and never TurboFan (see src/runner/v8-flags.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../../src/runner/v8-flags.js';

/** Which optimising compilers a hot function reached, set at run time as boot() sets them. */
function tiersReached(flags: readonly string[]): string[] {
  const script = `
    const v8 = require('node:v8');
    for (const f of JSON.parse(process.argv[1])) v8.setFlagsFromString(f);
    v8.setFlagsFromString('--trace-opt');
    function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s = (s * 31 + a[i]) | 0; return s; }
    const a = new Uint8Array(1e6);
    let t = 0;
    for (let k = 0; k < 300; k++) t += hot(a);
    if (t === 1) console.log('');`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(flags)], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return [...new Set([...r.stdout.matchAll(/target (\w+)/g)].map((m) => m[1]!))].sort();
}

describe('V8 flags set at run time', () => {
  it('keep JavaScript on Maglev, never TurboFan (which the defaults reach)', () => {
    const turbofan = (tiers: string[]): boolean => tiers.some((t) => t.startsWith('TURBOFAN'));
    expect(turbofan(tiersReached([]))).toBe(true);
    const tiers = tiersReached(V8_FLAGS);
    expect(tiers).toContain('MAGLEV');
    expect(turbofan(tiers)).toBe(false);
  });
});
