// Every command group registers itself here, in the order of the help listing.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import * as cell from './cell.js';
import * as member from './member.js';
import * as demo from './demo.js';
import * as imports from './import.js';
import * as archive from './archive.js';

const GROUPS: ReadonlyArray<{ register(program: Command, ctx: Ctx): void }> = [cell, member, demo, imports, archive];

export function registerCommands(program: Command, ctx: Ctx): void {
  for (const g of GROUPS) g.register(program, ctx);
}
