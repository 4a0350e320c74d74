// The Yunxiao simulator: used by the end-to-end tests, the demo and the benchmark.
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
  demoScenario,
  type Scenario,
  type MachineSpec,
  type ScenarioEvent,
} from './scenario.js';
export type { SimOrderState, SimMachine } from './engine.js';
export type { ClassicKey } from './classic.js';
