// The CodeArts gate's outputs (codearts/action.yml), in its order.
import { pointsOf } from '../../report/counts.js';
import {
  ARTIFACT_URL,
  DURATION,
  fact,
  REPORT_PATH,
  RESULT,
  STATUS,
  type OutputSpec,
} from '../../report/outputs.js';

const json = (v: unknown): string => JSON.stringify(v);
const count = (n: number | undefined): string => (n === undefined ? '' : String(n));

export const CODEARTS_OUTPUTS: readonly OutputSpec[] = [
  RESULT,
  STATUS,
  { name: 'pipeline-run-id', value: (o) => fact(o, 'pipelineRunId') },
  { name: 'run-number', value: (o) => o.snapshot?.extra?.['runNumber'] ?? fact(o, 'runNumber') },
  { name: 'jobs-total', value: (_o, t) => count(t.counts?.total) },
  { name: 'jobs-succeeded', value: (_o, t) => count(t.counts?.succeeded) },
  { name: 'jobs-failed', value: (_o, t) => count(t.counts?.failed) },
  { name: 'jobs-skipped', value: (_o, t) => count(t.counts?.skipped) },
  { name: 'failed-jobs', list: true, value: (_o, t) => json(t.failed.map((u) => u.label)) },
  {
    name: 'reviews',
    list: true,
    value: (o) =>
      json(
        pointsOf(o).map(({ point, decision }) => ({
          stage: point.extra?.['stage'] ?? '',
          job: point.extra?.['job'] ?? '',
          step: point.extra?.['step'] ?? '',
          decision,
        })),
      ),
  },
  {
    name: 'artifacts',
    list: true,
    value: (o) =>
      json(
        (o.artifacts ?? []).map((a) => ({
          name: a.name,
          version: a.version ?? '',
          type: a.type ?? '',
          url: a.url ?? '',
        })),
      ),
  },
  ARTIFACT_URL,
  { name: 'run-url', value: (o) => o.presentation.url ?? '' },
  REPORT_PATH,
  DURATION,
];
