// Text that came from a server (SNs, IPs, statuses, names, messages, deploy logs) on its way to a
// reader: the runner's log, the job summary, annotations, the JSON report. What it must never do there:
// - become a workflow command: the runner executes a line that starts with `::` (after white space)
//   and the first `##[name]` anywhere in a line, and it splits lines at a lone CR as well as at LF;
// - hide or reorder what a person reads: terminal escapes (ANSI CSI, OSC hyperlinks and titles),
//   other control characters, and bidi controls ("Trojan Source").

/** Terminal escapes: OSC (ended by BEL or ST, or cut off), CSI (7- and 8-bit), and two-byte ones. */
const ESCAPES = new RegExp(
  // eslint-disable-next-line no-control-regex -- terminal escapes are what this removes
  '\\u001b(?:\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?|\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])|\\u009b[0-?]*[ -/]*[@-~]',
  'g',
);
/**
 * Bidi embedding, override and isolate controls and the implicit marks, and the characters that
 * show nothing (zero-width spaces and joiners, word joiners, soft hyphen, BOM): they reorder text or
 * hide what it holds (a token split by them is no longer the token a masker looks for).
 */
const BIDI = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Line and paragraph separators: line breaks to some viewers. */
const SEPARATORS = /[\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Longest single line written to the log: a value of a megabyte must not flood it. */
export const MAX_LINE_CHARS = 2000;

/** Escapes, bidi controls and control characters removed; line breaks (any of CRLF, CR, LF) become LF. */
export function cleanText(text: string): string {
  return text.replace(ESCAPES, '').replace(BIDI, '').replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_LF, '');
}

/** One value inside a line: no escapes, no bidi, no control character, no line break. */
export function oneLine(text: string): string {
  return text.replace(ESCAPES, '').replace(BIDI, '').replace(SEPARATORS, ' ').replace(CONTROLS, ' ');
}

/**
 * A line for the runner's log that the runner cannot read as a command, whatever values it holds:
 * one line, `##[` broken up, and a line that would start with `::` shown after a marker.
 */
export function inertLine(line: string): string {
  const out = clipLine(oneLine(line).replace(/##\[/g, '##\\['));
  return /^\s*::/.test(out) ? `‣ ${out}` : out;
}

/** The text of a workflow command (a warning, an error): cleaned and bounded (the runner escapes its line breaks). */
export function commandText(text: string): string {
  const out = cleanText(text);
  return out.length > MAX_COMMAND_CHARS ? `${out.slice(0, MAX_COMMAND_CHARS - 1)}…` : out;
}
/** Longest text of a workflow command. */
const MAX_COMMAND_CHARS = 4000;

/**
 * The lines of a block of server text (a deploy log), cleaned and bounded; lone CRs split lines as
 * the runner would. `##[` is broken up too: inside ::stop-commands:: it is no command, but the log
 * viewer may still style a line by it.
 */
export function cleanLines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => clipLine(line.replace(/##\[/g, '##\\[')));
}

function clipLine(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line;
}

/**
 * A JSON text made safe to display, with the same meaning: bidi controls and C1 control characters
 * (which JSON.stringify leaves raw) written as \u escapes.
 */
export function displaySafeJson(json: string): string {
  return json.replace(
    /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
