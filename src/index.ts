// Entry point of the bundled Yunxiao action (dist/index.js).
import { boot, exitWhenFlushed } from './runner/boot.js';

const cancel = boot('yunxiao-deploy-gate');
const { run } = await import('./main.js');
await run(cancel);
await exitWhenFlushed();
