// Making folders. Node 20's fs.mkdirSync(…, { recursive: true }) never returns when a parent
// refuses new entries with ENOENT (/proc and the like): found by the fuzz test. Folders are
// made here one level at a time instead, so such a place fails at once.
import fs from 'node:fs';
import path from 'node:path';

/** Makes `folder` and any missing parents (mode for the new ones); an error names the level that failed. */
export function makeFolder(folder: string, mode = 0o700): void {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !fs.existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) fs.mkdirSync(dir, { mode });
}
