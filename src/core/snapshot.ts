// What the gate watches, in no provider's words: a run (a deploy order, a pipeline
// run) with a phase, progress through groups (batches, stages), units (machines, jobs) each with a
// phase, and the points where a person is expected to confirm (a pause between batches, a manual
// review). Each provider maps its own answers into this with a table; the core decides from it alone.
// Statuses stay the provider's own words, for people; phases are what the core reasons with.

/** Where a run is. `unknown`: a status the provider does not document (never an ending). */
export type RunPhase = 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

/** Where a unit is. `unknown`: a status the provider does not document (never finished, never acted on). */
export type UnitPhase = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cancelled' | 'unknown';

/**
 * An action the provider shows on a run, a unit or a confirmation point: absent when it is not
 * offered at all, `allowed: false` when it is offered but disabled now.
 */
export interface Offer {
  allowed: boolean;
  /** why it is not allowed now, in the provider's words, when it says */
  why?: string;
}

export interface Unit {
  /** what the provider acts on it by (a machine SN, a job run id): exact, never cleaned */
  id: string;
  /** what a person knows it by (the SN, the job name) */
  label: string;
  /** a second thing people know it by (an IP, a stage name) */
  detail?: string;
  /** its group (batch number, stage position), 1-based; 0 when none */
  group: number;
  /** the provider's word */
  status: string;
  phase: UnitPhase;
  /** whether the provider documents `status` */
  known: boolean;
  /** its agent can be reached (machines); undefined where it means nothing (jobs) */
  reachable?: boolean;
  /** the provider's word for that reachability, when it has one (`ok`, `error`, ...) */
  agent?: string;
  /** whether the provider documents `agent` */
  agentKnown?: boolean;
  /** the server's time of its last change (ms epoch): compared only with the server's own times */
  updateTime?: number;
  /** how long it ran, by the server's clock, when known */
  durationMs?: number;
  /** a message the provider gives for it (a failed job's reason) */
  message?: string;
  offers: { skip?: Offer; retry?: Offer };
  /** provider-specific details kept for the report (a host name, ...) */
  extra?: Readonly<Record<string, string>>;
}

/** A point where a person is expected to confirm before the run goes on. */
export interface Confirmation {
  /** what the provider acts on it by */
  id: string;
  /** what a person knows it by (batch 2 of 3; a review step's name and stage) */
  label: string;
  /** who is expected to act, when the provider says */
  who?: string;
  offers: { pass?: Offer; refuse?: Offer };
  /** the server's time of its last change, for telling a new pause from one already acted on */
  updateTime?: number;
  /** provider-specific details kept for the reports and outputs (stage, job, step, ...) */
  extra?: Readonly<Record<string, string>>;
}

/** A confirmation point the run has reached, waiting now or not: what the reports list. */
export interface Point {
  /** the same id as its Confirmation while it waits */
  id: string;
  label: string;
  who?: string;
  /** the provider's word for it */
  status: string;
  /** waiting for a person now */
  waiting: boolean;
  extra?: Readonly<Record<string, string>>;
}

/** A group (a stage) as people read it: a unit's phases, and paused (waiting for a person). */
export type GroupPhase = UnitPhase | 'paused';

/** A group (stage) by name, for the reports' row of statuses. */
export interface GroupState {
  name: string;
  /** the provider's word */
  status: string;
  phase: GroupPhase;
}

export interface Snapshot {
  /** the run's id, exactly as the provider gives it */
  id: string;
  /** the provider's word */
  status: string;
  phase: RunPhase;
  /** whether the provider documents `status` */
  known: boolean;
  /** groups done or under way, of all (batches, stages) */
  progress: { current: number; total: number };
  /** the server's time of its last change (ms epoch) */
  updateTime?: number;
  /** a code the provider gives for what went wrong, if any */
  exception?: string;
  offers: { stop?: Offer; retry?: Offer };
  units: Unit[];
  /** confirmation points pending now */
  confirmations: Confirmation[];
  /** every confirmation point reached so far, where the provider shows them (reports only) */
  reached?: Point[];
  /** the groups by name, in order, where they have names (reports only) */
  groups?: GroupState[];
  /** provider-specific details of the run for the reports and outputs (run number, ...) */
  extra?: Readonly<Record<string, string>>;
}
