// The step outputs of the contract: every name always set ('' when unknown), ids as exact strings.
import { tallyOf } from './counts.js';
import type { RunOutcome } from './outcome.js';

export const OUTPUT_NAMES = [
  'result',
  'status',
  'deploy-order-id',
  'pipeline-run-id',
  'job-id',
  'job-name',
  'current-batch',
  'total-batch',
  'machines-total',
  'machines-succeeded',
  'machines-failed',
  'machines-skipped',
  'skipped-machines',
  'failed-machines',
  'unreachable-machines',
  'report-path',
  'artifact-url',
  'deploy-url',
  'duration-seconds',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** Every output of a run that read no deploy order: '' for values, [] for lists. */
export function emptyOutputs(): Record<OutputName, string> {
  const out = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, ''])) as Record<OutputName, string>;
  for (const list of LIST_OUTPUTS) out[list] = '[]';
  return out;
}

/** The outputs that are JSON arrays: always valid JSON, so fromJSON() in a workflow never fails. */
const LIST_OUTPUTS = ['skipped-machines', 'failed-machines', 'unreachable-machines'] as const;

export function outputsOf(outcome: RunOutcome, reportPath?: string): Record<OutputName, string> {
  const t = tallyOf(outcome);
  const order = outcome.order;
  const c = t.counts;
  const r = outcome.resolved;
  return {
    result: outcome.result,
    status: order?.status ?? '',
    'deploy-order-id': r.deployOrderId,
    'pipeline-run-id': r.pipelineRunId ?? '',
    'job-id': r.jobId ?? '',
    'job-name': r.jobName ?? '',
    'current-batch': order ? String(order.currentBatch) : '',
    'total-batch': order ? String(order.totalBatch) : '',
    'machines-total': c ? String(c.total) : '',
    'machines-succeeded': c ? String(c.succeeded) : '',
    'machines-failed': c ? String(c.failed) : '',
    'machines-skipped': c ? String(c.skipped) : '',
    // Known from this run's own actions even when no order was read.
    'skipped-machines': JSON.stringify(t.skippedByUs),
    // Always a JSON array, so fromJSON() in a workflow never fails on it; empty when no order was read.
    'failed-machines': JSON.stringify(t.failedSns),
    'unreachable-machines': JSON.stringify(t.unreachableSns),
    'report-path': reportPath ?? '',
    'artifact-url': outcome.artifactUrl ?? '',
    'deploy-url': r.deployUrl ?? '',
    'duration-seconds': Number.isFinite(outcome.durationSeconds)
      ? String(Math.max(0, Math.round(outcome.durationSeconds)))
      : '',
  };
}
