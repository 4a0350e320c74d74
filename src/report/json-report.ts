// The JSON report (output report-path): the verdict, every machine with what this run did to it,
// every action taken, and the final deploy order as Yunxiao sent it. Ids are exact strings.
import { isUtf8 } from 'node:buffer';
import type { Machine } from '../providers/yunxiao/model.js';
import { cleanText, displaySafeJson } from '../common/untrusted.js';
import { VERSION } from '../version.js';
import { tallyOf, whatHappened, type MachineActions, type StatusCounts, type Tally } from './counts.js';
import type { RunOutcome } from './outcome.js';

/** 2: machineLogs entries are {lines, began, ended} (were the lines alone). */
export const REPORT_SCHEMA_VERSION = 2;
export const TOOL_NAME = 'yunxiao-deploy-gate';

/** Placeholders for the two large fields, which reportParts writes piece by piece. */
const RAW_ORDER = Symbol('deploy order');
const MACHINES = Symbol('machines');
/** machines per written part: bounded pieces rather than one multi-MB string */
const MACHINES_PER_PART = 500;

type Field = [key: string, value: unknown];

export function reportOf(outcome: RunOutcome): object {
  const t = tallyOf(outcome);
  const out: Record<string, unknown> = {};
  for (const [k, v] of fields(outcome, t)) {
    if (v === MACHINES) out[k] = machineEntries(outcome, t);
    else if (v === RAW_ORDER)
      out[k] = parseOrDefault(outcome.rawOrder?.text() ?? 'null', outcome.order ?? null);
    else out[k] = v;
  }
  return out;
}

/**
 * The report as the parts of one JSON text, one top-level field per line, compact values: the deploy
 * order of a large host group is several MB and is written as the bytes it came in, not copied.
 */
export function reportParts(outcome: RunOutcome): (string | Uint8Array)[] {
  const t = tallyOf(outcome);
  const parts: (string | Uint8Array)[] = ['{\n'];
  const list = fields(outcome, t);
  list.forEach(([k, v], i) => {
    parts.push(`  ${JSON.stringify(k)}: `);
    if (v === RAW_ORDER) {
      // a loop, not a spread: an order with many long ids comes in many pieces
      for (const piece of outcome.rawOrder?.bytes() ?? ['null']) parts.push(displaySafeBytes(piece));
    } else if (v === MACHINES) parts.push(...machineParts(outcome, t));
    else parts.push(json(v));
    parts.push(i < list.length - 1 ? ',\n' : '\n');
  });
  parts.push('}\n');
  return parts;
}

export function reportJson(outcome: RunOutcome): string {
  return reportParts(outcome)
    .map((p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString()))
    .join('');
}

function fields(o: RunOutcome, t: Tally): Field[] {
  const r = o.resolved;
  const p = o.policy;
  return [
    ['schemaVersion', REPORT_SCHEMA_VERSION],
    ['tool', { name: TOOL_NAME, version: VERSION }],
    ['verdict', { result: o.result, reason: cleanText(o.reason) }],
    [
      'resolved',
      {
        pipelineId: r.pipelineId,
        deployOrderId: r.deployOrderId,
        pipelineRunId: r.pipelineRunId ?? null,
        jobId: r.jobId ?? null,
        jobName: r.jobName ?? null,
        deployUrl: r.deployUrl ?? null,
      },
    ],
    ['api', { kind: o.api, edition: o.edition ?? null, organizationId: o.organizationId ?? null }],
    [
      'policy',
      {
        skipUnreachable: p.skipUnreachable,
        maxSkipped: p.maxSkipped,
        retryFailed: p.retryFailed,
        resume: p.resume,
        onFailure: p.onFailure,
      },
    ],
    ['timing', { startedAt: o.startedAt, finishedAt: o.finishedAt, durationSeconds: o.durationSeconds }],
    [
      'order',
      o.order
        ? { status: o.order.status, currentBatch: o.order.currentBatch, totalBatch: o.order.totalBatch }
        : null,
    ],
    ['counts', t.counts ? countsJson(t.counts) : null],
    ['stoppedOnCancel', o.stoppedOnCancel ?? null],
    ['skippedMachines', t.skippedByUs],
    ['failedMachines', t.failedSns],
    ['needsALook', t.needsLook.map((m) => m.machineSn)],
    [
      'actions',
      o.taken.map((a) => ({
        at: a.at,
        kind: a.kind,
        machineSn: a.machineSn ?? null,
        reason: cleanText(a.reason),
        outcome: a.outcome,
        detail: a.detail === undefined ? null : cleanText(a.detail),
        transient: a.transient ?? false,
      })),
    ],
    ['warnings', o.warnings.map(cleanText)],
    ['artifactUrl', o.artifactUrl ?? null],
    [
      'machineLogs',
      Object.fromEntries(
        Object.entries(o.machineLogs).map(([sn, log]) => [
          sn,
          { lines: cleanText(log.lines), began: log.began ?? null, ended: log.ended ?? null },
        ]),
      ),
    ],
    ['machines', MACHINES],
    // As Yunxiao sent it when the client kept the text (unknown fields kept), else our model of it.
    ['deployOrder', o.rawOrder?.isObject ? RAW_ORDER : (o.order ?? null)],
  ];
}

function countsJson(c: StatusCounts): object {
  return {
    total: c.total,
    succeeded: c.succeeded,
    failed: c.failed,
    skipped: c.skipped,
    other: c.other,
    byStatus: Object.fromEntries(c.byStatus),
  };
}

function machineEntry(m: Machine, t: Tally): object {
  const did = t.byMachine.get(m.machineSn);
  return {
    machineSn: m.machineSn,
    ip: m.ip,
    hostName: m.hostName ?? null,
    batch: m.batchNum,
    status: m.status,
    clientStatus: m.clientStatus,
    action: whatHappened(m, t),
    thisRun: did ? thisRunJson(did) : null,
  };
}

function thisRunJson(d: MachineActions): object {
  return { skipped: d.skipped, retries: d.retries, refused: Object.fromEntries(d.refused) };
}

function machineEntries(o: RunOutcome, t: Tally): object[] {
  return (o.order?.machines ?? []).map((m) => machineEntry(m, t));
}

function machineParts(o: RunOutcome, t: Tally): string[] {
  const machines = o.order?.machines ?? [];
  if (machines.length === 0) return ['[]'];
  const parts: string[] = ['['];
  for (let i = 0; i < machines.length; i += MACHINES_PER_PART) {
    const chunk = machines.slice(i, i + MACHINES_PER_PART);
    const lines = chunk.map((m) => `\n    ${json(machineEntry(m, t))}`);
    parts.push((i > 0 ? ',' : '') + lines.join(','));
  }
  parts.push('\n  ]');
  return parts;
}

/** JSON text that displays as it reads: bidi and C1 controls as \u escapes (the same data). */
function json(v: unknown): string {
  return displaySafeJson(JSON.stringify(v) ?? 'null');
}

/**
 * A piece of the server's JSON as it came, made valid UTF-8 (a broken sequence becomes U+FFFD) and
 * safe to display. Pieces split only at ASCII, so no character spans two. Most pieces hold none of
 * the lead bytes of the characters escaped, and are passed through as they are.
 */
function displaySafeBytes(piece: Uint8Array | string): Uint8Array | string {
  if (typeof piece === 'string') return piece;
  const valid = isUtf8(piece);
  const buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  if (valid && buf.indexOf(0xc2) < 0 && buf.indexOf(0xd8) < 0 && buf.indexOf(0xe2) < 0) return piece;
  const text = buf.toString('utf8');
  const safe = displaySafeJson(text);
  return valid && safe === text ? piece : Buffer.from(safe);
}

function parseOrDefault(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}
