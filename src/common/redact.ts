// Credentials never reach a log line, an error message or a report, whole or in part: every text
// leaving the client goes through here, and every output goes through redactKnown at the end. A
// server may echo a credential (an error page showing the request headers), or a piece of one (its
// own truncation), and our own cuts make pieces too.
import { cleanText } from './untrusted.js';

/** A run of this many characters of a secret, anywhere in a text, is masked. */
const WINDOW = 8;
/** A piece at least this long of a secret's start, where a text ends (a cut), is masked. */
const MIN_CUT_PIECE = 3;
/** Bytes of a body read for a preview: a preview never decodes a large answer whole. */
const PREVIEW_BYTES = 4096;
const MASK = '***';
/** Shorter values are not redacted from every output (they would mangle ordinary text); the runner still masks them. */
const MIN_KNOWN = 6;

/** The secrets of this run: every value masked with the runner is also redacted again at every output. */
const known = new Set<string>();

export function registerSecret(secret: string): void {
  if (secret.length >= MIN_KNOWN) known.add(secret);
}

/** A text on its way out (log, summary, outputs, report), with every secret of this run redacted. */
export function redactKnown(text: string): string {
  return known.size === 0 ? text : redact(text, [...known]);
}

/**
 * Bytes on their way into the report (the server's own answer), redacted likewise. A secret (or a
 * run of WINDOW of its characters) is looked for in the bytes first, so an order of many MB without
 * one is passed through without being decoded.
 */
export function redactKnownBytes(bytes: Uint8Array): Uint8Array {
  if (known.size === 0) return bytes;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hit = [...known].some((secret) => {
    for (let i = 0; i + WINDOW <= secret.length; i++)
      if (buf.indexOf(secret.slice(i, i + WINDOW)) >= 0) return true;
    return secret.length < WINDOW && buf.indexOf(secret) >= 0;
  });
  return hit ? Buffer.from(redactKnown(buf.toString('utf8'))) : bytes;
}

export function redact(text: string, secrets: readonly string[]): string {
  // Escapes, bidi and zero-width characters first: a secret split by them would not be found.
  let out = cleanText(text);
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
 * A text cut to at most `max` characters (ending in …): redacted before the cut, so the cut makes no
 * piece of a secret that the redaction at the output would no longer recognise, and a secret's start
 * at the cut masked. Every cut of server text goes through here.
 */
export function clip(text: string, max: number): string {
  const clean = redactKnown(text);
  return clean.length > max ? `${maskCutPiece(clean.slice(0, max - 1), [...known])}…` : clean;
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
