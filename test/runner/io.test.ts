// The one place that writes to the runner: what it prints, read the way the runner reads it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { io } from '../../src/runner/io.js';
import { readRunnerLog } from '../support/runner-log.js';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const HOSTILE = '::error::x\r::add-mask::failure ##[warning]y \u202e';

describe('io', () => {
  it('info, group, warning, annotation and failure lines carry no command from their values', () => {
    io.info(`machine ${HOSTILE}: Failed`);
    io.info(HOSTILE);
    io.group(`Batch 1 ${HOSTILE}`, [`- ${HOSTILE}`, HOSTILE]);
    io.warning(`Machine ${HOSTILE} has status`);
    io.annotate({ level: 'error', title: `Machine ${HOSTILE} failed`, message: `msg\n${HOSTILE}` });
    io.fail(`Deploy failed: ${HOSTILE}`);
    const log = readRunnerLog(out);
    expect(log.commands.map((c) => c.name)).toEqual(['group', 'endgroup', 'warning', 'error', 'error']);
    expect(log.commands.every((c) => !c.data.startsWith('x') && !c.data.startsWith('failure'))).toBe(true);
    expect(log.commands.at(-1)?.data).toContain('Deploy failed:');
    expect(out).not.toContain('\u202e');
  });

  it('a block of server text is fenced by stop-commands with a fresh token each time', () => {
    io.block('Deploy log', '::error::x\n::stop-commands::mine\n##[error]y\nlast');
    io.block('Deploy log 2', '::endgroup::');
    const log = readRunnerLog(out);
    expect(log.stoppedAtEnd).toBe(false);
    const names = log.commands.map((c) => c.name);
    expect(names.filter((n) => n === 'stop-commands')).toHaveLength(2);
    expect(names.filter((n) => n === 'error' || n === 'endgroup').length).toBe(2); // the two real endgroups
    const tokens = log.commands.filter((c) => c.name === 'stop-commands').map((c) => c.data);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(out).toContain('::error::x'); // shown, but inside the fence
  });
});
