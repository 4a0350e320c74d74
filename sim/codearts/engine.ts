// The runs of one CodeArts pipeline as a state machine, with no HTTP in it: the routes read and
// change it, views.ts shapes what it holds.
//
// Per tick: the scenario's events due, then queued runs count down (and start), then every running
// run moves one step. In a run, stages go in order; the current stage first waits for its check
// point (a `pre` step) if it has one, then its jobs go QUEUED -> RUNNING -> COMPLETED or FAILED
// (one transition per job per tick; all jobs of a stage run side by side). A review job waits
// RUNNING until its step is passed or refused. When every job of the stage is done, the next stage
// starts at once; a failed or refused job ends the run FAILED once the stage has nothing else
// running. Stop: the run and everything unfinished in it CANCELED. Retry (a FAILED run only): the
// failed jobs (or the chosen ones) QUEUED again with their ids kept and new start times.
import { createHash } from 'node:crypto';
import type { JobKind, JobSpec, LateRun, Scenario, ScenarioEvent, StageSpec, StepSpec } from './scenario.js';
import type { ResolvedVariants } from './variants.js';

export interface SimStep {
  id: string;
  name: string;
  task: string;
  /** official_task_version */
  taskVersion: string;
  businessType: string;
  identifier: string;
  inputs: Array<{ key: string; value: unknown }>;
  sequence: number;
  status: string;
  message: string;
  startTime: number;
  endTime: number;
  /** a review or check point waiting for someone to pass or refuse it */
  waiting: boolean;
  decision?: { action: 'pass' | 'refuse'; byOther: boolean; description?: string };
  logLines: number;
}

export interface SimJob {
  id: string;
  name: string;
  identifier: string;
  sequence: number;
  category: string;
  async: boolean;
  status: string;
  message: string;
  startTime: number;
  endTime: number;
  steps: SimStep[];
  selected: boolean;
  /** refused review: the job failed whatever status the variant shows */
  refused: boolean;
  failsLeft: number;
  ticksLeft: number;
  spec: JobSpec;
}

export interface SimStage {
  id: string;
  name: string;
  identifier: string;
  sequence: number;
  status: string;
  startTime: number;
  endTime: number;
  pre: SimStep[];
  jobs: SimJob[];
  selected: boolean;
}

export interface SimArtifact {
  name: string;
  packageType: string;
  version: string;
  downloadUrl: string;
  jobId: string;
}

export interface SimRun {
  id: string;
  runNumber: number;
  status: string;
  triggerType: string;
  executorId: string;
  executorName: string;
  description: string;
  variables: Array<{ name: string; value: string }>;
  /** the RunPipelineDto sources as sent */
  sources: unknown[];
  branch: string;
  tag: string;
  commitId: string;
  startTime: number;
  endTime: number;
  stages: SimStage[];
  artifacts: SimArtifact[];
  /** waiting in the pipeline's queue (concurrency limit) */
  queued?: { queueId: string; ticksLeft: number; enqueueTime: number };
  byOther: boolean;
}

/** What RunPipeline asks for (RunPipelineDto, read by the route). */
export interface StartRequest {
  variables?: Array<{ name: string; value: string }>;
  chooseStages?: string[];
  chooseJobs?: string[];
  description?: string;
  sources?: unknown[];
  branch?: string;
  tag?: string;
  commitId?: string;
  triggerType?: string;
}

export interface Failure {
  ok: false;
  kind: 'not-found' | 'not-allowed' | 'invalid';
  message: string;
}

export type ActionResult = { ok: true } | Failure;

export const TERMINAL = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'SKIPPED',
  'IGNORED',
  'UNSELECTED',
  'ASYNC_FAILED',
]);

const KINDS: Record<JobKind, { task: string; businessType: string; category: string; version: string }> = {
  build: { task: 'official_devcloud_cloudBuild', businessType: 'Build', category: 'Build', version: '0.0.1' },
  shell: { task: 'official_shell_plugin', businessType: 'Normal', category: 'Normal', version: '0.0.2' },
  deploy: { task: 'official_devcloud_deploy', businessType: 'Deploy', category: 'Deploy', version: '0.0.3' },
  review: {
    task: 'official_devcloud_checkpoint',
    businessType: 'Normal',
    category: 'Normal',
    version: '0.0.5',
  },
};

const GATE = { id: '3b1f0c2d4e5f6a7b8c9d0e1f2a3b4c5d', name: 'ci-bot' };
const OTHER = { id: '7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29', name: 'someone-else' };

const snake = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
const ok: ActionResult = { ok: true };
const notFound = (what: string): ActionResult => ({
  ok: false,
  kind: 'not-found',
  message: `${what} not found`,
});
const notAllowed = (why: string): ActionResult => ({ ok: false, kind: 'not-allowed', message: why });

type Variants = Pick<ResolvedVariants, 'pending' | 'refusedStatus' | 'checkpointTask'>;

export class CodeArtsEngine {
  readonly runs: SimRun[] = [];
  tick = 0;
  listCalls = 0;
  private idCount = 0;
  private queueCount = 100;
  private readonly events: Array<{ e: ScenarioEvent; done: boolean }>;

  constructor(
    readonly scenario: Scenario,
    private readonly variants: Variants,
    private readonly now: () => number = Date.now,
  ) {
    const ids = new Set<string>();
    for (const s of scenario.stages) {
      for (const name of [stageIdentifier(s), ...s.jobs.map(jobIdentifier)]) {
        if (ids.has(name)) throw new Error(`scenario: duplicate identifier ${name}`);
        ids.add(name);
      }
    }
    this.events = (scenario.events ?? []).map((e) => ({ e, done: false }));
    scenario.history?.forEach((past, i, all) => {
      const run = this.create({ commitId: past.commitId, triggerType: past.triggerType ?? 'Manual' }, false);
      this.endInThePast(run, past.status, this.now() - (all.length - i) * 3_600_000);
    });
    this.play();
  }

  /** Deterministic 32-hex ids: the same scenario gives the same ids. */
  newId(): string {
    return createHash('md5').update(`${this.scenario.pipelineId}:${++this.idCount}`).digest('hex');
  }

  run(id: string): SimRun | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /** The newest run that has not ended (queued ones excluded). */
  newestLive(): SimRun | undefined {
    return this.runs.findLast((r) => !r.queued && !TERMINAL.has(r.status));
  }

  start(req: StartRequest, byOther = false): { ok: true; run: SimRun } | Failure {
    const known = new Set(this.scenario.stages.map(stageIdentifier));
    const knownJobs = new Set(this.scenario.stages.flatMap((s) => s.jobs.map(jobIdentifier)));
    const unknown = [
      ...(req.chooseStages ?? []).filter((s) => !known.has(s)),
      ...(req.chooseJobs ?? []).filter((j) => !knownJobs.has(j)),
    ];
    if (unknown.length > 0)
      return { ok: false, kind: 'invalid', message: `unknown identifiers: ${unknown.join(', ')}` };
    const run = this.create(req, byOther);
    if (this.scenario.queue && !byOther) {
      run.queued = {
        queueId: String(++this.queueCount),
        ticksLeft: this.scenario.queue.ticks,
        enqueueTime: run.startTime,
      };
      if (run.queued.ticksLeft <= 0) this.dequeue(run);
    } else this.begin(run);
    return { ok: true, run };
  }

  advance(): void {
    this.tick++;
    this.play();
    for (const run of this.runs) {
      if (run.queued && --run.queued.ticksLeft <= 0) this.dequeue(run);
      else if (!run.queued && !TERMINAL.has(run.status)) this.step(run);
    }
  }

  /** Called before ListPipelineRuns answers: runs due after that many list calls appear. */
  beforeList(): void {
    for (const ev of this.events) {
      if (!ev.done && 'afterListCalls' in ev.e && ev.e.afterListCalls <= this.listCalls) {
        ev.done = true;
        this.lateRun(ev.e);
      }
    }
    this.listCalls++;
  }

  decideReview(
    runId: string,
    jobId: string,
    stepId: string,
    action: 'pass' | 'refuse',
    opts: { byOther?: boolean; description?: string } = {},
  ): ActionResult {
    const run = this.run(runId);
    if (!run) return notFound(`pipeline run ${runId}`);
    const job = run.stages.flatMap((s) => s.jobs).find((j) => j.id === jobId);
    if (!job) return notFound(`job run ${jobId}`);
    const step = job.steps.find((s) => s.id === stepId);
    if (!step) return notFound(`step run ${stepId}`);
    if (!step.waiting || TERMINAL.has(run.status))
      return notAllowed(`step ${stepId} is not waiting for a review`);
    this.decide(step, action, opts);
    if (action === 'pass') this.completeJob(run, job);
    else {
      job.status = this.variants.refusedStatus;
      job.refused = true;
      job.message = step.message;
      job.endTime = this.now();
    }
    this.settle(run);
    return ok;
  }

  decideCheckpoint(
    runId: string,
    stepId: string,
    action: 'pass' | 'refuse',
    opts: { byOther?: boolean; description?: string } = {},
  ): ActionResult {
    const run = this.run(runId);
    if (!run) return notFound(`pipeline run ${runId}`);
    const stage = run.stages.find((s) => s.pre.some((p) => p.id === stepId));
    const step = stage?.pre.find((p) => p.id === stepId);
    if (!stage || !step) return notFound(`step run ${stepId}`);
    if (!step.waiting || TERMINAL.has(run.status)) return notAllowed(`check point ${stepId} is not waiting`);
    this.decide(step, action, opts);
    if (action === 'pass') for (const j of stage.jobs) if (j.selected) j.status = 'QUEUED';
    this.settle(run);
    return ok;
  }

  stop(runId: string): ActionResult {
    const run = this.run(runId);
    if (!run) return notFound(`pipeline run ${runId}`);
    if (TERMINAL.has(run.status)) return notAllowed(`the run is ${run.status}`);
    this.cancel(run);
    return ok;
  }

  retry(runId: string, jobRunIds: string[] = []): ActionResult {
    const run = this.run(runId);
    if (!run) return notFound(`pipeline run ${runId}`);
    if (run.status !== 'FAILED')
      return notAllowed(`only a FAILED run can be retried; the run is ${run.status}`);
    const stage = run.stages.find((s) => s.status === 'FAILED');
    if (!stage) return notAllowed('the run has no failed stage');
    const failed = stage.jobs.filter((j) => j.status === 'FAILED' || j.refused);
    const all = run.stages.flatMap((s) => s.jobs);
    for (const id of jobRunIds) {
      if (!all.some((j) => j.id === id)) return notFound(`job run ${id}`);
      if (!failed.some((j) => j.id === id)) return notAllowed(`job run ${id} did not fail`);
    }
    const jobs = jobRunIds.length > 0 ? failed.filter((j) => jobRunIds.includes(j.id)) : failed;
    const pre = jobRunIds.length > 0 ? [] : stage.pre.filter((p) => p.decision?.action === 'refuse');
    for (const j of jobs) {
      Object.assign(j, { status: 'QUEUED', message: '', refused: false, endTime: 0 });
      for (const s of j.steps) resetStep(s);
    }
    for (const p of pre) this.await(p);
    Object.assign(stage, { status: 'RUNNING', endTime: 0 });
    Object.assign(run, { status: 'RUNNING', endTime: 0 });
    this.settle(run);
    return ok;
  }

  /** The step's log lines as they are now: a running step has written half of them. */
  logOf(step: SimStep): string[] {
    if (step.startTime === 0) return [];
    const at = (i: number) => new Date(step.startTime + i * 250).toISOString();
    const done = TERMINAL.has(step.status);
    const count = done && step.status !== 'CANCELED' ? step.logLines : Math.ceil(step.logLines / 2);
    const lines = [`[${at(0)}] [INFO] ==== ${step.name} (${step.task}) ====`];
    for (let i = 1; i < count; i++)
      lines.push(`[${at(i)}] [INFO] ${step.name}: ${WORK[i % WORK.length]} (${i}/${step.logLines})`);
    if (step.status === 'COMPLETED') lines.push(`[${at(count)}] [INFO] ${step.name} finished successfully`);
    else if (step.status === 'CANCELED') lines.push(`[${at(count)}] [WARN] ${step.name} was canceled`);
    else if (done) lines.push(`[${at(count)}] [ERROR] ${step.message || `${step.name} failed`}`);
    return lines;
  }

  private create(req: StartRequest, byOther: boolean): SimRun {
    const chosenStages = req.chooseStages?.length ? new Set(req.chooseStages) : undefined;
    const chosenJobs = !chosenStages && req.chooseJobs?.length ? new Set(req.chooseJobs) : undefined;
    const t = this.now();
    const stages = this.scenario.stages.map((spec, i) => {
      const jobs = spec.jobs.map((j, k) =>
        this.newJob(j, k, chosenJobs ? chosenJobs.has(jobIdentifier(j)) : true),
      );
      const selected = chosenStages ? chosenStages.has(stageIdentifier(spec)) : jobs.some((j) => j.selected);
      if (!selected) for (const j of jobs) Object.assign(j, { selected: false, status: 'UNSELECTED' });
      return this.newStage(spec, i, selected, jobs);
    });
    const executor = byOther ? OTHER : GATE;
    const branch = req.tag ? '' : (req.branch ?? this.scenario.repo.defaultBranch);
    const run: SimRun = {
      id: this.newId(),
      runNumber: this.runs.length + 1,
      status: 'RUNNING',
      triggerType: req.triggerType ?? 'Manual',
      executorId: executor.id,
      executorName: executor.name,
      description: req.description ?? '',
      variables: req.variables ?? [],
      sources: req.sources ?? [],
      branch,
      tag: req.tag ?? '',
      commitId: req.commitId ?? this.commitOf(branch || req.tag || ''),
      startTime: t,
      endTime: 0,
      stages,
      artifacts: [],
      byOther,
    };
    this.runs.push(run);
    return run;
  }

  /** The head of the default branch, or a stable made-up commit for any other ref. */
  private commitOf(ref: string): string {
    if (ref === this.scenario.repo.defaultBranch) return this.scenario.repo.headCommit;
    return createHash('sha1').update(`${this.scenario.repo.gitUrl}#${ref}`).digest('hex');
  }

  private newStage(spec: StageSpec, sequence: number, selected: boolean, jobs: SimJob[]): SimStage {
    const pre = spec.checkpoint
      ? [
          this.newStep(
            {
              name: 'ManualCheckPoint',
              task: this.variants.checkpointTask,
              businessType: 'Normal',
              logLines: 3,
            },
            'review',
            0,
          ),
        ]
      : [];
    return {
      id: this.newId(),
      name: spec.name,
      identifier: stageIdentifier(spec),
      sequence,
      status: selected ? 'INIT' : 'UNSELECTED',
      startTime: 0,
      endTime: 0,
      pre,
      jobs,
      selected,
    };
  }

  private newJob(spec: JobSpec, sequence: number, selected: boolean): SimJob {
    const kind = spec.kind ?? 'shell';
    const steps = spec.steps ?? [{ name: spec.name }];
    return {
      id: this.newId(),
      name: spec.name,
      identifier: jobIdentifier(spec),
      sequence,
      category: KINDS[kind].category,
      async: spec.async ?? false,
      status: selected ? 'INIT' : 'UNSELECTED',
      message: '',
      startTime: 0,
      endTime: 0,
      steps: steps.map((s, i) => this.newStep(s, kind, i)),
      selected,
      refused: false,
      failsLeft: spec.failTimes ?? 0,
      ticksLeft: 0,
      spec,
    };
  }

  private newStep(spec: StepSpec, kind: JobKind, sequence: number): SimStep {
    return {
      id: this.newId(),
      name: spec.name,
      task: spec.task ?? KINDS[kind].task,
      taskVersion: KINDS[kind].version,
      businessType: spec.businessType ?? KINDS[kind].businessType,
      identifier: `step_${snake(spec.name)}_${sequence}`,
      inputs: spec.inputs ?? defaultInputs(kind, this.scenario.pipelineId, spec.name),
      sequence,
      status: 'INIT',
      message: '',
      startTime: 0,
      endTime: 0,
      waiting: false,
      logLines: spec.logLines ?? (kind === 'review' ? 3 : 40),
    };
  }

  private begin(run: SimRun): void {
    const first = run.stages.find((s) => s.selected);
    if (first) this.enter(run, first);
    this.settle(run);
  }

  private dequeue(run: SimRun): void {
    run.queued = undefined;
    this.begin(run);
  }

  private enter(run: SimRun, stage: SimStage): void {
    Object.assign(stage, { status: 'RUNNING', startTime: this.now() });
    if (stage.pre.length > 0) for (const p of stage.pre) this.await(p);
    else for (const j of stage.jobs) if (j.selected) j.status = 'QUEUED';
  }

  private step(run: SimRun): void {
    const stage = current(run);
    if (!stage || stage.pre.some((p) => p.waiting)) return;
    for (const job of stage.jobs) {
      if (job.status === 'QUEUED') this.startJob(job);
      else if (job.status === 'RUNNING' && !job.steps.some((s) => s.waiting)) {
        if (job.ticksLeft > 0) job.ticksLeft--;
        else if (job.failsLeft > 0) {
          job.failsLeft--;
          this.failJob(job);
        } else this.completeJob(run, job);
      }
    }
    this.settle(run);
  }

  private startJob(job: SimJob): void {
    const t = this.now();
    Object.assign(job, { status: 'RUNNING', startTime: t, endTime: 0, ticksLeft: job.spec.runTicks ?? 0 });
    if (job.spec.kind === 'review') {
      for (const s of job.steps) this.await(s);
      job.status = this.variants.pending.job;
      return;
    }
    Object.assign(job.steps[0]!, { status: 'RUNNING', startTime: t });
  }

  private completeJob(run: SimRun, job: SimJob): void {
    const t = this.now();
    for (const s of job.steps) {
      if (s.status === 'COMPLETED') continue;
      Object.assign(s, { status: 'COMPLETED', startTime: s.startTime || t, endTime: t, waiting: false });
    }
    Object.assign(job, { status: 'COMPLETED', endTime: t, message: '' });
    for (const a of job.spec.artifacts ?? []) {
      run.artifacts = run.artifacts.filter((x) => x.name !== a.name);
      run.artifacts.push({
        ...a,
        version: `1.0.${run.runNumber}`,
        jobId: job.id,
        downloadUrl: `https://cloudartifact.example.com/${this.scenario.pipelineId}/${run.id}/${encodeURIComponent(a.name)}`,
      });
    }
  }

  private failJob(job: SimJob): void {
    const t = this.now();
    const at = Math.min(job.spec.failStep ?? job.steps.length - 1, job.steps.length - 1);
    job.steps.forEach((s, i) => {
      if (i < at) Object.assign(s, { status: 'COMPLETED', startTime: s.startTime || t, endTime: t });
      else if (i === at)
        Object.assign(s, {
          status: 'FAILED',
          startTime: s.startTime || t,
          endTime: t,
          message: `${s.name} exited with code 1: ${s.task} reported an error`,
        });
    });
    Object.assign(job, {
      status: 'FAILED',
      endTime: t,
      message: job.spec.message ?? `Job ${job.name} failed at step ${job.steps[at]!.name}`,
    });
  }

  private await(step: SimStep): void {
    Object.assign(step, {
      status: this.variants.pending.step,
      startTime: this.now(),
      endTime: 0,
      message: '',
      waiting: true,
      decision: undefined,
    });
  }

  private decide(
    step: SimStep,
    action: 'pass' | 'refuse',
    opts: { byOther?: boolean; description?: string },
  ): void {
    const who = opts.byOther ? OTHER.name : GATE.name;
    Object.assign(step, {
      waiting: false,
      decision: { action, byOther: opts.byOther ?? false, description: opts.description },
      status: action === 'pass' ? 'COMPLETED' : this.variants.refusedStatus,
      endTime: this.now(),
      message:
        action === 'pass'
          ? ''
          : `${step.name} refused by ${who}${opts.description ? `: ${opts.description}` : ''}`,
    });
  }

  /** After any change: end the stage when it is done, start the next or end the run; show waits. */
  private settle(run: SimRun): void {
    for (;;) {
      const stage = current(run);
      if (!stage) return this.end(run, 'COMPLETED');
      const refusedEntry = stage.pre.some((p) => p.decision?.action === 'refuse');
      const jobs = stage.jobs.filter((j) => j.selected);
      if (!refusedEntry && (stage.pre.some((p) => p.waiting) || jobs.some((j) => !TERMINAL.has(j.status)))) {
        const waiting = [...stage.pre, ...jobs.flatMap((j) => j.steps)].some((s) => s.waiting);
        const busy = jobs.some(
          (j) => (j.status === 'QUEUED' || j.status === 'RUNNING') && !j.steps.some((s) => s.waiting),
        );
        run.status = waiting && !busy ? this.variants.pending.run : 'RUNNING';
        return;
      }
      const failed = refusedEntry || jobs.some((j) => j.status === 'FAILED' || j.refused);
      Object.assign(stage, { status: failed ? 'FAILED' : 'COMPLETED', endTime: this.now() });
      if (failed) return this.end(run, 'FAILED');
      const next = run.stages.find((s) => s.selected && s.status === 'INIT');
      if (!next) return this.end(run, 'COMPLETED');
      this.enter(run, next);
    }
  }

  private end(run: SimRun, status: 'COMPLETED' | 'FAILED'): void {
    Object.assign(run, { status, endTime: this.now() });
  }

  private cancel(run: SimRun): void {
    const t = this.now();
    const stop = (x: { status: string; endTime: number }) => {
      if (!TERMINAL.has(x.status)) Object.assign(x, { status: 'CANCELED', endTime: t });
    };
    for (const stage of run.stages) {
      for (const p of stage.pre) Object.assign(p, { waiting: false });
      stage.pre.forEach(stop);
      for (const job of stage.jobs) {
        for (const s of job.steps) Object.assign(s, { waiting: false });
        job.steps.forEach(stop);
        stop(job);
      }
      stop(stage);
    }
    run.queued = undefined;
    Object.assign(run, { status: 'CANCELED', endTime: t });
  }

  /** Play the events that are due (see ScenarioEvent for the rule). */
  private play(): void {
    for (const ev of this.events) {
      if (ev.done || !('atTick' in ev.e) || ev.e.atTick > this.tick) continue;
      ev.done = this.playOne(ev.e);
    }
  }

  private playOne(e: ScenarioEvent): boolean {
    if (e.kind === 'late-run') {
      this.lateRun(e);
      return true;
    }
    const run = this.newestLive();
    if (!run) return false;
    const stage = current(run);
    switch (e.kind) {
      case 'cancel':
        this.cancel(run);
        return true;
      case 'review': {
        const job = stage?.jobs.find(
          (j) => (!e.job || j.identifier === e.job) && j.steps.some((s) => s.waiting),
        );
        const step = job?.steps.find((s) => s.waiting);
        return !!job && !!step && this.decideReview(run.id, job.id, step.id, e.action, { byOther: true }).ok;
      }
      case 'checkpoint': {
        const step =
          stage && (!e.stage || stage.identifier === e.stage) ? stage.pre.find((p) => p.waiting) : undefined;
        return !!step && this.decideCheckpoint(run.id, step.id, e.action, { byOther: true }).ok;
      }
      case 'ignore-job': {
        const job = run.stages.flatMap((s) => s.jobs).find((j) => j.identifier === e.job);
        if (job && !TERMINAL.has(job.status)) {
          for (const s of job.steps) {
            if (s.status === 'RUNNING' || s.waiting)
              Object.assign(s, { status: 'CANCELED', waiting: false, endTime: this.now() });
          }
          Object.assign(job, { status: 'IGNORED', endTime: this.now() });
          this.settle(run);
        }
        return true;
      }
    }
  }

  private lateRun(e: LateRun): void {
    const started = this.start(
      { commitId: e.commitId, branch: e.branch, triggerType: e.triggerType ?? 'Push' },
      true,
    );
    if (!started.ok) throw new Error(`scenario: late run: ${started.message}`);
  }

  /** A run that ended in the past: earlier stages COMPLETED, the last one as `status` says. */
  private endInThePast(run: SimRun, status: 'COMPLETED' | 'FAILED' | 'CANCELED', start: number): void {
    const end = start + 600_000;
    const selected = run.stages.filter((s) => s.selected);
    const last = selected.at(-1);
    for (const stage of selected) {
      const outcome = stage === last ? status : 'COMPLETED';
      for (const p of stage.pre) Object.assign(p, { status: 'COMPLETED', startTime: start, endTime: end });
      stage.jobs.forEach((job, i) => {
        const jobStatus = outcome === 'COMPLETED' || (outcome === 'FAILED' && i > 0) ? 'COMPLETED' : outcome;
        if (jobStatus === 'COMPLETED') this.completeJob(run, job);
        else if (jobStatus === 'FAILED') this.failJob(job);
        else {
          for (const s of job.steps) s.status = 'CANCELED';
          job.status = 'CANCELED';
        }
        for (const x of [job, ...job.steps]) Object.assign(x, { startTime: start, endTime: end });
      });
      Object.assign(stage, { status: outcome, startTime: start, endTime: end });
    }
    Object.assign(run, { status, startTime: start, endTime: end });
  }
}

const WORK = [
  'resolving dependencies',
  'downloading packages',
  'compiling sources',
  'running checks',
  'writing output',
  'uploading results',
];

/** The stage in progress: started and not ended. */
function current(run: SimRun): SimStage | undefined {
  return run.stages.find((s) => s.selected && s.status !== 'INIT' && !TERMINAL.has(s.status));
}

function resetStep(s: SimStep): void {
  Object.assign(s, {
    status: 'INIT',
    message: '',
    startTime: 0,
    endTime: 0,
    waiting: false,
    decision: undefined,
  });
}

function stageIdentifier(s: StageSpec): string {
  return s.identifier ?? `stage_${snake(s.name)}`;
}

function jobIdentifier(j: JobSpec): string {
  return j.identifier ?? `job_${snake(j.name)}`;
}

function defaultInputs(
  kind: JobKind,
  pipelineId: string,
  name: string,
): Array<{ key: string; value: unknown }> {
  const taskId = createHash('md5').update(`${pipelineId}:${kind}:${name}`).digest('hex');
  switch (kind) {
    case 'build':
      return [{ key: 'jobId', value: taskId }];
    case 'deploy':
      // the Deploy task id, as the YAML's `jobId` (codearts-api.md section 4)
      return [{ key: 'jobId', value: taskId }];
    case 'review':
      return [
        { key: 'audit_source', value: 'members' },
        { key: 'approvers', value: GATE.id },
        { key: 'check_strategy', value: 'all' },
      ];
    case 'shell':
      return [{ key: 'command', value: 'npm test' }];
  }
}
