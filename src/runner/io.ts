// The one place the action talks to the runner: log commands, outputs, the summary, annotations.
//
// It is built from @actions/core's own command, file-command and summary modules, not from its
// index: core.js also imports its OIDC client, which brings a second HTTP stack (undici 6, compiling
// its WebAssembly parser as it loads). That cost every run ~40 MB of memory and ~30 ms of start-up
// for a feature this action never uses. Each function below is what core.js does for the same call.
import { EOL } from 'node:os';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../../node_modules/@actions/core/lib/summary.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

export const io = {
  /** INPUT_<NAME> as the runner sets it (core.getInput), trimmed. */
  input: (name: string): string =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  mask: (secret: string): void => issueCommand('add-mask', {}, secret),
  info: (line: string): void => void process.stdout.write(line + EOL),
  warning: (line: string): void => issueCommand('warning', {}, line),
  debug: (line: string): void => issueCommand('debug', {}, line),
  group(title: string, lines: readonly string[]): void {
    issue('group', title);
    for (const line of lines) process.stdout.write(line + EOL);
    issue('endgroup');
  },
  annotate(a: Annotation): void {
    issueCommand(a.level, toCommandProperties({ title: a.title }), a.message);
  },
  setOutput(name: string, value: string): void {
    if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  },
  /** The step's failure message (the exit code is set by the entry point). */
  fail: (message: string): void => issueCommand('error', {}, message),
  async writeSummary(markdown: string): Promise<void> {
    await summary.addRaw(markdown, true).write({ overwrite: false });
  },
};

export type RunnerIo = typeof io;
