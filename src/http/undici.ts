// The one module that reaches into undici, loaded only when it is needed (a proxy, or a dispatcher
// a test injects): the parts the action uses, one by one. The package's index loads every feature
// (fetch, caches, mocks, websockets). Types: src/types/undici-lib.d.ts.
import type { Dispatcher } from 'undici';
import apiRequest from 'undici/lib/api/api-request.js';

export type { Dispatcher };

/** undici's request() on a given dispatcher (the index would bind it to the global one). */
export function request(
  dispatcher: Dispatcher,
  url: string,
  opts: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>,
): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  return apiRequest.call(dispatcher, { ...opts, origin: u.origin, path: `${u.pathname}${u.search}` });
}

/** undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), loaded only when a proxy is set. */
export async function loadProxyAgent(): Promise<typeof import('undici').EnvHttpProxyAgent> {
  const [{ default: EnvHttpProxyAgent }] = await Promise.all([
    import('undici/lib/dispatcher/env-http-proxy-agent.js'),
    withTunnels(),
  ]);
  return EnvHttpProxyAgent;
}

/**
 * An https request through a proxy opens a CONNECT tunnel with the dispatcher's `connect()`, which
 * undici's index adds to every dispatcher (`Object.assign(Dispatcher.prototype, api)`). Loaded piece
 * by piece, it must be added here, before the proxy agent is used.
 */
async function withTunnels(): Promise<void> {
  const [{ default: Dispatcher }, { default: connect }] = await Promise.all([
    import('undici/lib/dispatcher/dispatcher.js'),
    import('undici/lib/api/api-connect.js'),
  ]);
  const proto = Dispatcher.prototype as { connect?: unknown };
  proto.connect ??= connect;
}
