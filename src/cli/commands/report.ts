// report plan | registrations | monthly | results | stats | exemplars, and report templates:
// flags in, one use case of src/app/reports.ts, words out.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { describeError } from '../errors.js';
import { mayOverwrite } from '../ask.js';
import { UserError } from '../../domain/errors.js';
import { dataFolder } from '../../store/data-folder.js';
import type { ReportKind } from '../../reports/model/kinds.js';
import type { CellFile } from '../../store/cell-file.js';
import type { ReportPeriod } from '../../reports/model/period.js';
import { pastWarning } from '../confirm.js';
import { reportWarning } from '../../app/reports.js';
import { numberLine } from '../../reports/model/common.js';
import { dataTemplatesFolder, resolveTemplate } from '../../reports/template.js';
import { formatDate, parseYear, type IsoDate } from '../../domain/dates.js';
import { defaultReportFileName, documentNumbers, parseDocumentNumber, produceReport, reportPeriod, reportTemplates, type PeriodInput } from '../../app/reports.js';

export interface ReportFlags extends PeriodInput {
  out?: string;
  template?: string;
  number?: string;
  force?: boolean;
  refresh?: boolean;
}

/**
 * A period not begun, or holding no records, is written only past the warning (--force, or a
 * yes on a terminal); refused otherwise before any number is used.
 */
export async function periodMayBeWritten(ctx: Ctx, cmd: Command, cf: CellFile, period: ReportPeriod): Promise<boolean> {
  const warning = reportWarning(cf, period, ctx.today());
  return warning === null || pastWarning(ctx, cmd, warning.key, warning.vars);
}

export async function exportReport(ctx: Ctx, cmd: Command, kind: ReportKind, flags: ReportFlags): Promise<void> {
  // Everything that can be refused is checked before a byte is written.
  const period = reportPeriod(kind, flags, ctx.today());
  const number = flags.number === undefined ? undefined : parseDocumentNumber(flags.number);
  const template = resolveTemplate(kind, flags.template, dataFolder(ctx.env), ctx.io.cwd);
  await ctx.onCell(cmd, async (cf, cell) => {
    const out = path.resolve(ctx.io.cwd, flags.out ?? defaultReportFileName(kind, period, cell));
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UserError('error.reportOutNotXlsx', { file: out });
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UserError('error.outIsFolder', { file: out });
    const folder = path.dirname(out);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UserError('error.folderMissing', { file: folder });
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UserError('error.reportOutIsFolder', { file: out });
    if (!(await periodMayBeWritten(ctx, cmd, cf, period))) return ctx.print(ctx.t('report.notWritten'));
    if (!(await mayOverwrite(ctx, cmd, [out]))) return;
    const produced = await produceReport(cf, { kind, period, template, out, number, force: Boolean(flags.force || ctx.globals(cmd).force), today: ctx.today(), now: ctx.now(), refresh: flags.refresh === true });
    if (ctx.globals(cmd).json) return ctx.printJson({ file: produced.file, kind: produced.kind, period: produced.period, number: produced.number });
    // The plan's number is on its first sheet, the cell's plan.
    const title = template.collective?.title ?? template.title;
    ctx.print(ctx.t('report.written', { title, number: numberLine(produced.number, template.abbreviation, produced.symbol), file: out }));
  });
}

const NUMBER_KINDS = ['plan', 'registrations', 'monthly', 'results', 'stats', 'exemplars', 'minutes'] as const;

/** The kind of a numbered document in words ("Báo cáo tháng"); a kind not known here as stored. */
function numberKind(ctx: Ctx, kind: string): string {
  const known = NUMBER_KINDS.find((k) => k === kind);
  return known ? ctx.t(`report.numbers.kind.${known}`) : kind;
}

/** The period a number was given for, as stored ("2026-03", "2026-H1", "2026", "meeting-4"), in words. */
function numberPeriod(ctx: Ctx, period: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return ctx.t('report.numbers.period.month', { month: `${m[2]}/${m[1]}` });
  if ((m = /^(\d{4})-H([12])$/.exec(period))) return ctx.t(m[2] === '1' ? 'report.numbers.period.half1' : 'report.numbers.period.half2', { year: m[1]! });
  if (/^\d{4}$/.test(period)) return ctx.t('report.numbers.period.year', { year: period });
  if ((m = /^meeting-(\d+)$/.exec(period))) return ctx.t('report.numbers.period.meeting', { id: m[1]! });
  return period;
}

/** `report numbers [--year]`: the numbers used, so the secretary can see each series. */
export async function listNumbers(ctx: Ctx, cmd: Command, flags: { year?: string }): Promise<void> {
  const year = flags.year === undefined ? undefined : parseYear(flags.year);
  await ctx.withCell(
    cmd,
    async (cf) => {
      const { cell, rows } = documentNumbers(cf, year);
      if (ctx.globals(cmd).json) return ctx.printJson(rows);
      if (rows.length === 0) return ctx.print(ctx.t('report.numbers.none', { year: year === undefined ? '' : ` (${year})` }));
      const { printTable } = await import('../output/table.js');
      await printTable(
        ctx,
        [
          { title: ctx.t('report.numbers.col.number'), width: 3 },
          { title: ctx.t('report.numbers.col.kind'), width: 3 },
          { title: ctx.t('report.numbers.col.period'), width: 3 },
          { title: ctx.t('report.numbers.col.date'), width: 3 },
        ],
        rows.map((r) => [numberLine(r.number, r.series, cell.symbol), numberKind(ctx, r.kind), numberPeriod(ctx, r.period), formatDate(r.issuedAt.slice(0, 10) as IsoDate)]),
      );
    },
    { readonly: true },
  );
}

/**
 * The command that writes a template's kind of report ("hoc-theo-bac report monthly"): what a
 * person reads in the list, in place of the kind's English word.
 */
function templateCommand(kind: string, document: boolean): string {
  if (document) return `hoc-theo-bac report document ${kind}`;
  if (kind.startsWith('committee-')) return `hoc-theo-bac committee report ${kind.slice('committee-'.length)}`;
  return `hoc-theo-bac report ${kind}`;
}

export async function listTemplates(ctx: Ctx, cmd: Command): Promise<void> {
  const home = dataFolder(ctx.env);
  const rows = (await reportTemplates(home)).map((r) => {
    const error = r.error ? describeError(r.error, ctx.lang).message : null;
    if (r.format === 'json') return { name: r.name, kind: r.kind, command: templateCommand(r.kind, false) + (r.origin === 'data' ? ` --template ${r.name}` : ''), origin: r.origin, description: r.description, file: r.file, error };
    const known = (['results', 'plan', 'minutes'] as const).find((k) => k === r.kind);
    const description = known ? ctx.t(`report.document.${known}.help`) : '';
    return { name: r.name, kind: ctx.t('report.kind.document', { kind: r.kind }), command: templateCommand(r.kind, true) + (r.origin === 'data' ? ` --template ${r.name}` : ''), origin: r.origin, description, file: r.file, error };
  });
  if (ctx.globals(cmd).json) return ctx.printJson(rows);
  const { printTable } = await import('../output/table.js');
  await printTable(
    ctx,
    [
      { title: ctx.t('report.col.name'), width: 3 },
      { title: ctx.t('report.col.command'), width: 3 },
      { title: ctx.t('report.col.origin'), width: 6 },
    ],
    rows.map((r) => [
      r.name,
      r.command,
      r.error ? ctx.t('report.origin.invalid', { reason: r.error }) : `${ctx.t(r.origin === 'data' ? 'report.origin.data' : 'report.origin.shipped')}${r.description ? ': ' + r.description : ''}`,
    ]),
  );
  ctx.print(ctx.t('report.templatesFolder', { folder: dataTemplatesFolder(home) }));
}

