// Entry point of the bundled action (dist/index.js).
import { setFlagsFromString } from 'node:v8';
import { V8_FLAGS } from './runner/v8-flags.js';

// Set before anything else loads, hence the dynamic import below.
for (const flag of V8_FLAGS) setFlagsFromString(flag);

const { run } = await import('./main.js');
process.exitCode = await run();
