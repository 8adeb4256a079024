// plan: the cell's collective plan, then one registration form per member who registered.
import { blankDateLine, documentDateLine, formatDate } from '../../domain/dates.js';
import type { Member } from '../../domain/members.js';
import { cellSheet, figuresOf, fillPlaceholders, headerBlock, membersOfPeriod, placeholderValues, type BuildInput } from './common.js';
import type { ColumnKey, PlanCollectiveKey } from './kinds.js';
import { count, date, text, type ReportModel, type ReportRow, type ReportSheet } from './types.js';
import { KIND_WORDS, SIGN_FOR_CELL } from './words.js';

export const COMMITMENT =
  'Tôi xin cam kết giữ gìn phẩm chất chính trị, đạo đức, lối sống; không suy thoái về tư tưởng chính trị, đạo đức, lối sống, ' +
  'không "tự diễn biến", "tự chuyển hóa"; thực hiện nghiêm túc những nội dung đã đăng ký và chịu sự kiểm tra, giám sát của chi bộ.';

const SHEET_NAME_MAX = 31;

/** A worksheet name: at most 31 characters, none of : \ / ? * [ ], and a typographic apostrophe (H’Hen). */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, ' ').replace(/'/g, '’').slice(0, SHEET_NAME_MAX).trim();
}

function birthOf(m: Member): string {
  return m.birthDate ? formatDate(m.birthDate) : m.birthYear ? String(m.birthYear) : '';
}

export function buildPlan(input: BuildInput): ReportModel {
  const { records, period, template } = input;
  const collective = figuresOf(input).collectiveItems;
  const collectiveRows: ReportRow<PlanCollectiveKey>[] = collective.map((p, i) => ({
    cells: {
      stt: count(i + 1),
      content: text(p.content),
      solution: text([p.action, p.solution].filter(Boolean).join('\n')),
      owner: text(p.owner ?? ''),
      due: date(p.due),
      target: text(p.target ?? ''),
      note: text(''),
    },
  }));
  // The year's programme (programme set) is the plan's basis: "Căn cứ", and the topics of the term and the year.
  const programme = records.programme;
  const basis = programme
    ? [`Căn cứ: ${programme.basis}.`, ...(programme.topic ? [`Chuyên đề toàn khóa: ${programme.topic}.`] : []), ...(programme.yearTopic ? [`Chuyên đề năm ${programme.year}: ${programme.yearTopic}.`] : [])]
    : [];
  const sheets: ReportSheet[] = [cellSheet(input, template.collective!, { name: 'Kế hoạch chi bộ', rows: collectiveRows, intro: basis })];

  const vars = placeholderValues(input);
  const f = figuresOf(input);
  const registered = membersOfPeriod(records, period).filter((m) => f.registered.includes(m.member));
  registered.forEach(({ member }, n) => {
    const items = f.individualItems.filter((p) => p.memberId === member.id);
    const registration = records.registrations.find((r) => r.memberId === member.id);
    // The form is dated the day it was signed; a form not yet signed leaves the day to the pen.
    const signedOn = registration?.committedOn ?? null;
    const place = records.cell.place;
    // The cell's approval (pledge approve), with its date, under the commitment.
    const approval = registration?.state === 'approved' ? [registration.approvedOn ? `Chi bộ đã duyệt ngày ${formatDate(registration.approvedOn)}.` : 'Chi bộ đã duyệt.'] : [];
    sheets.push({
      name: sheetName(`${n + 1}. ${member.name}`),
      header: { ...headerBlock(input, false), dateLine: signedOn ? documentDateLine(place, signedOn) : blankDateLine(place, period.year) },
      title: fillPlaceholders(template.title, vars),
      subject: fillPlaceholders(template.subject, vars),
      intro: [
        [`Họ và tên: ${member.name}`, `Ngày sinh: ${birthOf(member)}`],
        `Chức vụ đảng: ${member.partyRole ?? ''}`,
        `Chức vụ chính quyền, đoàn thể: ${member.job ?? ''}`,
        `Đơn vị công tác: ${member.unit ?? records.cell.name}`,
      ],
      columns: template.columns,
      rows: items.map(
        (p, i): ReportRow<ColumnKey<'plan'>> => ({
          cells: {
            stt: count(i + 1),
            kind: text(KIND_WORDS[p.kind]),
            content: text(`${KIND_WORDS[p.kind]}: ${p.content}`),
            action: text(p.action ?? ''),
            solution: text(p.solution ?? ''),
            due: date(p.due),
            target: text(p.target ?? ''),
          },
        }),
      ),
      merges: [],
      summary: [],
      closing: [COMMITMENT, ...approval],
      // The cell confirms the form (its secretary, for the cell); the member signs it.
      signature: {
        recipients: null,
        left: { title: ['XÁC NHẬN CỦA CHI BỘ', ...SIGN_FOR_CELL], name: records.cell.secretary },
        right: { title: ['NGƯỜI ĐĂNG KÝ'], name: member.name },
      },
    });
  });
  return { kind: 'plan', orientation: template.orientation, sheets };
}
