// The six report kinds, the period each covers and the column keys each table knows.
export const REPORT_KINDS = ['plan', 'registrations', 'monthly', 'results', 'stats', 'exemplars'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

/**
 * The committee's own documents (issue 13): one row per unit below and a total row. Their
 * templates sit beside the cell's, with these kinds; `report` does not make them.
 */
export const COMMITTEE_REPORT_KINDS = ['committee-stats', 'committee-results', 'committee-exemplars'] as const;
export type CommitteeReportKind = (typeof COMMITTEE_REPORT_KINDS)[number];
/** Every kind a template may be made for. */
export type TemplateKind = ReportKind | CommitteeReportKind;
export const TEMPLATE_KINDS: readonly TemplateKind[] = [...REPORT_KINDS, ...COMMITTEE_REPORT_KINDS];

export function isTemplateKind(value: unknown): value is TemplateKind {
  return typeof value === 'string' && (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** Which period flags a kind takes: --year, --month, or --half and --year. */
export const KIND_PERIODS: Record<ReportKind, ReadonlyArray<'year' | 'month' | 'half'>> = {
  plan: ['year'],
  registrations: ['year'],
  monthly: ['month'],
  results: ['half', 'year'],
  stats: ['year'],
  exemplars: ['year'],
};

const STATS_FIGURE_COLUMNS = [
  'members',
  'registered',
  'registeredRate',
  'collectiveItems',
  'individualItems',
  'completedItems',
  'completedRate',
  'collectiveExemplars',
  'individualExemplars',
] as const;

/**
 * The column keys a template may use, per kind (and for plan, its collective sheet). Each
 * builder must give a value for every key of its kind (ColumnKey), so adding a key here makes
 * the compiler point at the builder.
 */
export const KIND_COLUMNS = {
  plan: ['stt', 'kind', 'content', 'action', 'solution', 'due', 'target'],
  registrations: ['stt', 'name', 'position', 'study', 'follow', 'example', 'committed', 'note'],
  monthly: ['stt', 'name', 'pledges', 'progress', 'selfCritique', 'comment', 'result', 'recognition'],
  results: ['stt', 'name', 'memberGrade', 'content', 'outcome', 'selfGrade', 'cellGrade', 'note'],
  stats: ['stt', 'unit', ...STATS_FIGURE_COLUMNS],
  exemplars: ['stt', 'name', 'position', 'achievement', 'award', 'note'],
  // The cell's statistics columns, and how many cells a unit's row covers.
  'committee-stats': ['stt', 'unit', 'cells', ...STATS_FIGURE_COLUMNS],
  'committee-results': ['stt', 'unit', 'cells', 'items', 'good', 'goodRate', 'done', 'doneRate', 'notDone', 'notDoneRate', 'none', 'note'],
  'committee-exemplars': ['stt', 'name', 'position', 'unit', 'achievement', 'award', 'note'],
} as const satisfies Record<TemplateKind, readonly string[]>;

export type ColumnKey<K extends TemplateKind> = (typeof KIND_COLUMNS)[K][number];

/** Columns of the cell's collective plan (the plan report's extra sheet). */
export const PLAN_COLLECTIVE_COLUMNS = ['stt', 'content', 'solution', 'owner', 'due', 'target', 'note'] as const;
export type PlanCollectiveKey = (typeof PLAN_COLLECTIVE_COLUMNS)[number];

/** Placeholders a template's texts may use. */
export const PLACEHOLDERS = ['cell', 'committee', 'recipient', 'place', 'year', 'month', 'half', 'period', 'number'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
