// Entry point of the bundled action (dist/index.js).
import { setFlagsFromString } from 'node:v8';
import { cancelOnSignals } from './runner/signals.js';
import { V8_FLAGS } from './runner/v8-flags.js';
import { VERSION } from './version.js';

// First of all: a cancel that comes while the rest loads must not kill the process unheard.
const cancel = cancelOnSignals();
process.stdout.write(`::debug::yunxiao-deploy-gate ${VERSION}\n`);
// Set before the rest loads, hence the dynamic import below.
for (const flag of V8_FLAGS) setFlagsFromString(flag);

const { run } = await import('./main.js');
await run(cancel);
