// The cell's `submit`: one file for its committee for a half-year or a year, with the next
// sequence number of that period. The number is kept only if the file was written.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import type { CellFile } from '../store/cell-file.js';
import { requireCell } from './cells.js';
import { lastSubmission, saveSubmission } from '../store/submissions.js';
import { storeError } from '../store/faults.js';
import { periodPhrase, periodSlug } from '../reports/model/period.js';
import { digestOf, periodKeyOf, submissionText, type SubmissionContent, type SubmissionPeriod } from '../committee/format.js';
import { contentFromCell } from '../committee/cell-source.js';

export const TOOL_VERSION = '0.1.0';

/** "nop-bao-cao-2026-chi-bo-thon-dong-lan-1.json". */
export function submissionFileName(period: SubmissionPeriod, slug: string, sequence: number): string {
  return `nop-bao-cao-${periodSlug(period)}-${slug}-lan-${sequence}.json`;
}

/** Writes text to a file whole (a temporary file beside it, then a rename), synchronously. */
export function writeFileWhole(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw storeError(e, file, 'write');
  }
}

/** Where a file is to be written: refused when its folder is missing, or when it exists and overwriting was not allowed. */
export function checkOutFile(out: string, overwrite: boolean, extension: string): void {
  if (!out.toLowerCase().endsWith(extension)) throw new UserError('error.outExtension', { file: out, extension });
  const folder = path.dirname(out);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UserError('error.folderMissing', { file: folder });
  if (fs.existsSync(out) && !overwrite) throw new UserError('error.reportExists', { file: out });
}

export interface Submitted {
  file: string;
  sequence: number;
  content: SubmissionContent;
}

export function submitCell(cf: CellFile, options: { period: SubmissionPeriod; out?: string; cwd: string; overwrite: boolean; now: string; today: string }): Submitted {
  const cell = requireCell(cf);
  const key = periodKeyOf(options.period);
  return cf.write((db) => {
    const sequence = (lastSubmission(db, key)?.sequence ?? 0) + 1;
    const content = contentFromCell(db, options.period, { sequence, writtenOn: options.today });
    if (!content) throw new UserError('error.submitNoRecords', { name: cell.name, period: periodPhrase(options.period) });
    const file = path.resolve(options.cwd, options.out ?? submissionFileName(options.period, cell.slug, sequence));
    checkOutFile(file, options.overwrite, '.json');
    saveSubmission(db, key, sequence, digestOf(content), options.now);
    // Written inside the transaction: if the file cannot be written, the number is not used up.
    writeFileWhole(file, submissionText(content, TOOL_VERSION));
    return { file, sequence, content };
  });
}
