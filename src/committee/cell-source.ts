// A cell's own .sqlite file read by the committee (a committee that collects the cell files):
// opened without a byte written, an older schema brought up to date in memory only, and read
// into a submission's content exactly as the cell's own `submit` would write it.
import { UserError } from '../domain/errors.js';
import { openCellFile, migrate } from '../store/cell-file.js';
import { openDatabase, type Db } from '../store/sqlite.js';
import { MIGRATIONS } from '../store/migrations.js';
import { loadReportRecords } from '../store/report-records.js';
import { lastSubmission, listMemberGrades } from '../store/submissions.js';
import { periodMonths } from '../reports/model/period.js';
import { digestOf, periodKeyOf, type Refusal, type SubmissionContent, type SubmissionPeriod } from './format.js';
import { cellContent } from './from-cell.js';

/** The content of a cell's submission for a period, from its open file; null when it has no records for it. */
export function contentFromCell(db: Db, period: SubmissionPeriod, extra: { sequence: number; writtenOn: string | null }): SubmissionContent | null {
  const months = periodMonths(period);
  const records = loadReportRecords(db, period.year, months.from, months.to);
  if (records.pledges.length === 0 && records.meetings.length === 0 && records.reviews.length === 0) return null;
  return cellContent(records, period, { ...extra, memberGrades: listMemberGrades(db, period.year) });
}

export function readCellFileSubmission(
  file: string,
  period: SubmissionPeriod,
): { content: SubmissionContent; digest: string; source: 'cell-file'; formatVersion: null; toolVersion: null } | { reason: Refusal; detail?: string } {
  let cf;
  try {
    cf = openCellFile(file, { readonly: true });
  } catch (e) {
    if (!(e instanceof UserError)) return { reason: 'damaged' };
    if (e.key === 'error.newerVersion') return { reason: 'cellFileNewer', detail: String(e.vars.version) };
    if (e.key === 'error.cellFileEmpty') return { reason: 'cellFileEmpty' };
    return { reason: e.key === 'error.notACellFile' ? 'notSubmission' : 'unreadable' };
  }
  let db: Db = cf.db;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < MIGRATIONS.length) {
      // An older cell file: brought up to date in a copy in memory, the file itself untouched.
      const bytes = cf.db.serialize();
      // A copy in memory has no log beside it: marked as a rollback-journal file (header bytes
      // 18 and 19), or SQLite would look for the write-ahead log it cannot have.
      bytes[18] = 1;
      bytes[19] = 1;
      db = openDatabase(bytes);
      migrate(db, version);
    }
    const key = periodKeyOf(period);
    const sequence = lastSubmission(db, key)?.sequence ?? 0;
    const content = contentFromCell(db, period, { sequence, writtenOn: null });
    if (!content) return { reason: 'noRecords', detail: key };
    return { content, digest: digestOf(content), source: 'cell-file', formatVersion: null, toolVersion: null };
  } catch (e) {
    if (e instanceof UserError) return { reason: 'cellFileEmpty' };
    const code = String((e as { code?: unknown })?.code ?? '');
    if (code.startsWith('SQLITE_')) return { reason: 'damaged' };
    throw e;
  } finally {
    if (db !== cf.db) db.close();
    cf.close();
  }
}
