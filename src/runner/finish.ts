// The end of a run: outputs, the JSON report, the job summary, the log blocks, annotations, and the
// one failure message. Success, failure, timeout and cancel all come through here, and so do runs
// that never got as far as a deploy order. Nothing here may lose the verdict: a failed write is a
// warning, and the verdict still reaches the log and the summary.
import { mkdir, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { redactKnown, redactKnownBytes } from '../common/redact.js';
import { messageOf } from '../common/message.js';
import type { Result } from '../core/types.js';
import { annotationsOf } from '../report/annotations.js';
import { reportParts } from '../report/json-report.js';
import type { RunOutcome } from '../report/outcome.js';
import { emptyOutputs, outputsOf, type OutputSpec } from '../report/outputs.js';
import type { Fact } from '../report/presentation.js';
import { capital, type Words } from '../core/words.js';
import { renderSummary, unresolvedSummary } from '../report/summary.js';
import type { RunnerIo } from './io.js';

/**
 * Writes (or writes again, over the first) the outputs, the summary and the JSON report, the
 * smallest first: the report of a large order takes longest, and must never hold up the others.
 */
export async function writeResults(
  outcome: RunOutcome,
  specs: readonly OutputSpec[],
  summary: boolean,
  io: RunnerIo,
): Promise<void> {
  const finished = new Date();
  outcome.finishedAt = finished.toISOString();
  outcome.durationSeconds = secondsSince(outcome.startedAt, finished);
  setOutputs(io, outputsOf(specs, outcome, outcome.reportPath));
  if (summary) await writeSummarySafely(io, renderSummary(outcome));
  const path = outcome.reportPath ?? reportPathFor(outcome);
  try {
    await writeReport(outcome, path);
  } catch (err) {
    io.warning(`Could not write the JSON report: ${messageOf(err)}`);
    return;
  }
  // Named only once it is there (a first write's path is kept for the second).
  if (outcome.reportPath === undefined) {
    outcome.reportPath = path;
    setOutputs(io, { 'report-path': path });
  }
}

/** The log blocks (deploy logs), the annotations and the verdict line; the exit code. */
export function conclude(outcome: RunOutcome, io: RunnerIo): number {
  const w = outcome.presentation.words;
  const labels = new Map((outcome.snapshot?.units ?? []).map((u) => [u.id, u.label]));
  for (const [id, log] of Object.entries(outcome.logs)) {
    // A unit's own log (a machine's), or a titled one (a failed step of a job).
    const of = log.title ?? `failed ${w.unit} ${labels.get(id) ?? id}`;
    const when = log.began
      ? `, ${log.title ? 'ran' : w.done} ${log.began}${log.ended ? ` to ${log.ended}` : ''}`
      : '';
    const lines = log.message ? `${log.message}\n${log.lines}` : log.lines;
    io.block(`${capital(w.log)} of ${of} (last lines${when})`, lines);
  }
  for (const annotation of annotationsOf(outcome)) io.annotate(annotation);
  return verdictLine(io, outcome.result, outcome.reason);
}

/** Nothing was found to watch (or the run was cut short before): the result, the reason, empty outputs. */
export async function finishUnresolved(
  io: RunnerIo,
  what: { specs: readonly OutputSpec[]; words: Words; facts: readonly Fact[]; summary: boolean },
  startedAt: Date,
  result: Result,
  reason: string,
): Promise<number> {
  setOutputs(io, {
    ...emptyOutputs(what.specs, what.facts),
    result,
    'duration-seconds': String(secondsSince(startedAt.toISOString(), new Date())),
  });
  if (what.summary) await writeSummarySafely(io, unresolvedSummary(reason, what.words, what.facts, result));
  return verdictLine(io, result, reason);
}

/** Inputs that cannot be used: nothing was sent; the outputs say failure, so later steps can tell. */
export function finishInvalid(io: RunnerIo, specs: readonly OutputSpec[], reason: string): number {
  setOutputs(io, { ...emptyOutputs(specs), result: 'failure' });
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

/** Set once the outputs could not be written: said once, and not tried again. */
let outputsBroken = false;

/** Every output, each on its own: one that cannot be written is a warning, never a lost verdict. */
function setOutputs(io: RunnerIo, outputs: Record<string, string>): void {
  if (outputsBroken) return;
  for (const [name, value] of Object.entries(outputs)) {
    try {
      io.setOutput(name, value);
    } catch (err) {
      outputsBroken = true;
      io.warning(`Could not write the step outputs (GITHUB_OUTPUT): ${messageOf(err)}`);
      return;
    }
  }
}

function reportPathFor(outcome: RunOutcome): string {
  const dir = process.env['RUNNER_TEMP'] || tmpdir();
  return join(dir, `yunxiao-deploy-gate-${outcome.presentation.runId}-${Date.now()}.json`);
}

async function writeReport(outcome: RunOutcome, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    // Bytes, not strings: a string written to a file is first copied into a buffer sized for the
    // worst case (three bytes a character), which for the raw order of 10,000 machines is ~20 MB.
    // Every part has this run's secrets redacted, the server's own bytes included.
    for (const part of reportParts(outcome))
      await handle.write(typeof part === 'string' ? Buffer.from(redactKnown(part)) : redactKnownBytes(part));
  } finally {
    await handle.close();
  }
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
