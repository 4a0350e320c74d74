// Types of the functional core: what the gate decides, and what it remembers between polls.

export type Result = 'success' | 'failure' | 'timed-out' | 'cancelled' | 'in-progress';

export type ActionKind = 'skip' | 'retry' | 'resume' | 'stop';

/** An action the decision function asks the shell to perform. */
export interface PlannedAction {
  kind: ActionKind;
  /** for skip and retry */
  machineSn?: string;
  /** one line saying why, for the log and the report */
  reason: string;
}

/** An action the shell performed (or tried to), with its outcome. */
export interface TakenAction extends PlannedAction {
  /** ISO time the request was sent */
  at: string;
  outcome: 'ok' | 'error';
  /** error message when outcome is 'error' */
  detail?: string;
  /** true when the error was transient (network, 5xx, 429): the action may be tried again */
  transient?: boolean;
}

/** What this run already did and saw. The shell appends; decide() only reads. */
export interface GateMemory {
  taken: TakenAction[];
  /** statuses already warned about as unknown (warn once each) */
  warnedStatuses: ReadonlySet<string>;
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
  /** a one-line note on why the gate is waiting, when nothing else happens (e.g. paused for a person) */
  waitingFor?: string;
}
