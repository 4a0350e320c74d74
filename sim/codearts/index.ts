// A simulator of Huawei Cloud CodeArts Pipeline's v5 API (codearts-api.md), used by the end-to-end
// tests (the bundled action runs against it as a separate process), the demo and the benchmark. An
// independent implementation of the documented API: nothing here imports src/.
//
// Layers:
//   scenario.ts  what is scripted: stages, jobs, steps, reviews, check points, history, events
//   engine.ts    CodeArtsEngine: the runs' state machine, no HTTP
//   views.ts     the runs as the v5 API shapes them (detail, list rows, artifacts, queue, logs)
//   routes.ts    the v5 operations under /v5/{project_id}/api/pipelines/{pipeline_id}, error codes
//   verify.ts    the SDK-HMAC-SHA256 signature verifier (APIG.0301/0303)
//   auth.ts      one mechanism per request: IAM token or AK/SK (STS: X-Security-Token)
//   faults.ts    what an unreliable gateway does (throttling, errors in 200, HTML, resets, hangs)
//   server.ts    node:http, the request log, faults, auth, the clock
//
// Variants (variants.ts), for the facts no source settles: `pending` statuses while a review or
// check point waits (run RUNNING|PAUSED, job RUNNING|PAUSED, step any word), `refusedStatus`
// (FAILED|CANCELED), `runNotFoundStatus` (200|404), `pipelineErrorStatus` (200|400|404),
// `queuedStartStatus` (200|202), `queuedRunDetail` ('running'|'not-found'), `timeUnit` ('ms'|'s'),
// `asyncType` ('string'|'boolean'), `errorBody` ('flat'|'nested'), `checkpointTask`.
export {
  startCodeArtsSimulator,
  type CodeArtsSimulator,
  type CodeArtsSimulatorOptions,
  type RecordedRequest,
} from './server.js';
export {
  scenario,
  demoScenario,
  stage,
  job,
  type Scenario,
  type StageSpec,
  type JobSpec,
  type StepSpec,
  type JobKind,
  type ArtifactSpec,
  type PastRun,
  type ScenarioEvent,
} from './scenario.js';
export {
  CodeArtsEngine,
  TERMINAL,
  type SimRun,
  type SimStage,
  type SimJob,
  type SimStep,
  type SimArtifact,
  type StartRequest,
  type ActionResult,
} from './engine.js';
export type { Fault } from './faults.js';
export type { Reply } from './replies.js';
export type { AuthOptions } from './auth.js';
export { resolveVariants, type Variants, type ResolvedVariants } from './variants.js';
export { NOT_ALLOWED } from './routes.js';
export {
  verifySdkHmac,
  canonicalRequest,
  type AccessKey,
  type SignedRequest,
  type Verdict,
} from './verify.js';
