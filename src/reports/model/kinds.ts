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

/** The column keys a template may use, per kind (and for plan, its collective sheet). */
export const KIND_COLUMNS: Record<ReportKind, readonly string[]> = {
  plan: ['stt', 'kind', 'content', 'action', 'solution', 'due', 'target'],
  registrations: ['stt', 'name', 'position', 'study', 'follow', 'example', 'committed', 'note'],
  monthly: ['stt', 'name', 'pledges', 'progress', 'selfCritique', 'comment', 'result', 'recognition'],
  results: ['stt', 'name', 'content', 'outcome', 'selfGrade', 'cellGrade', 'note'],
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
};

/** Columns of the cell's collective plan (the plan report's extra sheet). */
export const PLAN_COLLECTIVE_COLUMNS: readonly string[] = ['stt', 'content', 'solution', 'owner', 'due', 'target', 'note'];

/** Placeholders a template's texts may use. */
export const PLACEHOLDERS = ['cell', 'committee', 'place', 'year', 'month', 'half', 'period', 'number'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
