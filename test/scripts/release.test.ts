// scripts/release.ts on a small repository of its own (made here, in a temporary folder): the version
// bumped in package.json only, dist/ rebuilt with it, the notes released in CHANGELOG.md, the
// commit, vX.Y.Z and the moved major tag, pushed to a remote. Git and npm see none of this
// machine's configuration (HOME is the temporary folder).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/runner.js';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const RELEASE = join(ROOT, 'scripts/release.ts');
const base = mkdtempSync(join(tmpdir(), 'ydg-release-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const env = {
  PATH: process.env['PATH'] ?? '',
  HOME: base,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
};

let n = 0;
let repo = '';
let remote = '';
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
const release = (...args: string[]) =>
  spawnSync(TSX, [RELEASE, ...args], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
const read = (file: string): string => readFileSync(join(repo, file), 'utf8');

const CHANGELOG = `# Changelog

## Unreleased

- A warning when the action runs from a branch.

## v1.0.0 - 2026-11-02

- First release.
`;

beforeEach(() => {
  repo = join(base, `repo${++n}`);
  remote = join(base, `remote${n}.git`);
  execFileSync('git', ['init', '--quiet', '--bare', remote], { env });
  execFileSync('git', ['init', '--quiet', '-b', 'main', repo], { env });
  const pkg = { name: 'fixture', version: '1.0.0', private: true, scripts: { build: 'node build.mjs' } };
  writeFileSync(join(repo, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync(
    join(repo, 'package-lock.json'),
    JSON.stringify(
      {
        name: 'fixture',
        version: '1.0.0',
        lockfileVersion: 3,
        packages: { '': { name: 'fixture', version: '1.0.0' } },
      },
      null,
      2,
    ) + '\n',
  );
  // The fixture's build: like the real one, the bundle carries package.json's version.
  writeFileSync(
    join(repo, 'build.mjs'),
    `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.js', 'export const VERSION = "' + version + '";\\n');
`,
  );
  writeFileSync(join(repo, 'CHANGELOG.md'), CHANGELOG);
  execFileSync('node', ['build.mjs'], { cwd: repo, env });
  git('add', '.');
  git('commit', '--quiet', '-m', 'v1.0.0');
  git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  git('tag', '-a', 'v1', '-m', 'v1');
  git('remote', 'add', 'origin', remote);
  git('push', '--quiet', 'origin', 'main', 'v1.0.0', 'v1');
});

describe('npm run release', () => {
  it('bumps, rebuilds, releases the notes, tags, moves v1 and pushes', () => {
    const r = release('minor', '--push');
    expect(r.status, r.stderr + r.stdout).toBe(0);

    expect(JSON.parse(read('package.json')).version).toBe('1.1.0');
    const lock = JSON.parse(read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual(['1.1.0', '1.1.0']);
    expect(read('dist/index.js')).toBe('export const VERSION = "1.1.0";\n');
    const log = read('CHANGELOG.md');
    expect(log).toMatch(
      /## Unreleased\n\n## v1\.1\.0 - \d{4}-\d{2}-\d{2}\n\n- A warning when the action runs from a branch\.\n\n## v1\.0\.0/,
    );

    // one commit with all of it, nothing left over
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe('Release v1.1.0');
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
      'CHANGELOG.md',
      'dist/index.js',
      'package-lock.json',
      'package.json',
    ]);
    const head = git('rev-parse', 'HEAD');
    expect(git('rev-parse', 'v1.1.0^{commit}')).toBe(head);
    expect(git('rev-parse', 'v1^{commit}')).toBe(head);
    expect(git('tag', '-l', '--format=%(contents)', 'v1.1.0')).toContain(
      '- A warning when the action runs from a branch.',
    );

    // the remote has the branch and both tags where they are here
    const remoteRef = (ref: string): string =>
      execFileSync('git', ['rev-parse', `${ref}^{commit}`], { cwd: remote, env, encoding: 'utf8' }).trim();
    expect([remoteRef('main'), remoteRef('v1.1.0'), remoteRef('v1')]).toEqual([head, head, head]);
    expect(remoteRef('v1.0.0')).not.toBe(head);
  });

  it('without --push, commits and tags here and prints the pushes', () => {
    const r = release('2.0.0');
    expect(r.status, r.stderr).toBe(0);
    expect(git('rev-parse', 'v2^{commit}')).toBe(git('rev-parse', 'HEAD'));
    expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'v1.0.0^{commit}'));
    expect(r.stdout).toContain('git push origin HEAD:refs/heads/main refs/tags/v2.0.0');
    expect(r.stdout).toContain('git push --force origin refs/tags/v2');
    const remoteTags = execFileSync('git', ['tag', '-l'], { cwd: remote, env, encoding: 'utf8' });
    expect(remoteTags).not.toContain('v2');
  });

  it.each([
    ['a version that is not later', ['1.0.0'], /v1\.0\.0 is not later than v1\.0\.0/],
    ['nothing under Unreleased', ['patch'], /write what changed under "## Unreleased"/, 'empty'],
    ['a work tree with changes', ['patch'], /the work tree has changes/, 'dirty'],
    ['a branch other than main', ['patch'], /not from feature/, 'branch'],
  ])('refuses %s, and changes nothing', (_what, args, message, setup?: string) => {
    if (setup === 'empty') {
      writeFileSync(
        join(repo, 'CHANGELOG.md'),
        CHANGELOG.replace('- A warning when the action runs from a branch.\n', ''),
      );
      git('commit', '--quiet', '-am', 'no notes');
    }
    if (setup === 'dirty') writeFileSync(join(repo, 'package.json'), read('package.json') + '\n');
    if (setup === 'branch') git('checkout', '--quiet', '-b', 'feature');
    const head = git('rev-parse', 'HEAD');
    const status = git('status', '--porcelain');
    const r = release(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe(status);
    expect(git('tag', '-l').split('\n')).toEqual(['v1', 'v1.0.0']);
  });

  it('prints the notes of a released version', () => {
    const r = release('notes', 'v1.0.0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('- First release.\n');
    expect(release('notes', '9.9.9').status).toBe(1);
  });
});
