// Annotations: an error per failed machine, a warning per skipped one. GitHub shows at most 10 of
// each kind per step, so a few are shown and one more says how many were left out.
import type { Annotation } from '../runner/io.js';
import { actionText, factsOf } from './facts.js';
import type { RunOutcome } from './outcome.js';

export const MAX_PER_LEVEL = 8;

export function annotationsOf(outcome: RunOutcome): Annotation[] {
  const f = factsOf(outcome);
  const machines = outcome.order?.machines ?? [];
  const failed = machines.filter((m) => m.status === 'Failed');
  const skipped = machines.filter((m) => m.status === 'Skipped');
  const out: Annotation[] = [];
  const where = `deploy order ${outcome.resolved.deployOrderId}`;
  for (const m of failed.slice(0, MAX_PER_LEVEL)) {
    out.push({
      level: 'error',
      title: `Machine ${m.machineSn} (${m.ip}) failed`,
      message: `Batch ${m.batchNum} of ${where}: Failed, agent ${m.clientStatus || 'unknown'}; ${actionText(m, f)}.`,
    });
  }
  if (failed.length > MAX_PER_LEVEL) {
    out.push({
      level: 'error',
      title: `${failed.length - MAX_PER_LEVEL} more failed machines`,
      message: 'See the job summary and the JSON report (output report-path).',
    });
  }
  for (const m of skipped.slice(0, MAX_PER_LEVEL)) {
    out.push({
      level: 'warning',
      title: `Machine ${m.machineSn} (${m.ip}) skipped`,
      message: `Batch ${m.batchNum} of ${where}: ${actionText(m, f)} (agent ${m.clientStatus || 'unknown'}). It did not get this release.`,
    });
  }
  if (skipped.length > MAX_PER_LEVEL) {
    out.push({
      level: 'warning',
      title: `${skipped.length - MAX_PER_LEVEL} more skipped machines`,
      message: 'See the job summary and the JSON report (output report-path).',
    });
  }
  return out;
}
