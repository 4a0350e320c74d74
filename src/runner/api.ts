// Builds the Yunxiao client the config asks for, over one undici dispatcher (proxy-aware).
import type { YunxiaoApi } from '../client/model.js';
import { OpenApiClient } from '../client/openapi.js';
import type { Config } from '../inputs/config.js';
import { createDispatcher } from './dispatcher.js';

export type ClosableApi = YunxiaoApi & { close(): Promise<void> };

export async function createApi(config: Config, debug: (msg: string) => void): Promise<ClosableApi> {
  const dispatcher = createDispatcher(process.env);
  const close = async (): Promise<void> => {
    // Open keep-alive sockets would hold the process for seconds after the verdict.
    await dispatcher.destroy().catch(() => undefined);
  };
  const creds = config.credentials;
  let api: YunxiaoApi;
  if (creds.kind === 'token') {
    api = new OpenApiClient({
      endpoint: config.endpoint,
      edition: config.edition,
      organizationId: config.organizationId,
      token: creds.token,
      dispatcher,
      debug,
    });
  } else {
    const { ClassicClient } = await import('../client/classic.js');
    api = new ClassicClient({
      endpoint: config.endpoint,
      organizationId: config.organizationId ?? '',
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      dispatcher,
      debug,
    });
  }
  return Object.assign(api, { close });
}
