// What an entry point does before anything else loads: listen for a cancel (one that comes while the
// rest loads must not kill the process unheard), say which gate and version this is, and set the V8
// flags (they apply to what is compiled after them, hence the entries' dynamic imports).
import { setFlagsFromString } from 'node:v8';
import { VERSION } from '../version.js';
import { cancelOnSignals, type CancelSignal } from './signals.js';
import { V8_FLAGS } from './v8-flags.js';

export function boot(gate: string): CancelSignal {
  const cancel = cancelOnSignals();
  process.stdout.write(`::debug::${gate} ${VERSION}\n`);
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
  return cancel;
}

/**
 * Ends the process with its exit code once everything written has left it. Exiting at once, rather
 * than when the event loop runs dry, leaves no window in which a late second signal (the runner's
 * SIGTERM after a cancel) finds Node tearing down without its handlers and kills the process, losing
 * the exit code. stdout is flushed first: on some platforms a pipe is written asynchronously.
 */
export async function exitWhenFlushed(): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit();
}
