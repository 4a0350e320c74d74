// What the report carries besides the order: deploy logs of failed machines and the EMAS artifact URL.
// Both are best effort within a time bound; neither changes what the gate decided.
import type { Snapshot } from '../../core/snapshot.js';
import type { EmasArtifactRequest, YunxiaoApi } from './model.js';
import { messageOf } from '../../common/message.js';
import { tail } from '../../common/log-tail.js';
import type { LogExcerpt } from '../../report/outcome.js';

/** Failed machines whose logs are fetched at most: the rest are in Yunxiao. */
export const MAX_LOGGED_MACHINES = 10;
/** SN -> last lines of its deploy log, for the failed machines of the order. */
export async function fetchFailedLogs(
  api: YunxiaoApi,
  order: Snapshot,
  pipelineId: string,
  signal: AbortSignal,
  warn: (line: string) => void,
): Promise<Record<string, LogExcerpt>> {
  const failed = order.units.filter((m) => m.phase === 'failed').slice(0, MAX_LOGGED_MACHINES);
  const logs: Record<string, LogExcerpt> = {};
  await Promise.all(
    failed.map(async (m) => {
      try {
        const log = await api.getMachineLog(pipelineId, order.id, m.id, { signal });
        const excerpt: LogExcerpt = { lines: tail(log.deployLog ?? '') };
        if (log.deployBeginTime !== undefined) excerpt.began = isoTime(log.deployBeginTime);
        if (log.deployEndTime !== undefined) excerpt.ended = isoTime(log.deployEndTime);
        logs[m.id] = excerpt;
      } catch (err) {
        if (!signal.aborted) warn(`Could not fetch the deploy log of machine ${m.label}: ${messageOf(err)}`);
      }
    }),
  );
  return logs;
}

function isoTime(ms: number): string | undefined {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export type ArtifactResult = { url: string } | { error: string } | undefined;

/** The EMAS artifact URL when coordinates are known (explicit inputs first, else the run's action). */
export async function fetchArtifactUrl(
  api: YunxiaoApi,
  req: Partial<EmasArtifactRequest> | undefined,
  signal: AbortSignal,
): Promise<ArtifactResult> {
  if (!req?.emasJobInstanceId || !req.md5 || !req.serviceConnectionId || !req.pipelineId) return undefined;
  if (!req.pipelineRunId) return { error: 'the pipeline run is not known (pass pipeline-run-id)' };
  try {
    const url = await api.getEmasArtifactUrl(req as EmasArtifactRequest, { signal });
    return { url };
  } catch (err) {
    return { error: messageOf(err) };
  }
}
