// The one way this tool opens a SQLite file with better-sqlite3.
//
// Why not plain `new Database()`: better-sqlite3 12 on Node 24 aborts the process (a CHECK in
// node::RemoveEnvironmentCleanupHook) when V8's garbage collector frees one of its native
// objects (a statement, a backup) while no JavaScript context is entered, which happens at
// random in short commands. Version 13 fixes that but crashes on Node 20. So every native
// object made here stays referenced for the life of the process, statements are reused by
// their SQL text (so a long import does not keep thousands of them), and the executable ends
// with process.exit() rather than a teardown of the heap (src/cli/main.ts).
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Native objects kept alive until the process ends. */
const pinned: unknown[] = [];
let nativePatched = false;

/** Pins what the native handle makes for its own use (pragma and transaction statements, backups). */
function pinNativeObjects(db: Db): void {
  if (nativePatched) return;
  const handleKey = Object.getOwnPropertySymbols(db).find((s) => {
    const v = (db as unknown as Record<symbol, unknown>)[s];
    return typeof v === 'object' && v !== null && typeof (v as { prepare?: unknown }).prepare === 'function';
  });
  if (!handleKey) return;
  const proto = Object.getPrototypeOf((db as unknown as Record<symbol, object>)[handleKey]) as Record<string, unknown>;
  for (const method of ['prepare', 'backup']) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const made = (original as (...a: unknown[]) => unknown).apply(this, args);
      pinned.push(made);
      return made;
    };
  }
  nativePatched = true;
}

export function openDatabase(file: string, options: Database.Options = {}): Db {
  const db = new Database(file, options);
  pinned.push(db);
  pinNativeObjects(db);
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  // Statements are used whole (run/get/all) and never reconfigured (pluck, raw…), so one per SQL text serves all.
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
