// report plan | registrations | monthly | results | stats | exemplars, and report templates.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { describeError } from '../errors.js';
import { requireCell } from './cell.js';
import { FieldError, UserError } from '../../domain/errors.js';
import { parseYear, type IsoDate } from '../../domain/dates.js';
import type { Cell } from '../../domain/cells.js';
import { dataFolder } from '../../store/data-folder.js';
import type { CellFile } from '../../store/cell-file.js';
import { findDocumentNumber, loadReportRecords, nextDocumentNumber, saveDocumentNumber } from '../../store/report-records.js';
import { KIND_PERIODS, type ReportKind } from '../../reports/model/kinds.js';
import { monthPeriod, parseHalf, periodDates, periodKey, periodMonths, periodPhrase, periodSlug, type ReportPeriod } from '../../reports/model/period.js';
import { reportPeriodWarning } from '../../domain/report-checks.js';
import { pastWarning } from '../confirm.js';
import { buildReport } from '../../reports/model/index.js';
import { numberLine } from '../../reports/model/common.js';
import { dataTemplatesFolder, listTemplateSources, readTemplateFile, resolveTemplate, type ReportTemplate } from '../../reports/template.js';

export interface ReportFlags {
  year?: string;
  month?: string;
  half?: string;
  out?: string;
  template?: string;
  number?: string;
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
export function reportPeriod(kind: ReportKind, flags: ReportFlags, today: IsoDate): ReportPeriod {
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
 */
export async function produceReport(
  ctx: Ctx,
  cf: CellFile,
  options: { kind: ReportKind; period: ReportPeriod; template: ReportTemplate; out: string; number?: number },
): Promise<ProducedReport> {
  const { kind, period, template, out } = options;
  const cell = requireCell(cf);
  const months = periodMonths(period);
  const records = loadReportRecords(cf.db, period.year, months.from, months.to);
  const key = { kind, termStart: cell.termStart ?? period.year, period: periodKey(period) };
  const series = template.abbreviation;
  const number = options.number ?? findDocumentNumber(cf.db, key) ?? nextDocumentNumber(cf.db, series, key.termStart);
  const model = buildReport(kind, { records, period, template, number, issuedOn: ctx.today() });
  const { writeReport } = await import('../../reports/xlsx.js');
  await writeReport(model, out);
  cf.write((db) => saveDocumentNumber(db, key, series, number, ctx.now()));
  return { file: out, kind, period: key.period, number };
}

/**
 * Whether the files may be written: those that exist are overwritten only with --yes or a yes
 * to the question; without a terminal, refused. Answering no is a choice, not an error (as for
 * restore and `pledge remove`): it is said and false returned.
 */
export async function mayOverwrite(ctx: Ctx, cmd: Command, files: readonly string[]): Promise<boolean> {
  for (const file of files) {
    if (!fs.existsSync(file) || ctx.globals(cmd).yes) continue;
    if (!ctx.canAsk(cmd)) throw new UserError('error.reportExists', { file });
    const agreed = await (await ctx.prompter()).confirm({ message: ctx.t('report.confirmOverwrite', { file }), default: false });
    if (!agreed) {
      ctx.print(ctx.t('report.notOverwritten', { file }));
      return false;
    }
  }
  return true;
}

/**
 * A period not begun, or holding no records, is written only past the warning (--force, or a
 * yes on a terminal); refused otherwise before any number is used.
 */
export async function periodMayBeWritten(ctx: Ctx, cmd: Command, cf: CellFile, period: ReportPeriod): Promise<boolean> {
  const months = periodMonths(period);
  const records = loadReportRecords(cf.db, period.year, months.from, months.to);
  const { from, to } = periodDates(period);
  const warning = reportPeriodWarning(
    { from, to, phrase: periodPhrase(period), monthly: period.type === 'month' },
    ctx.today(),
    { meetings: records.meetings.length, reviews: records.reviews.length, pledges: records.pledges.length },
  );
  return warning === null || pastWarning(ctx, cmd, warning.key, warning.vars);
}

export async function exportReport(ctx: Ctx, cmd: Command, kind: ReportKind, flags: ReportFlags): Promise<void> {
  // Everything that can be refused is checked before a byte is written.
  const period = reportPeriod(kind, flags, ctx.today());
  const number = flags.number === undefined ? undefined : parseDocumentNumber(flags.number);
  const template = resolveTemplate(kind, flags.template, dataFolder(ctx.env), ctx.io.cwd);
  await ctx.withCell(cmd, async (cf) => {
    const cell = requireCell(cf);
    const out = path.resolve(ctx.io.cwd, flags.out ?? defaultReportFileName(kind, period, cell));
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UserError('error.reportOutNotXlsx', { file: out });
    const folder = path.dirname(out);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UserError('error.folderMissing', { file: folder });
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UserError('error.reportOutIsFolder', { file: out });
    if (!(await periodMayBeWritten(ctx, cmd, cf, period))) return ctx.print(ctx.t('report.notWritten'));
    if (!(await mayOverwrite(ctx, cmd, [out]))) return;
    const produced = await produceReport(ctx, cf, { kind, period, template, out, number });
    if (ctx.globals(cmd).json) return ctx.printJson(produced);
    // The plan's number is on its first sheet, the cell's plan.
    const title = template.collective?.title ?? template.title;
    ctx.print(ctx.t('report.written', { title, number: numberLine(produced.number, template.abbreviation, cell.symbol), file: out }));
  });
}

export async function listTemplates(ctx: Ctx, cmd: Command): Promise<void> {
  const home = dataFolder(ctx.env);
  const rows = await Promise.all(listTemplateSources(home).map(async (s) => {
    if (s.format === 'docx') {
      // Word templates are checked by compiling them (docxtemplater, loaded only here).
      const { checkWordTemplate } = await import('../../reports/docx.js');
      const refusal = await checkWordTemplate(s.file);
      const kind = s.name.startsWith('document-') ? s.name.slice('document-'.length) : '';
      const known = (['results', 'plan', 'minutes'] as const).find((k) => k === kind);
      const description = known ? ctx.t(`report.document.${known}.help`) : '';
      return { name: s.name, kind: ctx.t('report.kind.document', { kind }), origin: s.origin, description, file: s.file, error: refusal ? describeError(refusal, ctx.lang).message : null };
    }
    try {
      const t = readTemplateFile(s.file);
      return { name: s.name, kind: t.kind as string, origin: s.origin, description: t.description ?? '', file: s.file, error: null as string | null };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return { name: s.name, kind: '', origin: s.origin, description: '', file: s.file, error: describeError(e, ctx.lang).message };
    }
  }));
  if (ctx.globals(cmd).json) return ctx.printJson(rows);
  const { printTable } = await import('../output/table.js');
  await printTable(
    ctx,
    [
      { title: ctx.t('report.col.name'), width: 3 },
      { title: ctx.t('report.col.kind'), width: 3 },
      { title: ctx.t('report.col.origin'), width: 6 },
    ],
    rows.map((r) => [
      r.name,
      r.kind,
      r.error ? ctx.t('report.origin.invalid', { reason: r.error }) : `${ctx.t(r.origin === 'data' ? 'report.origin.data' : 'report.origin.shipped')}${r.description ? ': ' + r.description : ''}`,
    ]),
  );
  ctx.print(ctx.t('report.templatesFolder', { folder: dataTemplatesFolder(home) }));
}

/** The sample cell's monthly and registrations reports, written beside it (for `demo`). */
export async function writeDemoReports(ctx: Ctx, cf: CellFile, folder: string, month: string): Promise<ProducedReport[]> {
  const home = dataFolder(ctx.env);
  const cell = requireCell(cf);
  const produced: ProducedReport[] = [];
  for (const kind of ['monthly', 'registrations'] as const) {
    const period = reportPeriod(kind, kind === 'monthly' ? { month } : { year: month.slice(0, 4) }, ctx.today());
    const template = resolveTemplate(kind, undefined, home, ctx.io.cwd);
    produced.push(await produceReport(ctx, cf, { kind, period, template, out: path.join(folder, defaultReportFileName(kind, period, cell)) }));
  }
  return produced;
}

