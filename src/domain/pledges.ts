// Pledge items (đăng ký): individual items of the three contents, collective key tasks.
export const PLEDGE_KINDS = ['hoc-tap', 'lam-theo', 'neu-guong', 'trong-tam'] as const;
export type PledgeKind = (typeof PLEDGE_KINDS)[number];

/** The three contents an individual registration must cover together. */
export const INDIVIDUAL_KINDS: readonly PledgeKind[] = ['hoc-tap', 'lam-theo', 'neu-guong'];

export interface Pledge {
  id: number;
  /** null for a collective item (việc trọng tâm của tập thể). */
  memberId: number | null;
  year: number;
  kind: PledgeKind;
  content: string;
  action: string | null;
  solution: string | null;
  due: string | null;
  target: string | null;
  owner: string | null;
  removedAt: string | null;
}

export type PledgeFields = Omit<Pledge, 'id' | 'removedAt'>;
