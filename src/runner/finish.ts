// The end of every run that got as far as a deploy order: outputs, the JSON report, the job summary,
// annotations, and the one failure message. Success, failure, timeout and cancel all come through here.
import { mkdir, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageOf } from '../common/message.js';
import type { Result } from '../gate/types.js';
import type { Config } from '../inputs/config.js';
import { annotationsOf } from '../report/annotations.js';
import { reportParts } from '../report/json-report.js';
import type { RunOutcome } from '../report/outcome.js';
import { outputsOf } from '../report/outputs.js';
import { renderSummary } from '../report/summary.js';
import type { RunnerIo } from './io.js';

export async function finish(outcome: RunOutcome, config: Config, io: RunnerIo): Promise<number> {
  const finished = new Date();
  outcome.finishedAt = finished.toISOString();
  outcome.durationSeconds = secondsSince(outcome.startedAt, finished);

  for (const [sn, lines] of Object.entries(outcome.machineLogs)) {
    io.group(`Deploy log of failed machine ${sn} (last lines)`, lines.split('\n'));
  }
  let reportPath: string | undefined;
  try {
    reportPath = await writeReport(outcome);
  } catch (err) {
    io.warning(`Could not write the JSON report: ${messageOf(err)}`);
  }
  for (const [name, value] of Object.entries(outputsOf(outcome, reportPath))) io.setOutput(name, value);
  if (config.summary) await writeSummarySafely(io, renderSummary(outcome));
  for (const annotation of annotationsOf(outcome)) io.annotate(annotation);
  return conclude(io, outcome.result, outcome.reason);
}

/** No deploy order was found (or the run was cut short before): the result and the reason only. */
export async function finishUnresolved(
  io: RunnerIo,
  config: Config,
  startedAt: Date,
  result: Exclude<Result, 'in-progress'>,
  reason: string,
): Promise<number> {
  io.setOutput('result', result);
  io.setOutput('duration-seconds', String(secondsSince(startedAt.toISOString(), new Date())));
  if (config.summary) {
    await writeSummarySafely(
      io,
      `## ❌ Deploy gate: no deploy order to watch\n\n${reason}\n\nPipeline \`${config.pipelineId}\`.\n`,
    );
  }
  return conclude(io, result, reason);
}

function conclude(io: RunnerIo, result: Result, reason: string): number {
  if (result === 'success' || result === 'in-progress') {
    io.info(reason);
    return 0;
  }
  io.fail(reason);
  return 1;
}

async function writeReport(outcome: RunOutcome): Promise<string> {
  const dir = process.env['RUNNER_TEMP'] || tmpdir();
  await mkdir(dir, { recursive: true });
  const file = join(dir, `yunxiao-deploy-gate-${outcome.resolved.deployOrderId}-${Date.now()}.json`);
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
