import { describe, expect, it } from 'vitest';
import { describeBudget, skipBudget } from '../../src/core/budget.js';
import type { Budget } from '../../src/core/policy.js';

const count = (n: number): Budget => ({ kind: 'count', count: n });
const share = (percent: number): Budget => ({ kind: 'share', percent });

describe('skipBudget', () => {
  it.each<[string, Budget, number, number]>([
    ['a count is the count, whatever the size', count(3), 1000, 3],
    ['a count of 0', count(0), 10, 0],
    ['a count larger than the order', count(5), 2, 5],
    ['10% of 20', share(10), 20, 2],
    ['10% of 19 rounds down to 1', share(10), 19, 1],
    ['10% of 9 rounds down to 0', share(10), 9, 0],
    ['50% of 1 is 0', share(50), 1, 0],
    ['100% of 7', share(100), 7, 7],
    ['0% of 10,000', share(0), 10_000, 0],
    ['33.3% of 300 is 99', share(33.3), 300, 99],
    ['0.3% of 1000 is exactly 3, not 2', share(0.3), 1000, 3],
    ['0.57% of 100 rounds down to 0', share(0.57), 100, 0],
    ['a share of an empty order', share(10), 0, 0],
  ])('%s', (_name, budget, total, expected) => {
    expect(skipBudget(budget, total)).toBe(expected);
  });
});

describe('describeBudget', () => {
  it('shows a count as is and a share with what it comes to', () => {
    expect(describeBudget(count(2), 50)).toBe('max-skipped 2');
    expect(describeBudget(share(10), 19)).toBe('max-skipped 10% = 1 of 19');
  });
});

describe('a budget of any number (skipping is the pipeline’s own choice)', () => {
  it('never runs out, and says nothing', () => {
    expect(skipBudget({ kind: 'any' }, 10_000)).toBe(Infinity);
    expect(describeBudget({ kind: 'any' }, 3)).toBe('');
  });
});
