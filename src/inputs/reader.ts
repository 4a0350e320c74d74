// Reading an action's inputs, for every provider: each problem is collected (never the first only),
// each names the input, the value (never a secret's) and what is accepted, and they come back in
// action.yml's order. Secrets are masked before anything else is read.
import type { Parsed } from './values.js';

/** Longest value shown in an error: enough to recognise it, not a wall of text. */
const SHOWN_CHARS = 80;

export interface InputSpec {
  /** every input of action.yml, in its order */
  names: readonly string[];
  /** action.yml's defaults, applied when an input is empty (the runner fills them in; tests may not) */
  defaults: Readonly<Record<string, string>>;
  /** masked as soon as they are read; their values never appear in an error */
  secrets: readonly string[];
  /** sent in a request header (or signed into one): each must be something a header can carry */
  headers: readonly string[];
}

export class InputReader {
  readonly errors: string[] = [];

  constructor(
    private readonly spec: InputSpec,
    private readonly get: (name: string) => string,
    readonly mask: (secret: string) => void,
  ) {
    // Mask first, before anything could print a value.
    for (const name of spec.secrets) maskSecret(get(name).trim(), mask);
    for (const name of spec.headers) {
      if (!headerSafe(this.raw(name)))
        this.error(
          `${name}: ${this.shown(name, this.raw(name))} has a control character or a character outside Latin-1, which no HTTP header can carry; use the value exactly as issued.`,
        );
    }
  }

  /** The input, trimmed, or its default. */
  raw(name: string): string {
    return this.get(name).trim() || (this.spec.defaults[name] ?? '');
  }

  /** The input parsed, or `fallback` with its problem recorded. */
  take<T>(name: string, parser: (text: string) => Parsed<T>, fallback: T): T {
    const text = this.raw(name);
    const r = parser(text);
    if (r.ok) return r.value;
    this.error(`${name}: ${this.shown(name, text)} ${r.problem}; use ${r.accepted}.`);
    return fallback;
  }

  /** The input parsed when given, else undefined. */
  optional<T>(name: string, parser: (text: string) => Parsed<T>): T | undefined {
    return this.raw(name) ? this.take<T | undefined>(name, parser, undefined) : undefined;
  }

  /** A problem, starting with the input's name. */
  error(message: string): void {
    this.errors.push(message);
  }

  /** The problems in the order of action.yml (each starts with its input's name), whatever order they were found in. */
  sortedErrors(): string[] {
    const rank = (e: string): number => this.spec.names.indexOf(/^[a-z-]+/.exec(e)?.[0] ?? '');
    return this.errors
      .map((e, i) => ({ e, i, r: rank(e) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.e);
  }

  /** The value as an error shows it: quoted (control characters escaped), cut short, never a secret. */
  shown(name: string, value: string): string {
    if (this.spec.secrets.includes(name)) return '(value hidden)';
    // A user:password@ in an endpoint is a credential too.
    const safe = name === 'endpoint' ? value.replace(/^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, '$1***@') : value;
    return JSON.stringify(safe.length > SHOWN_CHARS ? `${safe.slice(0, SHOWN_CHARS)}...` : safe);
  }
}

/** The whole value, and each line of a multi-line one: the runner matches masks line by line. */
export function maskSecret(value: string, mask: (secret: string) => void): void {
  if (!value) return;
  mask(value);
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) for (const line of lines) if (line) mask(line);
}

/** Visible ASCII and Latin-1, and spaces: what an HTTP header value may hold. Control characters never. */
export function headerSafe(value: string): boolean {
  return /^[\x20-\x7e\xa0-\xff]*$/.test(value);
}
