// Types of the functional core: what the gate decides, and what it remembers between polls.

export type Result = 'success' | 'failure' | 'timed-out' | 'cancelled' | 'in-progress';

import type { ActionKind } from './words.js';

export type { ActionKind };

/**
 * What the server showed of the thing acted on when the action was planned, in the server's own
 * terms and clock: its effect shows once a later answer differs from this. The runner's clock is
 * never compared with the server's.
 */
export interface Seen {
  status: string;
  /** the server's updateTime (ms epoch), when it sent one */
  updateTime?: number;
  /** the run's current group (for a pass) */
  group?: number;
}

/** An action the decision function asks the shell to perform. */
export interface PlannedAction {
  kind: ActionKind;
  /** what it acts on: a unit's id (skip, retry), a confirmation's id (pass, refuse); none for the run */
  target?: string;
  /** what people know the target by (a machine SN, a review's name) */
  label?: string;
  /** one line saying why, for the log and the report */
  reason: string;
  /** for retry and pass: the state acted on */
  seen?: Seen;
}

/** An action the shell performed (or tried to), with its outcome. */
export interface TakenAction extends PlannedAction {
  /** ISO time (the runner's clock) the request was sent: for the timeline, never for decisions */
  at: string;
  /** unknown: sent, and the deadline or a cancel came before the answer */
  outcome: 'ok' | 'error' | 'unknown';
  /** error message when outcome is 'error' or 'unknown' */
  detail?: string;
  /** true when the error was transient (network, 5xx, 429): the action may be tried again */
  transient?: boolean;
}

/** What this run already did and saw. The shell appends; decide() only reads. */
export interface GateMemory {
  taken: TakenAction[];
  /** statuses already warned about as unknown (warn once each) */
  warnedStatuses: ReadonlySet<string>;
  /** indexes into `taken` of the retries and passes whose effect an answer has shown */
  effectsSeen: ReadonlySet<number>;
}

export interface Verdict {
  result: Exclude<Result, 'in-progress'>;
  /** one clear sentence: why the watch ended this way */
  reason: string;
}

export interface Decision {
  /** actions to take now, in order */
  actions: PlannedAction[];
  /** set when the watch is over */
  verdict?: Verdict;
  /** warnings to print once (e.g. an unknown status) */
  warnings: string[];
  /** statuses newly warned about, to add to memory.warnedStatuses */
  newlyWarned: string[];
  /** indexes into memory.taken whose effect this answer shows, to add to memory.effectsSeen */
  effectsSeen: number[];
  /** a one-line note on why the gate is waiting, when nothing else happens (e.g. paused for a person) */
  waitingFor?: string;
}
