// report document results | plan | minutes: flags → one use case (src/app/documents.ts) → printed result.
import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { examples, group } from './define.js';
import { requireCell } from './cell.js';
import { mayOverwrite, parseDocumentNumber, reportPeriod } from './report.js';
import { UserError } from '../../domain/errors.js';
import { dataFolder } from '../../store/data-folder.js';
import { resolveTemplate, resolveWordTemplate } from '../../reports/template.js';
import type { DocumentKind } from '../../reports/model/documents.js';

interface DocumentFlags {
  year?: string;
  half?: string;
  month?: string;
  meeting?: string;
  out?: string;
  template?: string;
  number?: string;
}

/** The period flags each document takes: the results report's (--half/--year), the plan's (--year), the month's. */
const PERIOD_OF = { results: 'results', plan: 'plan', minutes: 'monthly' } as const;

async function writeDocument(ctx: Ctx, cmd: Command, kind: DocumentKind, flags: DocumentFlags): Promise<void> {
  // Everything that can be refused is checked before a byte is written.
  if (flags.meeting !== undefined && flags.month !== undefined) throw new UserError('error.documentMeetingAndMonth', {}, 2);
  const period = reportPeriod(PERIOD_OF[kind], flags, ctx.today());
  const number = flags.number === undefined ? undefined : parseDocumentNumber(flags.number);
  const home = dataFolder(ctx.env);
  const templateFile = resolveWordTemplate(kind, flags.template, home, ctx.io.cwd);
  const attachmentTemplate = kind === 'results' ? resolveTemplate('results', undefined, home, ctx.io.cwd) : undefined;
  const app = await import('../../app/documents.js');
  await ctx.withCell(cmd, async (cf) => {
    const cell = requireCell(cf);
    const target = { kind, period, meeting: flags.meeting };
    const subject = app.documentSubject(cf, target);
    const out = path.resolve(ctx.io.cwd, flags.out ?? app.defaultDocumentFileName(kind, subject.period, subject.meeting, cell));
    if (!out.toLowerCase().endsWith('.docx')) throw new UserError('error.documentOutNotDocx', { file: out });
    const folder = path.dirname(out);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UserError('error.folderMissing', { file: folder });
    const attachment = attachmentTemplate ? { template: attachmentTemplate, out: app.attachmentFileName(out) } : undefined;
    if (!(await mayOverwrite(ctx, cmd, attachment ? [out, attachment.out] : [out]))) return;
    const produced = await app.produceDocument(cf, { ...target, templateFile, out, attachment, number, today: ctx.today(), now: ctx.now() });
    if (ctx.globals(cmd).json) return ctx.printJson(produced);
    ctx.print(ctx.t('report.document.written', { title: ctx.t(`report.document.title.${kind}`), number: produced.numberLine, file: produced.file }));
    if (produced.attachment) ctx.print(ctx.t('report.document.attachment', { number: produced.numberLine, file: produced.attachment }));
    if (kind === 'results') ctx.print(ctx.t('report.document.draftNote'));
  });
}

/** `report document …`, declared cheaply: the Word library is loaded only when a document is written. */
export function registerDocuments(report: Command, ctx: Ctx): void {
  const { t } = ctx;
  const document = group(report, 'document', t('report.document.help'));
  const declare = (kind: DocumentKind, periods: (cmd: Command) => Command) =>
    examples(
      periods(document.command(kind).description(t(`report.document.${kind}.help`)))
        .option('--out <file>', t('report.document.opt.out'))
        .option('--template <name>', t('report.document.opt.template'))
        .option('--number <nn>', t('report.opt.number')),
      ctx,
      `report.document.example.${kind}`,
    ).action(function (this: Command, flags: DocumentFlags) {
      return writeDocument(ctx, this, kind, flags);
    });
  declare('results', (c) => c.option('--half <half>', t('report.opt.half')).option('--year <year>', t('report.opt.year')));
  declare('plan', (c) => c.option('--year <year>', t('report.opt.year')));
  declare('minutes', (c) => c.option('--month <month>', t('report.opt.month')).option('--meeting <id>', t('report.document.opt.meeting')));
}
