// The CodeArts gate's shell: read the inputs, make the provider, run one watch, finish.
import { parseInputs } from './providers/codearts/inputs.js';
import { CODEARTS_OUTPUTS } from './providers/codearts/outputs.js';
import { codeArtsProvider } from './providers/codearts/provider.js';
import { runAction } from './runner/gate.js';
import { io as runnerIo, type RunnerIo } from './runner/io.js';
import { cancelOnSignals, type CancelSignal } from './runner/signals.js';

/**
 * Runs the action and sets the process exit code (also returned): the entry point calls it, and so
 * does a tool that runs the action from source, such as @github/local-action, with no arguments.
 */
export function run(cancel: CancelSignal = cancelOnSignals(), io: RunnerIo = runnerIo): Promise<number> {
  return runAction(
    {
      name: 'CodeArts',
      outputs: CODEARTS_OUTPUTS,
      parse: () => parseInputs(io.input, io.mask, process.env),
      provider: async (config, dispatcher) => codeArtsProvider(config, dispatcher, io.debug),
    },
    cancel,
    io,
  );
}
