// Reading the README as the contract tests do: a section by its heading, and the rows of a table.

/**
 * The text under a heading (`## ` for depth 2, `## ` or `### ` for depth 3), up to the next heading
 * of those depths; '' when there is none.
 */
export function section(markdown: string, heading: string, depth: 2 | 3 = 2): string {
  const split = depth === 2 ? /^## /m : /^#{2,3} /m;
  return markdown.split(split).find((s) => s.startsWith(`${heading}\n`)) ?? '';
}

/** Rows of the markdown tables in a text, in order: the first cell without backticks, and the others. */
export function tableRows(text: string): [string, string[]][] {
  const rows: [string, string[]][] = [];
  for (const line of text.split('\n')) {
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const key = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (key) rows.push([key, cells.slice(1)]);
  }
  return rows;
}
