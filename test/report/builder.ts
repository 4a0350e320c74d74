// RunOutcome fixtures for the report tests: a Yunxiao run, presented by the Yunxiao provider, with
// its order turned into the core's snapshot by the provider's mapping table.
import type { Policy } from '../../src/core/policy.js';
import type { TakenAction } from '../../src/core/types.js';
import { yunxiaoPresentation } from '../../src/providers/yunxiao/presentation.js';
import type { RunOutcome } from '../../src/report/outcome.js';
import { machine, order, policy, snap, type Order } from '../support/orders.js';

type Machine = Order['machines'][number];

/** 2^53 + 1: a number would round it to ...992 */
export const BIG = '9007199254740993';
export const RUN = '9007199254740995';
export const JOB = '9007199254740997';
export const URL = 'https://flow.aliyun.com/pipelines/7/builds/8';

/** What the Yunxiao gate resolved: its ids, the job's name and the run's link. */
export interface Resolved {
  pipelineId: string;
  deployOrderId: string;
  pipelineRunId?: string;
  jobId?: string;
  jobName?: string;
  deployUrl?: string;
}

export interface OutcomeOver extends Partial<RunOutcome> {
  apiKind?: 'openapi' | 'classic';
  policy?: Policy;
  /** replaces the whole resolution */
  resolved?: Resolved;
}

const RESOLVED: Resolved = {
  pipelineId: '7',
  deployOrderId: BIG,
  pipelineRunId: RUN,
  jobId: JOB,
  jobName: 'Deploy to prod',
  deployUrl: URL,
};

/** A finished run: one order (id BIG) with the given machines, or none when machines is null. */
export function outcomeOf(
  over: OutcomeOver = {},
  machines: Machine[] | null = [machine('m1', 'Success')],
  taken: TakenAction[] = [],
): RunOutcome {
  const { apiKind = 'openapi', policy: p = policy(), resolved = RESOLVED, ...rest } = over;
  const presentation = yunxiaoPresentation(
    { pipelineId: resolved.pipelineId, edition: 'central', organizationId: 'org-1', policy: p },
    apiKind,
    resolved,
    resolved.deployUrl ?? '',
  );
  return {
    result: 'success',
    reason: 'Every machine of deploy order 9007199254740993 succeeded.',
    presentation,
    snapshot:
      machines === null
        ? undefined
        : snap(order('Success', machines, { deployOrderId: BIG, currentBatch: 2, totalBatch: 3 })),
    taken,
    logs: {},
    warnings: [],
    startedAt: '2026-11-23T00:00:00.000Z',
    finishedAt: '2026-11-23T00:03:12.000Z',
    durationSeconds: 192,
    ...rest,
  };
}

/** An action taken, on a machine (its SN) or on the order. */
export function act(
  kind: TakenAction['kind'],
  machineSn?: string,
  outcome: 'ok' | 'error' = 'ok',
  over: Partial<TakenAction> = {},
): TakenAction {
  return {
    kind,
    ...(machineSn !== undefined ? { target: machineSn, label: machineSn } : {}),
    reason: `${kind} because`,
    at: '2026-11-23T00:01:30.000Z',
    outcome,
    ...(outcome === 'error' ? { detail: 'Forbidden: action disabled' } : {}),
    ...over,
  };
}

/** n machines named prefix-00000.. with status by index, spread over `batches` batches. */
export function fleet(
  n: number,
  statusOf: (i: number) => string,
  batches = 20,
  name = (i: number): string => `host-${String(i).padStart(5, '0')}`,
): Machine[] {
  return Array.from({ length: n }, (_, i) =>
    machine(name(i), statusOf(i), {
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      batchNum: 1 + (i % batches),
    }),
  );
}
