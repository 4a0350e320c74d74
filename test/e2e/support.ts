// Starts a simulator, runs dist/index.js against it as the runner does, and closes it.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { runAction, type ActionRun, type RunOptions } from '../../scripts/lib/runner.js';
import {
  scenario,
  startSimulator,
  type Scenario,
  type Simulator,
  type SimulatorOptions,
} from '../../sim/yunxiao/index.js';

export const TOKEN = 'pt-e2eSecretToken_0123456789abcdef';
export const FIXTURES = join(import.meta.dirname, '../fixtures');
export const ORG = '5ebbc0228123212b59e2e000';

export interface GateRun {
  run: ActionRun;
  sim: Simulator;
  /** the operations the simulator received, in order */
  ops: string[];
}

export async function gate(
  over: Partial<Scenario>,
  inputs: Record<string, string> = {},
  sim: Partial<SimulatorOptions> = {},
  opts: Partial<RunOptions> & {
    whileRunning?: (child: ChildProcess, sim: Simulator) => void;
    /** called once the simulator listens, before the action starts */
    beforeRun?: (sim: Simulator) => void;
    /** inputs known only once the simulator listens (its URL under another name, ...) */
    inputsFrom?: (sim: Simulator) => Record<string, string>;
  } = {},
): Promise<GateRun> {
  const s = scenario(over);
  const edition = sim.edition ?? 'central';
  const simulator = await startSimulator({ edition, organizationId: ORG, token: TOKEN, scenario: s, ...sim });
  try {
    opts.beforeRun?.(simulator);
    const run = await runAction({
      ...opts,
      onSpawn: (child) => opts.whileRunning?.(child, simulator),
      inputs: {
        token: TOKEN,
        endpoint: simulator.url,
        edition,
        ...(edition === 'central' ? { 'organization-id': ORG } : {}),
        'pipeline-id': s.pipelineId,
        'poll-interval': '100ms',
        timeout: '20s',
        ...inputs,
        ...opts.inputsFrom?.(simulator),
      },
    });
    return { run, sim: simulator, ops: simulator.requests.map((r) => r.operation) };
  } finally {
    await simulator.close();
  }
}

export const count = (ops: string[], op: string): number => ops.filter((o) => o === op).length;

/** Resolves once the simulator has received `n` calls of `operation`. */
export async function waitForCalls(
  sim: { readonly requests: readonly { operation: string }[] },
  operation: string,
  n: number,
): Promise<void> {
  while (sim.requests.filter((r) => r.operation === operation).length < n)
    await new Promise((r) => setTimeout(r, 20));
}
