// The end of a run: outputs, the JSON report, the job summary, the log blocks, annotations, and the
// one failure message. Success, failure, timeout and cancel all come through here, and so do runs
// that never got as far as a deploy order. Nothing here may lose the verdict: a failed write is a
// warning, and the verdict still reaches the log and the summary.
import { mkdir, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageOf } from '../common/message.js';
import type { Result } from '../gate/types.js';
import type { Config } from '../inputs/config.js';
import { annotationsOf } from '../report/annotations.js';
import { reportParts } from '../report/json-report.js';
import type { RunOutcome } from '../report/outcome.js';
import { emptyOutputs, outputsOf } from '../report/outputs.js';
import { renderSummary, unresolvedSummary } from '../report/summary.js';
import type { RunnerIo } from './io.js';

/** Writes (or writes again, over the first) the outputs, the JSON report and the summary. */
export async function writeResults(outcome: RunOutcome, config: Config, io: RunnerIo): Promise<void> {
  const finished = new Date();
  outcome.finishedAt = finished.toISOString();
  outcome.durationSeconds = secondsSince(outcome.startedAt, finished);
  try {
    outcome.reportPath = await writeReport(outcome);
  } catch (err) {
    io.warning(`Could not write the JSON report: ${messageOf(err)}`);
  }
  setOutputs(io, outputsOf(outcome, outcome.reportPath));
  if (config.summary) await writeSummarySafely(io, renderSummary(outcome));
}

/** The log blocks (deploy logs), the annotations and the verdict line; the exit code. */
export function conclude(outcome: RunOutcome, io: RunnerIo): number {
  for (const [sn, lines] of Object.entries(outcome.machineLogs)) {
    io.block(`Deploy log of failed machine ${sn} (last lines)`, lines);
  }
  for (const annotation of annotationsOf(outcome)) io.annotate(annotation);
  return verdictLine(io, outcome.result, outcome.reason);
}

/** No deploy order was found (or the run was cut short before): the result, the reason, empty outputs. */
export async function finishUnresolved(
  io: RunnerIo,
  config: Config,
  startedAt: Date,
  result: Exclude<Result, 'in-progress'>,
  reason: string,
): Promise<number> {
  setOutputs(io, {
    ...emptyOutputs(),
    result,
    'duration-seconds': String(secondsSince(startedAt.toISOString(), new Date())),
  });
  if (config.summary) await writeSummarySafely(io, unresolvedSummary(reason, config.pipelineId));
  return verdictLine(io, result, reason);
}

/** Inputs that cannot be used: nothing was sent; the outputs say failure, so later steps can tell. */
export function finishInvalid(io: RunnerIo, reason: string): number {
  setOutputs(io, { ...emptyOutputs(), result: 'failure' });
  return verdictLine(io, 'failure', reason);
}

function verdictLine(io: RunnerIo, result: Result, reason: string): number {
  if (result === 'success' || result === 'in-progress') {
    io.info(reason);
    return 0;
  }
  io.fail(reason);
  return 1;
}

/** Every output, each on its own: one that cannot be written is a warning, never a lost verdict. */
function setOutputs(io: RunnerIo, outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    try {
      io.setOutput(name, value);
    } catch (err) {
      io.warning(`Could not write the step outputs (GITHUB_OUTPUT): ${messageOf(err)}`);
      return;
    }
  }
}

async function writeReport(outcome: RunOutcome): Promise<string> {
  const dir = process.env['RUNNER_TEMP'] || tmpdir();
  await mkdir(dir, { recursive: true });
  const file =
    outcome.reportPath ??
    join(dir, `yunxiao-deploy-gate-${outcome.resolved.deployOrderId}-${Date.now()}.json`);
  const handle = await open(file, 'w');
  try {
    // Bytes, not strings: a string written to a file is first copied into a buffer sized for the
    // worst case (three bytes a character), which for the raw order of 10,000 machines is ~20 MB.
    for (const part of reportParts(outcome))
      await handle.write(typeof part === 'string' ? Buffer.from(part) : part);
  } finally {
    await handle.close();
  }
  return file;
}

async function writeSummarySafely(io: RunnerIo, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown);
  } catch (err) {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it; not a deploy problem.
    io.debug(`Job summary not written: ${messageOf(err)}`);
  }
}

function secondsSince(startIso: string, end: Date): number {
  return Math.max(0, Math.round((end.getTime() - Date.parse(startIso)) / 1000));
}
