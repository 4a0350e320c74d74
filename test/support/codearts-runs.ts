// CodeArts run details written in the API's own terms (model.ts), for the tests of the mapping table
// and of the core's decisions through it.
import {
  REVIEW_TASK,
  type JobRun,
  type RunDetail,
  type StageRun,
  type StepRun,
} from '../../src/providers/codearts/model.js';

export const T0 = 1_767_225_600_000;

export const step = (over: Partial<StepRun> = {}): StepRun => ({
  id: 'step-build',
  name: 'Build',
  task: 'official_devcloud_cloudBuild',
  businessType: 'Build',
  status: 'COMPLETED',
  message: '',
  startTime: T0 + 1000,
  endTime: T0 + 61_000,
  inputs: [],
  ...over,
});
export const job = (over: Partial<JobRun> = {}): JobRun => ({
  id: 'job-build',
  name: 'build',
  identifier: 'job_build',
  status: 'COMPLETED',
  message: '',
  startTime: T0 + 1000,
  endTime: T0 + 61_000,
  steps: [step()],
  ...over,
});
export const stage = (over: Partial<StageRun> = {}): StageRun => ({
  id: 'stage-build',
  sequence: 0,
  name: 'Build',
  identifier: 'stage_build',
  status: 'COMPLETED',
  startTime: T0,
  endTime: T0 + 62_000,
  pre: [],
  jobs: [job()],
  ...over,
});
export const run = (over: Partial<RunDetail> = {}): RunDetail => ({
  id: 'run-1',
  pipelineId: 'pipe',
  name: 'demo',
  status: 'RUNNING',
  trigger: 'Manual',
  startTime: T0,
  executor: { id: 'u', name: 'ci-bot' },
  stages: [stage()],
  sources: [],
  artifacts: [],
  serverTime: T0 + 100_000,
  ...over,
});

/** A review job waiting as the variant shows it. */
export const reviewJob = (jobStatus: string, stepStatus: string, over: Partial<StepRun> = {}): JobRun =>
  job({
    id: 'job-review',
    name: 'review',
    identifier: 'job_review',
    status: jobStatus,
    startTime: T0 + 70_000,
    endTime: undefined,
    steps: [
      step({
        id: 'step-review',
        name: 'ManualReview',
        task: REVIEW_TASK,
        businessType: 'Normal',
        status: stepStatus,
        startTime: T0 + 70_000,
        endTime: undefined,
        inputs: [
          { key: 'audit_source', value: 'members' },
          { key: 'approvers', value: 'u1' },
        ],
        ...over,
      }),
    ],
  });

export const approveStage = (j: JobRun, over: Partial<StageRun> = {}): StageRun =>
  stage({
    id: 'stage-approve',
    sequence: 1,
    name: 'Approve',
    identifier: 'stage_approve',
    status: 'RUNNING',
    startTime: T0 + 70_000,
    endTime: undefined,
    jobs: [j],
    ...over,
  });
