// Preloaded with `node --import`: records every module the program resolves, one URL a line,
// in the file named by HTB_LOAD_LOG (to check that start-up does not load heavy packages).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
