// The JSON report (output report-path): the verdict, every unit with what this run did to it, every
// action taken, and the run's last answer as the provider sent it. Ids are exact strings. The keys
// that name the provider's things are the provider's (one report lists "machines", another "jobs").
import { isUtf8 } from 'node:buffer';
import { cleanText, displaySafeJson } from '../common/untrusted.js';
import type { Unit } from '../core/snapshot.js';
import type { TakenAction } from '../core/types.js';
import { VERSION } from '../version.js';
import {
  pointsOf,
  tallyOf,
  whatHappened,
  type StatusCounts,
  type Tally,
  type UnitActions,
} from './counts.js';
import type { RunOutcome } from './outcome.js';

/** 2: machineLogs entries are {lines, began, ended} (were the lines alone). */
export const REPORT_SCHEMA_VERSION = 2;
export const TOOL_NAME = 'yunxiao-deploy-gate';

/** Placeholders for the two large fields, which reportParts writes piece by piece. */
const RAW = Symbol('raw answer');
const UNITS = Symbol('units');
/** units per written part: bounded pieces rather than one multi-MB string */
const UNITS_PER_PART = 500;

type Field = [key: string, value: unknown];

/**
 * The report as the parts of one JSON text, one top-level field per line, compact values: the deploy
 * order of a large host group is several MB and is written as the bytes it came in, not copied. The
 * parts are made as they are written: the units' entries of 50,000 machines never all exist at once.
 */
export function* reportParts(outcome: RunOutcome): Generator<string | Uint8Array> {
  const t = tallyOf(outcome);
  yield '{\n';
  const list = fields(outcome, t);
  for (const [i, [k, v]] of list.entries()) {
    yield `  ${JSON.stringify(k)}: `;
    if (v === RAW) {
      for (const piece of outcome.raw?.bytes() ?? ['null']) yield displaySafeBytes(piece);
    } else if (v === UNITS) yield* unitParts(outcome, t);
    else yield json(v);
    yield i < list.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

function fields(o: RunOutcome, t: Tally): Field[] {
  const p = o.presentation;
  const keys = p.reportKeys;
  const snap = o.snapshot;
  return [
    ['schemaVersion', REPORT_SCHEMA_VERSION],
    ['tool', { name: TOOL_NAME, version: VERSION }],
    ['verdict', { result: o.result, reason: cleanText(o.reason) }],
    ['resolved', Object.fromEntries(p.facts.map((f) => [f.key, f.id ?? f.text ?? null]))],
    ['api', p.api.json],
    ['policy', p.policy(snap?.units.length ?? 0).json],
    ['timing', { startedAt: o.startedAt, finishedAt: o.finishedAt, durationSeconds: o.durationSeconds }],
    [
      keys.run,
      snap
        ? { status: snap.status, currentBatch: snap.progress.current, totalBatch: snap.progress.total }
        : null,
    ],
    ['counts', t.counts ? countsJson(t.counts) : null],
    ['stoppedOnCancel', o.stoppedOnCancel ?? null],
    [keys.skipped, t.skippedByUs],
    [keys.failed, t.failedIds],
    ['needsALook', t.needsLook.map((u) => u.id)],
    [
      'actions',
      o.taken.map((a) => ({
        at: a.at,
        kind: p.words.actions[a.kind],
        // a unit's id for a unit's action; a confirmation's only where the provider names one
        [keys.unit]: isUnitAction(a) ? (a.target ?? null) : null,
        ...(keys.confirmation && !isUnitAction(a) && a.target ? { [keys.confirmation]: a.target } : {}),
        reason: cleanText(a.reason),
        outcome: a.outcome,
        detail: a.detail === undefined ? null : cleanText(a.detail),
        transient: a.transient ?? false,
      })),
    ],
    ['warnings', o.warnings.map(cleanText)],
    ...(keys.points
      ? [
          [
            keys.points,
            pointsOf(o).map(({ point, decision }) => ({
              id: point.id,
              where: cleanText(point.label),
              who: point.who === undefined ? null : cleanText(point.who),
              status: point.status,
              decision,
              ...point.extra,
            })),
          ] as Field,
        ]
      : []),
    ['artifactUrl', o.artifactUrl ?? null],
    ...(o.artifacts ? [['artifacts', o.artifacts] as Field] : []),
    [
      keys.logs,
      Object.fromEntries(
        Object.entries(o.logs).map(([id, log]) => [
          id,
          {
            lines: cleanText(log.lines),
            began: log.began ?? null,
            ended: log.ended ?? null,
            ...(log.title === undefined ? {} : { title: cleanText(log.title) }),
            ...(log.message === undefined ? {} : { message: cleanText(log.message) }),
          },
        ]),
      ),
    ],
    [keys.units, UNITS],
    // As the provider sent it when the client kept the text (unknown fields kept), else our model of it.
    [keys.raw, o.raw?.isObject ? RAW : (snap ?? null)],
  ];
}

function isUnitAction(a: TakenAction): boolean {
  return a.kind === 'skip' || a.kind === 'retry';
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

function unitEntry(o: RunOutcome, u: Unit, t: Tally): object {
  const did = t.byUnit.get(u.id);
  return {
    ...o.presentation.unitEntry(u),
    action: whatHappened(u, t, o.presentation.words.actions),
    thisRun: did ? thisRunJson(did) : null,
  };
}

function thisRunJson(d: UnitActions): object {
  return { skipped: d.skipped, retries: d.retries, refused: Object.fromEntries(d.refused) };
}

function* unitParts(o: RunOutcome, t: Tally): Generator<string> {
  const units = o.snapshot?.units ?? [];
  if (units.length === 0) {
    yield '[]';
    return;
  }
  yield '[';
  for (let i = 0; i < units.length; i += UNITS_PER_PART) {
    const chunk = units.slice(i, i + UNITS_PER_PART);
    const lines = chunk.map((u) => `\n    ${json(unitEntry(o, u, t))}`);
    yield (i > 0 ? ',' : '') + lines.join(',');
  }
  yield '\n  ]';
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
