// The report model: what a document says, as plain data; the workbook writer only lays it out.
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { TemplateColumn } from '../template.js';
import type { ReportKind } from './kinds.js';

export interface HeaderBlock {
  /** The higher committee, printed in capitals on the first line. */
  committee: string;
  /** The cell's name, printed in capitals and bold. */
  cell: string;
  /** "Số 03-BC/CB", or null on forms that carry no number. */
  number: string | null;
  /** "Tân Lập, ngày 05 tháng 03 năm 2026". */
  dateLine: string;
}

export type IntroLine = string | readonly [left: string, right: string];

/**
 * What a table cell holds, typed so that each writer gives it its own cell type: text as text,
 * a count as a number, a rate as a number with a percentage format, a date as a date.
 */
export type CellValue =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'count'; readonly value: number }
  /** part of whole; 0 when whole is 0. */
  | { readonly type: 'rate'; readonly part: number; readonly whole: number }
  | { readonly type: 'date'; readonly date: IsoDate | null };

export const text = (value: string): CellValue => ({ type: 'text', text: value });
export const count = (value: number): CellValue => ({ type: 'count', value });
export const rate = (part: number, whole: number): CellValue => ({ type: 'rate', part, whole });
export const date = (value: IsoDate | null): CellValue => ({ type: 'date', date: value });

/** A rate as a fraction (0…1); 0 of nothing. */
export function rateValue(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** 7 of 9 → "77,8%" (one decimal, Vietnamese decimal comma, none when whole); "0%" of nothing. */
export function percentText(part: number, whole: number): string {
  const value = Math.round(rateValue(part, whole) * 1000) / 10;
  return `${String(value).replace('.', ',')}%`;
}

/** A cell as it reads on paper (dates dd/mm/yyyy, rates "77,8%"). */
export function cellText(value: CellValue): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'count':
      return String(value.value);
    case 'rate':
      return percentText(value.part, value.whole);
    case 'date':
      return formatDate(value.date);
  }
}

/**
 * A data row, one value for every column key K (a builder that forgets a column does not
 * compile), or a section line across the whole table.
 */
export type ReportRow<K extends string = string> = { cells: Readonly<Record<K, CellValue>> } | { section: string };

/** Cells of one column merged over rows first…last (indexes into rows). */
export interface RowMerge<K extends string = string> {
  column: K;
  first: number;
  last: number;
}

/** Who signs: "T/M CHI BỘ", "BÍ THƯ" (or "NGƯỜI ĐĂNG KÝ"), room to sign, the name. */
export interface SignBlock {
  title: string[];
  name: string;
}

/**
 * The end of a document: "Nơi nhận:" and its lines on the left with the cell's signature on the
 * right; or, on a form, two signatures (the cell's confirmation left, the person's right).
 */
export interface Signature {
  recipients: string[] | null;
  left: SignBlock | null;
  right: SignBlock;
}

export interface ReportSheet {
  name: string;
  header: HeaderBlock;
  title: string;
  subject: string;
  /** Lines before the table (a member's details, the meeting's facts); a pair shares a line, one in each half. */
  intro: IntroLine[];
  columns: TemplateColumn[];
  rows: ReportRow[];
  merges: RowMerge[];
  /** Totals and counts after the table. */
  summary: string[];
  /** Paragraphs after the summary (the member's commitment). */
  closing: string[];
  signature: Signature;
}

export interface ReportModel {
  kind: ReportKind;
  orientation: 'portrait' | 'landscape';
  sheets: ReportSheet[];
}
