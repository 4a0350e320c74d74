// Reads a step's stdout the way the GitHub Actions runner does (actions/runner, ActionCommandManager
// and ActionCommand): lines end at CRLF, LF or a lone CR; a line is a command when, after leading
// white space, it is `::name props::data`, or when it holds `##[name props]data` anywhere (the first
// one); only registered names count; `::stop-commands::TOKEN` stops all processing until a command
// named TOKEN comes.

export interface RunnerCommand {
  name: string;
  props: Record<string, string>;
  data: string;
  line: string;
}

export interface RunnerLog {
  /** the commands the runner would have executed, in order */
  commands: RunnerCommand[];
  /** still stopped at the end: every later command of the step would be ignored */
  stoppedAtEnd: boolean;
}

const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
];

const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

function parseV2(line: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const props: Record<string, string> = {};
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const eq = p.indexOf('=');
      if (eq > 0)
        props[p.slice(0, eq)] = unescapeData(p.slice(eq + 1))
          .replace(/%3A/g, ':')
          .replace(/%2C/g, ',');
    }
  }
  return { name, props, data: unescapeData(message.slice(end + 2)) };
}

function parseLegacy(line: string, registered: Set<string>): Omit<RunnerCommand, 'line'> | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return { name, props: {}, data: line.slice(close + 1) };
}

export function readRunnerLog(stdout: string): RunnerLog {
  const registered = new Set(REGISTERED);
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    const cmd = parseV2(line, registered) ?? parseLegacy(line, registered);
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.name.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
        commands.push({ ...cmd, line });
      }
      continue;
    }
    if (cmd.name.toLowerCase() === 'stop-commands') {
      stopToken = cmd.data;
      registered.add(stopToken.toLowerCase());
    }
    commands.push({ ...cmd, line });
  }
  return { commands, stoppedAtEnd: stopToken !== undefined };
}
