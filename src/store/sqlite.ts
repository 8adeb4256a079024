// The one way this tool opens a SQLite file with better-sqlite3.
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** A file name, or the bytes of a database (serialised) to open in memory. */
export function openDatabase(file: string | Buffer, options: Database.Options = {}): Db {
  const db = new Database(file, options);
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
