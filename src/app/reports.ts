// Use cases of reports: the period asked for, a report filled from the cell's records and
// written (with its document number), the sample's reports, the templates there are.
import path from 'node:path';
import { FieldError, UserError } from '../domain/errors.js';
import { formatDate, parseYear, type IsoDate } from '../domain/dates.js';
import { recipientOf, type Cell } from '../domain/cells.js';
import type { CellFile } from '../store/cell-file.js';
import {
  findDocument,
  listDocumentNumbers,
  loadReportRecords,
  nextDocumentNumber,
  numberUsedElsewhere,
  saveDocumentNumber,
  type DocumentHeader,
  type NumberUse,
} from '../store/report-records.js';
import { storeError } from '../store/faults.js';
import { KIND_PERIODS, type ReportKind } from '../reports/model/kinds.js';
import { monthPeriod, parseHalf, periodDates, periodKey, periodMonths, periodPhrase, periodSlug, type ReportPeriod } from '../reports/model/period.js';
import { reportPeriodWarning } from '../domain/report-checks.js';
import { buildReport } from '../reports/model/index.js';
import { listTemplateSources, readTemplateFile, resolveTemplate, type ReportTemplate } from '../reports/template.js';
import { requireCell } from './cells.js';

/** The period as typed: at most one of a year, a month, a half-year. */
export interface PeriodInput {
  year?: string;
  month?: string;
  half?: string;
}

/** The start of a file name per kind: "bao-cao-thang-2026-03-chi-bo-thon-dong.xlsx". */
const FILE_PREFIX: Record<ReportKind, string> = {
  plan: 'ke-hoach-dang-ky',
  registrations: 'danh-sach-dang-ky',
  monthly: 'bao-cao-thang',
  results: 'bao-cao-ket-qua',
  stats: 'bieu-thong-ke',
  exemplars: 'danh-sach-dien-hinh',
};

export function defaultReportFileName(kind: ReportKind, period: ReportPeriod, cell: Pick<Cell, 'slug'>): string {
  return `${FILE_PREFIX[kind]}-${periodSlug(period)}-${cell.slug}.xlsx`;
}

/** The period a command line asks for; the flags a kind does not take are refused. */
export function reportPeriod(kind: ReportKind, flags: PeriodInput, today: IsoDate): ReportPeriod {
  const allowed = KIND_PERIODS[kind];
  const given = (['year', 'month', 'half'] as const).filter((f) => flags[f] !== undefined);
  for (const f of given) {
    if (!allowed.includes(f)) {
      throw new UserError('error.reportPeriodFlag', { kind, flag: `--${f}`, allowed: allowed.map((a) => `--${a}`).join(', ') }, 2);
    }
  }
  if (given.length > 1) throw new UserError('error.reportPeriodTwice', { flags: given.map((f) => `--${f}`).join(', ') }, 2);
  if (flags.half !== undefined) return parseHalf(flags.half);
  if (allowed.includes('month')) return monthPeriod(flags.month ?? today.slice(0, 7));
  return { type: 'year', year: parseYear(flags.year ?? today.slice(0, 4)) };
}

export function parseDocumentNumber(text: string): number {
  const value = text.trim();
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw new FieldError('report.number', 'error.numberInvalid', { value, min: 1, max: 999 });
  return Number(value);
}

export interface ProducedReport {
  file: string;
  kind: ReportKind;
  period: string;
  number: number;
}

/**
 * Fills a report from the cell's records and writes it; the document number is the one this
 * report already has for this period, else the next in its series (BC, KH, DS…) in the term (or the one given).
 * A number given that another document of the series already has is refused unless `force`.
 * The number is recorded with the workbook: both or neither.
 */
export async function produceReport(
  cf: CellFile,
  options: { kind: ReportKind; period: ReportPeriod; template: ReportTemplate; out: string; number?: number; force?: boolean; today: IsoDate; now: string; refresh?: boolean },
): Promise<ProducedReport & { symbol: string }> {
  const { kind, period, template, out } = options;
  const cell = requireCell(cf);
  const months = periodMonths(period);
  const records = loadReportRecords(cf.db, period.year, months.from, months.to);
  const key = { kind, termStart: cell.termStart ?? period.year, period: periodKey(period) };
  const series = template.abbreviation;
  const known = findDocument(cf.db, key);
  const number = options.number ?? known?.number ?? nextDocumentNumber(cf.db, series, key.termStart);
  if (options.number !== undefined && !options.force) {
    const clash = numberUsedElsewhere(cf.db, key, series, number);
    if (clash) {
      throw new UserError('error.numberTaken', {
        number: String(number).padStart(2, '0'),
        series,
        kind: clash.kind,
        period: clash.period,
        date: formatDate(clash.issuedAt.slice(0, 10) as IsoDate),
      });
    }
  }
  const header = documentHeader(cell, known, options.today, options.refresh === true);
  const model = buildReport(kind, { records: { ...records, cell: { ...records.cell, ...header.cell } }, period, template, number, issuedOn: header.issuedOn });
  const { writeReport } = await import('../reports/xlsx.js');
  // The number is recorded first, in a transaction held open while the workbook is written:
  // a cell that cannot be written (read-only) refuses before any workbook exists, and a
  // workbook that cannot be written leaves the number unrecorded.
  const { cleanStaleTemps } = await import('../store/folders.js');
  cleanStaleTemps(path.dirname(out));
  cf.db.exec('BEGIN IMMEDIATE');
  try {
    saveDocumentNumber(cf.db, key, series, number, options.now, header);
    try {
      await writeReport(model, out);
    } catch (e) {
      throw storeError(e, out, 'write');
    }
    cf.db.exec('COMMIT');
  } catch (e) {
    if (cf.db.inTransaction) cf.db.exec('ROLLBACK');
    throw e;
  }
  return { file: out, kind, period: key.period, number, symbol: header.cell.symbol };
}

/**
 * The header, signer and date a document carries. Written again for its period, a document (a
 * workbook or a Word document) keeps those it had when first written, so a new secretary or a
 * renamed commune changes only later documents; refresh takes today's (kept from then on).
 */
export function documentHeader(cell: Cell, known: { header: DocumentHeader | null } | null, today: IsoDate, refresh: boolean): DocumentHeader {
  const current: DocumentHeader = {
    cell: { name: cell.name, committee: cell.committee, place: cell.place, secretary: cell.secretary, symbol: cell.symbol, recipient: recipientOf(cell) },
    issuedOn: today,
  };
  return (!refresh && known?.header) || current;
}

/** `report numbers [--year]`: the document numbers used, with kind, period and date, and the cell's symbol. */
export function documentNumbers(cf: CellFile, year: number | undefined): { cell: Cell; rows: NumberUse[] } {
  const cell = requireCell(cf);
  return { cell, rows: listDocumentNumbers(cf.db, year) };
}

/** The sample cell's monthly and registrations reports, written beside it (for `demo`). */
export async function writeDemoReports(cf: CellFile, folder: string, month: string, where: { home: string; cwd: string; today: IsoDate; now: string }): Promise<ProducedReport[]> {
  const { home, today, now } = where;
  const cell = requireCell(cf);
  const produced: ProducedReport[] = [];
  for (const kind of ['monthly', 'registrations'] as const) {
    const period = reportPeriod(kind, kind === 'monthly' ? { month } : { year: month.slice(0, 4) }, today);
    const template = resolveTemplate(kind, undefined, home, where.cwd);
    produced.push(await produceReport(cf, { kind, period, template, out: path.join(folder, defaultReportFileName(kind, period, cell)), today, now }));
  }
  return produced;
}


/** A template there is: a JSON report template, or a Word document template (`document`: its kind). */
export interface TemplateEntry {
  name: string;
  format: 'json' | 'docx';
  /** The report kind of a JSON template; the document kind of a Word one ('' when unknown). */
  kind: string;
  origin: string;
  description: string;
  file: string;
  /** Why it cannot be used, or null. */
  error: UserError | null;
}

/** The templates there are (shipped and in the data folder); one that cannot be read carries its error. */
export async function reportTemplates(home: string): Promise<TemplateEntry[]> {
  return Promise.all(
    listTemplateSources(home).map(async (s): Promise<TemplateEntry> => {
      const entry = { name: s.name, format: s.format, origin: s.origin, file: s.file };
      if (s.format === 'docx') {
        // Word templates are checked by compiling them (docxtemplater, loaded only here).
        const { checkWordTemplate } = await import('../reports/docx.js');
        const refusal = await checkWordTemplate(s.file);
        const kind = s.name.startsWith('document-') ? s.name.slice('document-'.length) : '';
        return { ...entry, kind, description: '', error: refusal ?? null };
      }
      try {
        const t = readTemplateFile(s.file);
        return { ...entry, kind: t.kind as string, description: t.description ?? '', error: null };
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        return { ...entry, kind: '', description: '', error: e };
      }
    }),
  );
}

/** The warning a report for a period earns (not begun, or no records in it), or null: see reportPeriodWarning. */
export function reportWarning(cf: CellFile, period: ReportPeriod, today: IsoDate): ReturnType<typeof reportPeriodWarning> {
  const months = periodMonths(period);
  const records = loadReportRecords(cf.db, period.year, months.from, months.to);
  const { from, to } = periodDates(period);
  return reportPeriodWarning(
    { from, to, phrase: periodPhrase(period), monthly: period.type === 'month' },
    today,
    { meetings: records.meetings.length, reviews: records.reviews.length, pledges: records.pledges.length },
  );
}
