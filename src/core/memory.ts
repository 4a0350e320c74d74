// What this run already did, per machine and for the order, read once per decision from the list of
// taken actions (O(actions)), so decide() never searches that list per machine.
//
// An action whose answer never came (outcome unknown: the deadline or a cancel cut it) may have been
// applied: it counts as done, so it is never repeated.
import type { GateMemory, Seen, TakenAction } from './types.js';

/** A retry or resume that went through, and whether an answer has shown its effect yet. */
export interface Pending {
  /** index into memory.taken */
  index: number;
  seen?: Seen;
  /** an earlier answer already differed from `seen` */
  effectSeen: boolean;
}

export interface MachineHistory {
  /** a skip went through (or may have): never skip again; wait until Yunxiao shows it Skipped */
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
  machines: Map<string, MachineHistory>;
  /** machines this gate skipped (or may have) */
  skippedCount: number;
  /** a stop went through (or may have) */
  stopped: boolean;
  /** the last resume that went through */
  lastResume?: Pending;
}

/** An error that says "no": trying again would get the same answer. */
const permanent = (a: TakenAction): boolean => a.outcome === 'error' && a.transient !== true;
/** Sent and maybe applied. */
const went = (a: TakenAction): boolean => a.outcome !== 'error';

export function historyOf(memory: GateMemory): History {
  const machines = new Map<string, MachineHistory>();
  const h: History = { machines, skippedCount: 0, stopped: false };
  memory.taken.forEach((a, index) => {
    const pending = (): Pending => ({ index, seen: a.seen, effectSeen: memory.effectsSeen.has(index) });
    if (a.kind === 'stop') {
      if (went(a)) h.stopped = true;
      return;
    }
    if (a.kind === 'resume') {
      if (went(a)) h.lastResume = pending();
      return;
    }
    if (!a.machineSn) return;
    let m = machines.get(a.machineSn);
    if (!m) machines.set(a.machineSn, (m = { skipped: false, retries: 0 }));
    if (a.kind === 'skip') {
      if (went(a) && !m.skipped) {
        m.skipped = true;
        h.skippedCount++;
      } else if (permanent(a)) m.skipRefused = a.detail ?? 'refused';
    } else if (a.kind === 'retry') {
      if (went(a)) {
        m.retries++;
        m.lastRetry = pending();
      } else if (permanent(a)) m.retryRefused = a.detail ?? 'refused';
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
  if (seen.batch !== undefined && now.batch !== undefined && seen.batch !== now.batch) return true;
  return seen.updateTime !== undefined && now.updateTime !== undefined && seen.updateTime !== now.updateTime;
}
