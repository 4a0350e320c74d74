// The deploy order's state machine, independent of any HTTP shape: every API generation the
// simulator speaks (route tables in openapi.ts, classic.ts) reads and changes this one engine.
// Cost: O(machines of the current batch) per tick; actions are O(1) thanks to per-batch counters,
// so orders of 10,000 machines stay fast even when thousands are skipped one by one.
import type { MachineSpec, Scenario, ScenarioEvent } from './scenario.js';

export interface SimMachine {
  spec: MachineSpec;
  /** 1-based batch number */
  batch: number;
  status: string;
  clientStatus: 'ok' | 'error';
  failsLeft: number;
  runTicksLeft: number;
  createTime: number;
  updateTime: number;
}

export interface SimOrderState {
  status: string;
  currentBatch: number;
  totalBatch: number;
  machines: SimMachine[];
  createTime: number;
  updateTime: number;
  /** paused between batches (resume starts the next) rather than on a failure */
  pausedBetween: boolean;
}

export type ActionResult = { ok: true } | { ok: false; status: number; code: string; message: string };

const UNFINISHED = new Set(['Pending', 'Queued', 'Running', 'Failed']);

/** Machine statuses counted per batch. */
type Counts = Map<string, number>;

export class DeployEngine {
  readonly state: SimOrderState;
  readonly bySn = new Map<string, SimMachine>();
  private readonly batches: SimMachine[][];
  private readonly counts: Counts[];
  private readonly events = new Map<number, ScenarioEvent[]>();
  tick = 0;
  /** bumped on every change of a machine or the order (views cache on it) */
  version = 0;
  /** Date.now() when the order reached Success or Cancelled */
  finalAt?: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly now: () => number = Date.now,
  ) {
    const t = now();
    this.batches = scenario.batches.map((specs, i) =>
      specs.map((spec) => ({
        spec,
        batch: i + 1,
        status: i === 0 ? 'Queued' : 'Pending',
        clientStatus: spec.unreachable ? 'error' : 'ok',
        failsLeft: spec.failTimes ?? 0,
        runTicksLeft: spec.runTicks ?? 0,
        createTime: t,
        updateTime: t,
      })),
    );
    this.counts = this.batches.map((b) => {
      const c: Counts = new Map();
      for (const m of b) c.set(m.status, (c.get(m.status) ?? 0) + 1);
      return c;
    });
    const all = this.batches.flat();
    for (const m of all) {
      if (this.bySn.has(m.spec.sn)) throw new Error(`scenario: duplicate machine sn ${m.spec.sn}`);
      this.bySn.set(m.spec.sn, m);
    }
    for (const e of scenario.events ?? [])
      this.events.set(e.atTick, [...(this.events.get(e.atTick) ?? []), e]);
    this.state = {
      status: all.length > 0 ? 'Running' : 'Success',
      currentBatch: 1,
      totalBatch: this.batches.length,
      machines: all,
      createTime: t,
      updateTime: t,
      pausedBetween: false,
    };
    if (all.length === 0) this.finalAt = t;
    else this.settle(); // a first batch that is empty or all skipped ends at once
  }

  isFinal(): boolean {
    return this.state.status === 'Success' || this.state.status === 'Cancelled';
  }

  /** One step of the deploy: scheduled events first, then every machine of the current batch. */
  advance(): void {
    this.tick++;
    for (const e of this.events.get(this.tick) ?? []) this.play(e);
    // a failure pauses the order (Waiting) but the rest of its batch keeps deploying
    const live =
      this.state.status === 'Running' || (this.state.status === 'Waiting' && !this.state.pausedBetween);
    if (!live) return;
    for (const m of this.current()) {
      if (m.status === 'Queued') {
        this.set(m, m.clientStatus === 'error' ? 'Failed' : 'Running');
      } else if (m.status === 'Running') {
        if (m.clientStatus === 'error') this.set(m, 'Failed');
        else if (m.runTicksLeft > 0) m.runTicksLeft--;
        else if (m.failsLeft > 0) {
          m.failsLeft--;
          this.set(m, 'Failed');
        } else this.set(m, 'Success');
      }
    }
    this.settle();
  }

  /** Number of machines of batch `n` (1-based) with `status`. */
  countIn(n: number, status: string): number {
    return this.counts[n - 1]?.get(status) ?? 0;
  }

  /** The running batch holds a Failed machine (the order waits for a skip or a retry). */
  hasFailure(): boolean {
    return this.countIn(this.state.currentBatch, 'Failed') > 0;
  }

  skip(sn: string, byOther = false): ActionResult {
    const m = this.bySn.get(sn);
    if (!m) return notFound(`machine ${sn}`);
    if (!byOther && (m.spec.skipDisabled || !UNFINISHED.has(m.status) || this.isFinal())) {
      return refused('SkipVMDeployMachine', `machine ${sn} is ${m.status}`);
    }
    if (!UNFINISHED.has(m.status) || this.isFinal()) return { ok: true };
    this.set(m, 'Skipped');
    this.settle();
    return { ok: true };
  }

  retry(sn: string): ActionResult {
    const m = this.bySn.get(sn);
    if (!m) return notFound(`machine ${sn}`);
    if (m.spec.retryDisabled || m.status !== 'Failed' || this.isFinal()) {
      return refused('RetryVMDeployMachine', `machine ${sn} is ${m.status}`);
    }
    this.set(m, 'Queued');
    this.settle();
    return { ok: true };
  }

  resume(): ActionResult {
    if (this.state.status !== 'Waiting' || this.hasFailure()) {
      return refused('ResumeVMDeployOrder', `the order is ${this.state.status}`);
    }
    this.setOrder('Running');
    if (this.state.pausedBetween) {
      this.state.pausedBetween = false;
      this.startBatch(this.state.currentBatch + 1);
    }
    return { ok: true };
  }

  stop(): ActionResult {
    if (this.isFinal()) return refused('StopVMDeployOrder', `the order is ${this.state.status}`);
    this.cancel();
    return { ok: true };
  }

  /** Which actions Yunxiao would allow now (disable: true otherwise). */
  machineActions(m: SimMachine): Array<{ type: string; disable: boolean }> {
    const [retry, skip] = this.allowedOn(m);
    return [
      { type: 'RetryVMDeployMachine', disable: !retry },
      { type: 'SkipVMDeployMachine', disable: !skip },
      { type: 'LogVMDeployMachine', disable: false },
    ];
  }

  /** [retry allowed, skip allowed] for a machine now. */
  allowedOn(m: SimMachine): [boolean, boolean] {
    const live = !this.isFinal();
    return [
      live && m.status === 'Failed' && !m.spec.retryDisabled,
      live && UNFINISHED.has(m.status) && !m.spec.skipDisabled,
    ];
  }

  orderActions(): Array<{ type: string; disable: boolean }> {
    const s = this.state.status;
    return [
      { type: 'StopVMDeployOrder', disable: !(s === 'Running' || s === 'Waiting') },
      { type: 'ResumeVMDeployOrder', disable: !(s === 'Waiting' && !this.hasFailure()) },
    ];
  }

  logOf(m: SimMachine): string {
    const lines = [
      `[${iso(m.createTime)}] INFO  deploy order task for ${m.spec.sn} (${m.spec.ip}), batch ${m.batch}`,
      `[${iso(m.createTime)}] INFO  connecting to agent on ${m.spec.ip}`,
      m.clientStatus === 'error'
        ? `[${iso(m.updateTime)}] ERROR agent unreachable: connection timed out after 30s`
        : `[${iso(m.createTime)}] INFO  downloading package app-release.tgz (23.4 MB)`,
    ];
    if (m.clientStatus === 'ok' && m.status !== 'Pending' && m.status !== 'Queued') {
      lines.push(`[${iso(m.updateTime)}] INFO  running deploy.sh stop && deploy.sh start`);
    }
    lines.push(
      m.status === 'Failed'
        ? `[${iso(m.updateTime)}] ERROR deploy failed: deploy.sh exited with code 1`
        : `[${iso(m.updateTime)}] INFO  machine status: ${m.status}`,
    );
    return lines.join('\n');
  }

  private current(): SimMachine[] {
    return this.batches[this.state.currentBatch - 1] ?? [];
  }

  private play(e: ScenarioEvent): void {
    if (e.kind === 'cancel') {
      if (!this.isFinal()) this.cancel();
    } else if (e.kind === 'skip-by-other') this.skip(e.sn, true);
    else if (e.kind === 'agent-lost') {
      const m = this.bySn.get(e.sn);
      if (m) this.set(m, m.status, 'error');
    }
  }

  /** After any change: pause on a failure, end the batch, start the next or finish. O(1). */
  private settle(): void {
    if (this.isFinal()) return;
    const n = this.state.currentBatch;
    if (this.hasFailure()) {
      if (this.state.status === 'Running') this.setOrder('Waiting');
      return;
    }
    if (this.state.status === 'Waiting' && !this.state.pausedBetween) this.setOrder('Running');
    const size = this.batches[n - 1]?.length ?? 0;
    if (this.countIn(n, 'Success') + this.countIn(n, 'Skipped') < size) return;
    if (n >= this.state.totalBatch) {
      this.setOrder('Success');
      return;
    }
    if (this.scenario.pauseBetweenBatches) {
      if (!this.state.pausedBetween) {
        this.state.pausedBetween = true;
        this.setOrder('Waiting');
      }
      return;
    }
    this.startBatch(n + 1);
  }

  private startBatch(n: number): void {
    this.state.currentBatch = n;
    for (const m of this.current()) if (m.status === 'Pending') this.set(m, 'Queued');
    this.state.updateTime = this.now();
    this.settle(); // a batch of skipped machines ends at once
  }

  private cancel(): void {
    for (const m of this.state.machines) if (UNFINISHED.has(m.status)) this.set(m, 'Cancelled');
    this.setOrder('Cancelled');
  }

  private set(m: SimMachine, status: string, clientStatus = m.clientStatus): void {
    this.version++;
    if (status !== m.status) {
      const c = this.counts[m.batch - 1]!;
      c.set(m.status, (c.get(m.status) ?? 1) - 1);
      c.set(status, (c.get(status) ?? 0) + 1);
      m.status = status;
    }
    m.clientStatus = clientStatus;
    m.updateTime = this.now();
  }

  private setOrder(status: string): void {
    this.version++;
    this.state.status = status;
    this.state.updateTime = this.now();
    if (this.isFinal() && this.finalAt === undefined) this.finalAt = this.now();
  }
}

function notFound(what: string): ActionResult {
  return { ok: false, status: 404, code: 'NotFound', message: `${what} does not exist` };
}

function refused(action: string, why: string): ActionResult {
  return { ok: false, status: 400, code: 'BadRequest', message: `${action} is not allowed now: ${why}` };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
