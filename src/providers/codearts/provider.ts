// The CodeArts provider: a pipeline's run, given, started, or found by commit or as the newest,
// read and acted on through the v5 API (AK/SK signed, or an IAM token): failed jobs retried with the
// run, manual reviews and check points passed or refused, the run stopped; with the failed steps'
// logs and the build products as its extras.
import { oneLine } from '../../common/untrusted.js';
import type { PlannedAction } from '../../core/types.js';
import type { Dispatcher } from '../../http/dispatch.js';
import type { Extras, Provider, Watched } from '../../watch/provider.js';
import { CodeArtsClient } from './client.js';
import { fetchArtifacts, fetchFailedStepLogs } from './extras.js';
import type { CodeArtsConfig } from './inputs.js';
import { CODEARTS_WORDS, parseConfirmationId, toSnapshot } from './mapping.js';
import type { RunDetail } from './model.js';
import { CODEARTS_OUTPUTS } from './outputs.js';
import { codeArtsPresentation, consoleUrl } from './presentation.js';
import { resolveRun } from './resolve.js';

export function codeArtsProvider(
  config: CodeArtsConfig,
  dispatcher: Dispatcher,
  debug: (line: string) => void,
): Provider {
  const client = new CodeArtsClient({
    endpoint: config.endpoint,
    projectId: config.projectId,
    pipelineId: config.pipelineId,
    credentials: config.credentials,
    dispatcher,
    debug,
  });
  return {
    words: CODEARTS_WORDS,
    facts: [
      { key: 'projectId', label: 'Project', id: config.projectId },
      { key: 'pipelineId', label: 'Pipeline', id: config.pipelineId },
    ],
    outputs: CODEARTS_OUTPUTS,
    lastError: () => client.lastError(),
    async resolve(ctx) {
      const r = await resolveRun(config.target, client, ctx);
      return watched(config, client, r.runId, r.first.run, {
        line: `Pipeline run ${r.runId}${r.first.run.runNumber !== undefined ? ` (#${r.first.run.runNumber})` : ''} of pipeline ${config.pipelineId}, ${r.how} (${r.calls} calls)`,
        presentation: codeArtsPresentation(
          config,
          {
            ...r,
            ...(r.first.run.runNumber !== undefined ? { runNumber: r.first.run.runNumber } : {}),
            ...(r.first.run.name ? { pipelineName: r.first.run.name } : {}),
          },
          consoleUrl(r.first.run.detailUrl),
        ),
      });
    },
  };
}

function watched(
  config: CodeArtsConfig,
  client: CodeArtsClient,
  runId: string,
  first: RunDetail,
  shown: Pick<Watched, 'line' | 'presentation'>,
): Watched {
  // The run as last read, for the step logs after the verdict.
  let last: RunDetail = first;
  return {
    ...shown,
    line: shown.presentation.url ? `${shown.line}: ${shown.presentation.url}` : shown.line,
    description: `CodeArts pipeline run ${runId}`,
    async read(signal) {
      const { run, raw } = await client.getRun(runId, { signal });
      last = run;
      return { snapshot: toSnapshot(run), raw };
    },
    perform: (action, signal) => perform(client, runId, config.reviewComment, action, signal),
    async extras(_snapshot, _result, signal): Promise<Extras> {
      const warnings: string[] = [];
      const warn = (w: string): void => void warnings.push(w);
      const [logs, artifacts] = await Promise.all([
        config.stepLogs ? fetchFailedStepLogs(client, last, signal, warn) : Promise.resolve({}),
        fetchArtifacts(client, last, signal, warn),
      ]);
      const extras: Extras = { logs, warnings, artifacts };
      // The output a later step downloads from: only an http(s) URL of one line, never whatever text
      // the server put there (a `javascript:` link, a command line).
      const url = artifacts.find((a) => isDownloadUrl(a.url))?.url;
      if (url) extras.artifactUrl = url;
      return extras;
    },
  };
}

async function perform(
  client: CodeArtsClient,
  runId: string,
  comment: string | undefined,
  action: PlannedAction,
  signal: AbortSignal,
): Promise<boolean> {
  const o = { signal };
  switch (action.kind) {
    case 'retry':
      // The run's failed jobs, all of them: RetryPipelineRun with no job list.
      return (await client.retryRun(runId, undefined, o)) !== undefined;
    case 'stop':
      return client.stopRun(runId, o);
    case 'pass':
    case 'refuse': {
      const ref = parseConfirmationId(action.target ?? '');
      if (!ref) return false;
      const pass = action.kind === 'pass';
      if (ref.kind === 'review')
        return pass
          ? client.passReview(runId, ref.jobRunId, ref.stepRunId, comment, o)
          : client.refuseReview(runId, ref.jobRunId, ref.stepRunId, comment, o);
      return pass
        ? client.passCheckpoint(runId, ref.stepRunId, comment, o)
        : client.refuseCheckpoint(runId, ref.stepRunId, comment, o);
    }
    case 'skip':
      // Jobs are never skipped by the gate: the mapping offers no skip.
      return false;
  }
}

/**
 * An http(s) URL with nothing in it that a shell or a reader would take for more than a URL: no
 * white space, quotes, control or bidi characters.
 */
function isDownloadUrl(url: string | undefined): url is string {
  return (
    url !== undefined && url.length <= 4096 && oneLine(url) === url && /^https?:\/\/[^\s"'`<>\\]+$/i.test(url)
  );
}
