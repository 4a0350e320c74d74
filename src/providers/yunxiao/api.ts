// Builds the Yunxiao client the credentials ask for, over the run's one dispatcher.
import type { Dispatcher } from '../../http/dispatch.js';
import type { YunxiaoApi } from './model.js';
import { OpenApiClient } from './openapi.js';
import type { YunxiaoConfig as Config } from './inputs.js';

export async function createApi(
  config: Config,
  dispatcher: Dispatcher,
  debug: (line: string) => void,
): Promise<YunxiaoApi> {
  const creds = config.credentials;
  if (creds.kind === 'token') {
    return new OpenApiClient({
      endpoint: config.endpoint,
      edition: config.edition,
      organizationId: config.organizationId,
      token: creds.token,
      dispatcher,
      debug,
    });
  }
  // The classic client (and its signer) is loaded only by runs that use AccessKeys.
  const { ClassicClient } = await import('./classic.js');
  return new ClassicClient({
    endpoint: config.endpoint,
    organizationId: config.organizationId ?? '',
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    securityToken: creds.securityToken,
    dispatcher,
    debug,
  });
}
