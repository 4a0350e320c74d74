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

/** How the run watched was chosen, when the gate chose it by more than an id: it started it, or waited for it. */
export type RunOrigin =
  | { kind: 'started'; pipelineRunId: string; recovered: boolean; with: string }
  | { kind: 'next'; pipelineRunId: string; after?: string; since: string };

/** The summary's row for the origin ("Started: by this gate, on branch main"; "Waited for: ..."). */
export function originFact(o: RunOrigin): Fact {
  if (o.kind === 'started')
    return {
      key: 'started',
      label: 'Started',
      text: `by this gate${o.with ? `, ${o.with}` : ''}${o.recovered ? ' (found after its answer was lost)' : ''}`,
    };
  const after = o.after ? `the first run newer than run ${o.after}` : 'the first run of the pipeline';
  return {
    key: 'waitedFor',
    label: 'Waited for',
    text: `run ${o.pipelineRunId}, ${after} (the newest when the gate began waiting, at ${o.since})`,
  };
}

/** What the reports say of a Yunxiao run: its ids and links, the API used, the policy as inputs. */
export function yunxiaoPresentation(
  config: Pick<YunxiaoConfig, 'pipelineId' | 'edition' | 'organizationId' | 'policy'>,
  apiKind: YunxiaoApi['kind'],
  r: Pick<Resolution, 'deployOrderId' | 'pipelineRunId' | 'jobId' | 'jobName'>,
  url: string,
  origin?: RunOrigin,
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
    ...(origin ? [originFact(origin)] : []),
  ];
  // The summary's rows in their usual order: Pipeline, Run (and how it came), Job, Deploy order.
  const order = [
    'pipelineId',
    'pipelineRunId',
    'started',
    'waitedFor',
    'jobId',
    'deployOrderId',
    'jobName',
    'deployUrl',
  ];
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
