// Where a pipeline's code comes from, for the run the gate starts on a branch or a tag:
// CreatePipelineRun keys runningBranchs / runningTags by each code source's repository URL, which
// the pipeline's definition gives. A classic pipeline lists its sources in pipelineConfig.sources; a
// YAML pipeline declares them in its YAML text (`sources: <id>: endpoint: <URL>`), and whether
// GetPipeline also fills pipelineConfig.sources for it is not documented: both are read.
import type { PipelineDefinition, RunParams } from './model.js';
import type { StartInputs } from './run-inputs.js';

/** The repositories of a definition: its sources, else those its YAML text declares. */
export function repositoriesOf(def: PipelineDefinition): string[] {
  if (def.repositories.length > 0) return def.repositories;
  return def.flow ? yamlRepositories(def.flow) : [];
}

/**
 * Characters of a line of the YAML looked at: a repository URL is far shorter. A longer line keeps
 * its place in the structure but gives no URL, and no regex ever runs over more of a line (the YAML
 * is the server's text, up to 8 MB).
 */
const MAX_LINE_CHARS = 4096;

/**
 * The `endpoint` of each entry of the top-level `sources:` mapping of a pipeline's YAML, in block
 * style (as Yunxiao writes it). Not a YAML parser: anything else (flow style, anchors, multi-line
 * scalars) yields nothing rather than a guess.
 */
export function yamlRepositories(flow: string): string[] {
  // Split at LF, then a CR before it dropped: /\r?\n/ would run over the whole text.
  const lines = flow.split('\n').map((l) => {
    const line = l.endsWith('\r') ? l.slice(0, -1) : l;
    return { line: line.slice(0, MAX_LINE_CHARS), whole: line.length <= MAX_LINE_CHARS };
  });
  const start = lines.findIndex(({ line }) => /^sources:\s*(#.*)?$/.test(line));
  if (start < 0) return [];
  const out: string[] = [];
  let sourceIndent: number | undefined;
  let fieldIndent: number | undefined;
  for (const { line, whole } of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent === 0) break; // the next top-level key
    sourceIndent ??= indent;
    if (indent < sourceIndent) break;
    if (indent === sourceIndent) {
      fieldIndent = undefined; // a new source
      continue;
    }
    fieldIndent ??= indent;
    if (indent !== fieldIndent) continue; // inside a nested mapping (certificate: ...)
    const endpoint = /^\s+endpoint:\s*(.*)$/.exec(line);
    const url = endpoint && whole ? scalar(endpoint[1]!) : undefined;
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

/** A plain or quoted one-line scalar, its comment dropped. */
function scalar(text: string): string | undefined {
  const t = text.trim();
  const quoted = /^(["'])(.*)\1\s*(#.*)?$/.exec(t);
  if (quoted) return quoted[2] || undefined;
  if (/^[[{|>&*!]/.test(t)) return undefined;
  // The comment starts at the first `#` after white space. Found by a two-character search:
  // /\s+#.*$/ tries every run of spaces against every `#`, quadratic in a line of spaces.
  const comment = t.search(/\s#/);
  const plain = (comment < 0 ? t : t.slice(0, comment)).trim();
  return plain || undefined;
}

/** CreatePipelineRun's params for the inputs: the branch or tag on every repository, the variables, the comment. */
export function runParams(start: StartInputs, repositories: readonly string[]): RunParams {
  const onEach = (ref: string): Record<string, string> =>
    Object.fromEntries(repositories.map((url) => [url, ref]));
  const params: RunParams = {};
  if (start.branch) params.runningBranchs = onEach(start.branch);
  if (start.tag) params.runningTags = onEach(start.tag);
  if (start.variables.length > 0)
    params.envs = Object.fromEntries(start.variables.map((v) => [v.name, v.value]));
  if (start.comment) params.comment = start.comment;
  return params;
}
