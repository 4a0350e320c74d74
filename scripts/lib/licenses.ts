// The licences of what a bundle holds. ncc (--license) writes licenses.txt next to each bundle:
// entries "name\nlicence\ntext" joined by blank lines. Its plugin reads each package's package.json
// and LICENSE file; when either is missing it still writes the entry, with no licence or no text.
// So the check takes the packages from webpack's own module list (--stats-out) and asks that each
// has an entry, an allowed licence and a text.

/** Licences that ask no more of a bundle than keeping the notice (SPDX ids). */
export const ALLOWED: ReadonlySet<string> = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
]);

export interface LicenseEntry {
  name: string;
  license: string;
  text: string;
}

interface StatsModule {
  identifier?: string;
  nameForCondition?: string;
  modules?: StatsModule[];
}

/** The npm packages whose files webpack put in the bundle, by name (a nested copy counts once). */
export function bundledPackages(stats: { modules?: StatsModule[] }): string[] {
  const names = new Set<string>();
  const walk = (modules: StatsModule[]): void => {
    for (const m of modules) {
      if (m.modules) walk(m.modules); // concatenated modules hold their parts
      const path = (m.nameForCondition ?? m.identifier ?? '').replace(/\\/g, '/');
      const at = path.lastIndexOf('/node_modules/');
      if (at < 0) continue;
      const [first = '', second = ''] = path.slice(at + '/node_modules/'.length).split('/');
      names.add(first.startsWith('@') ? `${first}/${second}` : first);
    }
  };
  walk(stats.modules ?? []);
  return [...names].sort();
}

/**
 * The entries of licenses.txt for the given packages. A licence text has blank lines and lines of
 * its own, so an entry starts only where a package's name stands alone on the line after a blank.
 */
export function parseLicenses(text: string, packages: readonly string[]): Map<string, LicenseEntry> {
  const wanted = new Set(packages);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (wanted.has(line) && (i === 0 || lines[i - 1] === '')) starts.push(i);
  });
  const entries = new Map<string, LicenseEntry>();
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    const name = lines[start]!;
    entries.set(name, {
      name,
      license: (lines[start + 1] ?? '').trim(),
      text: lines
        .slice(start + 2, end)
        .join('\n')
        .trim(),
    });
  });
  return entries;
}

/** Whether an SPDX expression may be bundled: every part of an AND, one part of an OR. */
export function allowed(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/ OR /.test(e)) return e.split(/ OR /).some(allowed);
  if (/ AND /.test(e)) return e.split(/ AND /).every(allowed);
  return ALLOWED.has(e);
}

/** Every problem with the licences of a bundle; none when each package is covered and allowed. */
export function licenseProblems(packages: readonly string[], licensesTxt: string): string[] {
  const entries = parseLicenses(licensesTxt, packages);
  const problems: string[] = [];
  for (const name of packages) {
    const entry = entries.get(name);
    if (!entry) problems.push(`${name}: bundled, but not in licenses.txt`);
    else if (!entry.license || entry.license === 'null' || entry.license === 'undefined')
      problems.push(`${name}: no licence in its package.json`);
    else if (!allowed(entry.license))
      problems.push(`${name}: licence ${entry.license} is not one this action may bundle`);
    else if (!entry.text || entry.text === 'null') problems.push(`${name}: no licence text to ship`);
  }
  return problems;
}

/** "17 packages: MIT 16, ISC 1" */
export function licenseSummary(packages: readonly string[], licensesTxt: string): string {
  const counts = new Map<string, number>();
  for (const entry of parseLicenses(licensesTxt, packages).values())
    counts.set(entry.license, (counts.get(entry.license) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`);
  return `${packages.length} packages: ${parts.join(', ')}`;
}
