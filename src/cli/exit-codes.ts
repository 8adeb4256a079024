// The exit codes: 0 done, 1 bad input or data, 2 bad command line, 3 internal fault, 130 stopped (Ctrl-C).
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3, interrupted: 130 } as const;
