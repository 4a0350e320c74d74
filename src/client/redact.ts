// Credentials never reach a log line, an error message or a report, whole or in part: every text
// leaving the client goes through here. A server may echo a credential (an error page showing the
// request headers), or a piece of one (its own truncation), and our own cuts make pieces too.

/** A run of this many characters of a secret, anywhere in a text, is masked. */
const WINDOW = 8;
/** A piece at least this long of a secret's start, where a text ends (a cut), is masked. */
const MIN_CUT_PIECE = 3;
/** Bytes of a body read for a preview: a preview never decodes a large answer whole. */
const PREVIEW_BYTES = 4096;
const MASK = '***';

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first: a secret that contains another must not leave its own tail behind.
  const sorted = secrets.filter((s) => s !== '').sort((a, b) => b.length - a.length);
  for (const secret of sorted) out = out.split(secret).join(MASK);
  for (const secret of sorted) out = maskPieces(out, secret);
  return out;
}

/** Every run of WINDOW or more characters that also occurs in `secret`, masked. O(text + secret). */
function maskPieces(text: string, secret: string): string {
  if (secret.length < WINDOW || text.length < WINDOW) return text;
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW <= secret.length; i++) windows.add(secret.slice(i, i + WINDOW));
  let out = '';
  let from = 0;
  let i = 0;
  while (i + WINDOW <= text.length) {
    if (!windows.has(text.slice(i, i + WINDOW))) {
      i++;
      continue;
    }
    let end = i + WINDOW;
    while (end < text.length && windows.has(text.slice(end - WINDOW + 1, end + 1))) end++;
    out += text.slice(from, i) + MASK;
    from = i = end;
  }
  return out + text.slice(from);
}

/** The text with a piece of a secret's start that it ends with (a cut) masked. */
function maskCutPiece(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    for (let k = Math.min(secret.length - 1, text.length); k >= MIN_CUT_PIECE; k--) {
      if (text.endsWith(secret.slice(0, k))) return text.slice(0, text.length - k) + MASK;
    }
  }
  return text;
}

/**
 * The start of an answer for a message (an HTML page, a body that is not what was expected): read
 * from its first few KiB only, redacted before it is cut, and a secret's piece at the cut masked.
 */
export function redactedPreview(bytes: Uint8Array, secrets: readonly string[], max = 200): string {
  const head = new TextDecoder().decode(bytes.subarray(0, PREVIEW_BYTES)).replace(/\uFFFD$/, '');
  const flat = redact(head, secrets).replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty body)';
  const cut = flat.length > max || bytes.length > PREVIEW_BYTES;
  const text = maskCutPiece(flat.slice(0, max), secrets.filter(Boolean));
  return cut ? `${text}…` : text;
}
