// The job summary as a terminal shows it, for the demo: tags dropped, tables aligned, escapes undone.
// Crude on purpose: it only has to read well for the summaries the gate writes.
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
