// The Yunxiao provider: a pipeline's deploy order, found through its DEPLOY job, read and acted on
// through the OpenAPI (token) or the classic API (AccessKey), with the EMAS artifact URL and the
// failed machines' deploy logs as its extras.
import type { PlannedAction } from '../../core/types.js';
import type { Dispatcher } from '../../http/dispatch.js';
import type { Fact } from '../../report/presentation.js';
import { NothingToWatchYet, type Extras, type Provider, type Watched } from '../../watch/provider.js';
import { createApi } from './api.js';
import { fetchArtifactUrl, fetchFailedLogs } from './extras.js';
import type { YunxiaoConfig } from './inputs.js';
import { deployUrl } from './links.js';
import type { YunxiaoApi } from './model.js';
import { YUNXIAO_OUTPUTS } from './outputs.js';
import { waitForNextRun } from './next-run.js';
import { originFact, yunxiaoPresentation, type RunOrigin } from './presentation.js';
import { resolveDeployOrder, type Resolution, type ResolveContext } from './resolve.js';
import type { StartInputs } from './run-inputs.js';
import { YUNXIAO_WORDS } from './snapshot.js';
import { startRun } from './start.js';

export async function yunxiaoProvider(
  config: YunxiaoConfig,
  dispatcher: Dispatcher,
  debug: (line: string) => void,
): Promise<Provider> {
  const api = await createApi(config, dispatcher, debug);
  const { pipelineId } = config;
  const link = (runId?: string): string =>
    deployUrl({ api: api.kind, edition: config.edition, endpoint: config.endpoint }, pipelineId, runId);
  // the run the gate started or waited for, once it knows it: the reports have it even when no order came
  let origin: RunOrigin | undefined;
  return {
    words: YUNXIAO_WORDS,
    get facts(): Fact[] {
      const facts: Fact[] = [{ key: 'pipelineId', label: 'Pipeline', id: pipelineId }];
      if (!origin) return facts;
      const url = link(origin.pipelineRunId);
      return [
        ...facts,
        { key: 'pipelineRunId', label: 'Run', id: origin.pipelineRunId, link: url },
        originFact(origin),
        { key: 'deployUrl', label: 'Link', text: url, hidden: true },
      ];
    },
    outputs: YUNXIAO_OUTPUTS,
    lastError: () => api.lastError(),
    async resolve(ctx) {
      const rctx: ResolveContext = {
        api,
        signal: ctx.signal,
        pollIntervalMs: ctx.pollIntervalMs,
        sleep: ctx.sleep,
        log: ctx.log,
      };
      let pipelineRunId = config.pipelineRunId;
      let calls = 0;
      if (config.start) {
        const started = await startRun(pipelineId, config.start, { ...rctx, pipelineUrl: link() });
        const what = startedWith(config.start);
        origin = {
          kind: 'started',
          pipelineRunId: started.pipelineRunId,
          recovered: started.recovered,
          with: what,
        };
        pipelineRunId = started.pipelineRunId;
        calls = started.calls;
        const line = `Started pipeline run ${pipelineRunId} of pipeline ${pipelineId}${what ? ` ${what}` : ''}`;
        if (!config.wait)
          throw new NothingToWatchYet(
            `${line}; not waiting for its deploy (wait: false): ${link(pipelineRunId)}`,
          );
        ctx.log(`${line}: ${link(pipelineRunId)}`);
      } else if (config.newRunOnly) {
        const next = await waitForNextRun(pipelineId, rctx);
        origin = { kind: 'next', pipelineRunId: next.pipelineRunId, after: next.after, since: next.since };
        pipelineRunId = next.pipelineRunId;
        calls = next.calls;
      }
      const resolution = await resolveDeployOrder(
        { pipelineId, deployOrderId: config.deployOrderId, pipelineRunId, job: config.job },
        rctx,
      );
      return watched(config, api, { ...resolution, calls: resolution.calls + calls }, origin);
    },
  };
}

/** What the run was asked to run, in words: "on branch main, with 2 variables (A, B)". */
function startedWith(s: StartInputs): string {
  const parts: string[] = [];
  if (s.branch) parts.push(`on branch ${s.branch}`);
  if (s.tag) parts.push(`on tag ${s.tag}`);
  const n = s.variables.length;
  if (n > 0)
    parts.push(`with ${n} variable${n === 1 ? '' : 's'} (${s.variables.map((v) => v.name).join(', ')})`);
  return parts.join(', ');
}

function watched(config: YunxiaoConfig, api: YunxiaoApi, r: Resolution, origin?: RunOrigin): Watched {
  const { pipelineId } = config;
  const orderId = r.deployOrderId;
  const url = deployUrl(
    { api: api.kind, edition: config.edition, endpoint: config.endpoint },
    pipelineId,
    r.pipelineRunId,
  );
  return {
    presentation: yunxiaoPresentation(config, api.kind, r, url, origin),
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
