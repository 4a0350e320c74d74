import { machines, scenario, startSimulator } from '../src/simulator/index.js';
import { OpenApiClient } from '../src/client/openapi.js';
import { Agent } from '../src/client/undici.js';
const n = 10000;
const s = scenario({ batches: [machines(n, 1)] });
const sim = await startSimulator({ edition: 'region', token: 'pt-x', scenario: s });
const mb = (x: number) => (x / 1048576).toFixed(1);
const show = (l: string) => { const m = process.memoryUsage(); console.log(l, 'rss', mb(m.rss), 'heapTotal', mb(m.heapTotal), 'heapUsed', mb(m.heapUsed), 'external', mb(m.external), 'ab', mb(m.arrayBuffers)); };
show('start');
const c = new OpenApiClient({ endpoint: sim.url, edition: 'region', token: 'pt-x', dispatcher: new Agent() });
for (let i = 0; i < 4; i++) { await c.getDeployOrder(s.pipelineId, s.deployOrderId); show('poll ' + i); }
await sim.close();
