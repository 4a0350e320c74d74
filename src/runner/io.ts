// The one place the action talks to the runner: log commands, outputs, the summary, annotations.
//
// It is built from @actions/core's own command, file-command and summary modules, not from its
// index: core.js also imports its OIDC client, which brings a second HTTP stack (undici 6, compiling
// its WebAssembly parser as it loads). That cost every run ~40 MB of memory and ~30 ms of start-up
// for a feature this action never uses. Each function below is what core.js does for the same call.
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../../node_modules/@actions/core/lib/summary.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';
import { cleanLines, cleanText, inertLine, oneLine, MAX_LINE_CHARS } from '../common/untrusted.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

// Every line goes out so that no text from a server becomes a workflow command (see
// common/untrusted.ts): plain lines are made inert, a command's text cannot leave its line, and a
// block of server text (a deploy log) is fenced by ::stop-commands:: with a fresh token.
export const io = {
  /** INPUT_<NAME> as the runner sets it (core.getInput), trimmed. */
  input: (name: string): string =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  mask: (secret: string): void => issueCommand('add-mask', {}, secret),
  info: (line: string): void => void process.stdout.write(inertLine(line) + EOL),
  warning: (text: string): void => issueCommand('warning', {}, cleanText(text)),
  debug: (text: string): void => issueCommand('debug', {}, cleanText(text)),
  /** a collapsible group of lines the gate wrote (values in them made inert) */
  group(title: string, lines: readonly string[]): void {
    issue('group', oneLine(title));
    for (const line of lines) process.stdout.write(inertLine(line) + EOL);
    issue('endgroup');
  },
  /** a collapsible block of server text, shown as it is but never read as commands */
  block(title: string, text: string): void {
    const token = randomUUID().replace(/-/g, '');
    issue('group', oneLine(title));
    issueCommand('stop-commands', {}, token);
    for (const line of cleanLines(text))
      process.stdout.write(
        (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line) + EOL,
      );
    issue(token);
    issue('endgroup');
  },
  annotate(a: Annotation): void {
    issueCommand(a.level, toCommandProperties({ title: oneLine(a.title) }), cleanText(a.message));
  },
  setOutput(name: string, value: string): void {
    if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  },
  /** The step's failure message (the exit code is set by the entry point). */
  fail: (message: string): void => issueCommand('error', {}, cleanText(message)),
  /** The job summary, replacing what this step wrote before (a second write after the extras). */
  async writeSummary(markdown: string): Promise<void> {
    await summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true });
  },
};

export type RunnerIo = typeof io;
