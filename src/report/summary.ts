// The job summary: the verdict at a glance, the facts, the machines that need a look (always all of
// them while the size allows, and a line saying how many did not fit), the batches, the timeline, log
// excerpts, warnings and the link. GitHub refuses a summary of 1 MiB or more: the byte count is kept
// as it is built, the must-list table goes first, and the rest shrinks to what is left.
import type { Machine } from '../providers/yunxiao/model.js';
import { redactKnown } from '../common/redact.js';
import { cleanText, oneLine } from '../common/untrusted.js';
import { describeBudget } from '../core/budget.js';
import type { Result, TakenAction } from '../core/types.js';
import { needsALook, tallyOf, whatHappened, type Batch, type StatusCounts, type Tally } from './counts.js';
import type { LogExcerpt, RunOutcome } from './outcome.js';

export interface SummaryOptions {
  /** default 1,000,000; always kept under 1 MiB */
  maxBytes?: number;
  /** machine rows listed under the batches, over all batches; beyond it successes are counted only */
  maxMachineRows?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;
export const DEFAULT_MAX_MACHINE_ROWS = 300;
const HARD_LIMIT = 1024 * 1024 - 1;

const HEADLINE: Record<Result, [icon: string, words: string]> = {
  success: ['✅', 'Deploy succeeded'],
  failure: ['❌', 'Deploy failed'],
  'timed-out': ['⏱️', 'Deploy gate timed out'],
  cancelled: ['🛑', 'Deploy cancelled'],
  'in-progress': ['⏳', 'Deploy in progress'],
};
const MAX_BATCH_ROWS = 200;
const MAX_TIMELINE_ROWS = 200;
const MAX_WARNINGS = 20;
const MAX_LOG_CHARS = 4000;
const MAX_CELL_CHARS = 300;
const MAX_REASON_CHARS = 2000;
/** room kept for the one-line note of each section that comes after the must-list table */
const NOTE_ROOM = 300;

export function renderSummary(outcome: RunOutcome, opts: SummaryOptions = {}): string {
  const maxBytes = Math.min(opts.maxBytes ?? DEFAULT_MAX_BYTES, HARD_LIMIT);
  const maxMachineRows = Math.max(0, opts.maxMachineRows ?? DEFAULT_MAX_MACHINE_ROWS);
  const t = tallyOf(outcome);

  const head = headSection(outcome, t);
  const warns = warningsSection(outcome);
  const link = linkSection(outcome);
  // Three sections may be cut down to a note after the table that must list everything.
  let room = maxBytes - bytes(head) - bytes(warns) - bytes(link) - 3 * NOTE_ROOM - 64;
  const needs = needsLookSection(t, room);
  room += 3 * NOTE_ROOM - bytes(needs);
  const batches = batchSection(outcome, t, maxMachineRows, room);
  room -= bytes(batches);
  const timeline = timelineSection(outcome.taken, room);
  room -= bytes(timeline);
  const logs = logsSection(outcome, room);

  const text = [head, needs, batches, timeline, logs, warns, link].filter(Boolean).join('\n');
  // Only reachable when maxBytes is too small for even the headline and facts.
  if (bytes(text) <= maxBytes) return text;
  const note = '\n\n… summary cut at the size limit; see the JSON report.\n';
  return truncateBytes(text, Math.max(0, maxBytes - bytes(note))) + note;
}

/** The summary of a run that found no deploy order to watch: the reason, escaped like any server text. */
export function unresolvedSummary(reason: string, pipelineId: string): string {
  return `## ❌ Deploy gate: no deploy order to watch\n\n${text(clip(reason, MAX_REASON_CHARS))}\n\nPipeline ${code(pipelineId)}.\n`;
}

// ---- sections -------------------------------------------------------------------------------------

function headSection(o: RunOutcome, t: Tally): string {
  const [icon, words] = HEADLINE[o.result];
  const lines = [
    `## ${icon} ${words} — order ${o.resolved.deployOrderId} in ${humanDuration(o.durationSeconds)}`,
    '',
    text(clip(o.reason, MAX_REASON_CHARS)),
    '',
  ];
  if (o.stoppedOnCancel !== undefined) {
    const url = safeUrl(o.resolved.deployUrl);
    lines.push(
      o.stoppedOnCancel
        ? `The workflow run was cancelled: the deploy order was **stopped**.${url ? ` [See it in Yunxiao](${url}).` : ''}`
        : `The workflow run was cancelled: the deploy order was **left running**.${url ? ` [Follow it in Yunxiao](${url}).` : ''}`,
      '',
    );
  }
  lines.push(factsTable(o, t));
  return lines.join('\n');
}

function factsTable(o: RunOutcome, t: Tally): string {
  const r = o.resolved;
  const order = o.order;
  const c = t.counts;
  const url = safeUrl(r.deployUrl);
  const run = r.pipelineRunId ? (url ? `[${code(r.pipelineRunId)}](${url})` : code(r.pipelineRunId)) : '—';
  const rows: Array<[string, string]> = [
    ['Pipeline', code(r.pipelineId)],
    ['Run', run],
    ['Job', r.jobName || r.jobId ? `${cell(r.jobName ?? '')}${r.jobId ? ` (${code(r.jobId)})` : ''}` : '—'],
    ['Deploy order', code(r.deployOrderId)],
    ['Status', order ? cell(order.status) : 'not read'],
    ['Batches', order ? `${order.currentBatch} / ${order.totalBatch}` : '—'],
    [
      'Machines',
      c
        ? `${c.total}: ${c.succeeded} succeeded, ${c.failed} failed, ${c.skipped} skipped, ${otherText(c)} other`
        : '—',
    ],
    ['API', o.api === 'openapi' ? `OpenAPI (${o.edition ?? 'central'} edition)` : 'classic (AccessKey)'],
    ['Policy', policyText(o)],
  ];
  const artifact = safeUrl(o.artifactUrl);
  if (artifact) rows.push(['Artifact', `[download](${artifact})`]);
  return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}

function policyText(o: RunOutcome): string {
  const p = o.policy;
  const budget = describeBudget(p.maxSkipped, o.order?.machines.length ?? 0);
  return cell(
    `skip-unreachable ${p.skipUnreachable}, ${budget}, retry-failed ${p.retryFailed}, resume ${p.resume}, on-failure ${p.onFailure}`,
  );
}

/** The must-list table: every Failed, Skipped or unreachable machine, as long as bytes allow. */
function needsLookSection(t: Tally, room: number): string {
  if (t.needsLook.length === 0) return '';
  const head = `### Needs a look (${t.needsLook.length})\n\nFailed, skipped or unreachable machines, and what this run did to each.\n\n${MACHINE_HEAD}\n`;
  return rowsWithin(
    head,
    t.needsLook,
    (m) => machineRow(m, t),
    room,
    (left) => `\n**${left} more machines not shown; see the JSON report (output \`report-path\`).**\n`,
  );
}

function batchSection(o: RunOutcome, t: Tally, maxMachineRows: number, room: number): string {
  if (t.batches.length === 0) return '';
  const current = o.order?.currentBatch;
  const head =
    '### Batches\n\n| Batch | Machines | Success | Failed | Skipped | Other |\n|---|---|---|---|---|---|\n';
  const shown = t.batches.slice(0, MAX_BATCH_ROWS);
  let out = rowsWithin(
    head,
    shown,
    (b) =>
      `| ${b.batch}${b.batch === current ? ' (current)' : ''} | ${b.counts.total} | ${b.counts.succeeded} | ${b.counts.failed} | ${b.counts.skipped} | ${otherText(b.counts)} |`,
    room - NOTE_ROOM,
    (left) => `\n_${left} more batches in the JSON report._\n`,
  );
  if (t.batches.length > shown.length)
    out += `\n_${t.batches.length - shown.length} more batches in the JSON report._\n`;
  if (out === '') return '';

  const total = t.counts?.total ?? 0;
  const listAll = total <= maxMachineRows;
  const blocks: string[] = [];
  let used = bytes(out);
  if (!listAll) {
    const note = `\n_${total} machines, more than ${maxMachineRows}: successes are counted above rather than listed, failed, skipped and unreachable ones are under Needs a look, and every machine is in the JSON report._\n`;
    if (used + bytes(note) > room) return out;
    blocks.push(note);
    used += bytes(note);
  }
  let rowsLeft = maxMachineRows;
  const cutNote = '\n_The machine lists of the other batches did not fit; see the JSON report._\n';
  for (const b of t.batches) {
    if (rowsLeft <= 0) break;
    // Over the limit, only what is neither a success nor already under Needs a look (e.g. Queued).
    const list = listAll ? b.machines : b.machines.filter((m) => m.status !== 'Success' && !needsALook(m));
    if (list.length === 0) continue;
    const block = batchBlock(b, list.slice(0, rowsLeft), list.length, t);
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

function batchBlock(b: Batch, list: Machine[], of: number, t: Tally): string {
  const more = of > list.length ? `\n_${of - list.length} more in the JSON report._\n` : '';
  const what =
    of === b.machines.length
      ? plural(of, 'machine')
      : `${of} of ${plural(b.machines.length, 'machine')}, in other states`;
  return `\n<details><summary>Batch ${b.batch}: ${what}</summary>\n\n${MACHINE_HEAD}\n${list.map((m) => machineRow(m, t)).join('\n')}\n${more}\n</details>\n`;
}

function timelineSection(taken: readonly TakenAction[], room: number): string {
  if (taken.length === 0) return '';
  const head = '### Timeline\n\n| Time (UTC) | Action | Machine | Outcome | Why |\n|---|---|---|---|---|\n';
  const shown = taken.slice(0, MAX_TIMELINE_ROWS);
  const more = (left: number): string => `\n_${left} more actions in the JSON report._\n`;
  let out = rowsWithin(head, shown, actionRow, room - NOTE_ROOM, more);
  if (out && taken.length > shown.length) out += more(taken.length - shown.length);
  if (out === '' && bytes(more(taken.length)) <= room) return `### Timeline\n${more(taken.length)}`;
  return out;
}

/** `2026-01-01 10:00:05` from an ISO time (the date is kept: a log may be days old). */
function utcTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : '?';
}

function actionRow(a: TakenAction): string {
  const time = /^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)/.exec(a.at)?.[1] ?? cell(a.at);
  const result =
    a.outcome === 'ok' ? '✅ ok' : `❌ ${cell(a.detail ?? 'error')}${a.transient ? ' (transient)' : ''}`;
  return `| ${time} | ${a.kind} | ${a.machineSn ? code(a.machineSn) : 'order'} | ${result} | ${cell(a.reason)} |`;
}

function logsSection(o: RunOutcome, room: number): string {
  const entries = Object.entries(o.machineLogs);
  if (entries.length === 0) return '';
  const head = '### Deploy logs of failed machines\n';
  const blocks: string[] = [];
  let used = bytes(head);
  for (const [sn, log] of entries) {
    const block = logBlock(sn, log);
    if (used + bytes(block) + NOTE_ROOM > room) {
      const left = entries.length - blocks.length;
      const note = `\n_${left} more log excerpts in the JSON report (machineLogs)._\n`;
      if (used + bytes(note) > room) return '';
      blocks.push(note);
      break;
    }
    blocks.push(block);
    used += bytes(block);
  }
  return head + blocks.join('');
}

function logBlock(sn: string, log: LogExcerpt): string {
  // Colour codes are common in deploy logs; hyperlinks (OSC 8) and bidi controls are not harmless.
  let body = cleanText(redactKnown(log.lines));
  if (body.length > MAX_LOG_CHARS) body = `…${body.slice(-MAX_LOG_CHARS)}`;
  body = body.replace(/\n+$/, '');
  // A fence longer than any run of backticks in the log: nothing inside can close it.
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const when = log.began ? `, ${utcTime(log.began)}${log.ended ? `–${utcTime(log.ended)}` : ''} UTC` : '';
  return `\n<details><summary>Deploy log of ${html(clip(sn, MAX_CELL_CHARS))} (last lines${when})</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>\n`;
}

function warningsSection(o: RunOutcome): string {
  if (o.warnings.length === 0) return '';
  const shown = o.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${text(clip(w, 500))}`);
  if (o.warnings.length > MAX_WARNINGS)
    shown.push(`- … and ${o.warnings.length - MAX_WARNINGS} more in the JSON report`);
  return `### Warnings\n\n${shown.join('\n')}\n`;
}

function linkSection(o: RunOutcome): string {
  const url = safeUrl(o.resolved.deployUrl);
  return url ? `[Open the pipeline run in Yunxiao](${url})\n` : '';
}

// ---- rows and cells -------------------------------------------------------------------------------

const MACHINE_HEAD = '| Machine | IP | Batch | Status | Agent | This run |\n|---|---|---|---|---|---|';

function machineRow(m: Machine, t: Tally): string {
  const agent = m.clientStatus === 'error' ? '⚠️ unreachable' : cell(m.clientStatus || '—');
  return `| ${code(m.machineSn)} | ${cell(m.ip || '—')} | ${m.batchNum} | ${cell(m.status)} | ${agent} | ${cell(whatHappened(m, t))} |`;
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
  for (const [status, n] of c.byStatus) {
    if (status !== 'Success' && status !== 'Failed' && status !== 'Skipped')
      parts.push(`${status || '?'} ${n}`);
  }
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
  const v = oneLine(clip(redactKnown(s), MAX_CELL_CHARS)).replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestRun(v, '`') + 1);
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${v}${pad}${ticks}`;
}

/** Only http(s) links, with the characters that could end a markdown link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S/i.test(url)) return undefined;
  return url
    .trim()
    .replace(/[\s()<>"'|[\]\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
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

// ---- terminal rendering ---------------------------------------------------------------------------

/** A crude terminal rendering for the demo: tags dropped, tables aligned, escapes undone. */
export function summaryToText(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const fence = /^(`{3,})/.exec(lines[i] ?? '')?.[1];
    if (fence) {
      // A code block (a log excerpt) as it is, indented, without its fences.
      for (i++; i < lines.length && lines[i] !== fence; i++) out.push(`    ${lines[i] ?? ''}`);
      i++;
      continue;
    }
    if (!lines[i]?.startsWith('|')) {
      out.push(plain(untag(lines[i] ?? '').replace(/^#{1,6} /, '')));
      i++;
      continue;
    }
    const table: string[] = [];
    while (i < lines.length && lines[i]?.startsWith('|')) table.push(lines[i++] ?? '');
    out.push(...alignTable(table));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function untag(line: string): string {
  return line.replace(/<summary>(.*?)<\/summary>/g, '▸ $1').replace(/<\/?[a-zA-Z][^>]*>/g, '');
}

function alignTable(rows: string[]): string[] {
  const isRule = (r: string): boolean => /^\|(\s*:?-+:?\s*\|)+\s*$/.test(r);
  const cells = rows.filter((r) => !isRule(r)).map((r) => splitRow(r).map(plain));
  const keep = cells.filter((c, i) => i > 0 || c.some((x) => x !== ''));
  const widths: number[] = [];
  for (const c of keep)
    c.forEach((x, j) => (widths[j] = Math.min(60, Math.max(widths[j] ?? 0, [...x].length))));
  const line = (c: string[]): string =>
    c
      .map((x, j) => (j === c.length - 1 ? x : x.padEnd(widths[j] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = keep.map(line);
  // A rule under the header when the table has one.
  if (keep.length > 1 && keep[0] === cells[0] && rows.some(isRule))
    out.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return out;
}

function splitRow(row: string): string[] {
  const parts = row.trim().split(/(?<!\\)\|/);
  return parts.slice(1, parts.at(-1)?.trim() === '' ? -1 : undefined).map((c) => c.trim());
}

function plain(s: string): string {
  return s
    .replace(/(`+) ?(.*?) ?\1/g, '$2')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_[\]~!|#:.])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
