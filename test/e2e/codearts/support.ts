// Starts the CodeArts simulator, runs dist/codearts/index.js against it as the runner does, and
// closes it.
import type { ChildProcess } from 'node:child_process';
import { runAction, type ActionRun, type RunOptions } from '../../../scripts/lib/runner.js';
import {
  scenario,
  startCodeArtsSimulator,
  type CodeArtsSimulator,
  type CodeArtsSimulatorOptions,
  type Scenario,
} from '../../../sim/codearts/index.js';

export const PROJECT = '0123456789abcdef0123456789abcdef';
export const AK = 'E2EAKEXAMPLE0000AAAA';
export const SK = 'e2eSecretKey-QwErTyUiOpAsDfGhSECRET';
export const STS_AK = 'E2ESTSAKEXAMPLE0000B';
export const STS_SK = 'e2eStsSecretKey-ZxCvBnMlKjHgFdSaSTS';
export const STS_TOKEN = 'e2eStsSecurityToken-PoIuYtReWqLkJhGfDsAzXcVb';
export const IAM_TOKEN = 'MIIZe2eIamToken-MnBvCxZaSdFgHjKlPoIuYtReWq';
/** Every secret of the tests: none may appear in an output, the summary, the report or the log. */
export const SECRETS = [SK, STS_SK, STS_TOKEN, IAM_TOKEN];

export const AUTH: CodeArtsSimulatorOptions['auth'] = {
  accessKeys: { [AK]: { secretKey: SK }, [STS_AK]: { secretKey: STS_SK, securityToken: STS_TOKEN } },
  iamTokens: [IAM_TOKEN],
};

export interface GateRun {
  run: ActionRun;
  sim: CodeArtsSimulator;
  /** the operations the simulator received, in order */
  ops: string[];
}

export async function codeArtsGate(
  over: Partial<Scenario>,
  inputs: Record<string, string> = {},
  sim: Partial<CodeArtsSimulatorOptions> = {},
  opts: Partial<RunOptions> & {
    whileRunning?: (child: ChildProcess, sim: CodeArtsSimulator) => void;
    /** called once the simulator listens, before the action starts (e.g. to start a run) */
    beforeRun?: (sim: CodeArtsSimulator) => void | Promise<void>;
    /** inputs known only once the simulator runs (e.g. the id of a run started by beforeRun) */
    inputsFrom?: (sim: CodeArtsSimulator) => Record<string, string>;
  } = {},
): Promise<GateRun> {
  const s = scenario(over);
  const simulator = await startCodeArtsSimulator({ projectId: PROJECT, scenario: s, auth: AUTH, ...sim });
  try {
    await opts.beforeRun?.(simulator);
    const run = await runAction({
      ...opts,
      action: 'codearts',
      onSpawn: (child) => opts.whileRunning?.(child, simulator),
      inputs: {
        endpoint: simulator.url,
        'access-key': AK,
        'secret-key': SK,
        'project-id': PROJECT,
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

// the same helpers as the Yunxiao gate's tests
export { count, waitForCalls } from '../support.js';

/** Starts a run as someone else would (a push, the console); its id. */
export function startRun(
  sim: CodeArtsSimulator,
  req: Parameters<CodeArtsSimulator['engine']['start']>[0] = {},
): string {
  const started = sim.engine.start(req, true);
  if (!started.ok) throw new Error('the simulator refused to start a run');
  return started.run.id;
}
