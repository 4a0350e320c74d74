// The one place the action talks to the runner: log commands, outputs, the summary, annotations.
//
// It is built from @actions/core's own command, file-command and summary modules, not from its
// index: core.js also imports its OIDC client, which brings a second HTTP stack (undici 6, compiling
// its WebAssembly parser as it loads). That cost every run ~40 MB of memory and ~30 ms of start-up
// for a feature this action never uses. Each function below is what core.js does for the same call.
//
// Run from source instead (by tsx, as GitHub's @github/local-action runs an action), the secrets,
// the outputs, the failure and the summary go through @actions/core's public API (useToolkitApi),
// which such tools replace with their own: there it costs no start-up, and the bundle never loads it.
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from '../../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../../node_modules/@actions/core/lib/summary.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';
import { registerSecret, redactKnown } from '../common/redact.js';
import { cleanLines, commandText, inertLine } from '../common/untrusted.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

// Every line goes out so that no text from a server becomes a workflow command (see
// common/untrusted.ts): plain lines are made inert, a command's text cannot leave its line, and a
// block of server text (a deploy log) is fenced by ::stop-commands:: with a fresh token. And every
// text has this run's secrets redacted, whatever it came from (a server may echo one).
/** What goes through @actions/core: the lib modules in the bundle, its public API from source. */
interface Toolkit {
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}

let toolkit: Toolkit = {
  setSecret: (secret) => issueCommand('add-mask', {}, secret),
  setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  },
  setFailed: (message) => issueCommand('error', {}, message),
  async writeSummary(markdown) {
    await summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true });
  },
};

/**
 * From source (this module is a .ts file, not a bundle), use @actions/core's public API. Its import is
 * left out of the bundle: it can only ever run where node_modules is.
 */
export async function useToolkitApi(): Promise<void> {
  // (a loader may add a query to the URL: ?__quibble=1)
  if (!new URL(import.meta.url).pathname.endsWith('.ts')) return;
  const core = await import(/* webpackIgnore: true */ '@actions/core');
  toolkit = {
    setSecret: core.setSecret,
    setOutput: core.setOutput,
    setFailed: core.setFailed,
    async writeSummary(markdown) {
      await core.summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true });
    },
  };
}

export const io = {
  /** INPUT_<NAME> as the runner sets it (core.getInput), trimmed. */
  input: (name: string): string =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  mask(secret: string): void {
    registerSecret(secret);
    toolkit.setSecret(secret);
  },
  info: (line: string): void => void process.stdout.write(inertLine(redactKnown(line)) + EOL),
  warning: (text: string): void => issueCommand('warning', {}, commandText(redactKnown(text))),
  debug: (text: string): void => issueCommand('debug', {}, commandText(redactKnown(text))),
  /** a collapsible group of lines the gate wrote (values in them made inert) */
  group(title: string, lines: readonly string[]): void {
    issue('group', inertLine(redactKnown(title)));
    for (const line of lines) process.stdout.write(inertLine(redactKnown(line)) + EOL);
    issue('endgroup');
  },
  /** a collapsible block of server text, shown as it is but never read as commands */
  block(title: string, text: string): void {
    const token = randomUUID().replace(/-/g, '');
    issue('group', inertLine(redactKnown(title)));
    issueCommand('stop-commands', {}, token);
    for (const line of cleanLines(redactKnown(text))) process.stdout.write(line + EOL);
    issue(token);
    issue('endgroup');
  },
  annotate(a: Annotation): void {
    const title = inertLine(redactKnown(a.title));
    issueCommand(a.level, toCommandProperties({ title }), commandText(redactKnown(a.message)));
  },
  setOutput: (name: string, value: string): void => toolkit.setOutput(name, redactKnown(value)),
  /** The step's failure message (run() sets the exit code). */
  fail: (message: string): void => toolkit.setFailed(commandText(redactKnown(message))),
  /** The job summary, replacing what this step wrote before (a second write after the extras). */
  writeSummary: (markdown: string): Promise<void> => toolkit.writeSummary(redactKnown(markdown)),
};

export type RunnerIo = typeof io;
