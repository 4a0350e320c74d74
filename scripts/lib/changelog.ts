// CHANGELOG.md and versions, for scripts/release.ts. People write what changed under
// "## Unreleased"; a release turns that section into "## vX.Y.Z - YYYY-MM-DD" and opens a new,
// empty one. Versions are X.Y.Z (an action's users pin vX, vX.Y.Z or a commit).

export const UNRELEASED = '## Unreleased';
const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** The sections of a changelog: what comes before the first "## ", then each "## " heading with its body. */
function sections(text: string): { head: string; parts: Array<{ heading: string; body: string }> } {
  const chunks = text.replace(/\r\n/g, '\n').split(/^(?=## )/m);
  const head = chunks[0]!.startsWith('## ') ? '' : chunks.shift()!;
  const parts = chunks.map((chunk) => {
    const end = chunk.indexOf('\n');
    return end < 0
      ? { heading: chunk.trim(), body: '' }
      : { heading: chunk.slice(0, end).trim(), body: chunk.slice(end + 1) };
  });
  return { head, parts };
}

/** What is written under "## Unreleased" (trimmed; empty when nothing is). */
export function unreleasedNotes(text: string): string {
  return (
    sections(text)
      .parts.find((p) => p.heading === UNRELEASED)
      ?.body.trim() ?? ''
  );
}

/** The notes of a released version (its section's body), or undefined when it has none. */
export function releaseNotes(text: string, version: string): string | undefined {
  const heading = new RegExp(`^## v${version.replace(/\./g, '\\.')}(?: |$)`);
  const body = sections(text)
    .parts.find((p) => heading.test(p.heading))
    ?.body.trim();
  return body || undefined;
}

/** The changelog with its Unreleased notes released as `version` on `date`, under a new empty Unreleased. */
export function stampRelease(text: string, version: string, date: string): string {
  const { head, parts } = sections(text);
  const at = parts.findIndex((p) => p.heading === UNRELEASED);
  if (at < 0) throw new Error(`CHANGELOG.md has no "${UNRELEASED}" section`);
  const notes = parts[at]!.body.trim();
  if (!notes) throw new Error(`CHANGELOG.md: nothing is written under "${UNRELEASED}"`);
  const released = [
    { heading: UNRELEASED, body: '\n' },
    { heading: `## v${version} - ${date}`, body: `\n${notes}\n\n` },
  ];
  parts.splice(at, 1, ...released);
  return (head + parts.map((p) => `${p.heading}\n${p.body}`).join('')).replace(/\n+$/, '\n');
}

function parse(version: string): [number, number, number] {
  const m = VERSION.exec(version);
  if (!m) throw new Error(`"${version}" is not a version X.Y.Z`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The version after `current` for major, minor or patch, or the one given (which must be later). */
export function nextVersion(current: string, bump: string): string {
  const [major, minor, patch] = parse(current);
  const next =
    bump === 'major'
      ? `${major + 1}.0.0`
      : bump === 'minor'
        ? `${major}.${minor + 1}.0`
        : bump === 'patch'
          ? `${major}.${minor}.${patch + 1}`
          : bump.replace(/^v/, '');
  if (compareVersions(next, current) <= 0) throw new Error(`v${next} is not later than v${current}`);
  return next;
}

/**
 * Whether the major tag (v1) should move to `version`: only when no release of that major is later
 * (a fix released on an older line must not take v1 back from a newer one).
 */
export function movesMajorTag(version: string, tags: readonly string[]): boolean {
  const major = parse(version)[0];
  return !tags
    .map((t) => t.replace(/^v/, ''))
    .filter((t) => VERSION.test(t) && parse(t)[0] === major)
    .some((t) => compareVersions(t, version) > 0);
}
