// Links to the Yunxiao console for people reading the log and the summary.
import type { Edition } from './inputs.js';

const CENTRAL_CONSOLE = 'https://flow.aliyun.com';

/**
 * The pipeline run page (or the pipeline's current run when the run is unknown). The central
 * edition and the classic API live on flow.aliyun.com; a region-edition instance serves its
 * console on its own domain, the one the API endpoint names.
 */
export function deployUrl(
  opts: { api: 'openapi' | 'classic'; edition?: Edition; endpoint: string },
  pipelineId: string,
  pipelineRunId?: string,
): string {
  const base =
    opts.api === 'openapi' && opts.edition === 'region' ? new URL(opts.endpoint).origin : CENTRAL_CONSOLE;
  const p = encodeURIComponent(pipelineId);
  return pipelineRunId
    ? `${base}/pipelines/${p}/builds/${encodeURIComponent(pipelineRunId)}`
    : `${base}/pipelines/${p}/current`;
}
