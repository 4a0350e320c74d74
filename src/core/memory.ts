// What this run already did, per unit, per confirmation and for the run, read once per decision from
// the list of taken actions (O(actions)), so decide() never searches that list per unit.
//
// An action whose answer never came (outcome unknown: the deadline or a cancel cut it) may have been
// applied: it counts as done, so it is never repeated.
import type { GateMemory, Seen, TakenAction } from './types.js';

/** A retry or pass that went through, and whether an answer has shown its effect yet. */
export interface Pending {
  /** index into memory.taken */
  index: number;
  seen?: Seen;
  /** an earlier answer already differed from `seen` */
  effectSeen: boolean;
}

export interface UnitHistory {
  /** a skip went through (or may have): never skip again; wait until the provider shows it skipped */
  skipped: boolean;
  /** a skip failed for good (not transient): never tried again */
  skipRefused?: string;
  /** retries that went through (transient errors do not count) */
  retries: number;
  /** the last retry that went through */
  lastRetry?: Pending;
  /** a retry failed for good: no more retries */
  retryRefused?: string;
}

export interface History {
  units: Map<string, UnitHistory>;
  /** units this gate skipped (or may have) */
  skippedCount: number;
  /** a stop went through (or may have) */
  stopped: boolean;
  /** the last pass of each confirmation that went through */
  confirmations: Map<string, Pending>;
  /**
   * a pass refused for good (not transient) since the last that went through: what was seen when it
   * was planned, and why; never tried again until the confirmation shows a change
   */
  confirmRefused: Map<string, { seen?: Seen; detail: string }>;
  /** retries of the whole run that went through, and the last one */
  runRetries: number;
  runRetry?: Pending;
  /** a retry of the whole run failed for good: no more retries */
  runRetryRefused?: string;
}

/** An error that says "no": trying again would get the same answer. */
const permanent = (a: TakenAction): boolean => a.outcome === 'error' && a.transient !== true;
/** Sent and maybe applied. */
const went = (a: TakenAction): boolean => a.outcome !== 'error';

export function historyOf(memory: GateMemory): History {
  const units = new Map<string, UnitHistory>();
  const h: History = {
    units,
    skippedCount: 0,
    stopped: false,
    confirmations: new Map(),
    confirmRefused: new Map(),
    runRetries: 0,
  };
  memory.taken.forEach((a, index) => {
    const pending = (): Pending => ({ index, seen: a.seen, effectSeen: memory.effectsSeen.has(index) });
    if (a.kind === 'stop') {
      if (went(a)) h.stopped = true;
      return;
    }
    if (a.kind === 'pass' || a.kind === 'refuse') {
      if (a.target === undefined) return;
      if (went(a)) {
        h.confirmations.set(a.target, pending());
        h.confirmRefused.delete(a.target);
      } else if (permanent(a))
        h.confirmRefused.set(a.target, { seen: a.seen, detail: a.detail ?? 'refused' });
      return;
    }
    if (a.target === undefined) {
      // a retry of the whole run
      if (a.kind === 'retry' && went(a)) {
        h.runRetries++;
        h.runRetry = pending();
      } else if (a.kind === 'retry' && permanent(a)) h.runRetryRefused = a.detail ?? 'refused';
      return;
    }
    let u = units.get(a.target);
    if (!u) units.set(a.target, (u = { skipped: false, retries: 0 }));
    if (a.kind === 'skip') {
      if (went(a) && !u.skipped) {
        u.skipped = true;
        h.skippedCount++;
      }
      if (!went(a) && permanent(a)) u.skipRefused = a.detail ?? 'refused';
    } else if (a.kind === 'retry') {
      if (went(a)) {
        u.retries++;
        u.lastRetry = pending();
      } else if (permanent(a)) u.retryRefused = a.detail ?? 'refused';
    }
  });
  return h;
}

/**
 * Whether `now` (the same thing, in a later answer) differs from what was acted on: then the
 * action's effect has shown, and what comes next is new. Only the server's own words and clock.
 */
export function differs(seen: Seen | undefined, now: Seen): boolean {
  if (!seen) return true;
  if (seen.status !== now.status) return true;
  if (seen.group !== undefined && now.group !== undefined && seen.group !== now.group) return true;
  return seen.updateTime !== undefined && now.updateTime !== undefined && seen.updateTime !== now.updateTime;
}
