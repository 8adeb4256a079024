#!/usr/bin/env node
// The executable: everything lives in dist/cli/main.js (built by `npm run build`).
// Node 22+ can keep its compiled code between runs, which shortens every start-up.
import module from 'node:module';

module.enableCompileCache?.();
const { runFromProcess } = await import('../dist/cli/main.js');
await runFromProcess();
