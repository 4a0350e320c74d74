// Closing the API's dispatcher after the verdict: bounded, and nothing left to hold the process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from '../../src/http/undici.js';
import { closeDispatcher } from '../../src/runner/dispatcher.js';

const closing = (destroy: () => Promise<void>): Dispatcher => ({ destroy }) as unknown as Dispatcher;

afterEach(() => vi.useRealTimers());

describe('closeDispatcher', () => {
  it('leaves no timer behind once the sockets are closed (the process exits at once)', async () => {
    vi.useFakeTimers();
    await closeDispatcher(closing(() => Promise.resolve()));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up on sockets that will not close, after a bounded wait', async () => {
    vi.useFakeTimers();
    let done = false;
    const closed = closeDispatcher(closing(() => new Promise<void>(() => undefined))).then(
      () => (done = true),
    );
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closed;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a dispatcher that fails to close is closed as far as the gate is concerned', async () => {
    await expect(closeDispatcher(closing(() => Promise.reject(new Error('boom'))))).resolves.toBeUndefined();
  });
});
