// Tests that tell one story on one cell file, each going on from where the one before stopped.
// So that any of them also runs alone (`jest file -t name`), a test first replays, quietly, the
// commands of the chapters before it that have not run; in a whole run nothing is replayed.
import type { RunResult } from './cli.js';

export interface Story {
  /** Called first by the test that tells chapter n (from 1): the cell is as chapter n − 1 left it. */
  begin(n: number): Promise<void>;
  /** For a test that changes nothing, placed after chapter n: the cell is as chapter n left it. */
  after(n: number): Promise<void>;
}

/** chapters[i]: the commands of chapter i + 1 that change the cell file, in order. */
export function story(run: (...args: string[]) => Promise<RunResult>, chapters: string[][][]): Story {
  let reached = 0;
  const after = async (n: number) => {
    for (; reached < n; reached++) {
      for (const args of chapters[reached] ?? []) {
        const r = await run(...args);
        if (r.code !== 0) throw new Error(`replaying chapter ${reached + 1}: ${args.join(' ')}: ${r.stderr}`);
      }
    }
  };
  return {
    after,
    async begin(n) {
      await after(n - 1);
      reached = Math.max(reached, n);
    },
  };
}
