// GitHub Deployments against nock: created for the workflow's commit, statuses in_progress then final.
import nock from 'nock';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deploymentStateOf, startDeployment } from '../../src/github/deployment.js';

const API = 'https://api.github.com';
const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'deadbeef',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: API,
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function request(warnings: string[]) {
  return {
    environment: 'production',
    githubToken: 'ghs_testToken',
    environmentUrl: 'https://flow.aliyun.com/pipelines/1/builds/2',
    description: 'Yunxiao deploy order 3',
    service: 'Yunxiao',
    dispatcher: new Agent(),
    signal: AbortSignal.timeout(5000),
    warn: (l: string) => warnings.push(l),
    info: () => undefined,
    env,
  };
}

describe('GitHub Deployments', () => {
  it('creates the deployment (no auto-merge, no required contexts) and posts in_progress then success', async () => {
    const bodies: unknown[] = [];
    const scope = nock(API, { reqheaders: { authorization: 'token ghs_testToken' } })
      .post('/repos/acme/shop/deployments', (b: Record<string, unknown>) => {
        bodies.push(b);
        return true;
      })
      .reply(201, { id: 9 })
      .post('/repos/acme/shop/deployments/9/statuses', (b: Record<string, unknown>) => {
        bodies.push(b);
        return true;
      })
      .times(2)
      .reply(201, {});
    const warnings: string[] = [];
    const tracker = await startDeployment(request(warnings));
    await tracker?.finish('success', AbortSignal.timeout(5000));
    scope.done();
    expect(bodies[0]).toMatchObject({
      ref: 'deadbeef',
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
    });
    expect(bodies[1]).toMatchObject({
      state: 'in_progress',
      description: 'Watching Yunxiao deploy order 3',
      log_url: 'https://github.com/acme/shop/actions/runs/42',
      environment_url: 'https://flow.aliyun.com/pipelines/1/builds/2',
    });
    expect(bodies[2]).toMatchObject({ state: 'success', description: 'Yunxiao deploy gate: success' });
    expect(warnings).toEqual([]);
  });

  it('warns with the permission hint and goes on when GitHub refuses', async () => {
    nock(API)
      .post('/repos/acme/shop/deployments')
      .reply(403, { message: 'Resource not accessible by integration' });
    const warnings: string[] = [];
    expect(await startDeployment(request(warnings))).toBeUndefined();
    expect(warnings[0]).toContain('HTTP 403');
    expect(warnings[0]).toContain('deployments: write');
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['timed-out', 'error'],
    ['cancelled', 'error'],
    ['in-progress', undefined],
  ] as const)('result %s -> state %s', (result, state) => {
    expect(deploymentStateOf(result)).toBe(state);
  });
});
