// The yardstick of `npm run bench`'s CPU per poll: JSON.parse of one answer's text, in a plain
// node process with node's default flags (the bench starts it with none and no NODE_OPTIONS).
// Usage: node json-parse.mjs <file> <parses>. Prints one JSON line: the median per parse of the
// process's CPU time (user + system, every thread, as the action's CPU is counted) and of the wall
// time. On a busy machine the wall time grows with what else runs; the CPU time much less.
/* global process, console */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const text = readFileSync(process.argv[2], 'utf8');
const parses = Number(process.argv[3] ?? 30);
const cpu = [];
const wall = [];
let kept; // the last tree stays alive, as an action holds its last poll
for (let i = 0; i < 3; i++) kept = JSON.parse(text); // warm-up
for (let i = 0; i < parses; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  kept = JSON.parse(text);
  wall.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ cpuMs: median(cpu), wallMs: median(wall), parses, kept: typeof kept }));
