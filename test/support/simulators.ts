// Yunxiao simulators for the tests of one file: each is closed after the test that started it.
import { afterEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/yunxiao/index.js';

/** Call at the top of a test file; the function it returns starts a simulator closed after the test. */
export function simulatorsPerTest(): (options: SimulatorOptions) => Promise<Simulator> {
  let open: Simulator[] = [];
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()));
    open = [];
  });
  return async (options) => {
    const sim = await startSimulator(options);
    open.push(sim);
    return sim;
  };
}
