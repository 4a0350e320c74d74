// The CPU part of `npm run bench`, run by bench.ts in a process of its own with the action's V8
// flags (src/runner/v8-flags.ts), so that what it times is what the action does. Prints one JSON line:
// for each size, the median ms of a plain JSON.parse of the answer and of one whole poll (read the
// answer from its bytes, losslessly; decide; describe the changes), both timed here.
import { performance } from 'node:perf_hooks';
import { readDeployOrder } from '../src/providers/yunxiao/openapi.js';
import { describeChanges } from '../src/core/changes.js';
import { decide } from '../src/core/decide.js';
import type { Policy } from '../src/core/policy.js';
import { YUNXIAO_WORDS } from '../src/providers/yunxiao/snapshot.js';
import { DeployEngine } from '../sim/yunxiao/engine.js';
import { machines, scenario } from '../sim/yunxiao/index.js';
import { stringify } from '../sim/yunxiao/raw-json.js';
import { orderView } from '../sim/yunxiao/views.js';

export interface CpuFigure {
  machines: number;
  bytes: number;
  jsonParseMs: number;
  pollMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const policy: Policy = {
  skipUnreachable: true,
  maxSkipped: { kind: 'share', percent: 10 },
  retryFailed: 1,
  confirm: 'pass',
  onFailure: 'leave',
};

function measure(n: number): CpuFigure {
  const s = scenario({
    deployOrderId: '9007199254740993',
    batches: [machines(n / 2, 1), machines(n / 2, 2)],
  });
  const engine = new DeployEngine(s);
  engine.advance();
  const bytes = Buffer.from(stringify(orderView(s, engine)));
  const text = bytes.toString('utf8');
  const memory = { taken: [], warnedStatuses: new Set<string>(), effectsSeen: new Set<number>() };
  let prev = readDeployOrder(bytes).snapshot;
  const iterations = Math.max(7, Math.round(200_000 / n));
  const time = (f: () => void): number => {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      f();
      samples.push(performance.now() - t);
    }
    return median(samples);
  };
  const jsonParseMs = time(() => JSON.parse(text));
  const pollMs = time(() => {
    const snapshot = readDeployOrder(bytes).snapshot;
    decide(snapshot, policy, memory, YUNXIAO_WORDS);
    describeChanges(prev, snapshot, YUNXIAO_WORDS);
    prev = snapshot;
  });
  return { machines: n, bytes: bytes.length, jsonParseMs, pollMs };
}

const sizes = process.argv.slice(2).map(Number);
console.log(JSON.stringify(sizes.map(measure)));
