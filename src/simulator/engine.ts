// The deploy order's state machine, independent of any HTTP shape: both API generations the
// simulator speaks read and change the same engine. O(machines of the current batch) per tick.
import type { MachineSpec, Scenario } from './scenario.js';

export interface SimMachine {
  spec: MachineSpec;
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

export class DeployEngine {
  readonly state: SimOrderState;
  readonly bySn = new Map<string, SimMachine>();
  private readonly batches: SimMachine[][];
  tick = 0;
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
    const all = this.batches.flat();
    for (const m of all) this.bySn.set(m.spec.sn, m);
    this.state = {
      status: all.length > 0 ? 'Running' : 'Success',
      currentBatch: 1,
      totalBatch: this.batches.length,
      machines: all,
      createTime: t,
      updateTime: t,
      pausedBetween: false,
    };
  }

  isFinal(): boolean {
    return this.state.status === 'Success' || this.state.status === 'Cancelled';
  }

  advance(): void {
    this.tick++;
    for (const e of this.scenario.events ?? []) {
      if (e.atTick !== this.tick) continue;
      if (e.kind === 'cancel') this.cancel();
      else if (e.kind === 'skip-by-other') this.skip(e.sn, true);
      else if (e.kind === 'agent-lost') {
        const m = this.bySn.get(e.sn);
        if (m) this.set(m, m.status, 'error');
      }
    }
    if (this.state.status !== 'Running') return;
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

  skip(sn: string, byOther = false): ActionResult {
    const m = this.bySn.get(sn);
    if (!m) return notFound(`machine ${sn}`);
    if (!byOther && (m.spec.skipDisabled || !UNFINISHED.has(m.status) || this.isFinal())) {
      return refused('SkipVMDeployMachine', `machine ${sn} is ${m.status}`);
    }
    if (!UNFINISHED.has(m.status)) return { ok: true };
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
    if (this.state.status === 'Waiting' && !this.current().some((x) => x.status === 'Failed'))
      this.setOrder('Running');
    return { ok: true };
  }

  resume(): ActionResult {
    if (this.state.status !== 'Waiting' || this.current().some((m) => m.status === 'Failed')) {
      return refused('ResumeVMDeployOrder', `the order is ${this.state.status}`);
    }
    if (this.state.pausedBetween) {
      this.state.pausedBetween = false;
      this.startBatch(this.state.currentBatch + 1);
    }
    this.setOrder('Running');
    return { ok: true };
  }

  stop(): ActionResult {
    if (this.isFinal()) return refused('StopVMDeployOrder', `the order is ${this.state.status}`);
    this.cancel();
    return { ok: true };
  }

  /** Which actions Yunxiao would allow now (disable: true otherwise). */
  machineActions(m: SimMachine): Array<{ type: string; disable: boolean }> {
    const live = !this.isFinal();
    return [
      { type: 'RetryVMDeployMachine', disable: !(live && m.status === 'Failed' && !m.spec.retryDisabled) },
      { type: 'SkipVMDeployMachine', disable: !(live && UNFINISHED.has(m.status) && !m.spec.skipDisabled) },
      { type: 'LogVMDeployMachine', disable: false },
    ];
  }

  orderActions(): Array<{ type: string; disable: boolean }> {
    const s = this.state.status;
    const failed = this.current().some((m) => m.status === 'Failed');
    return [
      { type: 'StopVMDeployOrder', disable: !(s === 'Running' || s === 'Waiting') },
      { type: 'ResumeVMDeployOrder', disable: !(s === 'Waiting' && !failed) },
    ];
  }

  logOf(m: SimMachine): string {
    const lines = [
      `[${iso(m.createTime)}] connecting to agent on ${m.spec.ip}`,
      m.clientStatus === 'error'
        ? `[${iso(m.updateTime)}] ERROR agent unreachable: connection timed out`
        : `[${iso(m.createTime)}] downloading package app-release.tgz`,
      `[${iso(m.updateTime)}] running deploy.sh`,
      m.status === 'Failed'
        ? `[${iso(m.updateTime)}] ERROR deploy.sh exited with code 1`
        : `[${iso(m.updateTime)}] deploy ${m.status.toLowerCase()}`,
    ];
    return lines.join('\n');
  }

  private current(): SimMachine[] {
    return this.batches[this.state.currentBatch - 1] ?? [];
  }

  /** After any change: pause on a failure, end the batch, start the next or finish. */
  private settle(): void {
    if (this.isFinal()) return;
    const batch = this.current();
    if (batch.some((m) => m.status === 'Failed')) {
      if (this.state.status === 'Running') this.setOrder('Waiting');
      return;
    }
    if (this.state.status === 'Waiting' && !this.state.pausedBetween) this.setOrder('Running');
    if (!batch.every((m) => m.status === 'Success' || m.status === 'Skipped')) return;
    if (this.state.currentBatch >= this.state.totalBatch) {
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
    this.startBatch(this.state.currentBatch + 1);
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
    m.status = status;
    m.clientStatus = clientStatus;
    m.updateTime = this.now();
  }

  private setOrder(status: string): void {
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
