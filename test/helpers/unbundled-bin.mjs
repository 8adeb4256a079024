// The program from the compiled modules (dist/cli/main.js), one file per module as tsc writes
// them, not the bundle the executable runs: for the tests that check which modules a command
// loads (the bundle keeps the same lazy parts, as chunks, but under other names).
const { runFromProcess } = await import('../../dist/cli/main.js');
await runFromProcess();
