// The JSON report (output report-path): the final order as Yunxiao sent it, every machine, every
// action taken and the verdict. Ids are exact strings (the order was parsed losslessly).
import { VERSION } from '../version.js';
import { actionText, factsOf } from './facts.js';
import type { RunOutcome } from './outcome.js';

export const REPORT_SCHEMA_VERSION = 1;

export function reportOf(outcome: RunOutcome): object {
  const f = factsOf(outcome);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'yunxiao-deploy-gate', version: VERSION },
    verdict: { result: outcome.result, reason: outcome.reason },
    resolved: outcome.resolved,
    api: { kind: outcome.api, edition: outcome.edition, organizationId: outcome.organizationId },
    policy: outcome.policy,
    timing: {
      startedAt: outcome.startedAt,
      finishedAt: outcome.finishedAt,
      durationSeconds: outcome.durationSeconds,
    },
    counts: f.counts,
    stoppedOnCancel: outcome.stoppedOnCancel,
    machines: (outcome.order?.machines ?? []).map((m) => ({
      machineSn: m.machineSn,
      ip: m.ip,
      hostName: m.hostName,
      batch: m.batchNum,
      status: m.status,
      clientStatus: m.clientStatus,
      action: actionText(m, f),
    })),
    actions: outcome.taken,
    skippedMachines: f.skippedByUs,
    failedMachines: f.failedSns,
    artifactUrl: outcome.artifactUrl,
    machineLogs: outcome.machineLogs,
    warnings: outcome.warnings,
    deployOrder: outcome.rawOrder ?? outcome.order ?? null,
  };
}

/**
 * One top-level field per line, values compact: the deploy order of a large host group is several
 * MB, and indenting it would double the file and the memory spent writing it.
 */
export function reportJson(outcome: RunOutcome): string {
  const lines = Object.entries(reportOf(outcome))
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
