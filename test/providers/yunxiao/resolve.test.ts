// From a pipeline to its deploy order, against a fake API: the run and job statuses that end the
// wait, and the job history in either order.
import { describe, expect, it } from 'vitest';
import type {
  DeployJob,
  JobHistoryEntry,
  Page,
  PipelineRun,
  RunJob,
  YunxiaoApi,
} from '../../../src/providers/yunxiao/model.js';
import { MAX_HISTORY_PAGES, resolveDeployOrder } from '../../../src/providers/yunxiao/resolve.js';

const JOB: DeployJob = { identifier: 'deploy', jobName: 'Deploy', lastJobId: '500' };

function deployJob(status: string, withOrder: boolean): RunJob {
  return {
    id: '500',
    name: 'Deploy',
    status,
    actions: withOrder ? [{ type: 'GetVMDeployOrder', params: { deployOrderId: '77' } }] : [],
  };
}

/** A fake API: runs read in turn (the last one repeats), a history of `pages`. */
function api(
  runs: PipelineRun[],
  pages: Array<Page<JobHistoryEntry>> = [],
): YunxiaoApi & { reads: string[] } {
  const reads: string[] = [];
  let n = 0;
  return {
    reads,
    kind: 'openapi',
    listDeployJobs: async () => [JOB],
    listJobHistory: async (_p: string, _i: string, cursor: string | undefined) => {
      reads.push(`history:${cursor ?? 'first'}`);
      const index = cursor === undefined ? 0 : Number(cursor) - 1;
      return pages[index] ?? { items: [] };
    },
    getPipelineRun: async () => {
      reads.push('run');
      return runs[Math.min(n++, runs.length - 1)]!;
    },
  } as unknown as YunxiaoApi & { reads: string[] };
}

const run = (status: string, job: RunJob): PipelineRun => ({
  pipelineRunId: '9',
  pipelineId: '1',
  status,
  jobs: [job],
});

const resolve = (a: YunxiaoApi, req: { pipelineRunId?: string } = { pipelineRunId: '9' }) =>
  resolveDeployOrder(
    { pipelineId: '1', ...req },
    {
      api: a,
      signal: AbortSignal.timeout(2000),
      pollIntervalMs: 1,
      sleep: async (_ms, signal) => signal.throwIfAborted(),
      log: () => {},
    },
  );

describe('resolve: statuses that end the wait for a deploy order', () => {
  it.each(['SUCCESS', 'FAIL', 'FAILED', 'CANCELED', 'CANCELLED', 'TIMEOUT', 'SKIPPED'])(
    'a run %s without an order: no order will come',
    async (status) => {
      await expect(resolve(api([run(status, deployJob('WAITING', false))]))).rejects.toThrow(
        `ended (${status}) without`,
      );
    },
  );

  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'TIMEOUT', 'SKIPPED'])(
    'a deploy job %s without an order while the run goes on: no order will come',
    async (status) => {
      // through the job chain: the deploy job is known by its id even before it has an order
      const history = [
        { items: [{ jobId: '500', pipelineRunId: '9', identifier: 'deploy', jobName: 'Deploy', status }] },
      ];
      await expect(resolve(api([run('RUNNING', deployJob(status, false))], history), {})).rejects.toThrow(
        `The deploy job "Deploy" of pipeline run 9 ended (${status}) without creating a deploy order`,
      );
    },
  );

  it.each(['QUEUED', 'INIT', 'WAITING', 'SWITCH_MANUAL', 'RUNNING', 'SOMETHING_NEW'])(
    'a run %s is waited on until its deploy job creates the order',
    async (status) => {
      const a = api([
        run(status, deployJob('WAITING', false)),
        run(status, deployJob('INIT', false)),
        run('RUNNING', deployJob('RUNNING', true)),
      ]);
      expect((await resolve(a)).deployOrderId).toBe('77');
      expect(a.reads.filter((r) => r === 'run')).toHaveLength(3);
    },
  );
});

describe('resolve: the job history in either order', () => {
  const row = (jobId: string): JobHistoryEntry => ({
    jobId,
    pipelineRunId: jobId === '500' ? '9' : '1',
    identifier: 'deploy',
    jobName: 'Deploy',
    status: 'SUCCESS',
  });
  const ok = [run('RUNNING', deployJob('RUNNING', true))];

  it('newest first: the last run is on the first page', async () => {
    const a = api(ok, [{ items: [row('500'), row('499')], next: '2', last: '9' }]);
    expect((await resolve(a, {})).pipelineRunId).toBe('9');
    expect(a.reads.filter((r) => r.startsWith('history'))).toEqual(['history:first']);
  });

  it('oldest first: the last page is read second', async () => {
    const pages: Array<Page<JobHistoryEntry>> = Array.from({ length: 9 }, (_, i) => ({
      items: [row(String(100 + i))],
      next: i < 8 ? String(i + 2) : undefined,
      last: '9',
    }));
    pages[8] = { items: [row('499'), row('500')], last: '9' };
    const a = api(ok, pages);
    expect((await resolve(a, {})).pipelineRunId).toBe('9');
    expect(a.reads.filter((r) => r.startsWith('history'))).toEqual(['history:first', 'history:9']);
  });

  it('without a page count, pages in order up to the limit, never one cursor twice', async () => {
    const pages: Array<Page<JobHistoryEntry>> = Array.from({ length: 40 }, (_, i) => ({
      items: [row(String(100 + i))],
      next: String(i + 2),
    }));
    const a = api(ok, pages);
    await expect(resolve(a, {})).rejects.toThrow(
      `(${MAX_HISTORY_PAGES} pages read, ${MAX_HISTORY_PAGES} at most)`,
    );
    const loop = api(ok, [
      { items: [row('1')], next: '2' },
      { items: [row('2')], next: '2' },
    ]);
    await expect(resolve(loop, {})).rejects.toThrow('(2 pages read');
  });
});
