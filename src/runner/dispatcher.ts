// The dispatchers: one for the API, one for GitHub. Self-hosted runners inside corporate networks
// reach the cloud through a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, in either case. A loopback
// endpoint (a simulator, a local tunnel) never goes through one: over plain http, the proxy would
// see the credentials in clear text. Without a proxy, the API is reached with Node's own client;
// undici is loaded only for a proxy, and for GitHub (its fetch).
import type { Dispatcher as UndiciDispatcher } from 'undici';
import { DirectAgent } from '../http/direct.js';
import type { Dispatcher } from '../http/dispatch.js';
import { isLoopback } from '../inputs/values.js';

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}

/** For requests to `endpoint`: direct when it is loopback or no proxy is set, else the proxy rules. */
export async function createDispatcher(env: NodeJS.ProcessEnv, endpoint: string): Promise<Dispatcher> {
  if (isLoopback(new URL(endpoint).hostname) || !proxyConfigured(env)) return new DirectAgent();
  return proxyDispatcher();
}

/** For GitHub's API (undici's fetch): the proxy rules when a proxy is set, else undici's own default. */
export async function githubDispatcher(env: NodeJS.ProcessEnv): Promise<UndiciDispatcher | undefined> {
  return proxyConfigured(env) ? proxyDispatcher() : undefined;
}

async function proxyDispatcher(): Promise<UndiciDispatcher> {
  // It reads the variables (and NO_PROXY) itself.
  const { loadProxyAgent } = await import('../http/undici.js');
  const EnvHttpProxyAgent = await loadProxyAgent();
  return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}

/** How long closing may take: a socket that will not close must not hold the step. */
const CLOSE_MS = 500;

/**
 * Closes the dispatcher's keep-alive sockets, which would hold the process open for seconds after
 * the verdict. Waits at most CLOSE_MS, and leaves no timer behind: the process exits the moment
 * the sockets are closed.
 */
export async function closeDispatcher(dispatcher: Dispatcher | UndiciDispatcher): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_MS)));
  try {
    await Promise.race([dispatcher.destroy().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
