import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { machines, scenario, startSimulator } from '../src/simulator/index.js';
for (const n of [10000]) {
  const s = scenario({ batches: [machines(n, 1), machines(n, 2)].map((b) => b.slice(0, n / 2 || 1)) });
  const sim = await startSimulator({ edition: 'region', token: 'pt-x', scenario: s });
  const env = { PATH: process.env.PATH!, INPUT_TOKEN: 'pt-x', INPUT_ENDPOINT: sim.url, INPUT_EDITION: 'region', 'INPUT_PIPELINE-ID': s.pipelineId, 'INPUT_POLL-INTERVAL': '100ms', INPUT_SUMMARY: process.env.SUM ?? 'true', RUNNER_TEMP: '/tmp' };
  const child = spawn(process.execPath, [...(process.env.FLAGS ?? '').split(' ').filter(Boolean), 'dist/index.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let hwm = 0; const samples: string[] = [];
  const t = setInterval(() => { try { const st = readFileSync(`/proc/${child.pid}/status`, 'utf8'); const v = Number(/VmHWM:\s+(\d+)/.exec(st)?.[1]); hwm = Math.max(hwm, v); samples.push(String(Math.round(Number(/VmRSS:\s+(\d+)/.exec(st)?.[1]) / 1024))); } catch {} }, 15);
  await new Promise((r) => child.on('close', r));
  clearInterval(t);
  console.log(n, 'peak MiB', (hwm / 1024).toFixed(1), 'rss over time', samples.filter((_, i) => i % 3 === 0).join(' '));
  await sim.close();
}
