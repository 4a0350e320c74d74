// The end of a log, for the summary and the report: the last lines, never a line cut in half, and
// never more than a bounded piece of a log of any size looked at.

/** Lines kept from the end of each log. */
export const LOG_TAIL_LINES = 30;
/** Characters of a log's end looked at for them: a log of hundreds of MB is never split whole. */
const TAIL_CHARS = 64 * 1024;

const isBreak = (code: number): boolean => code === 0x0a || code === 0x0d;

/** The last lines of a log (CRLF, CR and LF all end a line, as the runner reads them). */
export function tail(text: string, lines = LOG_TAIL_LINES): string {
  // The line breaks it ends with are counted off, not matched by a regex: /[\r\n]+$/ tries every
  // run of breaks against the end, quadratic in a log of many breaks ending in another character
  // (a 16 MB one from a server would hold the gate for hours, past its deadline).
  let end = text.length;
  while (end > 0 && isBreak(text.charCodeAt(end - 1))) end--;
  const from = Math.max(0, end - TAIL_CHARS);
  const all = text.slice(from, end).split(/\r\n|\r|\n/);
  // A piece cut from a longer log starts inside a line: that partial line is not shown.
  if (from > 0 && all.length > 1) all.shift();
  return all.slice(-lines).join('\n');
}

/**
 * The last lines of a log sent newest line first (a page read with `sort: desc`), oldest first as
 * `tail` gives them. Only its start is looked at: a page of many MB is never split whole.
 */
export function tailOfNewestFirst(text: string, lines = LOG_TAIL_LINES): string {
  let from = 0;
  while (from < text.length && isBreak(text.charCodeAt(from))) from++;
  const to = Math.min(text.length, from + TAIL_CHARS);
  const all = text.slice(from, to).split(/\r\n|\r|\n/);
  // A piece cut from a longer log ends inside a line (its oldest one here): not shown.
  if (to < text.length && all.length > 1) all.pop();
  return tail(all.slice(0, lines).reverse().join('\n'), lines);
}
