// The undici dispatchers: one for the API, one for GitHub. Self-hosted runners inside corporate
// networks reach Alibaba Cloud through a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, in either case.
// A loopback endpoint (a simulator, a local tunnel) never goes through one: over plain http, the
// proxy would see the credentials in clear text.
import { Agent, type Dispatcher } from '../http/undici.js';
import { isLoopback } from '../inputs/values.js';

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * An https request through a proxy opens a CONNECT tunnel with the dispatcher's `connect()`, which
 * undici's index adds to every dispatcher (`Object.assign(Dispatcher.prototype, api)`). Loaded piece
 * by piece (client/undici.ts), it must be added here, before the proxy agent is used.
 */
async function withTunnels(): Promise<void> {
  const [{ default: Dispatcher }, { default: connect }] = await Promise.all([
    import('undici/lib/dispatcher/dispatcher.js'),
    import('undici/lib/api/api-connect.js'),
  ]);
  const proto = Dispatcher.prototype as { connect?: unknown };
  proto.connect ??= connect;
}

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}

/** For requests to `endpoint`: direct when it is loopback or no proxy is set, else the proxy rules. */
export async function createDispatcher(env: NodeJS.ProcessEnv, endpoint?: string): Promise<Dispatcher> {
  const direct = endpoint !== undefined && isLoopback(new URL(endpoint).hostname);
  if (direct || !proxyConfigured(env)) return new Agent({ keepAliveTimeout: 10_000 });
  // Loaded only when a proxy is set. It reads the variables (and NO_PROXY) itself.
  const [{ default: EnvHttpProxyAgent }] = await Promise.all([
    import('undici/lib/dispatcher/env-http-proxy-agent.js'),
    withTunnels(),
  ]);
  return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}
