// What the transport sends its requests through: Node's own client straight to the service
// (DirectAgent), or an undici dispatcher (a proxy's, or one a test injects), loaded only then.
import type { Dispatcher as UndiciDispatcher } from 'undici';
import { DirectAgent } from './direct.js';

export type Dispatcher = DirectAgent | UndiciDispatcher;

export interface RequestOptions {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  signal: AbortSignal;
}

export interface ResponseData {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  /** the body, chunk by chunk */
  body: AsyncIterable<Uint8Array> & { destroy(): void };
}

export function request(dispatcher: Dispatcher, url: string, opts: RequestOptions): Promise<ResponseData> {
  if (dispatcher instanceof DirectAgent) return dispatcher.request(url, opts);
  return import('./undici.js').then(({ request: viaUndici }) => viaUndici(dispatcher, url, opts));
}
