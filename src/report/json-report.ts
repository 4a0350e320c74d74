// The JSON report (output report-path): the final order as Yunxiao sent it, every machine, every
// action taken and the verdict. Ids are exact strings (the order was parsed losslessly).
import { VERSION } from '../version.js';
import { actionText, factsOf } from './facts.js';
import type { RunOutcome } from './outcome.js';

export const REPORT_SCHEMA_VERSION = 1;
/** Stands for the order's JSON text, spliced in as it is (parsing it again would cost a tree). */
const RAW = Symbol('raw order');

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
    // Every machine is in deployOrder; these are the ones that need a look, with what this run did.
    machinesNeedingALook: f.needsLook.map((m) => ({
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
    deployOrder: outcome.rawOrderJson === undefined ? (outcome.order ?? null) : RAW,
  };
}

/**
 * The report as the parts of one JSON text, one top-level field per line with compact values: the
 * deploy order of a large host group is several MB, written as it came rather than copied again.
 */
export function reportParts(outcome: RunOutcome): string[] {
  const parts: string[] = ['{\n'];
  const entries = Object.entries(reportOf(outcome)).filter(([, v]) => v !== undefined);
  entries.forEach(([k, v], i) => {
    parts.push(`  ${JSON.stringify(k)}: `, v === RAW ? (outcome.rawOrderJson ?? 'null') : JSON.stringify(v), i < entries.length - 1 ? ',\n' : '\n');
  });
  parts.push('}\n');
  return parts;
}

export function reportJson(outcome: RunOutcome): string {
  return reportParts(outcome).join('');
}
