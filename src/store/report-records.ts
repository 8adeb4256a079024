// Everything a report needs for one year and a span of months, read through the other store
// modules; and the numbers of documents sent upward, which only reports use.
import type { Cell } from '../domain/cells.js';
import type { IsoDate, Month } from '../domain/dates.js';
import type { ReportRecords } from '../domain/report-records.js';
import { listMemberGrades } from './members.js';
import { UserError } from '../domain/errors.js';
import type { Db } from './cell-file.js';
import { getCell, getProgramme } from './cell.js';
import { listExemplars } from './exemplars.js';
import { listMeetings } from './meetings.js';
import { listMembers } from './members.js';
import { listPledgeGrades, listPledges, listRegistrations } from './pledges.js';
import { listReviews } from './reviews.js';

/** The records of one year; meetings and reviews only of the months fromMonth…toMonth (within the year). */
export function loadReportRecords(db: Db, year: number, fromMonth: Month, toMonth: Month): ReportRecords {
  const cell = getCell(db);
  if (!cell) throw new UserError('error.cellFileEmpty', { file: db.name });
  const inMonths = (r: { month: Month }) => r.month >= fromMonth && r.month <= toMonth;
  const pledges = listPledges(db, { year });
  return {
    cell,
    programme: getProgramme(db, year),
    members: listMembers(db),
    registrations: listRegistrations(db, year),
    pledges,
    pledgeGrades: listPledgeGrades(
      db,
      pledges.map((p) => p.id),
    ),
    meetings: listMeetings(db, { year }).filter(inMonths),
    reviews: listReviews(db, { year }).filter(inMonths),
    exemplars: listExemplars(db, year),
    memberGrades: listMemberGrades(db, year),
  };
}

export interface DocumentNumberKey {
  /** The report (monthly, results…). */
  kind: string;
  termStart: number;
  period: string;
}

/**
 * What a document said of its authors when first written: kept with its number, so that the
 * document written again for the same period is the one that was signed (a new secretary, a
 * renamed commune change only documents written after them).
 */
export interface DocumentHeader {
  cell: Pick<Cell, 'name' | 'committee' | 'place' | 'secretary' | 'symbol'> & { recipient: string };
  issuedOn: IsoDate;
}

/** The number already given to this report for this period, if any, and the header it was written with. */
export function findDocument(db: Db, key: DocumentNumberKey): { number: number; header: DocumentHeader | null } | null {
  const row = db
    .prepare('SELECT number, header FROM document_number WHERE kind = @kind AND term_start = @termStart AND period = @period')
    .get(key) as { number: number; header: string | null } | undefined;
  if (!row) return null;
  return { number: row.number, header: row.header ? parseHeader(row.header) : null };
}

function parseHeader(json: string): DocumentHeader | null {
  try {
    const h = JSON.parse(json) as DocumentHeader;
    const c = h?.cell;
    const texts = c && [c.name, c.committee, c.place, c.secretary, c.symbol, c.recipient].every((v) => typeof v === 'string');
    return texts && typeof h.issuedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(h.issuedOn) ? h : null;
  } catch {
    // A header that cannot be read is as if there were none: today's is taken and kept.
    return null;
  }
}

/** The number already given to this report for this period, if any. */
export function findDocumentNumber(db: Db, key: DocumentNumberKey): number | null {
  return findDocument(db, key)?.number ?? null;
}

/**
 * The next free number of a kind of document within a term, numbers running from 1: the
 * series is the document's abbreviation (BC, KH, DS…), so the monthly, results and stats
 * reports, all "BÁO CÁO", share one run of numbers and never carry the same one.
 */
export function nextDocumentNumber(db: Db, series: string, termStart: number): number {
  const row = db
    .prepare('SELECT max(number) AS n FROM document_number WHERE series = ? AND term_start = ?')
    .get(series, termStart) as { n: number | null };
  return (row.n ?? 0) + 1;
}

/**
 * Records the number given to a report for a period (a number given with --number replaces the
 * old one) and the header it was written with.
 */
export function saveDocumentNumber(db: Db, key: DocumentNumberKey, series: string, number: number, now: string, header: DocumentHeader | null = null): void {
  db.prepare(
    `INSERT INTO document_number (kind, term_start, period, series, number, issued_at, header) VALUES (@kind, @termStart, @period, @series, @number, @now, @header)
     ON CONFLICT(kind, term_start, period) DO UPDATE SET series = excluded.series, number = excluded.number, issued_at = excluded.issued_at,
       header = coalesce(excluded.header, document_number.header)`,
  ).run({ ...key, series, number, now, header: header ? JSON.stringify(header) : null });
}

export interface NumberUse {
  kind: string;
  termStart: number;
  period: string;
  series: string;
  number: number;
  issuedAt: string;
}

/** Another document of the same series in the term already carrying `number` (not this report for this period). */
export function numberUsedElsewhere(db: Db, key: DocumentNumberKey, series: string, number: number): NumberUse | null {
  const row = db
    .prepare(
      `SELECT kind, term_start AS termStart, period, series, number, issued_at AS issuedAt FROM document_number
       WHERE series = @series AND term_start = @termStart AND number = @number AND NOT (kind = @kind AND period = @period)
       ORDER BY issued_at LIMIT 1`,
    )
    .get({ ...key, series, number }) as NumberUse | undefined;
  return row ?? null;
}

/** Every number given, in series order; only those issued in `year` when given. */
export function listDocumentNumbers(db: Db, year?: number): NumberUse[] {
  return db
    .prepare(
      `SELECT kind, term_start AS termStart, period, series, number, issued_at AS issuedAt FROM document_number
       WHERE @year IS NULL OR substr(issued_at, 1, 4) = @year ORDER BY term_start, series, number, issued_at`,
    )
    .all({ year: year === undefined ? null : String(year) }) as NumberUse[];
}
