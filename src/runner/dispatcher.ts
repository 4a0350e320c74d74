// One undici dispatcher for every Yunxiao and GitHub request. Self-hosted runners inside corporate
// networks reach Alibaba Cloud through a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, in either case.
import { Agent, type Dispatcher } from '../client/undici.js';

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}

export async function createDispatcher(env: NodeJS.ProcessEnv): Promise<Dispatcher> {
  if (!proxyConfigured(env)) return new Agent({ keepAliveTimeout: 10_000 });
  // Loaded only when a proxy is set. It reads the variables (and NO_PROXY) itself.
  const { default: EnvHttpProxyAgent } = await import('undici/lib/dispatcher/env-http-proxy-agent.js');
  return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}
