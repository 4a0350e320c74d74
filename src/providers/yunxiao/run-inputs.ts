// The inputs that choose WHICH run's deploy to gate without naming it: `start` (start a run, then gate
// its deploy: branch, tag, variables, comment) and `new-run-only` (wait for the next run Yunxiao
// starts). Each rule is checked here, every problem reported, before any request.
import type { InputReader } from '../../inputs/reader.js';
import { parseBoolean, type Parsed } from '../../inputs/values.js';

export interface Variable {
  name: string;
  value: string;
}

/** What the run the gate starts is asked to run (CreatePipelineRun's params). */
export interface StartInputs {
  branch?: string;
  tag?: string;
  variables: Variable[];
  comment?: string;
}

export interface RunChoice {
  /** start: true */
  start?: StartInputs;
  newRunOnly: boolean;
}

/** Inputs that only mean something with `start: true`. */
const START_ONLY = ['branch', 'tag', 'variables', 'comment'] as const;

/** Yunxiao reserves this variable name (CreatePipelineRun's `envs`). */
const RESERVED_VARIABLES = new Set(['version']);

/**
 * `start`, `new-run-only` and the start's own inputs, with the rules between them and the inputs
 * that name a run or an order (`deploy-order-id`, `pipeline-run-id`).
 */
export function readRunChoice(r: InputReader): RunChoice {
  const start = r.take('start', parseBoolean, false);
  const newRunOnly = r.take('new-run-only', parseBoolean, false);
  // an unreadable `start` is its own error: the inputs that depend on it are not blamed for it
  if (!parseBoolean(r.raw('start')).ok) return { newRunOnly };
  const named = (['deploy-order-id', 'pipeline-run-id'] as const).filter((n) => r.raw(n));
  if (start) {
    for (const n of [...named, ...(newRunOnly ? ['new-run-only'] : [])])
      r.error(
        `start: true excludes ${n} (the gate watches the deploy of the run it starts); remove ${n}, or set start: false.`,
      );
  } else {
    for (const n of START_ONLY)
      if (r.raw(n)) r.error(`${n}: only used with start: true (it goes to the run the gate starts).`);
    if (newRunOnly)
      for (const n of named)
        r.error(
          `new-run-only: true excludes ${n} (the gate waits for the next run, not a given one); remove one of them.`,
        );
  }
  if (!start) return { newRunOnly };
  if (r.raw('branch') && r.raw('tag'))
    r.error('tag: give either branch or tag, not both (a run builds its sources on one or the other).');
  return {
    newRunOnly: false,
    start: {
      branch: r.optional('branch', (t) => parseRef(t, 'branch')),
      tag: r.optional('tag', (t) => parseRef(t, 'tag')),
      variables: readVariables(r),
      ...(r.raw('comment') ? { comment: r.raw('comment') } : {}),
    },
  };
}

/**
 * A branch or tag name as git allows it (check-ref-format's rules, short form): no spaces or control
 * characters, none of ~ ^ : ? * [ \, no `..` or `@{`, no leading `-` or `/`, no trailing `/`, `.` or
 * `.lock`. A full ref (refs/heads/main) is refused: Yunxiao takes the short name.
 */
export function parseRef(text: string, kind: 'branch' | 'tag'): Parsed<string> {
  const t = text.trim();
  const full = kind === 'branch' ? 'refs/heads/' : 'refs/tags/';
  const accepted =
    kind === 'branch'
      ? 'a branch name such as main or release/1.2 (github.ref_name gives it)'
      : 'a tag name such as v1.2.0 (github.ref_name gives it)';
  if (t.startsWith('refs/'))
    return { ok: false, problem: `is a full ref, not a ${kind} name (drop ${full})`, accepted };
  const bad =
    t.length > 255 ||
    // eslint-disable-next-line no-control-regex
    /[\x00-\x20\x7f~^:?*[\\]/.test(t) ||
    t.includes('..') ||
    t.includes('@{') ||
    t.includes('//') ||
    /^[-/.]|[/.]$|\.lock$/.test(t) ||
    t === '@';
  return bad ? { ok: false, problem: `is not a git ${kind} name`, accepted } : { ok: true, value: t };
}

/**
 * `variables`: one NAME=value per line (blank lines ignored; spaces around the name and the value
 * dropped). A value is never shown in an error: it may be a secret.
 */
function readVariables(r: InputReader): Variable[] {
  const text = r.raw('variables');
  const out: Variable[] = [];
  const seen = new Map<string, number>();
  const lines = text ? text.split(/\r?\n/) : [];
  const accepted =
    'one NAME=value per line, NAME of letters, digits and _, not starting with a digit (MY_VAR=1)';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = i + 1;
    const eq = line.indexOf('=');
    if (eq < 0) return r.error(`variables: line ${n} has no "=" (its text is not shown); use ${accepted}.`);
    const name = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(name))
      return r.error(
        `variables: line ${n}: ${JSON.stringify(name.slice(0, 40))} is not a name; use ${accepted}.`,
      );
    if (RESERVED_VARIABLES.has(name))
      return r.error(`variables: line ${n}: ${name} is reserved by Yunxiao; use another name.`);
    const first = seen.get(name);
    if (first !== undefined)
      return r.error(`variables: ${name} is given twice (lines ${first} and ${n}); give it once.`);
    seen.set(name, n);
    out.push({ name, value: line.slice(eq + 1).trim() });
  });
  return out;
}
