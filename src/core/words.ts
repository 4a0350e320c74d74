// The words a provider hands the core for what people read: the core reasons about runs, units,
// groups and confirmations, and says "deploy order", "machine", "batch" (or "pipeline run", "job",
// "stage") only through these.
export interface Words {
  /** the service, as people call it (the provider's name) */
  provider: string;
  /** the thing watched, lower case: deploy order, pipeline run */
  run: string;
  /** one unit, lower case: machine, job */
  unit: string;
  /** a group of units, lower case: batch, stage */
  group: string;
  /** the second thing people know a unit by, lower case: ip, stage */
  detail: string;
  /** what a unit that succeeded did, past tense: deployed, completed */
  done: string;
  /** the same as a verb: deploy, complete */
  verb: string;
  /** the verb for passing a confirmation point: resume, pass */
  pass: string;
  /** the verb for refusing one: refuse */
  refuse: string;
  /** the policy that waits for a person, and the one that passes, as the inputs say them */
  waitPolicy: string;
  passPolicy: string;
  refusePolicy: string;
  /** the unit statuses the provider documents, in the order people read them */
  unitStatuses: readonly string[];
  /** the name of the units' reachability, when units have one: agent */
  reachability?: string;
  /** a unit's log, lower case: deploy log, step log */
  log: string;
  /** the confirmation points the reports list, plural, lower case (manual reviews); none: not listed */
  points?: string;
  /** the action kinds as the provider names them in reports (a pass may be a resume) */
  actions: Readonly<Record<ActionKind, string>>;
}

export type ActionKind = 'skip' | 'retry' | 'pass' | 'refuse' | 'stop';

/** "Deploy order" from "deploy order": a sentence starts with it. */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
