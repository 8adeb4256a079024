import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { ReportFlags } from '../commands/report.js';
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
      .option('--number <nn>', t('report.opt.number'));
    examples(cmd, ctx, `report.example.${kind}`).action(async function (this: Command, flags: ReportFlags) {
      return (await commands()).exportReport(ctx, this, kind, flags);
    });
  }
  examples(report.command('templates').description(t('report.templates.help')), ctx, 'report.example.templates').action(async function (this: Command) {
    return (await commands()).listTemplates(ctx, this);
  });
}
