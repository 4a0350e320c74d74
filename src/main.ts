// The Yunxiao gate's shell: read the inputs, make the provider, run one watch, finish.
import { yunxiaoProvider } from './providers/yunxiao/provider.js';
import { parseInputs } from './providers/yunxiao/inputs.js';
import { YUNXIAO_OUTPUTS } from './providers/yunxiao/outputs.js';
import { cancelOnSignals, type CancelSignal } from './runner/signals.js';
import { io as runnerIo, useToolkitApi, type RunnerIo } from './runner/io.js';
import { runGate } from './runner/gate.js';

/**
 * Runs the action and sets the process exit code (also returned): the entry point calls it, and so
 * does a tool that runs the action from source, such as @github/local-action, with no arguments.
 */
export async function run(
  cancel: CancelSignal = cancelOnSignals(),
  io: RunnerIo = runnerIo,
): Promise<number> {
  if (io === runnerIo) await useToolkitApi();
  const code = await runGate(
    {
      name: 'Yunxiao',
      outputs: YUNXIAO_OUTPUTS,
      parse: () => parseInputs(io.input, io.mask, process.env),
      provider: (config, dispatcher) => yunxiaoProvider(config, dispatcher, io.debug),
    },
    cancel,
    io,
  );
  process.exitCode = code;
  return code;
}
