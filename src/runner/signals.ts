// Cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills the process 2.5 s
// after that. The entry point installs this before anything else loads, so a cancel in the first
// milliseconds is not lost, and it stays until the process ends: the first signal starts an orderly
// finish (stop request, outputs, report, summary); later ones are absorbed, never Node's default exit.
import { RunCancelled } from '../watch/abort.js';

export interface CancelSignal {
  signal: AbortSignal;
  /** Date.now() when the first signal came */
  at?: number;
}

export function cancelOnSignals(): CancelSignal {
  const controller = new AbortController();
  const cancel: CancelSignal = { signal: controller.signal };
  const listener = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    cancel.at = Date.now();
    controller.abort(new RunCancelled(name));
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return cancel;
}
