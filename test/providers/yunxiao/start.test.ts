// start: true and new-run-only against a fake API: the baseline by id, the run list in either order,
// one CreatePipelineRun whatever happens to its answer, and the run found (or not) after a lost answer.
import { describe, expect, it } from 'vitest';
import { DeadlineReached } from '../../../src/watch/abort.js';
import { ApiError } from '../../../src/http/errors.js';
import type {
  Page,
  PipelineDefinition,
  RunParams,
  RunRow,
  YunxiaoApi,
} from '../../../src/providers/yunxiao/model.js';
import { waitForNextRun } from '../../../src/providers/yunxiao/next-run.js';
import { ResolveError } from '../../../src/providers/yunxiao/resolve.js';
import { MAX_RUN_PAGES, newestRuns } from '../../../src/providers/yunxiao/runs.js';
import { RECOVERY_LOOKS, startRun } from '../../../src/providers/yunxiao/start.js';

const ME = 'user-me';
const row = (id: number | string, creatorAccountId = 'someone'): RunRow => ({
  pipelineRunId: String(id),
  status: 'RUNNING',
  creatorAccountId,
});

interface Fake {
  api: YunxiaoApi;
  calls: string[];
  created: RunParams[];
  /** the runs, oldest first; the fake pages them */
  runs: RunRow[];
}

/**
 * A fake API over a list of runs: `order` pages it newest or oldest first, with the last page named
 * (OpenAPI) or not (classic nextToken). `create` says what CreatePipelineRun does.
 */
function fake(opts: {
  runs?: RunRow[];
  order?: 'newest-first' | 'oldest-first';
  lastNamed?: boolean;
  perPage?: number;
  def?: PipelineDefinition;
  create?: (f: Fake) => string;
  user?: () => string;
  classic?: boolean;
}): Fake {
  const f: Fake = {
    calls: [],
    created: [],
    runs: [...(opts.runs ?? [])],
    api: undefined as unknown as YunxiaoApi,
  };
  const perPage = opts.perPage ?? 3;
  f.api = {
    kind: opts.classic ? 'classic' : 'openapi',
    getPipeline: async () => {
      f.calls.push('GetPipeline');
      return opts.def ?? { repositories: ['https://x/a.git'] };
    },
    listPipelineRuns: async (_p: string, cursor: string | undefined): Promise<Page<RunRow>> => {
      f.calls.push(`ListPipelineRuns:${cursor ?? 1}`);
      const rows = opts.order === 'oldest-first' ? [...f.runs] : [...f.runs].reverse();
      const pages = Math.max(1, Math.ceil(rows.length / perPage));
      const page = Number(cursor ?? '1');
      return {
        items: rows.slice((page - 1) * perPage, page * perPage),
        ...(page < pages ? { next: String(page + 1) } : {}),
        ...(opts.lastNamed !== false && pages > 1 ? { last: String(pages) } : {}),
      };
    },
    createPipelineRun: async (_p: string, params: RunParams) => {
      f.calls.push('CreatePipelineRun');
      f.created.push(params);
      return (opts.create ?? (() => '100'))(f);
    },
    ...(opts.classic
      ? {}
      : {
          currentUserId: async () => {
            f.calls.push('GetUserByToken');
            return (opts.user ?? (() => ME))();
          },
        }),
  } as unknown as YunxiaoApi;
  return f;
}

const ctx = (f: Fake, signal: AbortSignal = AbortSignal.timeout(5000)) => ({
  api: f.api,
  signal,
  pollIntervalMs: 1,
  sleep: async (_ms: number, s: AbortSignal) => s.throwIfAborted(),
  log: () => {},
  pipelineUrl: 'https://flow.aliyun.com/pipelines/7/current',
});

const lost = (code = 'ECONNRESET') =>
  new ApiError({
    operation: 'CreatePipelineRun',
    errorCode: code,
    errorMessage: 'no answer',
    retryable: true,
  });

describe('newestRuns: the newest run whatever the order of the list', () => {
  const runs = Array.from({ length: 10 }, (_, i) => row(i + 1));

  it.each([
    ['newest first, last page named', 'newest-first', true, 2],
    ['oldest first, last page named', 'oldest-first', true, 2],
    ['newest first, no last page (nextToken)', 'newest-first', false, 1],
    ['oldest first, no last page: every page', 'oldest-first', false, 4],
  ] as const)('%s', async (_what, order, lastNamed, pages) => {
    const f = fake({ runs, order, lastNamed });
    const got = await newestRuns(f.api, '7', {});
    expect(got.complete).toBe(true);
    expect(got.pages).toBe(pages);
    expect(got.rows.map((r) => r.pipelineRunId)).toContain('10');
  });

  // A run list page of hundreds of thousands of rows (an 8 MB answer) was spread into push(): a
  // RangeError instead of the newest run.
  it('a last page of 300,000 rows', async () => {
    const huge = Array.from({ length: 300_000 }, (_, i) => row(i + 1));
    const f = fake({ runs: [row(0)] });
    f.api.listPipelineRuns = async (_p, cursor) =>
      cursor === undefined ? { items: [row(0)], next: '2', last: '2' } : { items: huge };
    const got = await newestRuns(f.api, '7', {});
    expect(got.rows).toHaveLength(300_001);
    const classic = fake({});
    classic.api.listPipelineRuns = async (_p, cursor) =>
      cursor === undefined ? { items: [row(0), row(1)], next: '2' } : { items: huge };
    expect((await newestRuns(classic.api, '7', {})).rows).toHaveLength(300_002);
  });

  it('one page, or none at all', async () => {
    expect((await newestRuns(fake({ runs: [row(1)] }).api, '7', {})).rows).toHaveLength(1);
    expect(await newestRuns(fake({}).api, '7', {})).toEqual({ rows: [], complete: true, pages: 1 });
  });

  it(`oldest first with no last page and more than ${MAX_RUN_PAGES} pages: not complete`, async () => {
    const many = Array.from({ length: 3 * MAX_RUN_PAGES + 1 }, (_, i) => row(i + 1));
    const f = fake({ runs: many, order: 'oldest-first', lastNamed: false });
    const got = await newestRuns(f.api, '7', {});
    expect([got.complete, got.pages]).toEqual([false, MAX_RUN_PAGES]);
  });
});

describe('startRun', () => {
  it('on a branch: the definition, the baseline, then one CreatePipelineRun with every repository', async () => {
    const f = fake({ runs: [row(5)], def: { repositories: ['https://x/a.git', 'https://x/b.git'] } });
    const started = await startRun('7', { branch: 'main', variables: [{ name: 'A', value: '1' }] }, ctx(f));
    expect(started).toEqual({ pipelineRunId: '100', recovered: false, calls: 3 });
    expect(f.calls).toEqual(['GetPipeline', 'ListPipelineRuns:1', 'CreatePipelineRun']);
    expect(f.created).toEqual([
      { runningBranchs: { 'https://x/a.git': 'main', 'https://x/b.git': 'main' }, envs: { A: '1' } },
    ]);
  });

  // An answer naming a run older than the newest before the request (someone else's, an earlier
  // success) was watched as the gate's own: its deploy's verdict was the gate's.
  it.each(['5', '4'])(
    'an answer naming run %s, not newer than run 5 before it: no run is watched',
    async (id) => {
      const f = fake({ runs: [row(4), row(5)], create: () => id });
      const err = (await startRun('7', { variables: [] }, ctx(f)).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(ResolveError);
      expect(err.message).toMatch(
        new RegExp(
          `^CreatePipelineRun answered run ${id}, which is not newer than run 5, the newest before the request`,
        ),
      );
      expect(err.message).toContain('https://flow.aliyun.com/pipelines/7/current');
      expect(f.calls.filter((c) => c === 'CreatePipelineRun')).toHaveLength(1);
    },
  );

  it('with neither branch nor tag the definition is not read', async () => {
    const f = fake({});
    await startRun('7', { variables: [] }, ctx(f));
    expect(f.calls).toEqual(['ListPipelineRuns:1', 'CreatePipelineRun']);
  });

  it('a pipeline without a repository fails before anything is started', async () => {
    const f = fake({ def: { repositories: [], flow: 'stages: {}' } });
    await expect(startRun('7', { tag: 'v1', variables: [] }, ctx(f))).rejects.toThrow(
      /^tag: pipeline 7 has no code source with a repository .* Nothing was started/,
    );
    expect(f.calls).toEqual(['GetPipeline']);
  });

  it('a refusal (4xx) is the error as it came: nothing was started, nothing is looked for', async () => {
    const refused = new ApiError({
      operation: 'CreatePipelineRun',
      status: 403,
      errorCode: 'Forbidden',
      retryable: false,
    });
    const f = fake({
      create: () => {
        throw refused;
      },
    });
    await expect(startRun('7', { variables: [] }, ctx(f))).rejects.toBe(refused);
    expect(f.calls).toEqual(['ListPipelineRuns:1', 'CreatePipelineRun']);
  });

  it.each(['newest-first', 'oldest-first'] as const)(
    'a lost answer (%s): never sent again; the newest run of this token after the baseline, by id',
    async (order) => {
      const f = fake({
        order,
        runs: [row(3, ME), row(4)],
        create: (fk) => {
          // the run was started (as 5), someone else's came after it, then the answer was lost
          fk.runs.push(row(5, ME), row(6, 'other'));
          throw lost();
        },
      });
      const started = await startRun('7', { variables: [] }, ctx(f));
      expect(started).toMatchObject({ pipelineRunId: '5', recovered: true });
      expect(f.calls.filter((c) => c === 'CreatePipelineRun')).toHaveLength(1);
      expect(f.calls).toContain('GetUserByToken');
    },
  );

  it('a lost answer and a run that shows late: looked for again, poll-interval apart', async () => {
    let looks = 0;
    const f = fake({ runs: [row(3)], create: () => Promise.reject(lost('ETIMEDOUT')) as never });
    const list = f.api.listPipelineRuns.bind(f.api);
    f.api.listPipelineRuns = async (p, c, o) => {
      if (f.created.length > 0 && ++looks === 2) f.runs.push(row(4, ME));
      return list(p, c, o);
    };
    const started = await startRun('7', { variables: [] }, ctx(f));
    expect([started.pipelineRunId, looks]).toEqual(['4', 2]);
  });

  it.each([
    [
      'runs that name no creator',
      '',
      /1 run\(s\) were created after run 3, none of them named as this token's/,
    ],
    ['no new run at all', undefined, /no run was created after run 3/],
  ])(
    'a lost answer with %s: fails saying a run may have been started, with the link',
    async (_w, creator, why) => {
      const f = fake({
        runs: [row(3, ME)],
        create: (fk) => {
          if (creator !== undefined) fk.runs.push(row(4, creator));
          throw lost();
        },
      });
      const err = (await startRun('7', { variables: [] }, ctx(f)).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(ResolveError);
      expect(err.message).toMatch(
        /^CreatePipelineRun was sent once and its answer was lost \(.*\)\. A run may have been started/,
      );
      expect(err.message).toMatch(why);
      expect(err.message).toContain('https://flow.aliyun.com/pipelines/7/current');
      expect(f.calls.filter((c) => c === 'CreatePipelineRun')).toHaveLength(1);
      expect(f.calls.filter((c) => c.startsWith('ListPipelineRuns'))).toHaveLength(1 + RECOVERY_LOOKS);
    },
  );

  it('a lost answer when GetUserByToken is refused: fails saying so, no run taken', async () => {
    const f = fake({
      runs: [row(3)],
      create: (fk) => {
        fk.runs.push(row(4, ME));
        throw lost();
      },
      user: () => {
        throw new ApiError({
          operation: 'GetUserByToken',
          status: 403,
          errorCode: 'Forbidden',
          retryable: false,
        });
      },
    });
    await expect(startRun('7', { variables: [] }, ctx(f))).rejects.toThrow(
      /could not find one of its own: GetUserByToken, which tells whose runs are the token's, failed: GetUserByToken failed: HTTP 403/,
    );
  });

  it('a lost answer, then the run list fails too: still says a run may have been started', async () => {
    const f = fake({ runs: [row(3)], create: () => Promise.reject(lost()) as never });
    const list = f.api.listPipelineRuns.bind(f.api);
    f.api.listPipelineRuns = async (p, c, o) => {
      if (f.created.length > 0)
        throw new ApiError({ operation: 'ListPipelineRuns', status: 500, retryable: true });
      return list(p, c, o);
    };
    await expect(startRun('7', { variables: [] }, ctx(f))).rejects.toThrow(
      /A run may have been started, and the gate did not start another; it could not find one of its own: looking for it failed: ListPipelineRuns failed: HTTP 500/,
    );
  });

  it('a lost answer, then the deadline while looking: a run may have been started, the abort is the cause', async () => {
    const deadline = new AbortController();
    const f = fake({ runs: [row(3)], create: () => Promise.reject(lost()) as never });
    f.api.currentUserId = async () => {
      deadline.abort(new DeadlineReached(20_000));
      throw deadline.signal.reason;
    };
    const err = (await startRun('7', { variables: [] }, ctx(f, deadline.signal)).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toMatch(
      /^CreatePipelineRun was sent once and its answer was lost \(.*\)\. A run may have been started, and the gate did not start another; the deadline \(timeout 20s\) was reached while it looked for it\. See/,
    );
    expect(err.cause).toBe(deadline.signal.reason);
  });

  it('a lost answer over the classic API: it cannot tell its runs, and says so', async () => {
    const f = fake({ classic: true, runs: [row(3)], create: () => Promise.reject(lost()) as never });
    await expect(startRun('7', { variables: [] }, ctx(f))).rejects.toThrow(
      /^StartPipelineRun was sent once .* the classic API cannot say which account the AccessKey is/,
    );
    expect(f.calls.filter((c) => c.startsWith('ListPipelineRuns'))).toHaveLength(1);
  });

  it('the deadline while the request is out: a run may have been started, the abort is the cause', async () => {
    const deadline = new AbortController();
    const f = fake({
      create: () => {
        deadline.abort(new DeadlineReached(20_000));
        throw deadline.signal.reason;
      },
    });
    const err = (await startRun('7', { variables: [] }, ctx(f, deadline.signal)).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toBe(
      "CreatePipelineRun was sent, and the deadline (timeout 20s) was reached before its answer came: a run may have been started (the gate started no other). See the pipeline's runs: https://flow.aliyun.com/pipelines/7/current",
    );
    expect(err.cause).toBe(deadline.signal.reason);
  });
});

describe('waitForNextRun', () => {
  const now = () => new Date('2026-12-01T10:00:00.000Z');

  it('records the newest run by id, then takes the first newer one', async () => {
    let reads = 0;
    const f = fake({ runs: [row(7), row(9), row(8)] });
    const list = f.api.listPipelineRuns.bind(f.api);
    f.api.listPipelineRuns = async (p, c, o) => {
      // two new runs appear at once on the third read: the next one (10) is gated, not the newest
      if (++reads === 3) f.runs.push(row(11), row(10));
      return list(p, c, o);
    };
    const lines: string[] = [];
    const next = await waitForNextRun('7', { ...ctx(f), log: (l) => lines.push(l) }, now);
    expect(next).toEqual({ pipelineRunId: '10', after: '9', since: '2026-12-01T10:00:00.000Z', calls: 4 });
    expect(lines[0]).toBe(
      'new-run-only: waiting for a pipeline run newer than run 9 (the newest when the gate began, at 2026-12-01T10:00:00.000Z runner time).',
    );
  });

  it('a pipeline with no run yet: its first run', async () => {
    const f = fake({});
    const list = f.api.listPipelineRuns.bind(f.api);
    f.api.listPipelineRuns = async (p, c, o) => {
      if (f.calls.length === 1) f.runs.push(row(1));
      return list(p, c, o);
    };
    const next = await waitForNextRun('7', ctx(f), now);
    expect(next.pipelineRunId).toBe('1');
    expect(next).not.toHaveProperty('after');
  });

  it('a read that fails for a while is looked at again; a refusal ends the wait', async () => {
    let reads = 0;
    const f = fake({ runs: [row(1)] });
    const list = f.api.listPipelineRuns.bind(f.api);
    f.api.listPipelineRuns = async (p, c, o) => {
      reads++;
      if (reads === 2) throw new ApiError({ operation: 'ListPipelineRuns', status: 503, retryable: true });
      if (reads === 3) f.runs.push(row(2));
      return list(p, c, o);
    };
    expect((await waitForNextRun('7', ctx(f), now)).pipelineRunId).toBe('2');
    const refused = new ApiError({ operation: 'ListPipelineRuns', status: 403, retryable: false });
    const g = fake({ runs: [row(1)] });
    g.api.listPipelineRuns = async () => {
      if (g.calls.push('x') > 1) throw refused;
      return { items: [row(1)] };
    };
    await expect(waitForNextRun('7', ctx(g), now)).rejects.toBe(refused);
  });

  it('no new run before the deadline: says so, with the abort as the cause', async () => {
    const deadline = new AbortController();
    const f = fake({ runs: [row(88)] });
    const sleep = async (_ms: number, s: AbortSignal) => {
      if (f.calls.length >= 3) deadline.abort(new DeadlineReached(20_000));
      s.throwIfAborted();
    };
    const err = (await waitForNextRun('7', { ...ctx(f, deadline.signal), sleep }, now).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toBe(
      'no new run appeared: a pipeline run newer than run 88 (the newest when the gate began waiting at 2026-12-01T10:00:00.000Z) did not appear before the deadline (timeout 20s) was reached.',
    );
    expect(err.cause).toBe(deadline.signal.reason);
  });
});
