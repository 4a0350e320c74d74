// The one place the action talks to the runner (log commands, outputs, summary, annotations).
// @actions/core is loaded after the first request has gone out: it brings its own HTTP client
// (for OIDC, unused here), which would otherwise delay every run's start by tens of milliseconds.
// Until it is loaded, calls are queued in order, secrets first, so nothing is printed unmasked.
import type * as Core from '@actions/core';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

let core: typeof Core | undefined;
let loading: Promise<void> | undefined;
const pending: Array<(c: typeof Core) => void> = [];
const masks: string[] = [];

function withCore(f: (c: typeof Core) => void): void {
  if (core) f(core);
  else pending.push(f);
}

export const io = {
  /** INPUT_<NAME> as the runner sets it (what core.getInput reads), trimmed. */
  input: (name: string): string =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  mask(secret: string): void {
    if (core) core.setSecret(secret);
    else masks.push(secret);
  },
  /** Loads @actions/core and flushes what was queued: masks, then the rest in order. */
  load(): Promise<void> {
    loading ??= import('@actions/core').then((c) => {
      core = c;
      for (const secret of masks.splice(0)) c.setSecret(secret);
      for (const f of pending.splice(0)) f(c);
    });
    return loading;
  },
  info: (line: string): void => withCore((c) => c.info(line)),
  warning: (line: string): void => withCore((c) => c.warning(line)),
  debug: (line: string): void => withCore((c) => c.debug(line)),
  group(title: string, lines: readonly string[]): void {
    withCore((c) => {
      c.startGroup(title);
      for (const line of lines) c.info(line);
      c.endGroup();
    });
  },
  annotate(a: Annotation): void {
    withCore((c) => {
      const props = { title: a.title };
      if (a.level === 'error') c.error(a.message, props);
      else if (a.level === 'warning') c.warning(a.message, props);
      else c.notice(a.message, props);
    });
  },
  setOutput: (name: string, value: string): void => withCore((c) => c.setOutput(name, value)),
  fail: (message: string): void => withCore((c) => c.setFailed(message)),
  async writeSummary(markdown: string): Promise<void> {
    await io.load();
    await core!.summary.addRaw(markdown, true).write({ overwrite: false });
  },
};

export type RunnerIo = typeof io;
