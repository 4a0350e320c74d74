// The Yunxiao simulator: used by the end-to-end tests, the demo and the benchmark. An independent
// implementation of the documented API (nothing here imports src/).
//
// Layers:
//   scenario.ts  what is scripted (pipeline, jobs, batches of machines, events)
//   engine.ts    DeployEngine: the deploy order's state machine, no HTTP
//   runs.ts      RunBook: the pipeline's runs (the deploying one, those before it, those started)
//   start.ts     what CreatePipelineRun / StartPipelineRun accept as params
//   views.ts     the resources as Yunxiao shapes them, shared by every API generation
//   dialect.ts   Dialect / tableDialect: a route table with its own prefix, auth and envelope
//   openapi.ts   the OpenAPI route table (x-yunxiao-token, bare resources)
//   classic.ts   the classic 2021-06-25 dialect (AccessKey signatures, envelopes)
//   server.ts    node:http, request log, faults, clock; tries each dialect in turn
//
// Plugging in another API generation: build a Dialect over the same SimContext, usually with
// tableDialect({ parse, guard, routes, notFound }) whose rows call ctx.engine (skip/retry/resume/
// stop) and the views (orderView, runView, ...), wrapped in that API's envelope; then pass it as
// startSimulator({ ..., dialects: [myDialect] }). The request log, faults and clock apply to it
// unchanged, and sim.order() shows the state both generations share.
export {
  startSimulator,
  type Fault,
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions,
} from './server.js';
export {
  scenario,
  machines,
  bigOrder,
  demoScenario,
  type Scenario,
  type MachineSpec,
  type ScenarioEvent,
  type DeployJobSpec,
} from './scenario.js';
export { DeployEngine, type SimOrderState, type SimMachine, type ActionResult } from './engine.js';
export {
  tableDialect,
  errorReply,
  type Dialect,
  type Reply,
  type Request,
  type Route,
  type RouteSpec,
  type SimContext,
  type TableDialectSpec,
} from './dialect.js';
export { openApiRoutes, openApiDialect, OPENAPI_BASE } from './openapi.js';
export { RawNumber, RawJson, num, rawJson, stringify } from './raw-json.js';
export type { ClassicKey } from './classic.js';
