// The Yunxiao gate's outputs (action.yml), in its order.
import {
  ARTIFACT_URL,
  DURATION,
  fact,
  REPORT_PATH,
  RESULT,
  STATUS,
  type OutputSpec,
} from '../../report/outputs.js';

const json = (list: readonly string[]): string => JSON.stringify(list);

export const YUNXIAO_OUTPUTS: readonly OutputSpec[] = [
  RESULT,
  STATUS,
  { name: 'deploy-order-id', fact: 'deployOrderId', value: (o) => fact(o, 'deployOrderId') },
  // a run the gate started is known even when no deploy order is (wait: false, a run that never deploys)
  { name: 'pipeline-run-id', fact: 'pipelineRunId', value: (o) => fact(o, 'pipelineRunId') },
  { name: 'job-id', fact: 'jobId', value: (o) => fact(o, 'jobId') },
  { name: 'job-name', fact: 'jobName', value: (o) => fact(o, 'jobName') },
  { name: 'current-batch', value: (o) => (o.snapshot ? String(o.snapshot.progress.current) : '') },
  { name: 'total-batch', value: (o) => (o.snapshot ? String(o.snapshot.progress.total) : '') },
  { name: 'machines-total', value: (_o, t) => (t.counts ? String(t.counts.total) : '') },
  { name: 'machines-succeeded', value: (_o, t) => (t.counts ? String(t.counts.succeeded) : '') },
  { name: 'machines-failed', value: (_o, t) => (t.counts ? String(t.counts.failed) : '') },
  { name: 'machines-skipped', value: (_o, t) => (t.counts ? String(t.counts.skipped) : '') },
  // Known from this run's own actions even when no order was read.
  { name: 'skipped-machines', list: true, value: (_o, t) => json(t.skippedByUs) },
  { name: 'failed-machines', list: true, value: (_o, t) => json(t.failedIds) },
  { name: 'unreachable-machines', list: true, value: (_o, t) => json(t.unreachableIds) },
  REPORT_PATH,
  ARTIFACT_URL,
  { name: 'deploy-url', fact: 'deployUrl', value: (o) => o.presentation.url ?? '' },
  DURATION,
];
