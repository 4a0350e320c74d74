// What the simulator answers with: JSON bodies, the service's error body (in the variant's shape)
// and the API gateway's own error body.
import { randomBytes } from 'node:crypto';
import type { ResolvedVariants } from './variants.js';

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export const requestId = (): string => randomBytes(16).toString('hex');

export const json = (body: unknown, status = 200): Reply => ({ status, body: JSON.stringify(body) });

/** The action endpoints' answer (stop, retry, pass/refuse). */
export const success = (): Reply => json({ success: true });

/** A CodeArts service error: {error_code, error_msg}, or {error: {code, message}} (variant). */
export function serviceError(
  v: Pick<ResolvedVariants, 'errorBody'>,
  status: number,
  code: string,
  message: string,
): Reply {
  return json(
    v.errorBody === 'nested' ? { error: { code, message } } : { error_code: code, error_msg: message },
    status,
  );
}

/** The API gateway's error body (APIG.xxxx), the same whatever the service's variant. */
export function gatewayError(status: number, code: string, message: string): Reply {
  return json({ error_code: code, error_msg: message, request_id: requestId() }, status);
}
