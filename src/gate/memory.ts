// What this run already did, per machine and for the order, read once per decision from the list of
// taken actions (O(actions)), so decide() never searches that list per machine.
import type { GateMemory, TakenAction } from './types.js';

export interface MachineHistory {
  /** a skip went through: never skip again; wait until Yunxiao shows it Skipped */
  skipped: boolean;
  /** a skip failed for good (not transient): never tried again */
  skipRefused?: string;
  /** retries that went through (transient errors do not count) */
  retries: number;
  /** ms epoch of the last retry that went through */
  lastRetryAt?: number;
  /** a retry failed for good: no more retries */
  retryRefused?: string;
}

export interface History {
  machines: Map<string, MachineHistory>;
  /** a stop went through */
  stopped: boolean;
  /** ms epoch of the last resume that went through */
  lastResumeAt?: number;
}

/** An error that says "no": trying again would get the same answer. */
const permanent = (a: TakenAction): boolean => a.outcome === 'error' && a.transient !== true;

export function historyOf(memory: GateMemory): History {
  const machines = new Map<string, MachineHistory>();
  const h: History = { machines, stopped: false };
  for (const a of memory.taken) {
    if (a.kind === 'stop') {
      if (a.outcome === 'ok') h.stopped = true;
      continue;
    }
    if (a.kind === 'resume') {
      if (a.outcome === 'ok') h.lastResumeAt = Date.parse(a.at);
      continue;
    }
    if (!a.machineSn) continue;
    let m = machines.get(a.machineSn);
    if (!m) machines.set(a.machineSn, (m = { skipped: false, retries: 0 }));
    if (a.kind === 'skip') {
      if (a.outcome === 'ok') m.skipped = true;
      else if (permanent(a)) m.skipRefused = a.detail ?? 'refused';
    } else if (a.kind === 'retry') {
      if (a.outcome === 'ok') {
        m.retries++;
        m.lastRetryAt = Date.parse(a.at);
      } else if (permanent(a)) m.retryRefused = a.detail ?? 'refused';
    }
  }
  return h;
}
