#!/usr/bin/env node
// The executable: everything lives in dist/ (built by `npm run build`): the compiled modules
// bundled into dist/bundle/ (scripts/bundle.mjs), which starts faster than dist/cli/main.js.
// Node 22+ can keep its compiled code between runs, which shortens every start-up.
import module from 'node:module';

module.enableCompileCache?.();
const { runFromProcess } = await import('../dist/bundle/main.mjs');
await runFromProcess();
