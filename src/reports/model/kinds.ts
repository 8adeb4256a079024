// The six report kinds, the period each covers and the column keys each table knows.
export const REPORT_KINDS = ['plan', 'registrations', 'monthly', 'results', 'stats', 'exemplars'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
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
  stats: [
    'stt',
    'unit',
    'members',
    'registered',
    'registeredRate',
    'collectiveItems',
    'individualItems',
    'completedItems',
    'completedRate',
    'collectiveExemplars',
    'individualExemplars',
  ],
  exemplars: ['stt', 'name', 'position', 'achievement', 'award', 'note'],
} as const satisfies Record<ReportKind, readonly string[]>;

export type ColumnKey<K extends ReportKind> = (typeof KIND_COLUMNS)[K][number];

/** Columns of the cell's collective plan (the plan report's extra sheet). */
export const PLAN_COLLECTIVE_COLUMNS = ['stt', 'content', 'solution', 'owner', 'due', 'target', 'note'] as const;
export type PlanCollectiveKey = (typeof PLAN_COLLECTIVE_COLUMNS)[number];

/** Placeholders a template's texts may use. */
export const PLACEHOLDERS = ['cell', 'committee', 'recipient', 'place', 'year', 'month', 'half', 'period', 'number'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
