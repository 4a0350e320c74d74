// The job summary: the verdict at a glance, the facts, the units that need a look (always all of them
// while the size allows, and a line saying how many did not fit), the groups, the timeline, log
// excerpts, warnings and the link. GitHub refuses a summary of 1 MiB or more: the byte count is kept
// as it is built, the must-list table goes first, and the rest shrinks to what is left. Every word of
// the provider's comes from its presentation (a "deploy order" of "machines" in "batches").
import { clip, redactKnown } from '../common/redact.js';
import { cleanText, oneLine } from '../common/untrusted.js';
import type { GroupPhase, Unit } from '../core/snapshot.js';
import type { Result, TakenAction } from '../core/types.js';
import { capital, plural, type Words } from '../core/words.js';
import {
  needsALook,
  pointsOf,
  tallyOf,
  whatHappened,
  type Group,
  type StatusCounts,
  type Tally,
} from './counts.js';
import type { LogExcerpt, RunOutcome } from './outcome.js';
import type { Fact, Presentation } from './presentation.js';

export interface SummaryOptions {
  /** default 1,000,000; always kept under 1 MiB */
  maxBytes?: number;
  /** unit rows listed under the groups, over all groups; beyond it successes are counted only */
  maxUnitRows?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_MAX_UNIT_ROWS = 300;
const HARD_LIMIT = 1024 * 1024 - 1;

const HEADLINE: Record<Result, [icon: string, words: string]> = {
  success: ['✅', 'Deploy succeeded'],
  failure: ['❌', 'Deploy failed'],
  'timed-out': ['⏱️', 'Deploy gate timed out'],
  cancelled: ['🛑', 'Deploy cancelled'],
  'in-progress': ['⏳', 'Deploy in progress'],
};
const MAX_GROUP_ROWS = 200;
const MAX_GROUPS_IN_ROW = 30;
const MAX_POINT_ROWS = 50;
const MAX_ARTIFACT_ROWS = 50;
/** A group's icon by its phase; a word the provider does not document gets a plain dot. */
const PHASE_ICONS: Readonly<Record<GroupPhase, string>> = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '🛑',
  running: '🔄',
  paused: '⏸️',
  pending: '⚪',
  skipped: '⏭️',
  unknown: '•',
};
const MAX_TIMELINE_ROWS = 200;
const MAX_WARNINGS = 20;
const MAX_LOG_CHARS = 4000;
const MAX_CELL_CHARS = 300;
const MAX_REASON_CHARS = 2000;
/** room kept for the one-line note of each section that comes after the must-list table */
const NOTE_ROOM = 300;

export function renderSummary(outcome: RunOutcome, opts: SummaryOptions = {}): string {
  const maxBytes = Math.min(opts.maxBytes ?? DEFAULT_MAX_BYTES, HARD_LIMIT);
  const maxUnitRows = Math.max(0, opts.maxUnitRows ?? DEFAULT_MAX_UNIT_ROWS);
  const t = tallyOf(outcome);
  const p = outcome.presentation;

  const head = headSection(outcome, t);
  const points = pointsSection(outcome);
  const products = artifactsSection(outcome);
  const warns = warningsSection(outcome);
  const link = linkSection(p);
  // Three sections may be cut down to a note after the table that must list everything.
  let room =
    maxBytes -
    bytes(head) -
    bytes(points) -
    bytes(products) -
    bytes(warns) -
    bytes(link) -
    3 * NOTE_ROOM -
    64;
  const needs = needsLookSection(t, p.words, room, withDuration(outcome));
  room += 3 * NOTE_ROOM - bytes(needs);
  const groups = groupSection(outcome, t, maxUnitRows, room);
  room -= bytes(groups);
  const timeline = timelineSection(outcome, room);
  room -= bytes(timeline);
  const logs = logsSection(outcome, room);

  const text = [head, points, needs, groups, timeline, logs, products, warns, link]
    .filter(Boolean)
    .join('\n');
  // Only reachable when maxBytes is too small for even the headline and facts.
  if (bytes(text) <= maxBytes) return text;
  const note = '\n\n… summary cut at the size limit; see the JSON report.\n';
  return truncateBytes(text, Math.max(0, maxBytes - bytes(note))) + note;
}

/**
 * The summary of a run that found nothing to watch: the reason, escaped like any server text. In
 * progress: the provider did its part (started a run) and, with wait: false, did not wait for one.
 */
export function unresolvedSummary(
  reason: string,
  words: Words,
  facts: readonly Fact[],
  result: Result = 'failure',
): string {
  const rows = facts.filter((f) => !f.hidden).map((f) => `${f.label} ${factValue(f)}.`);
  const head =
    result === 'in-progress'
      ? `## ⏳ Deploy gate: in progress, no ${words.run} watched yet`
      : `## ❌ Deploy gate: no ${words.run} to watch`;
  return `${head}\n\n${text(clip(reason, MAX_REASON_CHARS))}\n\n${rows.join(' ')}\n`;
}

// ---- sections -------------------------------------------------------------------------------------

function headSection(o: RunOutcome, t: Tally): string {
  const [icon, words] = HEADLINE[o.result];
  const p = o.presentation;
  const w = p.words;
  const lines = [
    `## ${icon} ${words} — ${p.short} ${o.snapshot?.id ?? runIdOf(p)} in ${humanDuration(o.durationSeconds)}`,
    '',
    text(clip(o.reason, MAX_REASON_CHARS)),
    '',
  ];
  if (o.stoppedOnCancel !== undefined) {
    const url = safeUrl(p.url);
    lines.push(
      o.stoppedOnCancel
        ? `The workflow run was cancelled: the ${w.run} was **stopped**.${url ? ` [See it in ${w.provider}](${url}).` : ''}`
        : `The workflow run was cancelled: the ${w.run} was **left running**.${url ? ` [Follow it in ${w.provider}](${url}).` : ''}`,
      '',
    );
  }
  lines.push(factsTable(o, t));
  const row = groupsRow(o);
  if (row) lines.push(row);
  return lines.join('\n');
}

/** The groups by name as one row of statuses (stages), where the provider names them. */
function groupsRow(o: RunOutcome): string {
  const groups = (o.snapshot?.groups ?? []).slice(0, MAX_GROUPS_IN_ROW);
  if (groups.length === 0) return '';
  const names = groups.map((g) => cell(g.name || '—'));
  const statuses = groups.map((g) => `${PHASE_ICONS[g.phase]} ${cell(g.status || '—')}`);
  return `| ${names.join(' | ')} |\n|${'---|'.repeat(groups.length)}\n| ${statuses.join(' | ')} |\n`;
}

/** The confirmation points the run reached, and what became of each (or, where the provider keeps no record of them, the ones still waiting). */
function pointsSection(o: RunOutcome): string {
  const w = o.presentation.words;
  const points = pointsOf(o).slice(0, MAX_POINT_ROWS);
  if (w.points && points.length > 0) {
    const rows = points.map(({ point, decision }) => {
      const who = point.who ? cell(point.who) : '—';
      const what =
        decision === 'pending'
          ? `⏳ waiting for ${who === '—' ? 'a person' : who}`
          : decision === 'passed'
            ? `✅ ${w.pass}ed by this gate`
            : decision === 'refused'
              ? `❌ ${w.refuse}d by this gate`
              : `done in ${w.provider} (${cell(point.status)})`;
      return `| ${cell(point.label)} | ${who} | ${what} |`;
    });
    return `### ${capital(w.points)}\n\n| Where | Who acts | Decision |\n|---|---|---|\n${rows.join('\n')}\n`;
  }
  const waiting = (o.snapshot?.confirmations ?? []).slice(0, MAX_POINT_ROWS);
  if (waiting.length === 0 || o.result === 'success') return '';
  const lines = waiting.map(
    (c) =>
      `- ${capital(w.run)} ${code(o.snapshot?.id ?? '')} waits ${cell(c.label)}${c.who ? `: ${cell(c.who)} must ${w.pass} it` : `: a person must ${w.pass} it`} in ${w.provider}.`,
  );
  return `### Waiting for a person\n\n${lines.join('\n')}\n`;
}

/** The run's build products, as links where they have a safe one. */
function artifactsSection(o: RunOutcome): string {
  const list = (o.artifacts ?? []).slice(0, MAX_ARTIFACT_ROWS);
  if (list.length === 0) return '';
  const rows = list.map((a) => {
    const name = cell([a.name, a.version].filter(Boolean).join(' ') || 'artifact');
    const url = safeUrl(a.url);
    const type = a.type ? ` (${cell(a.type)})` : '';
    return `- ${url ? `[${name}](${url})` : name}${type}`;
  });
  const more =
    (o.artifacts?.length ?? 0) > list.length
      ? `\n- … and ${(o.artifacts?.length ?? 0) - list.length} more in the JSON report`
      : '';
  return `### Build products\n\n${rows.join('\n')}${more}\n`;
}

/** The run's id as resolved, when no snapshot was read. */
function runIdOf(p: Presentation): string {
  return p.runId;
}

function factsTable(o: RunOutcome, t: Tally): string {
  const p = o.presentation;
  const w = p.words;
  const snap = o.snapshot;
  const c = t.counts;
  const rows: Array<[string, string]> = p.facts.filter((f) => !f.hidden).map((f) => [f.label, factValue(f)]);
  rows.push(
    ['Status', snap ? cell(snap.status) : 'not read'],
    [groupsWord(w), snap ? `${snap.progress.current} / ${snap.progress.total}` : '—'],
    [
      `${capital(w.unit)}s`,
      c
        ? `${c.total}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.skipped} skipped, ${otherText(c)} other`
        : '—',
    ],
    ['API', cell(p.api.text)],
    ['Policy', cell(p.policy(snap?.units.length ?? 0).text)],
  );
  const artifact = safeUrl(o.artifactUrl);
  if (artifact) rows.push(['Artifact', `[download](${artifact})`]);
  return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}

/** A fact as a cell: an id as code (a link when it has one), text, or text with its id. */
function factValue(f: Fact): string {
  const link = safeUrl(f.link);
  const id = f.id ? (link ? `[${code(f.id)}](${link})` : code(f.id)) : '';
  if (f.text && id) return `${cell(f.text)} (${id})`;
  return f.text ? cell(f.text) : id || '—';
}

/** The must-list table: every failed, skipped or unreachable unit, as long as bytes allow. */
function needsLookSection(t: Tally, w: Words, room: number, duration: boolean): string {
  if (t.needsLook.length === 0) return '';
  const what = w.reachability ? `Failed, skipped or unreachable ${w.unit}s` : `Failed or skipped ${w.unit}s`;
  const head = `### Needs a look (${t.needsLook.length})\n\n${what}, and what this run did to each.\n\n${unitHead(w, duration)}\n`;
  return rowsWithin(
    head,
    t.needsLook,
    (u) => unitRow(u, t, w, duration),
    room,
    (left) => `\n**${left} more ${w.unit}s not shown; see the JSON report (output \`report-path\`).**\n`,
  );
}

function groupSection(o: RunOutcome, t: Tally, maxUnitRows: number, room: number): string {
  if (t.groups.length === 0) return '';
  const w = o.presentation.words;
  const Groups = groupsWord(w);
  const current = o.snapshot?.progress.current;
  const head = `### ${Groups}\n\n| ${capital(w.group)} | ${capital(w.unit)}s | Success | Failed | Skipped | Other |\n|---|---|---|---|---|---|\n`;
  const shown = t.groups.slice(0, MAX_GROUP_ROWS);
  let out = rowsWithin(
    head,
    shown,
    (g) =>
      `| ${g.group}${groupName(g, w)}${g.group === current ? ' (current)' : ''} | ${g.counts.total} | ${g.counts.succeeded} | ${g.counts.failed} | ${g.counts.skipped} | ${otherText(g.counts)} |`,
    room - NOTE_ROOM,
    (left) => `\n_${left} more ${Groups.toLowerCase()} in the JSON report._\n`,
  );
  if (t.groups.length > shown.length)
    out += `\n_${t.groups.length - shown.length} more ${Groups.toLowerCase()} in the JSON report._\n`;
  if (out === '') return '';

  const total = t.counts?.total ?? 0;
  const listAll = total <= maxUnitRows;
  const blocks: string[] = [];
  let used = bytes(out);
  if (!listAll) {
    const note = `\n_${total} ${w.unit}s, more than ${maxUnitRows}: successes are counted above rather than listed, failed, skipped and unreachable ones are under Needs a look, and every ${w.unit} is in the JSON report._\n`;
    if (used + bytes(note) > room) return out;
    blocks.push(note);
    used += bytes(note);
  }
  let rowsLeft = maxUnitRows;
  const cutNote = `\n_The ${w.unit} lists of the other ${Groups.toLowerCase()} did not fit; see the JSON report._\n`;
  for (const g of t.groups) {
    if (rowsLeft <= 0) break;
    // Over the limit, only what is neither a success nor already under Needs a look (e.g. queued).
    const list = listAll ? g.units : g.units.filter((u) => u.phase !== 'succeeded' && !needsALook(u));
    if (list.length === 0) continue;
    const block = groupBlock(g, list.slice(0, rowsLeft), list.length, t, w, withDuration(o));
    if (used + bytes(block) + bytes(cutNote) > room) {
      if (used + bytes(cutNote) <= room) blocks.push(cutNote);
      break;
    }
    blocks.push(block);
    used += bytes(block);
    rowsLeft -= list.length;
  }
  return out + blocks.join('');
}

function groupBlock(g: Group, list: Unit[], of: number, t: Tally, w: Words, duration: boolean): string {
  const more = of > list.length ? `\n_${of - list.length} more in the JSON report._\n` : '';
  const what =
    of === g.units.length
      ? plural(of, w.unit)
      : `${of} of ${plural(g.units.length, w.unit)}, in other states`;
  const name =
    w.detail === w.group && g.units[0]?.detail ? ` (${html(clip(g.units[0].detail, MAX_CELL_CHARS))})` : '';
  return `\n<details><summary>${capital(w.group)} ${g.group}${name}: ${what}</summary>\n\n${unitHead(w, duration)}\n${list.map((u) => unitRow(u, t, w, duration)).join('\n')}\n${more}\n</details>\n`;
}

function timelineSection(o: RunOutcome, room: number): string {
  const taken = o.taken;
  const w = o.presentation.words;
  if (taken.length === 0) return '';
  const head = `### Timeline\n\n| Time (UTC) | Action | ${capital(w.unit)} | Outcome | Why |\n|---|---|---|---|---|\n`;
  const shown = taken.slice(0, MAX_TIMELINE_ROWS);
  const more = (left: number): string => `\n_${left} more actions in the JSON report._\n`;
  const runId = o.snapshot?.id ?? runIdOf(o.presentation);
  let out = rowsWithin(
    head,
    shown,
    (a) => actionRow(a, w, o.presentation.short, runId),
    room - NOTE_ROOM,
    more,
  );
  if (out && taken.length > shown.length) out += more(taken.length - shown.length);
  if (out === '' && bytes(more(taken.length)) <= room) return `### Timeline\n${more(taken.length)}`;
  return out;
}

/** `2026-01-01 10:00:05` from an ISO time (the date is kept: a log may be days old). */
function utcTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : '?';
}

/** What an action acted on: a unit (its id as code), a confirmation point, or the run itself. */
function actionRow(a: TakenAction, w: Words, short: string, runId: string): string {
  const time = /^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)/.exec(a.at)?.[1] ?? cell(a.at);
  const result =
    a.outcome === 'ok'
      ? '✅ ok'
      : a.outcome === 'unknown'
        ? `❔ ${cell(a.detail ?? 'no answer')}`
        : `❌ ${cell(a.detail ?? 'error')}${a.transient ? ' (transient)' : ''}`;
  const unit = a.kind === 'skip' || a.kind === 'retry';
  const target =
    a.target === undefined || a.target === runId
      ? short
      : unit
        ? code(a.label ?? a.target)
        : cell(a.label ?? a.target);
  return `| ${time} | ${w.actions[a.kind]} | ${target} | ${result} | ${cell(a.reason)} |`;
}

function logsSection(o: RunOutcome, room: number): string {
  const w = o.presentation.words;
  const entries = Object.entries(o.logs);
  if (entries.length === 0) return '';
  const labels = new Map((o.snapshot?.units ?? []).map((u) => [u.id, u.label]));
  const head = `### ${capital(w.log)}s of failed ${w.unit}s\n`;
  const blocks: string[] = [];
  let used = bytes(head);
  for (const [id, log] of entries) {
    const block = logBlock(capital(w.log), log.title ?? labels.get(id) ?? id, log);
    if (used + bytes(block) + NOTE_ROOM > room) {
      const left = entries.length - blocks.length;
      const note = `\n_${left} more log excerpts in the JSON report (${o.presentation.reportKeys.logs})._\n`;
      if (used + bytes(note) > room) return '';
      blocks.push(note);
      break;
    }
    blocks.push(block);
    used += bytes(block);
  }
  return head + blocks.join('');
}

function logBlock(what: string, label: string, log: LogExcerpt): string {
  // Colour codes are common in deploy logs; hyperlinks (OSC 8) and bidi controls are not harmless.
  let body = cleanText(redactKnown(log.lines));
  if (body.length > MAX_LOG_CHARS) body = `…${body.slice(-MAX_LOG_CHARS)}`;
  body = body.replace(/\n+$/, '');
  // A fence longer than any run of backticks in the log: nothing inside can close it.
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const when = log.began ? `, ${utcTime(log.began)}${log.ended ? `–${utcTime(log.ended)}` : ''} UTC` : '';
  const message = log.message ? `${text(clip(log.message, MAX_REASON_CHARS))}\n\n` : '';
  return `\n<details><summary>${what} of ${html(clip(label, MAX_CELL_CHARS))} (last lines${when})</summary>\n\n${message}${fence}text\n${body}\n${fence}\n\n</details>\n`;
}

function warningsSection(o: RunOutcome): string {
  if (o.warnings.length === 0) return '';
  const shown = o.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${text(clip(w, 500))}`);
  if (o.warnings.length > MAX_WARNINGS)
    shown.push(`- … and ${o.warnings.length - MAX_WARNINGS} more in the JSON report`);
  return `### Warnings\n\n${shown.join('\n')}\n`;
}

function linkSection(p: Presentation): string {
  const url = safeUrl(p.url);
  return url ? `[Open the pipeline run in ${p.words.provider}](${url})\n` : '';
}

// ---- rows and cells -------------------------------------------------------------------------------

/** "Batches" from "batch", "Stages" from "stage". */
function groupsWord(w: Words): string {
  const g = capital(w.group);
  return /(s|sh|ch|x)$/.test(g) ? `${g}es` : `${g}s`;
}

/** " Build" where a unit's detail names its group (a job's stage); nothing for numbered batches. */
function groupName(g: Group, w: Words): string {
  const name = w.detail === w.group ? g.units[0]?.detail : undefined;
  return name ? ` ${cell(name)}` : '';
}

/** Units have durations (jobs): a column for them. */
function withDuration(o: RunOutcome): boolean {
  return (o.snapshot?.units ?? []).some((u) => u.durationMs !== undefined);
}

function unitHead(w: Words, duration: boolean): string {
  const agent = w.reachability ? ` ${capital(w.reachability)} |` : '';
  const took = duration ? ' Duration |' : '';
  // A unit's detail may be its group's name (a job's stage): then one column says both.
  const group = w.detail === w.group ? '' : ` ${capital(w.group)} |`;
  const cols = 4 + (group ? 1 : 0) + (w.reachability ? 1 : 0) + (duration ? 1 : 0);
  return `| ${capital(w.unit)} | ${w.detail.length <= 2 ? w.detail.toUpperCase() : capital(w.detail)} |${group} Status |${took}${agent} This run |\n|${'---|'.repeat(cols)}`;
}

function unitRow(u: Unit, t: Tally, w: Words, duration: boolean): string {
  const agent = w.reachability ? ` ${u.reachable === false ? '⚠️ unreachable' : cell(u.agent || '—')} |` : '';
  const took = duration ? ` ${u.durationMs === undefined ? '—' : humanDuration(u.durationMs / 1000)} |` : '';
  const detail = w.detail === w.group ? `${u.group}. ${u.detail || '—'}` : u.detail || '—';
  const group = w.detail === w.group ? '' : ` ${u.group} |`;
  return `| ${code(u.label)} | ${cell(detail)} |${group} ${cell(u.status)} |${took}${agent} ${cell(whatHappened(u, t, w.actions))} |`;
}

/**
 * head + one row per item while they fit in `room` bytes with the note; if some do not fit, the note
 * says how many. '' when not even the head and the note fit. Bytes are summed row by row (linear).
 */
function rowsWithin<T>(
  head: string,
  items: readonly T[],
  row: (item: T) => string,
  room: number,
  note: (left: number) => string,
): string {
  const noteRoom = bytes(note(items.length));
  let used = bytes(head);
  if (used + noteRoom > room) return '';
  const out: string[] = [head];
  let i = 0;
  for (; i < items.length; i++) {
    const line = row(items[i] as T) + '\n';
    const b = bytes(line);
    // The last row needs no room for a note after it.
    const reserve = i === items.length - 1 ? 0 : noteRoom;
    if (used + b + reserve > room) break;
    out.push(line);
    used += b;
  }
  if (i < items.length) out.push(note(items.length - i));
  return out.join('');
}

function otherText(c: StatusCounts): string {
  if (c.other === 0) return '0';
  const parts: string[] = [];
  for (const [status, n] of c.otherByStatus) parts.push(`${status || '?'} ${n}`);
  return `${c.other} (${cell(parts.join(', '))})`;
}

/** Text from outside made safe for a table cell: no HTML, no line breaks, no cell breaks, no markup. */
function cell(s: string): string {
  return text(clip(s, MAX_CELL_CHARS));
}

/** Text from outside made safe for a line of markdown. */
function text(s: string): string {
  // Markup characters escaped, and bare links broken up so that GitHub does not make them links
  // (a zero-width space after `@` stops an e-mail address from becoming one).
  return html(s)
    .replace(/[\\`*_[\]~!#|]/g, '\\$&')
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/** Text from outside made safe inside an HTML tag's content (no markdown is parsed there). */
function html(s: string): string {
  return oneLine(redactKnown(s))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** An id or SN as a code span, safe in a table cell whatever it contains. */
function code(s: string): string {
  const v = oneLine(clip(s, MAX_CELL_CHARS)).replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestRun(v, '`') + 1);
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${v}${pad}${ticks}`;
}

/** Longest URL made a link: a server's URL of many KB would take the room of the units' table. */
const MAX_URL_CHARS = 2048;

/** Only http(s) links, with the characters that could end a markdown link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_CHARS || !/^https?:\/\/\S/i.test(url)) return undefined;
  return url
    .trim()
    .replace(/[\s()<>"'|[\]\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function longestRun(s: string, ch: string): number {
  let max = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    if (run > max) max = run;
  }
  return max;
}

export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `${h}h ${m}m ${sec}s`;
  if (m) return `${m}m ${sec}s`;
  return `${sec}s`;
}

function bytes(s: string): number {
  return Buffer.byteLength(s);
}

function truncateBytes(s: string, max: number): string {
  return Buffer.from(s)
    .subarray(0, max)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}
