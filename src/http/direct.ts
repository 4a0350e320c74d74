// Requests straight to the service over Node's own HTTP client (node:http, node:https), with
// keep-alive. Most runs need nothing more, and it costs next to nothing to load: undici (needed
// for proxies, see dispatch.ts) costs ~16 MiB of memory and a third of the start-up just to load.
import http from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { ResponseData, RequestOptions } from './dispatch.js';

export class DirectAgent {
  private readonly http = new http.Agent({ keepAlive: true, maxSockets: 8 });
  /** TLS is loaded with the first https request (a loopback simulator never needs it) */
  private https?: Promise<{ module: typeof import('node:https'); agent: HttpsAgent }>;

  async request(url: string, opts: RequestOptions): Promise<ResponseData> {
    const u = new URL(url);
    let client: typeof http | typeof import('node:https') = http;
    let agent: http.Agent = this.http;
    if (u.protocol === 'https:') {
      this.https ??= import('node:https').then((module) => ({
        module,
        agent: new module.Agent({ keepAlive: true, maxSockets: 8 }),
      }));
      ({ module: client, agent } = await this.https);
    }
    return new Promise<ResponseData>((resolve, reject) => {
      const req = client.request(
        u,
        { method: opts.method, headers: opts.headers, agent, signal: opts.signal },
        (res) => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res }),
      );
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  /** Closes every socket, idle or not. */
  async destroy(): Promise<void> {
    this.http.destroy();
    (await this.https)?.agent.destroy();
  }
}
