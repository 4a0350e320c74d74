// Cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills the process 2.5 s
// after that. The first signal starts an orderly finish; later ones are absorbed so that finish
// (stop request, outputs, report, summary) is not cut short by Node's default exit.
export function onCancel(handler: (signalName: string) => void): { release(): void } {
  let fired = false;
  const listener = (signalName: NodeJS.Signals): void => {
    if (fired) return;
    fired = true;
    handler(signalName);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return {
    release() {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    },
  };
}
