// Shared by the records tests: running commands on one cell file, and cell files of an older schema.
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runInProcess, tempDir } from '../helpers/cli.js';
import type { scriptedPrompter } from '../helpers/scripted-prompter.js';

type Options = { tty?: boolean; prompter?: ReturnType<typeof scriptedPrompter>; today?: string };

/** Commands on one cell file: run (any result), ok (must succeed), json (--json output, parsed). */
export function onCell(file: () => string, env: () => Record<string, string>) {
  const run = (args: string[], o: Options = {}) =>
    runInProcess(['--db', file(), ...args], { env: o.today ? { ...env(), HOC_THEO_BAC_TODAY: o.today } : env(), tty: o.tty, prompter: o.prompter });
  const ok = async (args: string[], o: Options = {}) => {
    const r = await run(args, o);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  const json = async (args: string[]) => JSON.parse((await ok([...args, '--json'])).stdout);
  return { run, ok, json };
}

/**
 * A cell file at an older schema version, with a cell row and what `fill` adds; returns its path
 * (in a new temporary folder). Opening it with openCellFile runs the later migrations.
 */
export function oldCellFile(version: number, fill: (db: ReturnType<typeof openDatabase>) => void, cell = "'a', 'A', 'B', 'C', 'D', NULL"): string {
  const file = path.join(tempDir(), 'old.sqlite');
  const db = openDatabase(file);
  for (const m of MIGRATIONS.slice(0, version)) db.exec(m);
  db.pragma(`user_version = ${version}`);
  db.prepare(`INSERT INTO cell (id, slug, name, committee, place, secretary, term_start, created_at) VALUES (1, ${cell}, 'x')`).run();
  fill(db);
  db.close();
  return file;
}
