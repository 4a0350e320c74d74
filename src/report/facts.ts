// What every report reads from a finished run, computed once: counts, the machines that need a
// look, and what this run did to each machine.
import type { Machine } from '../client/model.js';
import type { TakenAction } from '../gate/types.js';
import type { RunOutcome } from './outcome.js';

export interface Counts {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  other: number;
}

export interface Facts {
  counts: Counts;
  /** Failed, Skipped or unreachable machines, by batch */
  needsLook: Machine[];
  /** SNs this run skipped (the skip went through) */
  skippedByUs: string[];
  failedSns: string[];
  /** SN -> what this run did to it, in words */
  didTo: Map<string, string>;
}

export function factsOf(outcome: RunOutcome): Facts {
  const machines = outcome.order?.machines ?? [];
  const counts: Counts = { total: machines.length, succeeded: 0, failed: 0, skipped: 0, other: 0 };
  const needsLook: Machine[] = [];
  const failedSns: string[] = [];
  for (const m of machines) {
    if (m.status === 'Success') counts.succeeded++;
    else if (m.status === 'Failed') {
      counts.failed++;
      failedSns.push(m.machineSn);
    } else if (m.status === 'Skipped') counts.skipped++;
    else counts.other++;
    if (m.status === 'Failed' || m.status === 'Skipped' || m.clientStatus === 'error') needsLook.push(m);
  }
  needsLook.sort((a, b) => a.batchNum - b.batchNum);
  const didTo = describeActions(outcome.taken);
  const skippedByUs = [
    ...new Set(
      outcome.taken.filter((a) => a.kind === 'skip' && a.outcome === 'ok').map((a) => a.machineSn ?? ''),
    ),
  ].filter(Boolean);
  return { counts, needsLook, skippedByUs, failedSns, didTo };
}

function describeActions(taken: readonly TakenAction[]): Map<string, string> {
  const per = new Map<string, { skipped: boolean; retries: number; errors: number }>();
  for (const a of taken) {
    if (!a.machineSn) continue;
    const e = per.get(a.machineSn) ?? { skipped: false, retries: 0, errors: 0 };
    if (a.outcome === 'error') e.errors++;
    else if (a.kind === 'skip') e.skipped = true;
    else if (a.kind === 'retry') e.retries++;
    per.set(a.machineSn, e);
  }
  const out = new Map<string, string>();
  for (const [sn, e] of per) {
    const parts: string[] = [];
    if (e.retries) parts.push(`retried ${e.retries}×`);
    if (e.skipped) parts.push('skipped by this run');
    if (e.errors) parts.push(`${e.errors} action${e.errors > 1 ? 's' : ''} refused`);
    out.set(sn, parts.join(', '));
  }
  return out;
}

/** What the gate did to a machine, or what happened to it otherwise. */
export function actionText(m: Machine, facts: Facts): string {
  const did = facts.didTo.get(m.machineSn);
  if (did) return did;
  if (m.status === 'Skipped') return 'skipped by someone else';
  return 'nothing';
}
