// Checks of a cell file: SQLite's own (integrity, foreign keys), the schema version, and
// records that break the domain's rules. Read only: nothing is repaired here.
import fs from 'node:fs';
import { openDatabase } from './sqlite.js';
import type { MessageKey, MessageVars } from '../i18n/index.js';
import { APPLICATION_ID } from './migrations.js';
import { BUSY_TIMEOUT_MS, CELL_FILE, isSqliteError, type Db, type FileKind } from './cell-file.js';

export interface Finding {
  /** 'problem' makes doctor exit 1; 'note' is only shown. */
  level: 'problem' | 'note';
  key: MessageKey;
  vars: MessageVars;
}

const ISO_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

/** Rules of the domain as queries: each row found is one record breaking the rule. */
export const RULES: Array<{ key: MessageKey; sql: string }> = [
  {
    // The cell's key tasks (no member) are reported in the review of whoever speaks for them.
    key: 'doctor.progressOtherMember',
    sql: `SELECT rp.review_id AS review, rp.pledge_id AS pledge FROM review_progress rp
          JOIN review r ON r.id = rp.review_id JOIN pledge p ON p.id = rp.pledge_id
          WHERE p.member_id IS NOT NULL AND p.member_id <> r.member_id`,
  },
  { key: 'doctor.meetingOutsideMonth', sql: `SELECT id, month, date FROM meeting WHERE date IS NOT NULL AND substr(date, 1, 7) <> month` },
  { key: 'doctor.reviewOtherMonth', sql: `SELECT r.id, r.month, m.month AS meetingMonth FROM review r JOIN meeting m ON m.id = r.meeting_id WHERE r.month <> m.month` },
  { key: 'doctor.pledgeKindMember', sql: `SELECT id, kind FROM pledge WHERE (member_id IS NULL) <> (kind = 'trong-tam')` },
  { key: 'doctor.memberWithoutStatus', sql: `SELECT id, name FROM member WHERE id NOT IN (SELECT member_id FROM member_status)` },
  {
    key: 'doctor.statusAfterDeath',
    sql: `SELECT DISTINCT m.id, m.name FROM member_status a JOIN member_status b ON a.member_id = b.member_id AND b.from_date > a.from_date
          JOIN member m ON m.id = a.member_id WHERE a.status = 'tu-tran'`,
  },
  { key: 'doctor.officialBeforeJoined', sql: `SELECT id, name FROM member WHERE official IS NOT NULL AND joined IS NOT NULL AND official < joined` },
  {
    key: 'doctor.badDate',
    sql: `SELECT 'member ' || id AS what, coalesce(joined, official, birth_date) AS value FROM member
            WHERE (joined IS NOT NULL AND NOT joined ${ISO_DATE}) OR (official IS NOT NULL AND NOT official ${ISO_DATE})
               OR (birth_date IS NOT NULL AND NOT birth_date ${ISO_DATE})
          UNION ALL SELECT 'meeting ' || id, date FROM meeting WHERE date IS NOT NULL AND NOT date ${ISO_DATE}
          UNION ALL SELECT 'pledge ' || id, due FROM pledge WHERE due IS NOT NULL AND NOT due ${ISO_DATE}`,
  },
  { key: 'doctor.noCell', sql: `SELECT 1 AS missing WHERE NOT EXISTS (SELECT 1 FROM cell WHERE id = 1)` },
];

/**
 * The file's findings; an empty list means the file is sound. A file too damaged to read is
 * one finding. A committee file is examined the same way with its own kind (and no cell rules).
 */
export function examineCellFile(file: string, kind: FileKind = CELL_FILE, rules = RULES, notOurs: MessageKey = 'doctor.notACellFile'): Finding[] {
  try {
    return examine(file, kind, rules, notOurs);
  } catch (e) {
    if (!isSqliteError(e) || !/CORRUPT|NOTADB|IOERR/.test(e.code)) throw e;
    return [damagedFinding(e.code)];
  }
}

/** A damaged file, said in words rather than SQLite's code: its start unreadable, its inside broken, or unreadable from the disk. */
function damagedFinding(code: string): Finding {
  const key: MessageKey = /NOTADB/.test(code) ? 'doctor.damagedHeader' : /IOERR/.test(code) ? 'doctor.damagedRead' : 'doctor.damagedInside';
  return { level: 'problem', key, vars: {} };
}

function examine(file: string, kind: FileKind, rules: typeof RULES, notOurs: MessageKey): Finding[] {
  const schemaVersion = kind.migrations.length;
  const findings: Finding[] = [];
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch {
    return [{ level: 'problem', key: 'doctor.cannotOpen', vars: { file } }];
  }
  try {
    let version: number;
    try {
      const appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
      if (appId !== kind.applicationId) return [{ level: 'problem', key: notOurs, vars: { file } }];
      const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
      if (tables === 0) return [{ level: 'problem', key: 'doctor.noTables', vars: { file } }];
      if (version === 0) return [{ level: 'problem', key: 'doctor.unversioned', vars: { file } }];
    } catch (e) {
      if (isSqliteError(e) && /NOTADB|CORRUPT/.test(e.code)) return [damagedFinding(e.code)];
      throw e;
    }
    if (version > schemaVersion) return [{ level: 'problem', key: 'doctor.newerVersion', vars: { version, supported: schemaVersion } }];
    if (version < schemaVersion) findings.push({ level: 'note', key: 'doctor.olderVersion', vars: { version, supported: schemaVersion } });

    const integrity = safely(() => db.pragma('integrity_check(20)', { simple: false }) as Array<{ integrity_check: string }>);
    if (!integrity.ok) return [...findings, { level: 'problem', key: 'doctor.damaged', vars: { detail: integrity.error } }];
    const damage = integrity.value.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (damage.length > 0) return [...findings, { level: 'problem', key: 'doctor.damaged', vars: { detail: damage.slice(0, 3).join('; ').slice(0, 300) } }];

    const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
    for (const r of fk.slice(0, 20)) findings.push({ level: 'problem', key: 'doctor.foreignKey', vars: { table: r.table, rowid: r.rowid, parent: r.parent } });
    if (fk.length > 20) findings.push({ level: 'problem', key: 'doctor.more', vars: { count: fk.length - 20 } });

    if (version === schemaVersion) {
      for (const rule of rules) {
        const rows = db.prepare(rule.sql).all() as Array<Record<string, string | number>>;
        for (const row of rows.slice(0, 20)) findings.push({ level: 'problem', key: rule.key, vars: row });
        if (rows.length > 20) findings.push({ level: 'problem', key: 'doctor.more', vars: { count: rows.length - 20 } });
      }
    }
  } finally {
    db.close();
  }
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) findings.push({ level: 'problem', key: 'doctor.permissions', vars: { file, mode: mode.toString(8).padStart(4, '0') } });
  }
  return findings;
}

function safely<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isSqliteError(e)) return { ok: false, error: e.code };
    throw e;
  }
}

/** Whether a backup file is sound enough to restore from (used to name the newest good one). */
export function isSoundBackup(file: string): boolean {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('application_id', { simple: true }) === APPLICATION_ID && db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
