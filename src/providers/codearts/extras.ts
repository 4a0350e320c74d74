// What the report carries besides the run: the last lines of each failed step's log, and the run's
// build products. Best effort within a time bound; neither changes what the gate decided.
import { tailOfNewestFirst } from '../../common/log-tail.js';
import { messageOf } from '../../common/message.js';
import type { Artifact, LogExcerpt } from '../../report/outcome.js';
import type { CodeArtsClient } from './client.js';
import type { RunDetail } from './model.js';

/** Failed steps whose logs are fetched at most: the rest are in CodeArts. */
const MAX_LOGGED_STEPS = 10;
/** Lines asked for: the end of the log, newest first (`sort: desc`), one request per step. */
const LOG_LINES = 50;
/** Build products listed at most. */
const MAX_ARTIFACTS = 100;

const FAILED_STEP: ReadonlySet<string> = new Set(['FAILED', 'ASYNC_FAILED']);
const FAILED_JOB: ReadonlySet<string> = new Set(['FAILED', 'ASYNC_FAILED']);

/** The failed steps of the failed jobs (or a failed job's last step, when none says it failed). */
function failedSteps(
  run: RunDetail,
): Array<{ jobId: string; stepId: string; title: string; message: string; began?: number; ended?: number }> {
  const out = [];
  for (const stage of run.stages)
    for (const job of stage.jobs) {
      if (!FAILED_JOB.has(job.status)) continue;
      const steps = job.steps.filter((s) => FAILED_STEP.has(s.status));
      const chosen = steps.length > 0 ? steps : job.steps.slice(-1);
      for (const step of chosen)
        out.push({
          jobId: job.id,
          stepId: step.id,
          title: `${stage.name} / ${job.name} / ${step.name}`,
          message: step.message || job.message,
          ...(step.startTime !== undefined ? { began: step.startTime } : {}),
          ...(step.endTime !== undefined ? { ended: step.endTime } : {}),
        });
    }
  return out;
}

/** Step run id -> the end of its log, for the failed steps of the run. */
export async function fetchFailedStepLogs(
  client: CodeArtsClient,
  run: RunDetail,
  signal: AbortSignal,
  warn: (line: string) => void,
): Promise<Record<string, LogExcerpt>> {
  // Keyed by the server's step ids: no prototype, so an id `__proto__` is a key like any other.
  const logs = Object.create(null) as Record<string, LogExcerpt>;
  await Promise.all(
    failedSteps(run)
      .slice(0, MAX_LOGGED_STEPS)
      .map(async (s) => {
        const excerpt: LogExcerpt = { lines: '', title: s.title };
        if (s.message) excerpt.message = s.message;
        if (s.began !== undefined) excerpt.began = iso(s.began);
        if (s.ended !== undefined) excerpt.ended = iso(s.ended);
        try {
          // UNVERIFIED (codearts-api.md 2.6): `desc` taken as newest line first, as its name says.
          const page = await client.getStepLog(
            run.id,
            s.jobId,
            s.stepId,
            { limit: LOG_LINES, sort: 'desc' },
            { signal },
          );
          excerpt.lines = tailOfNewestFirst(page.log, LOG_LINES);
        } catch (err) {
          if (signal.aborted) return;
          warn(`Could not fetch the log of step ${s.title}: ${messageOf(err)}`);
        }
        logs[s.stepId] = excerpt;
      }),
  );
  return logs;
}

/** The run's build products: ShowPipelineArtifacts, else those the run detail names. */
export async function fetchArtifacts(
  client: CodeArtsClient,
  run: RunDetail,
  signal: AbortSignal,
  warn: (line: string) => void,
): Promise<Artifact[]> {
  let listed: Artifact[] = [];
  try {
    listed = (await client.listArtifacts(run.id, { signal })).map(({ name, version, type, url }) => ({
      name,
      version,
      type,
      url,
    }));
  } catch (err) {
    if (!signal.aborted)
      warn(`Could not list the build products of the run: ${messageOf(err)}; the run's own list is used.`);
  }
  const all =
    listed.length > 0
      ? listed
      : run.artifacts.map(({ name, version, type, url }) => ({ name, version, type, url }));
  return all.slice(0, MAX_ARTIFACTS);
}

function iso(ms: number): string | undefined {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
