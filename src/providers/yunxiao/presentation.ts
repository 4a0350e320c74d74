// What the reports say of a Yunxiao run: the facts resolved (pipeline, run, job, deploy order), the
// API used, the policy in the inputs' words, and the JSON report's names, kept from before there
// were other providers (machines, machineSn, deployOrder, machineLogs).
import { describeBudget } from '../../core/budget.js';
import type { Policy } from '../../core/policy.js';
import type { Fact, Presentation } from '../../report/presentation.js';
import type { YunxiaoConfig } from './inputs.js';
import type { YunxiaoApi } from './model.js';
import type { Resolution } from './resolve.js';
import { YUNXIAO_WORDS } from './snapshot.js';

/** What the reports say of a Yunxiao run: its ids and links, the API used, the policy as inputs. */
export function yunxiaoPresentation(
  config: Pick<YunxiaoConfig, 'pipelineId' | 'edition' | 'organizationId' | 'policy'>,
  apiKind: YunxiaoApi['kind'],
  r: Pick<Resolution, 'deployOrderId' | 'pipelineRunId' | 'jobId' | 'jobName'>,
  url: string,
): Presentation {
  const facts: Fact[] = [
    { key: 'pipelineId', label: 'Pipeline', id: config.pipelineId },
    { key: 'deployOrderId', label: 'Deploy order', id: r.deployOrderId },
    { key: 'pipelineRunId', label: 'Run', ...(r.pipelineRunId ? { id: r.pipelineRunId, link: url } : {}) },
    {
      key: 'jobId',
      label: 'Job',
      ...(r.jobId ? { id: r.jobId } : {}),
      ...(r.jobName ? { text: r.jobName } : {}),
    },
    { key: 'jobName', label: 'Job name', ...(r.jobName ? { text: r.jobName } : {}), hidden: true },
    { key: 'deployUrl', label: 'Link', text: url, hidden: true },
  ];
  // The summary's rows in their usual order: Pipeline, Run, Job, Deploy order.
  const order = ['pipelineId', 'pipelineRunId', 'jobId', 'deployOrderId', 'jobName', 'deployUrl'];
  facts.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const edition = apiKind === 'openapi' ? config.edition : undefined;
  return {
    words: YUNXIAO_WORDS,
    short: 'order',
    runId: r.deployOrderId,
    facts,
    api: {
      text: apiKind === 'openapi' ? `OpenAPI (${edition ?? 'central'} edition)` : 'classic (AccessKey)',
      json: { kind: apiKind, edition: edition ?? null, organizationId: config.organizationId ?? null },
    },
    policy: (total) => policyOf(config.policy, total),
    url,
    reportKeys: {
      run: 'order',
      units: 'machines',
      unit: 'machineSn',
      raw: 'deployOrder',
      logs: 'machineLogs',
      skipped: 'skippedMachines',
      failed: 'failedMachines',
    },
    unitEntry: (u) => ({
      machineSn: u.id,
      ip: u.detail ?? '',
      hostName: u.extra?.['hostName'] ?? null,
      batch: u.group,
      status: u.status,
      clientStatus: u.agent ?? '',
    }),
  };
}

/** The policy as the inputs say it. */
function policyOf(p: Policy, total: number): { text: string; json: Record<string, unknown> } {
  const resume = p.confirm === 'pass' ? 'auto' : 'never';
  return {
    text: `skip-unreachable ${p.skipUnreachable}, ${describeBudget(p.maxSkipped, total)}, retry-failed ${p.retryFailed}, resume ${resume}, on-failure ${p.onFailure}`,
    json: {
      skipUnreachable: p.skipUnreachable,
      maxSkipped: p.maxSkipped,
      retryFailed: p.retryFailed,
      resume,
      onFailure: p.onFailure,
    },
  };
}
