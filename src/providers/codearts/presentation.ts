// What the reports say of a CodeArts run: the facts resolved (project, pipeline, run, its number, how
// it was found), the API and credentials used, the policy in the inputs' words, and the JSON
// report's names (jobs, jobRunId, pipelineRun, stepLogs).
import type { Policy } from '../../core/policy.js';
import type { Fact, Presentation } from '../../report/presentation.js';
import type { CodeArtsConfig } from './inputs.js';
import { CODEARTS_WORDS } from './mapping.js';
import type { Resolution } from './resolve.js';

export function codeArtsPresentation(
  config: Pick<CodeArtsConfig, 'projectId' | 'pipelineId' | 'region' | 'endpoint' | 'credentials' | 'policy'>,
  r: Pick<Resolution, 'runId' | 'how' | 'queued'> & { runNumber?: number; pipelineName?: string },
  url: string | undefined,
): Presentation {
  const facts: Fact[] = [
    { key: 'projectId', label: 'Project', id: config.projectId },
    {
      key: 'pipelineId',
      label: 'Pipeline',
      id: config.pipelineId,
      ...(r.pipelineName ? { text: r.pipelineName } : {}),
    },
    { key: 'pipelineRunId', label: 'Run', id: r.runId, ...(url ? { link: url } : {}) },
    {
      key: 'runNumber',
      label: 'Run number',
      ...(r.runNumber !== undefined ? { text: `#${r.runNumber}` } : {}),
    },
    { key: 'found', label: 'Watched', text: r.queued ? `${r.how} (queued at first)` : r.how },
  ];
  const c = config.credentials;
  const auth = c.kind === 'token' ? 'IAM token' : c.securityToken ? 'temporary AK/SK (STS)' : 'AK/SK';
  return {
    words: CODEARTS_WORDS,
    short: 'run',
    runId: r.runId,
    facts,
    api: {
      text: `CodeArts Pipeline v5 (${auth}${config.region ? `, ${config.region}` : ''})`,
      json: {
        kind: 'codearts-v5',
        auth: c.kind === 'token' ? 'iam-token' : c.securityToken ? 'aksk-sts' : 'aksk',
        region: config.region ?? null,
        endpoint: config.endpoint,
      },
    },
    policy: () => policyOf(config.policy),
    ...(url ? { url } : {}),
    reportKeys: {
      run: 'run',
      units: 'jobs',
      unit: 'jobRunId',
      raw: 'pipelineRun',
      logs: 'stepLogs',
      skipped: 'skippedJobs',
      failed: 'failedJobs',
      confirmation: 'review',
      points: 'reviews',
    },
    unitEntry: (u) => ({
      jobRunId: u.id,
      name: u.label,
      identifier: u.extra?.['identifier'] ?? null,
      stage: u.detail ?? '',
      stageNumber: u.group,
      status: u.status,
      durationMs: u.durationMs ?? null,
      message: u.message ?? null,
    }),
  };
}

function policyOf(p: Policy): { text: string; json: Record<string, unknown> } {
  return {
    text: `manual-review ${p.confirm}, retry-failed ${p.retryFailed}, on-failure ${p.onFailure}`,
    json: { manualReview: p.confirm, retryFailed: p.retryFailed, onFailure: p.onFailure },
  };
}

/** The run's page in the console, as the run detail gives it: only an https page of Huawei Cloud. */
export function consoleUrl(detailUrl: string | undefined): string | undefined {
  if (!detailUrl) return undefined;
  try {
    const u = new URL(detailUrl);
    const host = u.hostname.toLowerCase();
    return u.protocol === 'https:' && (host.endsWith('.huaweicloud.com') || host === 'huaweicloud.com')
      ? u.href
      : undefined;
  } catch {
    return undefined;
  }
}
