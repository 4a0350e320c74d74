// The extras of a CodeArts run: the end of each failed step's log (read newest line first) and the
// build products, whatever size or shape the answers come in.
import { describe, expect, it } from 'vitest';
import type { CodeArtsClient } from '../../../src/providers/codearts/client.js';
import { fetchFailedStepLogs } from '../../../src/providers/codearts/extras.js';
import type { StepLogPage } from '../../../src/providers/codearts/model.js';
import { withRegexInputsAtMost } from '../../support/regex-guard.js';
import { job, run, stage, step } from '../../support/codearts-runs.js';

const failedRun = run({
  status: 'FAILED',
  stages: [
    stage({
      status: 'FAILED',
      jobs: [job({ status: 'FAILED', steps: [step({ status: 'FAILED', message: 'exit 1' })] })],
    }),
  ],
});

const clientAnswering = (log: string): CodeArtsClient =>
  ({
    getStepLog: async (): Promise<StepLogPage> => ({ stepRunId: 'step-build', log, hasMore: false }),
  }) as unknown as CodeArtsClient;

describe('fetchFailedStepLogs', () => {
  it('a page of 16 MB is never split whole: only its newest lines are looked at', async () => {
    // 60 lines newest first, then 16 million line breaks (a whole split of it: ~0.5 GB, seconds)
    const newestFirst = Array.from({ length: 60 }, (_, i) => `line ${59 - i}`);
    const page = newestFirst.join('\n') + '\n'.repeat(16_000_000);
    const warnings: string[] = [];
    const logs = await withRegexInputsAtMost(64 * 1024, () =>
      fetchFailedStepLogs(clientAnswering(page), failedRun, new AbortController().signal, (w) =>
        warnings.push(w),
      ),
    );
    expect(warnings).toEqual([]);
    // the 50 asked for (the newest), oldest first
    expect(logs['step-build']?.lines).toBe(newestFirst.slice(0, 50).reverse().join('\n'));
  });

  it('a step id `__proto__` is a key like any other, its log kept', async () => {
    const odd = run({
      status: 'FAILED',
      stages: [
        stage({
          status: 'FAILED',
          jobs: [job({ status: 'FAILED', steps: [step({ id: '__proto__', status: 'FAILED' })] })],
        }),
      ],
    });
    const logs = await fetchFailedStepLogs(
      clientAnswering('boom'),
      odd,
      new AbortController().signal,
      () => {},
    );
    expect(Object.keys(logs)).toEqual(['__proto__']);
    expect(Object.entries(logs)[0]?.[1].lines).toBe('boom');
  });
});
