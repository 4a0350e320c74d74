// A pipeline's newest runs, by id: the baseline the gate records before it starts a run or waits for
// the next one, and the runs that came after it. Ids, never times: the runner's clock and Yunxiao's
// differ, and a run's id is Yunxiao's own order of its runs.
import type { CallOptions, Page, RunRow, YunxiaoApi } from './model.js';

/** Run list pages to read at most when the newest run is on the last page and no page says which that is. */
export const MAX_RUN_PAGES = 20;

export interface NewestRuns {
  rows: RunRow[];
  /** the newest run is surely among `rows` (false: the list was cut at MAX_RUN_PAGES) */
  complete: boolean;
  pages: number;
}

/**
 * The rows among which the newest runs are, whatever order the list is in (Yunxiao does not
 * document it): the first page, and the last when the server says which it is. With no such page
 * (the classic nextToken), a first page in descending order holds the newest; otherwise the pages
 * are read in turn to the end.
 */
export async function newestRuns(
  api: YunxiaoApi,
  pipelineId: string,
  opts: CallOptions,
): Promise<NewestRuns> {
  const read = new Set<string>();
  const page = (cursor: string | undefined): Promise<Page<RunRow>> => {
    read.add(cursor ?? '');
    return api.listPipelineRuns(pipelineId, cursor, opts);
  };
  const first = await page(undefined);
  // Rows are added one by one, never spread into push(): a page of hundreds of thousands of rows
  // would pass the engine's limit on arguments (a RangeError instead of the newest run).
  const rows = [...first.items];
  if (first.next === undefined) return { rows, complete: true, pages: 1 };
  if (first.last !== undefined) {
    if (!read.has(first.last)) for (const r of (await page(first.last)).items) rows.push(r);
    return { rows, complete: true, pages: read.size };
  }
  if (descending(first.items)) return { rows, complete: true, pages: 1 };
  let cursor: string | undefined = first.next;
  while (cursor !== undefined && !read.has(cursor) && read.size < MAX_RUN_PAGES) {
    const next = await page(cursor);
    for (const r of next.items) rows.push(r);
    cursor = next.next;
  }
  return { rows, complete: cursor === undefined, pages: read.size };
}

/** The largest run id of `rows`, or undefined when there is none. */
export function newestId(rows: readonly RunRow[]): string | undefined {
  let best: string | undefined;
  for (const r of rows) if (best === undefined || idAfter(r.pipelineRunId, best)) best = r.pipelineRunId;
  return best;
}

/** Run ids are decimal strings of any length: compared as integers. */
export function idAfter(a: string, b: string | undefined): boolean {
  if (!/^\d+$/.test(a)) return false;
  if (b === undefined) return true;
  return BigInt(a) > BigInt(b);
}

/** At least two rows, each id below the one before it. */
function descending(rows: readonly RunRow[]): boolean {
  return (
    rows.length > 1 && rows.every((r, i) => i === 0 || idAfter(rows[i - 1]!.pipelineRunId, r.pipelineRunId))
  );
}
