import type { Budget } from '../inputs/config.js';

/** Machines that may end Skipped: a count, or a share of all machines rounded down. */
export function skipBudget(budget: Budget, totalMachines: number): number {
  if (budget.kind === 'count') return Math.max(0, Math.floor(budget.count));
  // The epsilon keeps a fractional percent that is exact on paper (0.3% of 1000 = 3) from losing
  // a machine to binary rounding; it is far below any real fraction of a machine.
  return Math.max(0, Math.floor((totalMachines * budget.percent) / 100 + 1e-9));
}

export function describeBudget(budget: Budget, totalMachines: number): string {
  const n = skipBudget(budget, totalMachines);
  return budget.kind === 'count'
    ? `max-skipped ${n}`
    : `max-skipped ${budget.percent}% = ${n} of ${totalMachines}`;
}
