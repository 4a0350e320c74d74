// A JSON text as the report takes it (the raw answer), made from a string for report tests.
import type { JsonText } from '../../src/http/json.js';

export function jsonTextOf(text: string): JsonText {
  const t = text.trim();
  return { isObject: t.startsWith('{') && t.endsWith('}'), bytes: () => [Buffer.from(t)], text: () => t };
}
