// What the user allows the gate to do, in no provider's words (each provider's inputs map into it).

/**
 * Units that may end skipped: an absolute count, a share of all units (rounded down), or any number
 * (where skipping is the pipeline's own choice, such as jobs not selected for a run).
 */
export type Budget = { kind: 'count'; count: number } | { kind: 'share'; percent: number } | { kind: 'any' };

export interface Policy {
  /** skip units that cannot be reached and have not finished, within maxSkipped */
  skipUnreachable: boolean;
  maxSkipped: Budget;
  /** times to retry a failed unit (or the failed run, where the provider retries runs) */
  retryFailed: number;
  /** at a confirmation point: wait for a person, pass it, or refuse it */
  confirm: 'wait' | 'pass' | 'refuse';
  /** when the gate fails or times out: leave the run, or stop it */
  onFailure: 'leave' | 'stop';
}
