import type { Budget } from './policy.js';

/** Units that may end skipped: a count, or a share of all units rounded down. */
export function skipBudget(budget: Budget, total: number): number {
  if (budget.kind === 'any') return Infinity;
  if (budget.kind === 'count') return Math.max(0, Math.floor(budget.count));
  // The epsilon keeps a fractional percent that is exact on paper (0.3% of 1000 = 3) from losing
  // a unit to binary rounding; it is far below any real fraction of a unit.
  return Math.max(0, Math.floor((total * budget.percent) / 100 + 1e-9));
}

/** The budget as the inputs say it; '' when there is none to say. */
export function describeBudget(budget: Budget, total: number): string {
  if (budget.kind === 'any') return '';
  const n = skipBudget(budget, total);
  return budget.kind === 'count' ? `max-skipped ${n}` : `max-skipped ${budget.percent}% = ${n} of ${total}`;
}
