// The one place the action talks to the runner (log commands, outputs, summary, annotations).
// Everything else gets these functions passed in, so the core never depends on @actions/core.
import * as core from '@actions/core';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

export const io = {
  input: (name: string): string => core.getInput(name),
  mask: (secret: string): void => core.setSecret(secret),
  info: (line: string): void => core.info(line),
  warning: (line: string): void => core.warning(line),
  debug: (line: string): void => core.debug(line),
  group(title: string, lines: readonly string[]): void {
    core.startGroup(title);
    for (const line of lines) core.info(line);
    core.endGroup();
  },
  annotate(a: Annotation): void {
    const props = { title: a.title };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  },
  setOutput: (name: string, value: string): void => core.setOutput(name, value),
  fail: (message: string): void => core.setFailed(message),
  async writeSummary(markdown: string): Promise<void> {
    await core.summary.addRaw(markdown, true).write({ overwrite: false });
  },
};

export type RunnerIo = typeof io;
