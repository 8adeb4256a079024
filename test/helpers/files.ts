// Checks that a refused command left a file exactly as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import type { RunResult } from './cli.js';

export interface FileState {
  sha256: string;
  mtimeMs: number;
  /** The files beside it, so that no -wal, -shm or backup appears. */
  siblings: string[];
}

export function fileState(file: string): FileState {
  return {
    sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    mtimeMs: fs.statSync(file).mtimeMs,
    siblings: fs.readdirSync(path.dirname(file)).sort(),
  };
}

/** A fingerprint of a cell file's bytes (with its log, if one is left). */
export function fingerprint(file: string): string {
  const hash = crypto.createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

/** A refusal as CLI.md wants it: the exit code, nothing on stdout, one line on stderr, no stack trace. */
export function expectRefusal(r: RunResult, code: number, message: RegExp | string): void {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect({ code: r.code, stdout: r.stdout, lines: lines.length }).toEqual({ code, stdout: '', lines: 1 });
  expect(r.stderr).toMatch(/^(Lỗi|Error): /);
  expect(r.stderr).not.toMatch(/\n\s+at |Error: .*\n.*at /);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
}

/** How many members a cell file holds (read only). */
export function memberCount(file: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM member').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * A digest of what a cell file holds (every row of every table, and the schema version), read
 * as SQLite reads it: a write killed part-way may leave uncommitted bytes in the log that the
 * next open discards, so bytes can differ while the content is exactly as before.
 */
export function contentDigest(file: string): string {
  const db = openDatabase(file, { readonly: true });
  try {
    const hash = crypto.createHash('sha256');
    hash.update(String(db.pragma('user_version', { simple: true })));
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    for (const t of tables) {
      hash.update(t.sql);
      for (const row of db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
