// One description per field a person gives: its limit, its label, its flag, the column
// titles a spreadsheet may use for it and its JSON key. The domain's checks name the FIELD
// (a FieldError); each surface names it its own way from here: the command line by its
// flag, a prompt by its label or as "the answer", an import row by the sheet's column title.
// Adding a field: describe it here, give it a label in src/i18n/messages, check it in the
// domain (optionalText/requiredText with its id), and keep it in the store.
// A pledge item's own fields (those `pledge.*` with a JSON key) go further: their flags, the
// command's reading of them, the prompts, the import's columns and the JSON are all derived
// from PLEDGE_ITEM_FIELDS below; see the README, "For developers".
import type { MessageKey } from '../i18n/index.js';

export interface FieldSpec {
  /** The label key (a prompt's, a show command's "Field:" line). */
  readonly label: MessageKey;
  /** The command-line flag that gives it. */
  readonly flag: string;
  /** Longest text kept (characters), for text fields. */
  readonly max?: number;
  /** Column titles a sheet may use for it (compared folded); the first is written as a person would. */
  readonly columns?: readonly string[];
  /** Its key in --json output and exports. */
  readonly json?: string;
  /** The flag's help text (pledge item fields: the flags are declared from here). */
  readonly help?: MessageKey;
  /** The question a prompt asks for it (pledge item fields). */
  readonly ask?: MessageKey;
  /** The flag's value placeholder; `<text>` when not set. */
  readonly value?: string;
  /** A text field that may not be left blank. */
  readonly required?: true;
  /** Given only for the cell's own (collective) pledge items. */
  readonly collectiveOnly?: true;
}

const NAME_TITLES = ['Họ và tên', 'ho ten', 'ho va ten dang vien', 'ten dang vien', 'ho ten dang vien', 'full name', 'name'];
const BORN_TITLES = ['nam sinh', 'ngay sinh', 'ngay thang nam sinh', 'sinh nam', 'born', 'birth', 'year of birth', 'date of birth'];

export const FIELDS = {
  /** Any date given with --date where no more precise field applies. */
  date: { label: 'meeting.field.date', flag: '--date' },
  // ---- pledge items
  'pledge.content': { label: 'pledge.field.content', flag: '--content', help: 'pledge.opt.content', ask: 'pledge.ask.content', required: true, max: 500, json: 'content', columns: ['Nội dung', 'noi dung dang ky', 'noi dung cam ket', 'dang ky', 'content'] },
  'pledge.action': { label: 'pledge.field.action', flag: '--action', help: 'pledge.opt.action', ask: 'pledge.ask.action', max: 300, json: 'action', columns: ['viec lam cu the', 'hanh dong', 'hanh dong cu the', 'viec lam', 'action'] },
  'pledge.solution': { label: 'pledge.field.solution', flag: '--solution', help: 'pledge.opt.solution', ask: 'pledge.ask.solution', max: 300, json: 'solution', columns: ['giai phap', 'bien phap', 'giai phap thuc hien', 'solution'] },
  'pledge.due': { label: 'pledge.field.due', flag: '--due', help: 'pledge.opt.due', ask: 'pledge.ask.due', value: '<date>', json: 'due', columns: ['thoi gian', 'thoi han', 'thoi gian hoan thanh', 'han hoan thanh', 'thoi gian thuc hien', 'deadline', 'due'] },
  'pledge.target': { label: 'pledge.field.target', flag: '--target', help: 'pledge.opt.target', ask: 'pledge.ask.target', max: 300, json: 'target', columns: ['san pham', 'chi tieu', 'san pham chi tieu', 'muc tieu', 'ket qua', 'san pham ket qua', 'target'] },
  'pledge.owner': { label: 'pledge.field.owner', flag: '--owner', help: 'pledge.opt.owner', ask: 'pledge.ask.owner', collectiveOnly: true, max: 100, json: 'owner', columns: ['nguoi phu trach', 'phu trach', 'nguoi chu tri', 'owner'] },
  'pledge.commitDate': { label: 'pledge.field.commitment', flag: '--date' },
  'pledge.gradeNote': { label: 'pledge.opt.note', flag: '--note', max: 300 },
  'pledge.approveDate': { label: 'pledge.opt.approveDate', flag: '--date' },
  'pledge.gradePeriod': { label: 'pledge.opt.period', flag: '--period' },
  'pledge.selfGrade': { label: 'pledge.opt.self', flag: '--self' },
  'pledge.cellGrade': { label: 'pledge.opt.cell', flag: '--cell-grade' },
  // ---- members
  'member.name': { label: 'member.field.name', flag: '--name', max: 100, json: 'name', columns: NAME_TITLES },
  'member.born': { label: 'member.field.born', flag: '--born', columns: BORN_TITLES },
  'member.gender': { label: 'member.field.gender', flag: '--gender', json: 'gender', columns: ['gioi tinh', 'nam nu', 'gender'] },
  'member.partyRole': { label: 'member.field.partyRole', flag: '--party-role', max: 100, json: 'partyRole', columns: ['chuc vu dang', 'chuc vu trong dang', 'chuc vu dang uy', 'chuc vu trong chi bo', 'party role'] },
  'member.job': { label: 'member.field.job', flag: '--job', max: 100, json: 'job', columns: ['chuc vu chinh quyen', 'chuc vu chinh quyen doan the', 'chuc vu', 'chuc vu cong tac', 'nghe nghiep', 'cong viec', 'job'] },
  'member.unit': { label: 'member.field.unit', flag: '--unit', max: 150, json: 'unit', columns: ['don vi', 'don vi cong tac', 'noi cong tac', 'co quan', 'unit'] },
  'member.joined': { label: 'member.field.joined', flag: '--joined', json: 'joined', columns: ['ngay vao dang', 'ngay ket nap', 'ngay ket nap dang', 'vao dang', 'joined'] },
  'member.official': { label: 'member.field.official', flag: '--official', json: 'official', columns: ['ngay chinh thuc', 'chinh thuc', 'ngay cong nhan chinh thuc', 'official'] },
  'member.card': { label: 'member.field.card', flag: '--card', max: 30, json: 'card', columns: ['so the', 'so the dang', 'so the dang vien', 'card'] },
  'member.statusFrom': { label: 'member.opt.from', flag: '--from' },
  'member.statusNote': { label: 'member.opt.note', flag: '--note', max: 300 },
  'member.since': { label: 'member.opt.since', flag: '--since' },
  'member.gradeNote': { label: 'member.opt.gradeNote', flag: '--note', max: 300 },
  'member.score': { label: 'member.opt.score', flag: '--score' },
  // ---- meetings and reviews
  'meeting.date': { label: 'meeting.field.date', flag: '--date', json: 'date' },
  'meeting.topic': { label: 'meeting.field.topic', flag: '--topic', max: 300, json: 'topic' },
  'meeting.chair': { label: 'meeting.field.chair', flag: '--chair', max: 100, json: 'chair' },
  'meeting.minutesBy': { label: 'meeting.field.minutesBy', flag: '--minutes-by', max: 100, json: 'minutesBy' },
  'meeting.score': { label: 'meeting.field.score', flag: '--score', json: 'score' },
  'meeting.absentReason': { label: 'meeting.ask.absentReason', flag: '--absent', max: 200 },
  'meeting.conclusion': { label: 'meeting.field.conclusion', flag: '--conclusion', max: 2000, json: 'conclusion' },
  'review.self': { label: 'review.ask.self', flag: '--self', max: 2000, json: 'selfCritique' },
  'review.comment': { label: 'review.ask.comment', flag: '--comment', max: 2000, json: 'comment' },
  // ---- exemplars
  'exemplar.achievement': { label: 'exemplar.col.achievement', flag: '--achievement', max: 1000, json: 'achievement' },
  'exemplar.award': { label: 'exemplar.col.award', flag: '--award', max: 300, json: 'award' },
  // ---- the cell and its programme
  'cell.name': { label: 'cell.field.name', flag: '--name', max: 120, json: 'name' },
  'cell.committee': { label: 'cell.field.committee', flag: '--committee', max: 120, json: 'committee' },
  'cell.place': { label: 'cell.field.place', flag: '--place', max: 120, json: 'place' },
  'cell.secretary': { label: 'cell.field.secretary', flag: '--secretary', max: 120, json: 'secretary' },
  'cell.recipient': { label: 'cell.field.recipient', flag: '--recipient', max: 120, json: 'recipient' },
  'programme.basis': { label: 'programme.field.basis', flag: '--basis', max: 200, json: 'basis' },
  'programme.topic': { label: 'programme.field.topic', flag: '--topic', max: 500, json: 'topic' },
  'programme.yearTopic': { label: 'programme.field.yearTopic', flag: '--year-topic', max: 500, json: 'yearTopic' },
  // ---- reports
  'report.number': { label: 'report.opt.number', flag: '--number' },
} as const satisfies Record<string, FieldSpec>;

export type FieldId = keyof typeof FIELDS;

export function field(id: FieldId): FieldSpec {
  return FIELDS[id];
}

/** The longest text a field keeps (200 when its description sets none). */
export function fieldMax(id: FieldId): number {
  const spec: FieldSpec = FIELDS[id];
  return spec.max ?? 200;
}

/** The column titles of a field, for reading sheets. */
export function fieldColumns(id: FieldId): string[] {
  const spec: FieldSpec = FIELDS[id];
  return [...(spec.columns ?? [])];
}

type Fields = typeof FIELDS;

/**
 * A pledge item's own fields, by their name in the Pledge type: the `pledge.*` descriptions
 * with a JSON key (the others are flags of commit, grade, approve).
 */
export type PledgeItemField = { [K in FieldId]: K extends `pledge.${infer N}` ? (Fields[K] extends { json: string } ? N : never) : never }[FieldId];
/** The item's text fields: those with a length limit (the deadline is a date). */
export type PledgeTextField = { [N in PledgeItemField]: Fields[`pledge.${N}`] extends { max: number } ? N : never }[PledgeItemField];
/** An item field's JSON key, as its description says. */
export type PledgeJsonKey<N extends PledgeItemField> = Fields[`pledge.${N}`]['json'];

/** The item's fields in the order they are described: the order of flags, prompts, JSON and sheets. */
export const PLEDGE_ITEM_FIELDS = (Object.keys(FIELDS) as FieldId[])
  .filter((id) => id.startsWith('pledge.') && (FIELDS[id] as FieldSpec).json !== undefined)
  .map((id) => id.slice('pledge.'.length) as PledgeItemField);

/** The item's text fields, in the same order. */
export const PLEDGE_TEXT_FIELDS = PLEDGE_ITEM_FIELDS.filter((f) => pledgeField(f).max !== undefined) as PledgeTextField[];

/** The id of a pledge item field (`content` → `pledge.content`). */
export function pledgeFieldId(name: PledgeItemField): FieldId {
  return `pledge.${name}`;
}

/** The description of a pledge item field. */
export function pledgeField(name: PledgeItemField): FieldSpec {
  return FIELDS[pledgeFieldId(name)];
}
