// Entry point of the bundled CodeArts action (dist/codearts/index.js, codearts/action.yml).
import { boot, exitWhenFlushed } from './runner/boot.js';

const cancel = boot('yunxiao-deploy-gate/codearts');
const { run } = await import('./main-codearts.js');
await run(cancel);
await exitWhenFlushed();
