// The step outputs of the contract, every one on every path that reached a deploy order.
import { factsOf } from './facts.js';
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
  'report-path',
  'artifact-url',
  'deploy-url',
  'duration-seconds',
] as const;

export function outputsOf(
  outcome: RunOutcome,
  reportPath?: string,
): Record<(typeof OUTPUT_NAMES)[number], string> {
  const f = factsOf(outcome);
  const order = outcome.order;
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
    'machines-total': order ? String(f.counts.total) : '',
    'machines-succeeded': order ? String(f.counts.succeeded) : '',
    'machines-failed': order ? String(f.counts.failed) : '',
    'machines-skipped': order ? String(f.counts.skipped) : '',
    'skipped-machines': JSON.stringify(f.skippedByUs),
    'failed-machines': JSON.stringify(f.failedSns),
    'report-path': reportPath ?? '',
    'artifact-url': outcome.artifactUrl ?? '',
    'deploy-url': r.deployUrl ?? '',
    'duration-seconds': String(outcome.durationSeconds),
  };
}
