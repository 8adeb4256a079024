// One builder per report kind: records → report model (pure, no spreadsheet library).
import type { BuildInput } from './common.js';
import type { ReportKind } from './kinds.js';
import type { ReportModel } from './types.js';
import { buildPlan } from './plan.js';
import { buildRegistrations } from './registrations.js';
import { buildMonthly } from './monthly.js';
import { buildResults } from './results.js';
import { buildStats } from './stats.js';
import { buildExemplars } from './exemplars.js';

const BUILDERS: Record<ReportKind, (input: BuildInput) => ReportModel> = {
  plan: buildPlan,
  registrations: buildRegistrations,
  monthly: buildMonthly,
  results: buildResults,
  stats: buildStats,
  exemplars: buildExemplars,
};

export function buildReport(kind: ReportKind, input: BuildInput): ReportModel {
  return BUILDERS[kind](input);
}

export type { BuildInput };
