import type { Budget } from '../inputs/config.js';

/** Machines that may end Skipped: a count, or a share of all machines rounded down. */
export function skipBudget(budget: Budget, totalMachines: number): number {
  return budget.kind === 'count' ? budget.count : Math.floor((totalMachines * budget.percent) / 100);
}

export function describeBudget(budget: Budget, totalMachines: number): string {
  const n = skipBudget(budget, totalMachines);
  return budget.kind === 'count'
    ? `max-skipped ${n}`
    : `max-skipped ${budget.percent}% = ${n} of ${totalMachines}`;
}
