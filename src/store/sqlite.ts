// The one way this tool opens a SQLite file with better-sqlite3.
import path from 'node:path';
import { isSea } from 'node:sea';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** better-sqlite3's native part, loaded once. */
let seaAddon: object | undefined;

/**
 * Run as the portable single executable (`npm run package`), the program has no node_modules:
 * better-sqlite3's binary for the platform lies beside the executable as better_sqlite3.node.
 * Loaded with process.dlopen, since the executable's own require reaches only built-in modules.
 */
function nativeBinding(): object | undefined {
  if (!isSea()) return undefined;
  if (!seaAddon) {
    const module = { exports: {} };
    process.dlopen(module, path.join(path.dirname(process.execPath), 'better_sqlite3.node'));
    seaAddon = module.exports;
  }
  return seaAddon;
}

export function openDatabase(file: string, options: Database.Options = {}): Db {
  const addon = nativeBinding();
  // The types say a path; better-sqlite3 also takes the loaded addon itself.
  const db = new Database(file, addon ? { ...options, nativeBinding: addon as unknown as string } : options);
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  // Statements are used whole (run/get/all) and never reconfigured (pluck, raw…), so one per SQL
  // text serves all: a long import prepares each query once.
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
  return db;
}
