// The pipeline's runs: the one that deploys (the scenario's pipelineRunId, following the deploy
// engine), the finished ones before it, and the ones CreatePipelineRun / StartPipelineRun create.
// With `newRun` the deploying run does not exist at first: a start or a push creates it.
import type { Scenario } from './scenario.js';

/** The account that runs and changes the scenario's pipeline (someone else than the token's user). */
export const CREATOR = '66a1b2c3d4e5f60718293a4b';
/** The token's user, as GetUserByToken names it. */
export const TOKEN_USER = '64c0ffee00112233445566aa';
/** An Alibaba Cloud account id: what a run may name instead of the Yunxiao user. */
const ACCOUNT = '1222222222';

/** Repositories of the scenario's code sources. */
export const DEFAULT_REPOSITORIES = ['https://codeup.aliyun.com/acme/shop.git'];

/** triggerMode: 1 manual, 3 code push; 4 for runs started through the API (seen by a public client). */
const MANUAL = 1;
const PUSH = 3;
const API = 4;

export interface StartedRun {
  id: string;
  /** CreatePipelineRun's params as sent (parsed), undefined when none were */
  params?: Record<string, unknown>;
}

/** A run besides the deploying one: finished before it, or created beside it. */
export interface OtherRun {
  id: string;
  status: string;
  creator: string | null;
  triggerMode: number;
}

const minus = (id: string, n: number): string => String(BigInt(id) - BigInt(n));
const plus = (id: string, n: number): string => String(BigInt(id) + BigInt(n));

export class RunBook {
  /** reads of the deploying run (GetPipelineRun, GetLatestPipelineRun) since it exists */
  reads = 0;
  listReads = 0;
  /** the deploying run exists */
  exists: boolean;
  /** what CreatePipelineRun / StartPipelineRun created, in order */
  readonly started: StartedRun[] = [];
  /** runs that are not the deploying one and came after the previous run */
  private readonly later: OtherRun[] = [];

  constructor(private readonly s: Scenario) {
    this.exists = !s.newRun;
  }

  get previousRunId(): string {
    return this.s.previousRunId ?? minus(this.s.pipelineRunId, 1);
  }

  /** the deploy job instance of the previous run */
  get previousJobId(): string {
    return minus(this.s.jobs[0]?.jobId ?? '1', 1);
  }

  get previousOrderId(): string {
    return minus(this.s.deployOrderId, 1);
  }

  /** Who the deploying run names as its creator. */
  get creator(): string | null {
    if (this.s.newRun?.by !== 'start') return CREATOR;
    switch (this.s.startedRunCreator ?? 'user') {
      case 'user':
        return TOKEN_USER;
      case 'empty':
        return '';
      case 'null':
        return null;
      case 'account':
        return ACCOUNT;
    }
  }

  get triggerMode(): number {
    return this.s.newRun?.by === 'start' ? API : this.s.newRun?.by === 'push' ? PUSH : MANUAL;
  }

  /** Before answering a run list: a push run comes to be after its number of reads. */
  onListRead(): void {
    this.listReads++;
    const n = this.s.newRun;
    if (n?.by === 'push' && !this.exists && this.listReads > n.afterListReads) this.exists = true;
  }

  /** CreatePipelineRun / StartPipelineRun: the deploying run when it is due, else a run that deploys nothing. */
  create(params: Record<string, unknown> | undefined): string {
    let id: string;
    if (this.s.newRun?.by === 'start' && !this.exists) {
      this.exists = true;
      this.reads = 0;
      id = this.s.pipelineRunId;
      if (this.s.otherRunAfterStart)
        this.later.push({ id: plus(id, 1), status: 'RUNNING', creator: CREATOR, triggerMode: PUSH });
    } else {
      id = plus(this.newestId(), 1);
      this.later.push({ id, status: 'RUNNING', creator: this.creator, triggerMode: API });
    }
    this.started.push({ id, ...(params ? { params } : {}) });
    return id;
  }

  /** The finished runs before the deploying one, oldest first (previous run last). */
  earlier(): OtherRun[] {
    const n = this.s.newRun ? (this.s.olderRuns ?? 0) + 1 : (this.s.olderRuns ?? 0);
    const first = this.s.newRun ? this.previousRunId : minus(this.s.pipelineRunId, 1);
    return Array.from({ length: n }, (_, i) => ({
      id: minus(first, n - 1 - i),
      status: 'SUCCESS',
      creator: CREATOR,
      triggerMode: MANUAL,
    }));
  }

  /** Runs created beside the deploying one, oldest first. */
  others(): readonly OtherRun[] {
    return this.later;
  }

  private newestId(): string {
    const ids = [
      ...this.earlier().map((r) => r.id),
      ...(this.exists ? [this.s.pipelineRunId] : []),
      ...this.later.map((r) => r.id),
    ];
    return ids.reduce((a, b) => (BigInt(b) > BigInt(a) ? b : a), '0');
  }
}
