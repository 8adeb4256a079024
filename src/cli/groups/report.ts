import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { ReportFlags } from '../commands/report.js';
import type { DocumentFlags } from '../commands/report-document.js';
import type { DocumentKind } from '../../reports/model/documents.js';
import { KIND_PERIODS, REPORT_KINDS } from '../../reports/model/kinds.js';
import { examples, group } from '../commands/define.js';

const commands = () => import('../commands/report.js');

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  const report = group(program, 'report', t('report.help'));
  for (const kind of REPORT_KINDS) {
    const cmd = report.command(kind).description(t(`report.${kind}.help`));
    const periods = KIND_PERIODS[kind];
    if (periods.includes('year')) cmd.option('--year <year>', t('report.opt.year'));
    if (periods.includes('month')) cmd.option('--month <month>', t('report.opt.month'));
    if (periods.includes('half')) cmd.option('--half <half>', t('report.opt.half'));
    cmd
      .option('--out <file>', t('report.opt.out'))
      .option('--template <name>', t('report.opt.template'))
      .option('--number <nn>', t('report.opt.number'))
      .option('--force', t('report.opt.force'))
      .option('--refresh', t('report.opt.refresh'));
    examples(cmd, ctx, `report.example.${kind}`).action(async function (this: Command, flags: ReportFlags) {
      return (await commands()).exportReport(ctx, this, kind, flags);
    });
  }
  report
    .command('numbers')
    .description(t('report.numbers.help'))
    .option('--year <year>', t('report.opt.numbersYear'))
    .action(async function (this: Command, flags: { year?: string }) {
      return (await commands()).listNumbers(ctx, this, flags);
    });
  registerDocuments(report, ctx);
  examples(report.command('templates').description(t('report.templates.help')), ctx, 'report.example.templates').action(async function (this: Command) {
    return (await commands()).listTemplates(ctx, this);
  });
}

/** `report document results | plan | minutes`: the Word library is loaded only when a document is written. */
function registerDocuments(report: Command, ctx: Ctx): void {
  const { t } = ctx;
  const document = group(report, 'document', t('report.document.help'));
  const declare = (kind: DocumentKind, periods: (cmd: Command) => Command) =>
    examples(
      periods(document.command(kind).description(t(`report.document.${kind}.help`)))
        .option('--out <file>', t('report.document.opt.out'))
        .option('--template <name>', t('report.document.opt.template'))
        .option('--number <nn>', t('report.opt.number'))
        .option('--refresh', t('report.opt.refresh')),
      ctx,
      `report.document.example.${kind}`,
    ).action(async function (this: Command, flags: DocumentFlags) {
      return (await import('../commands/report-document.js')).writeDocument(ctx, this, kind, flags);
    });
  declare('results', (c) => c.option('--half <half>', t('report.opt.half')).option('--year <year>', t('report.opt.year')));
  declare('plan', (c) => c.option('--year <year>', t('report.opt.year')));
  declare('minutes', (c) => c.option('--month <month>', t('report.opt.month')).option('--meeting <id>', t('report.document.opt.meeting')));
}
