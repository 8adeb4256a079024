// report document results | plan | minutes (declared in src/cli/groups/report.ts): flags → one use
// case (src/app/documents.ts) → printed result.
import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { requireCell } from '../../app/cells.js';
import { parseDocumentNumber, reportPeriod } from '../../app/reports.js';
import { mayOverwrite } from '../ask.js';
import { periodMayBeWritten } from './report.js';
import { UserError } from '../../domain/errors.js';
import { dataFolder } from '../../store/data-folder.js';
import { resolveTemplate, resolveWordTemplate } from '../../reports/template.js';
import type { DocumentKind } from '../../reports/model/documents.js';

export interface DocumentFlags {
  year?: string;
  half?: string;
  month?: string;
  meeting?: string;
  out?: string;
  template?: string;
  number?: string;
  refresh?: boolean;
}

/** The period flags each document takes: the results report's (--half/--year), the plan's (--year), the month's. */
const PERIOD_OF = { results: 'results', plan: 'plan', minutes: 'monthly' } as const;

export async function writeDocument(ctx: Ctx, cmd: Command, kind: DocumentKind, flags: DocumentFlags): Promise<void> {
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
    if (!(await periodMayBeWritten(ctx, cmd, cf, subject.period))) return ctx.print(ctx.t('report.notWritten'));
    const attachment = attachmentTemplate ? { template: attachmentTemplate, out: app.attachmentFileName(out) } : undefined;
    if (!(await mayOverwrite(ctx, cmd, attachment ? [out, attachment.out] : [out]))) return;
    const produced = await app.produceDocument(cf, { ...target, templateFile, out, attachment, number, refresh: flags.refresh === true, today: ctx.today(), now: ctx.now() });
    if (ctx.globals(cmd).json) return ctx.printJson(produced);
    ctx.print(ctx.t('report.document.written', { title: ctx.t(`report.document.title.${kind}`), number: produced.numberLine, file: produced.file }));
    if (produced.attachment) ctx.print(ctx.t('report.document.attachment', { number: produced.numberLine, file: produced.attachment }));
    if (kind === 'results') ctx.print(ctx.t('report.document.draftNote'));
  });
}
