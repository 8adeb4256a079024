// The report model: what a document says, as plain data; the workbook writer only lays it out.
import type { TemplateColumn } from '../template.js';
import type { TemplateKind } from './kinds.js';

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

/** A data row (cells by column key) or a section line across the whole table. */
/** A number is written as a number (a count the committee adds up), text as text. */
export type ReportRow = { cells: Record<string, string | number> } | { section: string };

/** Cells of one column merged over rows first…last (indexes into rows). */
export interface RowMerge {
  column: string;
  first: number;
  last: number;
}

export interface Signature {
  /** "Nơi nhận:" (underlined) or "Ý KIẾN CỦA CHI ỦY". */
  leftTitle: string;
  leftUnderline: boolean;
  leftLines: string[];
  /** "T/M CHI BỘ", "BÍ THƯ" or "NGƯỜI ĐĂNG KÝ". */
  rightTitle: string[];
  name: string;
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
  kind: TemplateKind;
  orientation: 'portrait' | 'landscape';
  sheets: ReportSheet[];
}
