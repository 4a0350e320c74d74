// The two ways a run is cut short, as abort reasons: the shell tells them apart by type.
export class DeadlineReached extends Error {
  override name = 'DeadlineReached';
  constructor(readonly timeoutMs: number) {
    super(`the deadline (timeout ${formatDuration(timeoutMs)}) was reached`);
  }
}

export class RunCancelled extends Error {
  override name = 'RunCancelled';
  constructor(readonly signalName: string) {
    super(`the workflow run was cancelled (${signalName})`);
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', sec || (!h && !m) ? `${sec}s` : ''].join('');
}
