// Counts the processes of the built executable in a test run (see README, "For developers"):
// loaded into every Node process through NODE_OPTIONS, it adds a line to $HTB_SPAWN_LOG for
// each one that runs bin/hoc-theo-bac.js, and does nothing in any other.
import fs from 'node:fs';

const log = process.env.HTB_SPAWN_LOG;
if (log && process.argv[1]?.endsWith('hoc-theo-bac.js')) {
  try {
    fs.appendFileSync(log, `${process.argv.slice(2).join(' ').slice(0, 120)}\n`);
  } catch {
    // a process that may not write there (a test runs one as another user) is not counted
  }
}
