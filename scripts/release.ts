// npm run release -- <major|minor|patch|X.Y.Z> [--push] [--remote origin]
//   Cuts a release from a clean main (or releases/vN): sets the version in package.json (the only
//   place it is written), rebuilds dist/ (which inlines it), moves the "Unreleased" notes of
//   CHANGELOG.md under "vX.Y.Z - date", commits, tags vX.Y.Z (annotated, with the notes) and moves
//   the major tag vX to it. --push pushes the branch and both tags; without it, the commands are
//   printed. The release workflow then publishes the GitHub release from the tag.
// npm run release -- notes <X.Y.Z>
//   Prints the CHANGELOG.md notes of a released version (the release workflow's release notes).
// Run from the repository root (npm run does so).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { movesMajorTag, nextVersion, releaseNotes, stampRelease, unreleasedNotes } from './lib/changelog.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { push: { type: 'boolean' }, remote: { type: 'string', default: 'origin' } },
});
const CHANGELOG = 'CHANGELOG.md';

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();
const fail = (message: string): never => {
  console.error(`release: ${message}`);
  process.exit(1);
};

if (positionals[0] === 'notes') {
  const version = (positionals[1] ?? '').replace(/^v/, '');
  const notes = releaseNotes(readFileSync(CHANGELOG, 'utf8'), version);
  if (!notes) fail(`${CHANGELOG} has no section "## v${version}"`);
  console.log(notes);
  process.exit(0);
}

const bump = positionals[0];
if (!bump || positionals.length > 1) fail('usage: npm run release -- <major|minor|patch|X.Y.Z> [--push]');

// Where a release may be cut from, and in what state.
if (git('status', '--porcelain')) fail('the work tree has changes: commit or stash them first');
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch !== 'main' && !/^releases\/v\d+$/.test(branch))
  fail(`releases are cut from main or releases/vN, not from ${branch}`);

const current = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let version = '';
try {
  version = nextVersion(current, bump!);
} catch (err) {
  fail((err as Error).message);
}
const tag = `v${version}`;
const tags = git('tag', '--list').split('\n').filter(Boolean);
if (tags.includes(tag)) fail(`the tag ${tag} exists already`);
const changelog = readFileSync(CHANGELOG, 'utf8');
if (!unreleasedNotes(changelog)) {
  const since = tags.includes(`v${current}`) ? `v${current}..HEAD` : 'HEAD~20..HEAD';
  let log = '';
  try {
    log = git('log', '--format=  %h %s', since);
  } catch {
    // a young repository: fewer commits than that
  }
  fail(`write what changed under "## Unreleased" in ${CHANGELOG} first. Commits since v${current}:\n${log}`);
}
const notes = unreleasedNotes(changelog);

console.log(`Releasing ${tag} (was v${current}) from ${branch}`);
const run = (cmd: string, args: string[]): void => void execFileSync(cmd, args, { stdio: 'inherit' });
run('npm', ['version', version, '--no-git-tag-version', '--ignore-scripts']);
writeFileSync(CHANGELOG, stampRelease(changelog, version, new Date().toISOString().slice(0, 10)));
try {
  run('npm', ['run', '--silent', 'build']);
} catch {
  fail('the build failed; `git checkout -- .` undoes the version and changelog changes');
}
// The bundle must carry the new version (src/version.ts reads it from package.json at build time).
const carries = readdirSync('dist', { recursive: true, encoding: 'utf8' }).some(
  (f) => f.endsWith('.js') && readFileSync(join('dist', f), 'utf8').includes(`"${version}"`),
);
if (!carries) fail(`the rebuilt dist/ does not carry "${version}"`);

const files = ['package.json', 'package-lock.json', CHANGELOG, 'dist'].filter((f) => existsSync(f));
git('add', '--all', '--', ...files);
git('commit', '--quiet', '-m', `Release ${tag}`);
git('tag', '--annotate', tag, '--message', `${tag}\n\n${notes}`);
const major = `v${version.split('.')[0]}`;
const moveMajor = movesMajorTag(version, tags);
if (moveMajor) git('tag', '--force', '--annotate', major, '--message', `${major}: ${tag}`);
else console.log(`${major} stays where it is: a later ${major}.x release exists`);

const pushes: string[][] = [['push', values.remote!, `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`]];
// The major tag moves: a forced push, as every action's users expect of it.
if (moveMajor) pushes.push(['push', '--force', values.remote!, `refs/tags/${major}`]);
if (values.push) {
  for (const args of pushes) run('git', args);
  console.log(
    `Pushed ${tag}${moveMajor ? ` and ${major}` : ''}: the release workflow publishes the release.`,
  );
} else {
  console.log(`Committed and tagged ${tag}${moveMajor ? `, ${major} moved to it` : ''}. To publish:`);
  for (const args of pushes) console.log(`  git ${args.join(' ')}`);
}
