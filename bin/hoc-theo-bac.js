#!/usr/bin/env node
// The executable: everything lives in dist/cli/main.js (built by `npm run build`).
import { runFromProcess } from '../dist/cli/main.js';

await runFromProcess();
