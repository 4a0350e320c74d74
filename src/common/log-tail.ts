// The end of a log, for the summary and the report: the last lines, never a line cut in half, and
// never more than a bounded piece of a log of any size looked at.

/** Lines kept from the end of each log. */
export const LOG_TAIL_LINES = 30;
/** Characters of a log's end looked at for them: a log of hundreds of MB is never split whole. */
const TAIL_CHARS = 64 * 1024;

/** The last lines of a log (CRLF, CR and LF all end a line, as the runner reads them). */
export function tail(text: string, lines = LOG_TAIL_LINES): string {
  const end = text.replace(/[\r\n]+$/, '');
  const piece = end.length > TAIL_CHARS ? end.slice(-TAIL_CHARS) : end;
  const all = piece.split(/\r\n|\r|\n/);
  // A piece cut from a longer log starts inside a line: that partial line is not shown.
  if (piece !== end && all.length > 1) all.shift();
  return all.slice(-lines).join('\n');
}
