// One undici dispatcher for every Yunxiao request. Self-hosted runners inside corporate networks
// reach Alibaba Cloud through a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, in either case.
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARS.some((name) => (env[name] ?? '') !== '');
}

export function createDispatcher(env: NodeJS.ProcessEnv): Dispatcher {
  if (!proxyConfigured(env)) return new Agent({ keepAliveTimeout: 10_000 });
  // EnvHttpProxyAgent reads the variables (and NO_PROXY) from the environment itself.
  return new EnvHttpProxyAgent({ keepAliveTimeout: 10_000 });
}
