// The inputs every gate has, whichever provider: how long to wait and how often to look, what to do
// on a failure or a cancel, and what to write where.
import { durationWithin } from './durations.js';
import type { InputReader } from './reader.js';
import { parseBoolean, parseEnum } from './values.js';

/** Polls faster than this only load the API; the tests and the bench poll at 100-200ms. */
export const MIN_POLL_MS = 100;
/** More retries than this hide a broken deploy rather than ride out a flaky host. */
export const MAX_RETRIES = 10;

export const COMMON_DEFAULTS: Readonly<Record<string, string>> = {
  wait: 'true',
  timeout: '30m',
  'poll-interval': '10s',
  'retry-failed': '0',
  'on-failure': 'leave',
  'stop-on-cancel': 'false',
  summary: 'true',
};

export interface CommonConfig {
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  stopOnCancel: boolean;
  summary: boolean;
  githubToken?: string;
  environment?: string;
}

/** The common inputs, and on-failure apart: it belongs to the policy the core reads. */
export function readCommon(r: InputReader): { common: CommonConfig; onFailure: 'leave' | 'stop' } {
  const onFailure = r.take('on-failure', (t) => parseEnum(t, ['leave', 'stop'] as const), 'leave');
  const common: CommonConfig = {
    wait: r.take('wait', parseBoolean, true),
    timeoutMs: r.take('timeout', durationWithin(1), 30 * 60_000),
    pollIntervalMs: r.take(
      'poll-interval',
      durationWithin(MIN_POLL_MS, ' (polling faster only loads the API)'),
      10_000,
    ),
    stopOnCancel: r.take('stop-on-cancel', parseBoolean, false),
    summary: r.take('summary', parseBoolean, true),
    githubToken: r.raw('github-token') || undefined,
    environment: r.raw('environment') || undefined,
  };
  return { common, onFailure };
}
