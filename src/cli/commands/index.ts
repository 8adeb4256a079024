// Every command group registers itself here, in the order of the help listing.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import * as cell from './cell.js';
import * as member from './member.js';
import * as pledge from './pledge.js';
import * as exemplar from './exemplar.js';
import * as meeting from './meeting.js';
import * as review from './review.js';
import * as status from './status.js';
import * as demo from './demo.js';
import * as report from './report.js';

const GROUPS: ReadonlyArray<{ register(program: Command, ctx: Ctx): void }> = [cell, member, pledge, meeting, review, exemplar, status, report, demo];

export function registerCommands(program: Command, ctx: Ctx): void {
  for (const g of GROUPS) g.register(program, ctx);
}
