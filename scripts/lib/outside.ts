// What the bench measures of a process from outside it, as the kernel accounts for it: the CPU of
// the bench's reaped children, a child's peak resident memory, when a server first hears from it.
// Nothing here runs inside the measured process.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { now } from './runner.js';

/** USER_HZ: the unit of /proc's times, 100 on every Linux architecture Node runs on. */
const TICK_MS = 10;

/**
 * CPU time (user + system, every thread) of this process's children that have ended and been
 * reaped, in ms: cutime + cstime of /proc/self/stat. A child's time is added when Node reaps it,
 * before its 'exit' event; read it before and after one child to get that child's whole CPU.
 */
export function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // after "pid (comm) ": state is field 3, cutime and cstime fields 16 and 17
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

// The sampler is a thread of its own, so that a busy bench (the simulator building a 30 MB answer)
// never delays a sample. Shared slots: the pid to watch (0: idle), the peak seen (KiB), and an
// acknowledgement that the pid was let go of.
const SAMPLER = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const ctl = new Int32Array(workerData);
const [PID, PEAK, IDLE] = [0, 1, 2];
for (;;) {
  Atomics.wait(ctl, PID, 0);
  const pid = Atomics.load(ctl, PID);
  let peak = 0;
  while (Atomics.load(ctl, PID) === pid) {
    try {
      const m = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/' + pid + '/status', 'utf8'));
      if (m && Number(m[1]) > peak) Atomics.store(ctl, PEAK, (peak = Number(m[1])));
    } catch {
      // the process has ended
    }
    Atomics.wait(ctl, PID, pid, ${2 /* ms between samples */});
  }
  Atomics.store(ctl, IDLE, 1);
  Atomics.notify(ctl, IDLE);
}
`;

/**
 * Peak resident memory (VmHWM of /proc/<pid>/status, the kernel's high-water mark) of one child at
 * a time, sampled every 2 ms by a thread of the bench. VmHWM only grows, so a sample is missed only
 * when a new peak comes in the last 2 ms of the process's life.
 */
export class PeakMemory {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(12));
  private readonly worker = new Worker(SAMPLER, { eval: true, workerData: this.ctl.buffer });

  constructor() {
    this.worker.unref();
  }

  watch(pid: number | undefined): void {
    if (!pid) return;
    Atomics.store(this.ctl, 1, 0);
    Atomics.store(this.ctl, 2, 0);
    Atomics.store(this.ctl, 0, pid);
    Atomics.notify(this.ctl, 0);
  }

  /** Stops watching; the peak in MiB (0 when nothing was read). */
  async stop(): Promise<number> {
    if (Atomics.load(this.ctl, 0) === 0) return 0;
    Atomics.store(this.ctl, 0, 0);
    Atomics.notify(this.ctl, 0);
    // The sampler lets go within a sample. (Polled: a pending Atomics.waitAsync can be left
    // unresolved by Node while the event loop waits on sockets.)
    for (let i = 0; i < 1000 && Atomics.load(this.ctl, 2) === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 1));
    return Atomics.load(this.ctl, 1) / 1024;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * CPU time (ms) a live process has used so far, every thread: the sum of its threads' time on a CPU
 * in /proc/<pid>/task/<tid>/schedstat (ns; threads that have ended are not counted). NaN when gone.
 */
export function liveCpuMs(pid: number): number {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * The first request a server reads from the process under test: when (on the bench's clock), and
 * the CPU time the process had used by then (every thread). `arm` names the process; `heard` is
 * called by the server as it reads a request.
 */
export class FirstRequest {
  at = NaN;
  cpuMs = NaN;
  private pid = 0;

  arm(pid: number | undefined): void {
    this.pid = pid ?? 0;
    this.at = this.cpuMs = NaN;
  }

  heard(): void {
    if (!Number.isNaN(this.at)) return;
    this.at = now();
    if (this.pid) this.cpuMs = liveCpuMs(this.pid);
  }

  /** Calls `heard` whenever a simulator records a request (`requests.push`), before it answers. */
  onRecord(requests: unknown[]): this {
    const push = requests.push.bind(requests);
    Object.defineProperty(requests, 'push', {
      value: (...items: unknown[]): number => {
        this.heard();
        return push(...items);
      },
    });
    return this;
  }
}

/**
 * A loopback HTTP server that answers anything with a small JSON, for timing other actions to their
 * first request (they will not succeed). A proxy's CONNECT counts as a request too (then the socket
 * is closed): an action sent through HTTPS_PROXY reaches it that way.
 */
export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

export async function startFakeServer(first: FirstRequest): Promise<FakeServer> {
  const server: Server = createServer((req, res) => {
    first.heard();
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"message":"bench fake server","data":{}}');
    });
  });
  server.on('connect', (_req, socket) => {
    first.heard();
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The machine, for the first line of the output: CPU model, cores, memory, load, Node. */
export function machine(): string {
  const model = /model name\s*:\s*(.*)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? '?';
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus().length} cores, ${gib} GiB, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}, node ${process.version}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
