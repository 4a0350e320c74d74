// What every provider's normalizer needs to read an answer of the wrong shape as a bad answer (a
// ShapeError, retried and then reported like any other: see Transport.send), never a crash.
import { clip } from '../common/redact.js';
import { AnswerError } from './errors.js';

export type Obj = Record<string, unknown>;

/** JSON, but not of the shape the operation returns. */
export class ShapeError extends AnswerError {
  override name = 'ShapeError';
  constructor(message: string) {
    super('shape', message);
  }
}

export const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function obj(value: unknown, what: string): Obj {
  if (isObj(value)) return value;
  throw new ShapeError(`expected ${what} to be a JSON object, got ${describe(value)}`);
}

/** An optional list: absent or null is empty. */
export function list(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new ShapeError(`expected ${what} to be a JSON array, got ${describe(value)}`);
}

/** A server value in a message: its type, or the start of the string. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string "${clip(value, 60)}"` : typeof value;
}
