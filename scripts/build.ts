// npm run build (or bash scripts/dev.sh build): bundles each action's entry with ncc into its folder
// under dist/ (committed: the runner runs it), with licenses.txt beside it, the licences of the
// packages it bundles, checked here (scripts/lib/licenses.ts). The version in the bundle is
// package.json's, inlined by the bundler (src/version.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPackages, licenseProblems, licenseSummary } from './lib/licenses.js';

/** One line per action: <entry>:<output folder under dist/>. */
const ENTRIES = ['src/index.ts:dist', 'src/codearts.ts:dist/codearts'];

const NCC = fileURLToPath(import.meta.resolve('@vercel/ncc/dist/ncc/cli.js'));
const tmp = mkdtempSync(join(tmpdir(), 'ydg-build-'));
let refused = false;
try {
  // Built aside, and put in place only when every bundle is built and its licences pass: a failed
  // build leaves dist/ as it was.
  const built: Array<{ dir: string; out: string }> = [];
  for (const [i, line] of ENTRIES.entries()) {
    const [entry, out] = line.split(':') as [string, string];
    const dir = join(tmp, String(i));
    const stats = join(tmp, `${i}.stats.json`);
    execFileSync(
      process.execPath,
      [
        NCC,
        'build',
        entry,
        '-o',
        dir,
        '--minify',
        '--no-source-map-register',
        '--license',
        'licenses.txt',
        '--stats-out',
        stats,
      ],
      { stdio: 'inherit' },
    );
    // The packages come from webpack's own module list: one the licence plugin missed is caught too.
    const packages = bundledPackages(JSON.parse(readFileSync(stats, 'utf8')));
    const licenses = readFileSync(join(dir, 'licenses.txt'), 'utf8');
    const problems = licenseProblems(packages, licenses);
    if (problems.length > 0) {
      console.error(`${entry}: licences of the bundle:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      console.error(
        'Replace the package, or add its licence to ALLOWED in scripts/lib/licenses.ts after review.',
      );
      refused = true;
    } else {
      console.log(`${out}/licenses.txt: ${licenseSummary(packages, licenses)}, all allowed`);
      built.push({ dir, out });
    }
  }
  if (!refused) {
    rmSync('dist', { recursive: true, force: true });
    for (const { dir, out } of built) cpSync(dir, out, { recursive: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (refused) process.exitCode = 1;
