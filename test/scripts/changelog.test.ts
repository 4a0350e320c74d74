// The changelog and version rules a release follows (scripts/lib/changelog.ts).
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  movesMajorTag,
  nextVersion,
  releaseNotes,
  stampRelease,
  unreleasedNotes,
} from '../../scripts/lib/changelog.js';

const LOG = `# Changelog

Intro text.

## Unreleased

- Added: a warning when run from a branch.
- Fixed: the summary of a skipped machine.

## v1.0.0 - 2026-11-02

- First release.
`;

describe('the changelog', () => {
  it('reads the notes under Unreleased', () => {
    expect(unreleasedNotes(LOG)).toBe(
      '- Added: a warning when run from a branch.\n- Fixed: the summary of a skipped machine.',
    );
    expect(unreleasedNotes(LOG.replace(/- Added.*\n- Fixed.*\n/, ''))).toBe('');
  });

  it('releases them under the version and date, below a new empty Unreleased', () => {
    const out = stampRelease(LOG, '1.1.0', '2026-12-01');
    expect(out).toBe(`# Changelog

Intro text.

## Unreleased

## v1.1.0 - 2026-12-01

- Added: a warning when run from a branch.
- Fixed: the summary of a skipped machine.

## v1.0.0 - 2026-11-02

- First release.
`);
    expect(unreleasedNotes(out)).toBe('');
    expect(releaseNotes(out, '1.1.0')).toBe(unreleasedNotes(LOG));
    expect(releaseNotes(out, '1.0.0')).toBe('- First release.');
  });

  it('refuses to release nothing, or without an Unreleased section', () => {
    expect(() => stampRelease(LOG.replace(/- Added.*\n- Fixed.*\n/, ''), '1.1.0', '2026-12-01')).toThrow(
      /nothing is written under "## Unreleased"/,
    );
    expect(() => stampRelease('# Changelog\n', '1.1.0', '2026-12-01')).toThrow(/no "## Unreleased" section/);
  });

  it('finds the notes of the exact version only', () => {
    expect(releaseNotes(LOG, '1.0')).toBeUndefined();
    expect(releaseNotes(LOG, '1.0.00')).toBeUndefined();
    expect(releaseNotes(LOG, '2.0.0')).toBeUndefined();
  });
});

describe('versions', () => {
  it('bumps major, minor and patch, or takes a later version as given', () => {
    expect(nextVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(nextVersion('0.1.0', '1.0.0')).toBe('1.0.0');
    expect(nextVersion('0.1.0', 'v1.0.0')).toBe('1.0.0');
  });

  it('refuses a version that is not later, or not X.Y.Z', () => {
    expect(() => nextVersion('1.2.3', '1.2.3')).toThrow(/not later than v1\.2\.3/);
    expect(() => nextVersion('1.2.3', '1.1.9')).toThrow(/not later/);
    expect(() => nextVersion('1.2.3', '1.3')).toThrow(/not a version/);
    expect(() => nextVersion('1.2.3', '1.3.0-rc.1')).toThrow(/not a version/);
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
  });

  it('moves the major tag only to the latest release of that major', () => {
    const tags = ['v1', 'v1.0.0', 'v1.1.0', 'v2', 'v2.0.0', 'not-a-version'];
    expect(movesMajorTag('1.2.0', tags)).toBe(true);
    expect(movesMajorTag('2.0.1', tags)).toBe(true);
    expect(movesMajorTag('1.0.1', tags)).toBe(false); // a fix of 1.0 after 1.1 leaves v1 on 1.1.0
    expect(movesMajorTag('3.0.0', [])).toBe(true);
  });
});
