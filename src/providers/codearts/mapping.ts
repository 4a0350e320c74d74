// A CodeArts run detail as the core's Snapshot (core/snapshot.ts), by a table per status: units are
// the jobs, groups the stages, confirmations the manual reviews and check points waiting for a
// person. Statuses stay CodeArts' words; a word not in a table is `unknown` (never an ending).
import type {
  Confirmation,
  GroupPhase,
  Offer,
  Point,
  RunPhase,
  Snapshot,
  Unit,
  UnitPhase,
} from '../../core/snapshot.js';
import type { Words } from '../../core/words.js';
import {
  JOB_STATUSES,
  REVIEW_TASK,
  type JobRun,
  type RunDetail,
  type RUN_STATUSES,
  type StageRun,
  type StepRun,
} from './model.js';
import { lookup } from '../../common/lookup.js';

/** Run status -> phase (codearts-api.md 3): every documented status, and no other. */
export const RUN_PHASES: Readonly<Record<(typeof RUN_STATUSES)[number], RunPhase>> = Object.freeze({
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  // "ignored" ends a run without its work done: no success (codearts-api.md 3 marks it terminal(?))
  IGNORED: 'failed',
  CANCELED: 'cancelled',
  RUNNING: 'running',
  PAUSED: 'paused',
  SUSPEND: 'paused',
});

/** Job status -> phase (codearts-api.md 3). */
export const JOB_PHASES: Readonly<Record<string, UnitPhase>> = Object.freeze({
  INIT: 'pending',
  QUEUED: 'pending',
  RUNNING: 'running',
  ASYNC_RUNNING: 'running',
  REDISPATCH: 'running',
  // a job held (e.g. at a review) has started and not ended
  PAUSED: 'running',
  SUSPEND: 'running',
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  ASYNC_FAILED: 'failed',
  SKIPPED: 'skipped',
  UNSELECTED: 'skipped',
  IGNORED: 'skipped',
  CANCELED: 'cancelled',
});

export function runPhaseOf(status: string): { phase: RunPhase; known: boolean } {
  const phase = lookup<RunPhase>(RUN_PHASES, status);
  return phase ? { phase, known: true } : { phase: 'unknown', known: false };
}

/** A stage: a job's phase, but paused where it holds (a review or a check point waits). */
export function stagePhaseOf(status: string): GroupPhase {
  return status === 'PAUSED' || status === 'SUSPEND' ? 'paused' : jobPhaseOf(status).phase;
}

export function jobPhaseOf(status: string): { phase: UnitPhase; known: boolean } {
  const phase = lookup(JOB_PHASES, status);
  return phase ? { phase, known: true } : { phase: 'unknown', known: false };
}

/**
 * Words of a stage, job or step that has ended. The brief's COMPLETED/FAILED/CANCELED plus the
 * other terminal job words: a skipped or ignored job holds no review anybody can pass.
 */
const ENDED: ReadonlySet<string> = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'SKIPPED',
  'IGNORED',
  'UNSELECTED',
  'ASYNC_FAILED',
]);
/** Words of a review or check point step that ended without a pass. */
const NOT_PASSED: ReadonlySet<string> = new Set(['FAILED', 'CANCELED', 'ASYNC_FAILED']);
/** Words of a step that has not started (or no word at all). */
const NOT_STARTED: ReadonlySet<string> = new Set(['INIT', 'QUEUED', '']);
const RUN_ENDED: ReadonlySet<RunPhase> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * A review or check point step waiting for a person. The word CodeArts shows while one waits is
 * UNVERIFIED (codearts-api.md 3, 9.1: RUNNING, PAUSED or an undocumented word such as WAITING), so
 * a step is waiting when it has started (a start time, or any word but INIT/QUEUED) and not ended,
 * whatever its word: an INIT review later in a job that is still building is not open yet.
 */
function waiting(step: StepRun): boolean {
  return !ENDED.has(step.status) && (step.startTime !== undefined || !NOT_STARTED.has(step.status));
}

/** `review:{jobRunId}:{stepRunId}` or `checkpoint:{stepRunId}`, the ids toSnapshot gives. */
export type ConfirmationRef =
  { kind: 'review'; jobRunId: string; stepRunId: string } | { kind: 'checkpoint'; stepRunId: string };

export function confirmationId(ref: ConfirmationRef): string {
  return ref.kind === 'review' ? `review:${ref.jobRunId}:${ref.stepRunId}` : `checkpoint:${ref.stepRunId}`;
}

/** What a confirmation's id names; undefined for an id toSnapshot does not give. */
export function parseConfirmationId(id: string): ConfirmationRef | undefined {
  const parts = id.split(':');
  if (parts[0] === 'review' && parts.length === 3 && parts[1] && parts[2])
    return { kind: 'review', jobRunId: parts[1], stepRunId: parts[2] };
  if (parts[0] === 'checkpoint' && parts.length === 2 && parts[1])
    return { kind: 'checkpoint', stepRunId: parts[1] };
  return undefined;
}

/** Who is to act: the step's `approvers` input (a string, or a list of them), when present. */
function approvers(step: StepRun): string | undefined {
  const v = step.inputs.find((i) => i.key === 'approvers')?.value;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (Array.isArray(v)) {
    const names = v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number');
    return names.length > 0 ? names.join(', ') : undefined;
  }
  return undefined;
}

const PASS_OR_REFUSE = (): Confirmation['offers'] => ({ pass: { allowed: true }, refuse: { allowed: true } });

/**
 * The latest of the times given (the server's last change seen in them). A list, never spread into
 * the call: an answer's hundreds of thousands of steps would pass the engine's limit on arguments
 * (a RangeError, and no snapshot of the run at all).
 */
function latest(values: readonly (number | undefined)[]): number | undefined {
  let out: number | undefined;
  for (const v of values) if (v !== undefined && (out === undefined || v > out)) out = v;
  return out;
}

function stepsLatest(steps: readonly StepRun[]): number | undefined {
  return latest(steps.flatMap((s) => [s.startTime, s.endTime]));
}

function unitOf(job: JobRun, stage: StageRun, group: number, run: RunDetail, runPhase: RunPhase): Unit {
  const { phase, known } = jobPhaseOf(job.status);
  const unit: Unit = {
    id: job.id,
    label: job.name || job.identifier || job.id,
    detail: stage.name,
    group,
    status: job.status,
    phase,
    known,
    offers: {},
  };
  // A failed job is retried by RetryPipelineRun once the run has failed; not while it still runs.
  if (phase === 'failed' && !(runPhase === 'running' || runPhase === 'paused' || runPhase === 'unknown'))
    unit.offers.retry = { allowed: runPhase === 'failed' };
  const message =
    job.message ||
    job.steps.find((s) => (s.status === 'FAILED' || s.status === 'ASYNC_FAILED') && s.message)?.message;
  if (message) unit.message = message;
  const updated = latest([job.startTime, job.endTime, stepsLatest(job.steps)]);
  if (updated !== undefined) unit.updateTime = updated;
  if (job.startTime !== undefined) {
    const end = job.endTime ?? (ENDED.has(job.status) ? undefined : run.serverTime);
    if (end !== undefined) unit.durationMs = Math.max(0, end - job.startTime);
  }
  if (job.identifier) unit.extra = { identifier: job.identifier };
  return unit;
}

/** A stage has started: it has a start time, or (times missing) a word of a stage under way or done. */
function started(stage: StageRun): boolean {
  return (
    stage.startTime !== undefined ||
    !(NOT_STARTED.has(stage.status) || stage.status === 'UNSELECTED' || stage.status === 'SKIPPED')
  );
}

/** A step a person confirms, reached (started) or not: a review in a job, or a stage's check point. */
function point(step: StepRun, kind: 'review' | 'checkpoint', stage: StageRun, job?: JobRun): Point {
  const ref: ConfirmationRef =
    kind === 'review' ? { kind, jobRunId: job?.id ?? '', stepRunId: step.id } : { kind, stepRunId: step.id };
  const p: Point = {
    id: confirmationId(ref),
    label:
      kind === 'review'
        ? `at manual review “${step.name || 'review'}” (${stage.name} / ${job?.name ?? ''})`
        : step.name
          ? `at check point “${step.name}” of stage “${stage.name}”`
          : `at the check point of stage “${stage.name}”`,
    status: step.status,
    waiting: false,
    extra: { stage: stage.name, job: job?.name ?? '', step: step.name },
  };
  const who = approvers(step);
  if (who) p.who = who;
  return p;
}

function confirmationOf(p: Point, step: StepRun): Confirmation {
  const c: Confirmation = { id: p.id, label: p.label, offers: PASS_OR_REFUSE() };
  if (p.who) c.who = p.who;
  if (p.extra) c.extra = p.extra;
  if (step.startTime !== undefined) c.updateTime = step.startTime;
  return c;
}

/** Reached: it has started or ended (a review later in the run, still INIT, is not reached yet). */
function reachedStep(step: StepRun): boolean {
  return ENDED.has(step.status) || step.startTime !== undefined || !NOT_STARTED.has(step.status);
}

export function toSnapshot(run: RunDetail): Snapshot {
  const { phase: given, known } = runPhaseOf(run.status);
  const units: Unit[] = [];
  const confirmations: Confirmation[] = [];
  const reached: Point[] = [];
  /** jobs holding a waiting review: running only because a person has not acted */
  const holding = new Set<string>();
  let current = 0;
  const ended = RUN_ENDED.has(given);

  run.stages.forEach((stage, i) => {
    const group = i + 1;
    if (started(stage)) current = group;
    // Any `pre` step is a manual check point: the `task` of one is UNVERIFIED (9.2).
    for (const step of stage.pre) {
      if (!reachedStep(step)) continue;
      const p = point(step, 'checkpoint', stage);
      // Nobody can act on anything in a run that has ended.
      if (!ended && !ENDED.has(stage.status) && waiting(step)) {
        p.waiting = true;
        confirmations.push(confirmationOf(p, step));
      }
      reached.push(p);
    }
    for (const job of stage.jobs) {
      units.push(unitOf(job, stage, group, run, given));
      for (const step of job.steps) {
        if (step.task !== REVIEW_TASK || !reachedStep(step)) continue;
        const p = point(step, 'review', stage, job);
        if (!ended && !ENDED.has(job.status) && waiting(step)) {
          holding.add(job.id);
          p.waiting = true;
          confirmations.push(confirmationOf(p, step));
        }
        reached.push(p);
      }
    }
  });

  // CodeArts may show a run waiting for a person as RUNNING (the word is UNVERIFIED, 9.1): with
  // something waiting and nothing else under way (no job running or queued but those holding a
  // review), it is paused, which is what the core reads as "waiting for a person".
  const busy = units.some((u) => (u.phase === 'running' && !holding.has(u.id)) || u.status === 'QUEUED');
  const phase: RunPhase = given === 'running' && confirmations.length > 0 && !busy ? 'paused' : given;

  // A review or check point that ended without a pass (refused by a person, or timed out) is a
  // "no": retrying the run would ask again, and with manual-review: pass the gate would pass what a
  // person refused. The run is not retried past it (one cancelled with its run too: in doubt).
  const refused = reached.find((p) => NOT_PASSED.has(p.status));
  const retry: Offer = refused
    ? {
        allowed: false,
        why: `${refused.status} ${refused.label}: a run is not retried past a review or check point not passed`,
      }
    : { allowed: run.status === 'FAILED' };

  const snapshot: Snapshot = {
    id: run.id,
    status: run.status,
    phase,
    known,
    progress: { current, total: run.stages.length },
    offers: { stop: { allowed: !RUN_ENDED.has(phase) }, retry },
    units,
    confirmations,
    reached,
    groups: run.stages.map((st) => ({
      name: st.name || st.identifier,
      status: st.status,
      phase: stagePhaseOf(st.status),
    })),
    extra: runExtra(run),
  };
  const updated = latest([
    run.startTime,
    run.endTime,
    ...run.stages.flatMap((s) => [
      s.startTime,
      s.endTime,
      stepsLatest(s.pre),
      ...s.jobs.flatMap((j) => [j.startTime, j.endTime, stepsLatest(j.steps)]),
    ]),
  ]);
  if (updated !== undefined) snapshot.updateTime = updated;
  return snapshot;
}

/** What the outputs and the report take from the run besides its jobs. */
function runExtra(run: RunDetail): Record<string, string> {
  const extra: Record<string, string> = {};
  if (run.runNumber !== undefined) extra['runNumber'] = String(run.runNumber);
  if (run.name) extra['pipelineName'] = run.name;
  if (run.trigger) extra['trigger'] = run.trigger;
  if (run.detailUrl) extra['detailUrl'] = run.detailUrl;
  const source = run.sources[0];
  if (source?.commitId) extra['commit'] = source.commitId;
  return extra;
}

/** The words the core and the reports use for a CodeArts run. */
export const CODEARTS_WORDS: Words = {
  provider: 'CodeArts',
  run: 'pipeline run',
  unit: 'job',
  group: 'stage',
  detail: 'stage',
  done: 'completed',
  verb: 'complete',
  pass: 'pass',
  refuse: 'refuse',
  waitPolicy: 'manual-review: wait',
  passPolicy: 'manual-review: pass',
  refusePolicy: 'manual-review: refuse',
  unitStatuses: JOB_STATUSES,
  log: 'step log',
  points: 'manual reviews and check points',
  actions: { skip: 'skip', retry: 'retry', pass: 'pass', refuse: 'refuse', stop: 'stop' },
};
