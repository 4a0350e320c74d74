import { readFileSync } from 'node:fs';
import { machines, scenario, startSimulator } from '../src/simulator/index.js';
import { runAction } from './lib/runner.js';
const n = 10000;
const b = machines(n, 1);
for (let i = 0; i < n / 50; i++) b[i * 50] = { ...b[i * 50]!, unreachable: true };
for (let i = 0; i < n / 100; i++) b[i * 100 + 7] = { ...b[i * 100 + 7]!, failTimes: Infinity };
const s = scenario({ batches: [b] });
const sim = await startSimulator({ edition: 'region', token: 'pt-x', scenario: s });
const t0 = Date.now();
const marks: string[] = [];
let timer: NodeJS.Timeout | undefined;
const run = await runAction({
  inputs: {
    token: 'pt-x',
    endpoint: sim.url,
    edition: 'region',
    'pipeline-id': s.pipelineId,
    'poll-interval': '200ms',
    'skip-unreachable': 'true',
    'max-skipped': '5%',
    'machine-logs': process.env.LOGS ?? 'true',
  },
  env: { NODE_OPTIONS: process.env.NO ?? '' },
  onStdout: (c) => marks.push(`${Date.now() - t0}ms out: ${c.split('\n')[0]!.slice(0, 80)}`),
  onSpawn: (child) => {
    timer = setInterval(() => {
      try {
        const st = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        marks.push(
          `${Date.now() - t0}ms rss ${/VmRSS:\s+(\d+)/.exec(st)?.[1]} hwm ${/VmHWM:\s+(\d+)/.exec(st)?.[1]}`,
        );
      } catch {}
    }, 25);
  },
});
clearInterval(timer);
console.log(marks.filter((m, i) => m.includes('out:') || i % 4 === 0).join('\n'));
console.log(
  run.stdout
    .split('\n')
    .filter((l) => /Mark-Compact|Scavenge/.test(l))
    .slice(0, 60)
    .join('\n'),
);
await sim.close();
