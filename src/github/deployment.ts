// Records the deploy as a GitHub Deployment (input `environment`). The verdict is the gate's: when
// GitHub refuses, we warn with a hint and go on. @actions/github is loaded only here, on demand,
// so runs without `environment` do not pay its start-up cost.
import type { Dispatcher } from 'undici';
import { messageOf } from '../common/message.js';
import { clip } from '../common/redact.js';
import type { Result } from '../core/types.js';

export interface DeploymentTracker {
  /** posts the final status for the gate's result, until `signal` says it is too late */
  finish(result: Result, signal: AbortSignal): Promise<void>;
}

export interface DeploymentRequest {
  environment: string;
  githubToken: string;
  /** the run's page in the service's console, as the deployment's environment_url */
  environmentUrl: string;
  /** what is watched, for people: Yunxiao deploy order 44178813 */
  description: string;
  /** the service, as people call it: Yunxiao */
  service: string;
  /** undici's: a proxy's; none for undici's default */
  dispatcher?: Dispatcher;
  /** bounds creating the deployment (a GitHub that does not answer must not hold the gate) */
  signal: AbortSignal;
  warn: (line: string) => void;
  info: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

/** success -> success; an unhealthy deploy -> failure; no verdict (deadline, cancel) -> error. */
export function deploymentStateOf(result: Result): DeploymentState | undefined {
  switch (result) {
    case 'success':
      return 'success';
    case 'failure':
      return 'failure';
    case 'timed-out':
    case 'cancelled':
      return 'error';
    case 'in-progress':
      return undefined; // wait: false — the deploy goes on; leave the deployment in progress
  }
}

export async function startDeployment(req: DeploymentRequest): Promise<DeploymentTracker | undefined> {
  const env = req.env ?? process.env;
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, repo] = repository.split('/');
  const sha = env['GITHUB_SHA'];
  if (!owner || !repo || !sha) {
    req.warn(
      'environment: GITHUB_REPOSITORY and GITHUB_SHA are not set (not on a runner?); no GitHub Deployment recorded.',
    );
    return undefined;
  }
  if (!req.githubToken) {
    req.warn('environment: github-token is empty; no GitHub Deployment recorded.');
    return undefined;
  }
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const runId = env['GITHUB_RUN_ID'];
  const logUrl = runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;

  const [{ getOctokit }, { fetch }] = await Promise.all([import('@actions/github'), import('undici')]);
  // Every request is bounded by the signal of the moment: creating, then the final status.
  let signal = req.signal;
  const octokit = getOctokit(req.githubToken, {
    baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    // Our own dispatcher: the same proxy rules (HTTPS_PROXY / NO_PROXY) as the service's requests.
    request: {
      fetch: (url: string, init: object) =>
        fetch(url, { ...init, ...(req.dispatcher ? { dispatcher: req.dispatcher } : {}), signal }),
    },
  });

  let deploymentId: number;
  try {
    const created = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: req.environment,
      auto_merge: false,
      required_contexts: [],
      description: req.description,
    });
    if (!created.data || typeof created.data !== 'object' || !('id' in created.data)) {
      req.warn(
        `environment: GitHub did not create the deployment (${created.data.message ?? 'merge needed'}).`,
      );
      return undefined;
    }
    deploymentId = created.data.id;
  } catch (err) {
    req.warn(refusal('create a deployment', err));
    return undefined;
  }
  const post = async (state: DeploymentState, description: string): Promise<void> => {
    try {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: clip(description, 140),
        ...(logUrl ? { log_url: logUrl } : {}),
        environment_url: req.environmentUrl,
      });
    } catch (err) {
      req.warn(refusal(`post the deployment status "${state}"`, err));
    }
  };
  await post('in_progress', `Watching ${req.description}`);
  req.info(`GitHub Deployment ${deploymentId} created in environment "${req.environment}".`);
  return {
    async finish(result, bound) {
      const state = deploymentStateOf(result);
      signal = bound;
      if (state) await post(state, `${req.service} deploy gate: ${result}`);
    },
  };
}

function refusal(what: string, err: unknown): string {
  const status = (err as { status?: number }).status;
  const message = messageOf(err);
  const hint =
    status === 403 || status === 404
      ? ' Hint: the token needs `deployments: write` (add `permissions: deployments: write` to the job).'
      : '';
  return `environment: GitHub refused to ${what} (${status ? `HTTP ${status}: ` : ''}${message}); the gate goes on.${hint}`;
}
