// The collector is asked for without exposing it: what nothing references any more is gone after
// releaseMemory(), and no context has a `gc` afterwards.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectYoung, releaseMemory } from '../../src/common/gc.js';

describe('releaseMemory and collectYoung', () => {
  it('releaseMemory collects what nothing references any more', async () => {
    const ref = ((): WeakRef<object> =>
      new WeakRef({ rows: Array.from({ length: 1000 }, (_, i) => ({ i })) }))();
    // a WeakRef's target is kept to the end of the job that made (or read) it
    await new Promise((r) => setImmediate(r));
    releaseMemory();
    expect(ref.deref()).toBeUndefined();
  });

  it('neither exposes gc to any context, now or later', () => {
    collectYoung();
    releaseMemory();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
