// Entry point of the bundled action (dist/index.js).
import { setFlagsFromString } from 'node:v8';

// Memory, set before anything else loads (hence the dynamic import below): a deploy order of 10,000
// machines is a 4 MB answer per poll, so V8 favours a small heap over speed; and undici's HTTP parser
// (WebAssembly) stays on the baseline compiler, whose code is a fraction of the optimised tier's.
setFlagsFromString('--optimize-for-size');
setFlagsFromString('--liftoff-only');

const { run } = await import('./main.js');
process.exitCode = await run();
