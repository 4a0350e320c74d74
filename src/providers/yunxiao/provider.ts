// The Yunxiao provider: a pipeline's deploy order, found through its DEPLOY job, read and acted on
// through the OpenAPI (token) or the classic API (AccessKey), with the EMAS artifact URL and the
// failed machines' deploy logs as its extras.
import type { PlannedAction } from '../../core/types.js';
import type { Dispatcher } from '../../http/undici.js';
import type { Extras, Provider, Watched } from '../../watch/provider.js';
import { createApi } from './api.js';
import { fetchArtifactUrl, fetchFailedLogs } from './extras.js';
import type { YunxiaoConfig } from './inputs.js';
import { deployUrl } from './links.js';
import type { YunxiaoApi } from './model.js';
import { YUNXIAO_OUTPUTS } from './outputs.js';
import { yunxiaoPresentation } from './presentation.js';
import { resolveDeployOrder, type Resolution } from './resolve.js';
import { YUNXIAO_WORDS } from './snapshot.js';

export async function yunxiaoProvider(
  config: YunxiaoConfig,
  dispatcher: Dispatcher,
  debug: (line: string) => void,
): Promise<Provider> {
  const api = await createApi(config, dispatcher, debug);
  return {
    words: YUNXIAO_WORDS,
    facts: [{ key: 'pipelineId', label: 'Pipeline', id: config.pipelineId }],
    outputs: YUNXIAO_OUTPUTS,
    lastError: () => api.lastError(),
    async resolve(ctx) {
      const resolution = await resolveDeployOrder(config, {
        api,
        signal: ctx.signal,
        pollIntervalMs: ctx.pollIntervalMs,
        sleep: ctx.sleep,
        log: ctx.log,
      });
      return watched(config, api, resolution);
    },
  };
}

function watched(config: YunxiaoConfig, api: YunxiaoApi, r: Resolution): Watched {
  const { pipelineId } = config;
  const orderId = r.deployOrderId;
  const url = deployUrl(
    { api: api.kind, edition: config.edition, endpoint: config.endpoint },
    pipelineId,
    r.pipelineRunId,
  );
  return {
    presentation: yunxiaoPresentation(config, api.kind, r, url),
    line:
      `Deploy order ${orderId} of pipeline ${pipelineId}` +
      (r.pipelineRunId ? `, run ${r.pipelineRunId}` : '') +
      (r.jobName ? `, job "${r.jobName}"` : '') +
      ` (${r.calls} lookup calls): ${url}`,
    description: `Yunxiao deploy order ${orderId}`,
    read: (signal) => api.getDeployOrder(pipelineId, orderId, { signal }),
    perform: (action, signal) => perform(api, pipelineId, orderId, action, signal),
    async extras(last, result, signal): Promise<Extras> {
      const warnings: string[] = [];
      const [logs, artifact] = await Promise.all([
        config.machineLogs && last
          ? fetchFailedLogs(api, last, pipelineId, signal, (w) => warnings.push(w))
          : Promise.resolve({}),
        fetchArtifactUrl(
          api,
          (config.emas ?? r.emasFromRun) && {
            ...(config.emas ?? r.emasFromRun),
            pipelineId,
            pipelineRunId: r.pipelineRunId ?? config.pipelineRunId,
          },
          signal,
        ),
      ]);
      const extras: Extras = { logs, warnings };
      if (artifact && 'url' in artifact) extras.artifactUrl = artifact.url;
      else if (artifact) {
        const line = `Could not get the EMAS artifact URL: ${artifact.error}`;
        // Asked for explicitly: a success without it is a failure; from the run, a warning.
        if (config.emas && result === 'success')
          extras.failure = `could not get the EMAS artifact URL: ${artifact.error}`;
        else warnings.push(line);
      }
      return extras;
    },
  };
}

function perform(
  api: YunxiaoApi,
  pipelineId: string,
  orderId: string,
  action: PlannedAction,
  signal: AbortSignal,
): Promise<boolean> {
  const o = { signal };
  const sn = action.target ?? '';
  switch (action.kind) {
    case 'skip':
      return api.skipMachine(pipelineId, orderId, sn, o);
    case 'retry':
      return api.retryMachine(pipelineId, orderId, sn, o);
    case 'pass':
      return api.resumeDeployOrder(pipelineId, orderId, o);
    case 'stop':
      return api.stopDeployOrder(pipelineId, orderId, o);
    case 'refuse':
      // Yunxiao has no refusal of a pause: the policy never asks for one (resume is never or auto).
      return Promise.resolve(false);
  }
}
