// Use cases: write a written document (Word) drafted from the cell's records — the results
// report (with its results table attached as a workbook), the plan, a meeting's minutes.
import fs from 'node:fs';
import { formatDate, type IsoDate } from '../domain/dates.js';
import type { Cell } from '../domain/cells.js';
import type { Meeting } from '../domain/meetings.js';
import type { CellFile } from '../store/cell-file.js';
import { findMeeting } from '../store/meetings.js';
import { findDocument, loadReportRecords, nextDocumentNumber, saveDocumentNumber, type DocumentNumberKey } from '../store/report-records.js';
import { numberLine } from '../reports/model/common.js';
import { buildMinutesDocument, buildPlanDocument, buildResultsDocument, DOCUMENT_SERIES, type DocumentKind } from '../reports/model/documents.js';
import { buildReport } from '../reports/model/index.js';
import { monthPeriod, periodKey, periodMonths, periodSlug, type ReportPeriod } from '../reports/model/period.js';
import type { ReportTemplate } from '../reports/template.js';
import { documentHeader } from './reports.js';

export interface DocumentTarget {
  kind: DocumentKind;
  /** The year or half (results), the year (plan); for minutes, derived from the meeting. */
  period: ReportPeriod;
  /** For minutes: the meeting, by id or by month ("2026-03"). */
  meeting?: string;
}

/** The period and, for minutes, the meeting a document covers. */
export function documentSubject(cf: CellFile, target: DocumentTarget): { period: ReportPeriod; meeting: Meeting | null } {
  if (target.kind !== 'minutes') return { period: target.period, meeting: null };
  const meeting = findMeeting(cf.db, target.meeting ?? (target.period.type === 'month' ? target.period.month : ''));
  return { period: monthPeriod(meeting.month), meeting };
}

/** "bao-cao-so-ket-2026-6-thang-dau-chi-bo-thon-dong.docx", "ke-hoach-2026-….docx", "bien-ban-sinh-hoat-2026-03-….docx". */
export function defaultDocumentFileName(kind: DocumentKind, period: ReportPeriod, meeting: Meeting | null, cell: Pick<Cell, 'slug'>): string {
  if (kind === 'results') return `bao-cao-${period.type === 'half' ? 'so-ket' : 'tong-ket'}-${periodSlug(period)}-${cell.slug}.docx`;
  if (kind === 'plan') return `ke-hoach-${periodSlug(period)}-${cell.slug}.docx`;
  const extra = meeting && meeting.kind !== 'thuong-ky' ? `-buoi-${meeting.id}` : '';
  return `bien-ban-sinh-hoat-${periodSlug(period)}${extra}-${cell.slug}.docx`;
}

/** The results table attached to a report: beside it, named after it. */
export function attachmentFileName(documentFile: string): string {
  return documentFile.replace(/\.docx$/i, '') + '-phu-luc.xlsx';
}

/**
 * The document number's key: the results report shares its number with the results table (its
 * attachment), the plan with the plan's workbook; minutes are numbered per meeting.
 */
function numberKey(kind: DocumentKind, period: ReportPeriod, meeting: Meeting | null, termStart: number): DocumentNumberKey {
  if (kind === 'minutes') return { kind: 'minutes', termStart, period: `meeting-${meeting!.id}` };
  return { kind, termStart, period: periodKey(period) };
}

export interface DocumentRequest extends DocumentTarget {
  /** The Word template's file (from the template lookup). */
  templateFile: string;
  out: string;
  /** For results: the workbook template of the attached table, and where it is written. */
  attachment?: { template: ReportTemplate; out: string };
  number?: number;
  /** Take today's header, signer and date instead of those the document was first written with. */
  refresh?: boolean;
  today: IsoDate;
  now: string;
}

export interface ProducedDocument {
  file: string;
  kind: DocumentKind;
  period: string;
  number: number;
  numberLine: string;
  attachment: string | null;
}

/**
 * Drafts a document from the records and writes it (and, for results, its attachment). The
 * template is filled in memory first: a refused template leaves no file behind.
 */
export async function produceDocument(cf: CellFile, request: DocumentRequest): Promise<ProducedDocument> {
  const { kind, today } = request;
  const { period, meeting } = documentSubject(cf, request);
  const months = periodMonths(period);
  const records = loadReportRecords(cf.db, period.year, months.from, months.to);
  const { cell } = records;
  const key = numberKey(kind, period, meeting, cell.termStart ?? period.year);
  const series = DOCUMENT_SERIES[kind];
  const known = findDocument(cf.db, key);
  const number = request.number ?? known?.number ?? nextDocumentNumber(cf.db, series, key.termStart);
  const header = documentHeader(cell, known, today, request.refresh === true);
  const issuedOn = header.issuedOn;
  const kept = { ...records, cell: { ...records.cell, ...header.cell } };
  const input = { records: kept, period, number, issuedOn };
  const values =
    kind === 'results' ? buildResultsDocument(input) : kind === 'plan' ? buildPlanDocument(input) : buildMinutesDocument(input, meeting!);

  const { fillWordTemplate, readWordTemplate } = await import('../reports/docx.js');
  const filled = await fillWordTemplate(readWordTemplate(request.templateFile), request.templateFile, values);
  let attachment: string | null = null;
  if (request.attachment) {
    // The attachment (phụ lục) carries its parent's number and takes none of its own.
    const model = buildReport('results', { records: kept, period, template: request.attachment.template, number, issuedOn });
    for (const sheet of model.sheets) {
      sheet.title = 'PHỤ LỤC';
      sheet.intro.unshift(`Phụ lục kèm theo Báo cáo ${numberLine(number, series, header.cell.symbol).replace(/^Số/, 'số')} ngày ${formatDate(issuedOn)} của ${header.cell.name}`);
    }
    const { writeReport } = await import('../reports/xlsx.js');
    await writeReport(model, request.attachment.out);
    attachment = request.attachment.out;
  }
  fs.writeFileSync(request.out, filled);
  cf.write((db) => saveDocumentNumber(db, key, series, number, request.now, header));
  return { file: request.out, kind, period: key.period, number, numberLine: numberLine(number, series, header.cell.symbol), attachment };
}
