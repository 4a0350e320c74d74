// The job summary: the verdict at a glance, then the facts, the batches, the machines that need a
// look (always all of them, within the size bound), the timeline, log excerpts and links.
// GitHub refuses summaries over 1 MiB: every section is bounded and the total is checked.
import type { Machine } from '../client/model.js';
import { describeBudget } from '../gate/budget.js';
import type { Result } from '../gate/types.js';
import { formatDuration } from '../runner/deadline.js';
import { actionText, factsOf, type Facts } from './facts.js';
import type { RunOutcome } from './outcome.js';

export interface SummaryOptions {
  maxBytes?: number;
  /** machines listed per batch at most over all batches; beyond, batches show counts only */
  maxMachineRows?: number;
}

const HEADLINE: Record<Result, [string, string]> = {
  success: ['✅', 'Deploy succeeded'],
  failure: ['❌', 'Deploy failed'],
  'timed-out': ['⏱️', 'Deploy gate timed out'],
  cancelled: ['🛑', 'Deploy cancelled'],
  'in-progress': ['⏳', 'Deploy in progress'],
};
const MAX_TIMELINE_ROWS = 200;
const MAX_BATCH_ROWS = 100;
const MAX_WARNINGS = 20;
const MAX_LOG_CHARS = 4000;

export function renderSummary(outcome: RunOutcome, opts: SummaryOptions = {}): string {
  const maxBytes = opts.maxBytes ?? 1_000_000;
  const maxMachineRows = opts.maxMachineRows ?? 300;
  const f = factsOf(outcome);
  const head = [headline(outcome), facts(outcome, f)].join('\n');
  const batches = batchSection(outcome, f, maxMachineRows);
  const tail = [timeline(outcome), logs(outcome), warnings(outcome), links(outcome)]
    .filter(Boolean)
    .join('\n');
  // What is left goes to the machines that need a look, which are listed in full when they fit.
  const room = maxBytes - bytes(head) - bytes(batches) - bytes(tail) - 512;
  const parts = [head, needsLook(outcome, f, room), batches, tail];
  let text = parts.filter(Boolean).join('\n');
  if (bytes(text) > maxBytes)
    text =
      truncateBytes(text, maxBytes - 200) + '\n\n… summary cut at the size limit; see the JSON report.\n';
  return text;
}

function headline(o: RunOutcome): string {
  const [icon, words] = HEADLINE[o.result];
  const took = o.durationSeconds > 0 ? ` in ${formatDuration(o.durationSeconds * 1000)}` : '';
  return `## ${icon} ${words} — deploy order ${o.resolved.deployOrderId}${took}\n\n${cell(o.reason, false)}\n`;
}

function facts(o: RunOutcome, f: Facts): string {
  const r = o.resolved;
  const order = o.order;
  const rows: Array<[string, string]> = [
    ['Pipeline', code(r.pipelineId)],
    [
      'Run',
      r.pipelineRunId ? (r.deployUrl ? `[${r.pipelineRunId}](${r.deployUrl})` : code(r.pipelineRunId)) : '—',
    ],
    ['Job', r.jobName ? `${cell(r.jobName)}${r.jobId ? ` (${code(r.jobId)})` : ''}` : '—'],
    ['Deploy order', code(r.deployOrderId)],
    ['Status', order ? cell(order.status) : 'not read'],
    ['Batches', order ? `${order.currentBatch} / ${order.totalBatch}` : '—'],
    [
      'Machines',
      order
        ? `${f.counts.total}: ${f.counts.succeeded} succeeded, ${f.counts.failed} failed, ${f.counts.skipped} skipped, ${f.counts.other} other`
        : '—',
    ],
    ['API', o.api === 'openapi' ? `OpenAPI (${o.edition ?? 'central'} edition)` : 'classic (AccessKey)'],
    ['Policy', policyText(o)],
  ];
  if (o.stoppedOnCancel !== undefined) {
    rows.push([
      'On cancel',
      o.stoppedOnCancel ? 'the deploy order was **stopped**' : 'the deploy order was **left running**',
    ]);
  }
  if (o.artifactUrl) rows.push(['Artifact', `[download](${o.artifactUrl})`]);
  return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`;
}

function policyText(o: RunOutcome): string {
  const p = o.policy;
  const budget = describeBudget(p.maxSkipped, o.order?.machines.length ?? 0);
  return `skip-unreachable ${p.skipUnreachable}, ${budget}, retry-failed ${p.retryFailed}, resume ${p.resume}, on-failure ${p.onFailure}`;
}

function batchSection(o: RunOutcome, f: Facts, maxMachineRows: number): string {
  const machines = o.order?.machines ?? [];
  if (machines.length === 0) return '';
  const byBatch = new Map<number, Machine[]>();
  for (const m of machines) {
    const list = byBatch.get(m.batchNum);
    if (list) list.push(m);
    else byBatch.set(m.batchNum, [m]);
  }
  const batches = [...byBatch.keys()].sort((a, b) => a - b);
  const lines = [
    '### Batches',
    '',
    '| Batch | Machines | Success | Failed | Skipped | Other |',
    '|---|---|---|---|---|---|',
  ];
  for (const b of batches.slice(0, MAX_BATCH_ROWS)) {
    const list = byBatch.get(b) ?? [];
    const n = (s: string): number => list.filter((m) => m.status === s).length;
    const other = list.length - n('Success') - n('Failed') - n('Skipped');
    const current = o.order && b === o.order.currentBatch ? ' (current)' : '';
    lines.push(
      `| ${b}${current} | ${list.length} | ${n('Success')} | ${n('Failed')} | ${n('Skipped')} | ${other} |`,
    );
  }
  if (batches.length > MAX_BATCH_ROWS)
    lines.push(`| … | ${batches.length - MAX_BATCH_ROWS} more batches | | | | |`);
  lines.push('');
  if (machines.length <= maxMachineRows) {
    for (const b of batches) {
      lines.push(
        `<details><summary>Batch ${b}: machines</summary>`,
        '',
        machineTable(byBatch.get(b) ?? [], f),
        '</details>',
        '',
      );
    }
  } else {
    lines.push(
      `_${machines.length} machines: successes are counted above rather than listed; every machine is in the JSON report._`,
      '',
    );
  }
  return lines.join('\n');
}

function needsLook(o: RunOutcome, f: Facts, room: number): string {
  if (f.needsLook.length === 0) return '';
  const header = `### Machines that need a look (${f.needsLook.length})\n\n${TABLE_HEAD}\n`;
  let out = header;
  let shown = 0;
  for (const m of f.needsLook) {
    const row = machineRow(m, f) + '\n';
    if (bytes(out) + bytes(row) > room - 200) break;
    out += row;
    shown++;
  }
  if (shown < f.needsLook.length)
    out += `\n**${f.needsLook.length - shown} more machines not shown; see the JSON report (output \`report-path\`).**\n`;
  return out;
}

const TABLE_HEAD = '| Machine | IP | Batch | Status | Agent | Action |\n|---|---|---|---|---|---|';

function machineTable(list: Machine[], f: Facts): string {
  return `${TABLE_HEAD}\n${list.map((m) => machineRow(m, f)).join('\n')}\n`;
}

function machineRow(m: Machine, f: Facts): string {
  const agent = m.clientStatus === 'error' ? '⚠️ error' : cell(m.clientStatus || '—');
  return `| ${code(m.machineSn)} | ${cell(m.ip || '—')} | ${m.batchNum} | ${cell(m.status)} | ${agent} | ${cell(actionText(m, f))} |`;
}

function timeline(o: RunOutcome): string {
  if (o.taken.length === 0) return '';
  const rows = o.taken.slice(0, MAX_TIMELINE_ROWS).map((a) => {
    const outcome = a.outcome === 'ok' ? 'ok' : `❌ ${cell(a.detail ?? 'error')}`;
    return `| ${a.at.slice(11, 19)} | ${a.kind} | ${a.machineSn ? code(a.machineSn) : 'order'} | ${outcome} | ${cell(a.reason)} |`;
  });
  const more =
    o.taken.length > MAX_TIMELINE_ROWS
      ? `\n_${o.taken.length - MAX_TIMELINE_ROWS} more actions in the JSON report._\n`
      : '';
  return `### Timeline\n\n| Time (UTC) | Action | Machine | Outcome | Why |\n|---|---|---|---|---|\n${rows.join('\n')}\n${more}`;
}

function logs(o: RunOutcome): string {
  const entries = Object.entries(o.machineLogs);
  if (entries.length === 0) return '';
  const blocks = entries.map(([sn, text]) => {
    const body = text.length > MAX_LOG_CHARS ? `…${text.slice(-MAX_LOG_CHARS)}` : text;
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
    return `<details><summary>Deploy log of ${escapeHtml(sn)} (last lines)</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>\n`;
  });
  return `### Deploy logs of failed machines\n\n${blocks.join('\n')}`;
}

function warnings(o: RunOutcome): string {
  if (o.warnings.length === 0) return '';
  const shown = o.warnings.slice(0, MAX_WARNINGS).map((w) => `- ${cell(w, false)}`);
  if (o.warnings.length > MAX_WARNINGS)
    shown.push(`- … and ${o.warnings.length - MAX_WARNINGS} more in the JSON report`);
  return `### Warnings\n\n${shown.join('\n')}\n`;
}

function links(o: RunOutcome): string {
  return o.resolved.deployUrl ? `[Open the pipeline run in Yunxiao](${o.resolved.deployUrl})\n` : '';
}

/** Text from outside (names, messages) made safe for a table cell or a line. */
function cell(text: string, inTable = true): string {
  const safe = escapeHtml(text).replace(/\r?\n/g, ' ');
  return inTable ? safe.replace(/\|/g, '\\|') : safe;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function longestBacktickRun(text: string): number {
  let max = 0;
  for (const run of text.match(/`+/g) ?? []) max = Math.max(max, run.length);
  return max;
}

function bytes(text: string): number {
  return Buffer.byteLength(text);
}

function truncateBytes(text: string, max: number): string {
  return Buffer.from(text)
    .subarray(0, max)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/** A crude terminal rendering for the demo: tags dropped, tables kept as they are. */
export function summaryToText(markdown: string): string {
  return markdown
    .replace(/<summary>(.*?)<\/summary>/g, '▸ $1')
    .replace(/<\/?[a-z][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}
