// A scripted CodeArts pipeline: its stages, jobs and steps, the runs it already has, and what
// happens while the gate watches (the engine's rules are in engine.ts).
//
// Every job has steps (one by default, from its kind) and goes INIT -> QUEUED -> RUNNING ->
// COMPLETED, or FAILED while it has failures left (failTimes; Infinity: always), staying RUNNING
// runTicks more ticks (Infinity: never ends). A 'review' job holds a manual review step (task
// official_devcloud_checkpoint) that waits until someone passes or refuses it; a stage with a
// `checkpoint` waits at its entry (a `pre` step) the same way.
//
// Example: a build, a review the gate passes, and a deploy that fails once before succeeding:
//   scenario({ stages: [
//     stage('Build', [job('build', 'build', { artifacts: [{ name: 'app.jar', packageType: 'jar' }] })]),
//     stage('Approve', [job('review', 'review')]),
//     stage('Deploy', [job('deploy', 'deploy', { failTimes: 1 })]),
//   ] })

export type JobKind = 'build' | 'shell' | 'deploy' | 'review';

export interface StepSpec {
  name: string;
  /** plugin name; from the job's kind when absent */
  task?: string;
  /** Normal, Build, Test, Check, Deploy; from the job's kind when absent */
  businessType?: string;
  inputs?: Array<{ key: string; value: unknown }>;
  /** lines of the step's log once it has finished (default 40) */
  logLines?: number;
}

export interface ArtifactSpec {
  name: string;
  /** e.g. jar, docker, generic */
  packageType: string;
}

export interface JobSpec {
  name: string;
  /** default job_<name in snake case>, e.g. job_unit_tests */
  identifier?: string;
  /** default 'shell' */
  kind?: JobKind;
  /** default: one step of the job's kind */
  steps?: StepSpec[];
  /** fails this many times before succeeding (Infinity: always) */
  failTimes?: number;
  /** extra ticks spent RUNNING (Infinity: never finishes) */
  runTicks?: number;
  /** the failed job's message (the failed step gets its own) */
  message?: string;
  /** index of the step that fails (default the last) */
  failStep?: number;
  /** published when the job completes */
  artifacts?: ArtifactSpec[];
  /** the job's `async` flag */
  async?: boolean;
}

export interface StageSpec {
  name: string;
  /** default stage_<name in snake case> */
  identifier?: string;
  /** a manual check point at the stage's entry: a `pre` step that holds the stage */
  checkpoint?: boolean;
  jobs: JobSpec[];
}

/** A run that ended before the simulator started (history for ListPipelineRuns). */
export interface PastRun {
  status: 'COMPLETED' | 'FAILED' | 'CANCELED';
  commitId?: string;
  triggerType?: string;
}

/** Someone else starts a run (e.g. a push of `commitId`). */
export interface LateRun {
  kind: 'late-run';
  commitId?: string;
  branch?: string;
  /** default Push */
  triggerType?: string;
}

// An event acting on a run plays on the newest running run at its tick, or at the first tick after
// when there is nothing to act on yet (a review someone passes at tick 3 that waits only from tick 5
// on is passed at tick 5). Tick 0 is the simulator's start.
export type ScenarioEvent =
  /** someone passes or refuses the waiting manual review (of the job with that identifier) */
  | { atTick: number; kind: 'review'; action: 'pass' | 'refuse'; job?: string }
  /** someone passes or refuses the waiting check point (of the stage with that identifier) */
  | { atTick: number; kind: 'checkpoint'; action: 'pass' | 'refuse'; stage?: string }
  /** someone stops the run */
  | { atTick: number; kind: 'cancel' }
  /** the job (by identifier) is IGNORED, as a condition that turned false does */
  | { atTick: number; kind: 'ignore-job'; job: string }
  /** a run appears at a tick, or once ListPipelineRuns has been called that many times */
  | (LateRun & ({ atTick: number } | { afterListCalls: number }));

export interface Scenario {
  pipelineId: string;
  name: string;
  region: string;
  repo: { gitUrl: string; defaultBranch: string; headCommit: string; codehubId: string };
  stages: StageSpec[];
  /** runs that ended before the start, oldest first (run numbers 1..n) */
  history?: PastRun[];
  /** the pipeline is at its concurrency limit: every RunPipeline waits this many ticks in the queue */
  queue?: { ticks: number; code?: 'DEVPIPE.00011169' | 'DEVPIPE.00011170' };
  events?: ScenarioEvent[];
}

export function job(name: string, kind: JobKind = 'shell', extra: Partial<JobSpec> = {}): JobSpec {
  return { name, kind, ...extra };
}

export function stage(name: string, jobs: JobSpec[], extra: Partial<StageSpec> = {}): StageSpec {
  return { name, jobs, ...extra };
}

/** A small healthy pipeline (a build stage and a deploy stage); every field can be overridden. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    pipelineId: 'e2bcbd561fbc4fd89577fb27c80b09a6',
    name: 'demo-pipeline',
    region: 'cn-north-4',
    repo: {
      gitUrl: 'https://codehub.example.com/acme/shop.git',
      defaultBranch: 'master',
      headCommit: '0123456789abcdef0123456789abcdef01234567',
      codehubId: '2111699716',
    },
    stages: [
      stage('Build', [job('build', 'build', { artifacts: [{ name: 'app.jar', packageType: 'jar' }] })]),
      stage('Deploy', [job('deploy', 'deploy')]),
    ],
    ...overrides,
  };
}

/** The demo: build and unit tests, a manual review the gate passes, then the deploy. */
export function demoScenario(): Scenario {
  return scenario({
    pipelineId: '9d1f7c4be0a34b8f8a1c2d3e4f5a6b7c',
    name: 'shop-release',
    history: [
      { status: 'COMPLETED', commitId: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
      { status: 'FAILED', commitId: 'b2c3d4e5f60718293a4b5c6d7e8f901234567890' },
    ],
    stages: [
      stage('Build', [
        job('build', 'build', {
          runTicks: 2,
          artifacts: [
            { name: 'shop-service.jar', packageType: 'jar' },
            { name: 'shop-web', packageType: 'docker' },
          ],
        }),
        job('unit tests', 'shell', { runTicks: 1 }),
      ]),
      stage('Approve', [job('release review', 'review')]),
      stage('Deploy', [job('deploy to production', 'deploy', { runTicks: 3 })]),
    ],
  });
}
