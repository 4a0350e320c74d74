// One run of a gate, for any provider: inputs, the clock (deadline, cancel, grace period, backstop),
// the provider over the run's dispatcher, resolution, the GitHub Deployment, the watch, and the
// results: written first, completed with the extras, written again, then the verdict.
import { releaseMemory } from '../common/gc.js';
import { messageOf } from '../common/message.js';
import type { Policy } from '../core/policy.js';
import type { Dispatcher as UndiciDispatcher } from 'undici';
import type { Dispatcher } from '../http/dispatch.js';
import type { DeploymentTracker } from '../github/deployment.js';
import type { CommonConfig } from '../inputs/common.js';
import type { OutputSpec } from '../report/outputs.js';
import type { Provider } from '../watch/provider.js';
import { resolve, watchRun, withExtras, type Clock, type GateLog } from '../watch/watch.js';
import { DeadlineReached, type RunCancelled } from '../watch/abort.js';
import { branchRefWarning } from './action-ref.js';
import { closeDispatcher, createDispatcher, githubDispatcher as forGitHub } from './dispatcher.js';
import { conclude, finishInvalid, finishUnresolved, writeResults } from './finish.js';
import { io as runnerIo, useToolkitApi, type RunnerIo } from './io.js';
import type { CancelSignal } from './signals.js';

/** After the deadline or a cancel: everything left must be done within this (the bound is 10 s). */
export const GRACE_MS = 8000;
/** Logs, artifacts, GitHub: best effort, each at most this long (and within the grace period). */
const EXTRAS_MS = 10_000;
const EXTRAS_ON_CANCEL_MS = 1500;
/** Creating the GitHub Deployment before the watch: bounded, and cut by the deadline or a cancel. */
const GITHUB_START_MS = 10_000;

export interface GateConfig extends CommonConfig {
  endpoint: string;
  policy: Policy;
}

/** What makes a gate of a provider: its inputs, its outputs, and the provider itself. */
export interface GateDefinition<C extends GateConfig> {
  /** the service, as people call it, for "nothing was sent to" it */
  name: string;
  outputs: readonly OutputSpec[];
  parse(): { ok: true; config: C } | { ok: false; errors: string[] };
  provider(config: C, dispatcher: Dispatcher): Promise<Provider>;
}

/**
 * Runs a gate as an action and sets the process exit code (also returned). Run from source (by
 * @github/local-action), the runner's toolkit is @actions/core's public API (see io.ts).
 */
export async function runAction<C extends GateConfig>(
  gate: GateDefinition<C>,
  cancel: CancelSignal,
  io: RunnerIo,
): Promise<number> {
  if (io === runnerIo) await useToolkitApi();
  const code = await runGate(gate, cancel, io);
  process.exitCode = code;
  return code;
}

async function runGate<C extends GateConfig>(
  gate: GateDefinition<C>,
  cancel: CancelSignal,
  io: RunnerIo,
): Promise<number> {
  const startedAt = new Date();
  const pin = branchRefWarning(process.env);
  if (pin) io.warning(pin);
  const parsed = gate.parse();
  if (!parsed.ok) {
    return finishInvalid(
      io,
      gate.outputs,
      `Invalid inputs (nothing was sent to ${gate.name}):\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
  const config = parsed.config;
  const deadline = new AbortController();
  const deadlineAt = Date.now() + config.timeoutMs;
  const timer = setTimeout(() => deadline.abort(new DeadlineReached(config.timeoutMs)), config.timeoutMs);
  const announce = (): void =>
    io.warning(
      `Received ${(cancel.signal.reason as RunCancelled).signalName}: the workflow run is being cancelled; the watch stops now.`,
    );
  if (cancel.signal.aborted) announce();
  else cancel.signal.addEventListener('abort', announce, { once: true });
  // The last resort: whatever hangs, the process is gone by the deadline (or the cancel) plus 10 s.
  const backstop = (): NodeJS.Timeout =>
    setTimeout(() => {
      io.warning(
        'The gate did not finish within the grace period after the deadline or the cancel; exiting.',
      );
      process.exit(process.exitCode ?? 1);
    }, GRACE_MS + 1500).unref();
  deadline.signal.addEventListener('abort', backstop, { once: true });
  cancel.signal.addEventListener('abort', backstop, { once: true });
  if (cancel.signal.aborted) backstop();

  const clock: Clock = {
    signal: AbortSignal.any([deadline.signal, cancel.signal]),
    cancelled: () => cancel.signal.aborted,
    bounded(ms) {
      const end = Math.min(deadlineAt, cancel.at ?? Infinity) + GRACE_MS;
      const left = Math.max(0, Math.min(ms, end - Date.now()));
      const time = AbortSignal.timeout(left);
      return cancel.signal.aborted ? time : AbortSignal.any([time, cancel.signal]);
    },
  };
  const dispatcher = await createDispatcher(process.env, config.endpoint);
  try {
    const provider = await gate.provider(config, dispatcher);
    return await watchAndReport(gate, provider, config, io, startedAt, clock);
  } catch (err) {
    // A bug of ours: still one clear line, the stack only in debug output.
    io.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
    io.fail(`The deploy gate failed unexpectedly: ${messageOf(err)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    // Keep-alive sockets would hold the process open for seconds after the verdict.
    await closeDispatcher(dispatcher);
  }
}

async function watchAndReport<C extends GateConfig>(
  gate: GateDefinition<C>,
  provider: Provider,
  config: C,
  io: RunnerIo,
  startedAt: Date,
  clock: Clock,
): Promise<number> {
  const log: GateLog = { info: io.info, warning: io.warning, group: io.group };
  const resolved = await resolve(provider, config, clock, log);
  if (!resolved.ok) {
    const what = {
      specs: gate.outputs,
      words: provider.words,
      facts: provider.facts,
      summary: config.summary,
    };
    return finishUnresolved(io, what, startedAt, resolved.result, resolved.reason);
  }
  const { watched } = resolved;

  let deployment: DeploymentTracker | undefined;
  let githubDispatcher: UndiciDispatcher | undefined;
  if (config.environment) {
    const { startDeployment } = await import('../github/deployment.js');
    githubDispatcher = await forGitHub(process.env);
    deployment = await startDeployment({
      environment: config.environment,
      githubToken: config.githubToken ?? '',
      environmentUrl: watched.presentation.url ?? '',
      description: watched.description,
      service: watched.presentation.words.provider,
      dispatcher: githubDispatcher,
      signal: AbortSignal.any([clock.signal, AbortSignal.timeout(GITHUB_START_MS)]),
      warn: io.warning,
      info: io.info,
    });
  }
  try {
    const outcome = await watchRun(provider, watched, config, clock, log, startedAt);
    // not after a cancel: the runner's kill comes within seconds, and a GC of a large heap takes some
    if (!clock.cancelled()) releaseMemory();
    // What is known now is written first: whatever happens to the extras, the results are there.
    await writeResults(outcome, gate.outputs, config.summary, io);
    const extrasMs = clock.cancelled() ? EXTRAS_ON_CANCEL_MS : EXTRAS_MS;
    const extras = await watched.extras(outcome.snapshot, outcome.result, clock.bounded(extrasMs));
    const complete = withExtras(outcome, extras, log);
    if (complete !== outcome) await writeResults(complete, gate.outputs, config.summary, io);
    const code = conclude(complete, io);
    // GitHub is a record, not the verdict: bounded, so it never holds the step past the runner's window.
    if (deployment) await deployment.finish(complete.result, clock.bounded(extrasMs));
    return code;
  } finally {
    if (githubDispatcher) await closeDispatcher(githubDispatcher);
  }
}
