// plan: the cell's collective plan, then one registration form per member who registered.
import { formatDate } from '../../domain/dates.js';
import type { Member } from '../../domain/members.js';
import { cellSheet, figuresOf, fillPlaceholders, headerBlock, membersOfPeriod, placeholderValues, type BuildInput } from './common.js';
import type { ReportModel, ReportRow, ReportSheet } from './types.js';
import { KIND_WORDS } from './words.js';

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
  const collective = records.pledges.filter((p) => p.memberId === null);
  const collectiveRows: ReportRow[] = collective.map((p, i) => ({
    cells: {
      stt: String(i + 1),
      content: p.content,
      solution: [p.action, p.solution].filter(Boolean).join('\n'),
      owner: p.owner ?? '',
      due: formatDate(p.due),
      target: p.target ?? '',
      note: '',
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
    const closing = [COMMITMENT];
    if (registration?.committedOn) closing.push(`Đã ký cam kết ngày ${formatDate(registration.committedOn)}.`);
    if (registration?.state === 'approved') {
      closing.push(registration.approvedOn ? `Chi bộ đã duyệt ngày ${formatDate(registration.approvedOn)}.` : 'Chi bộ đã duyệt.');
    }
    sheets.push({
      name: sheetName(`${n + 1}. ${member.name}`),
      header: headerBlock(input, false),
      title: fillPlaceholders(template.title, vars),
      subject: fillPlaceholders(template.subject, vars),
      intro: [
        [`Họ và tên: ${member.name}`, `Ngày sinh: ${birthOf(member)}`],
        `Chức vụ đảng: ${member.partyRole ?? ''}`,
        `Chức vụ chính quyền, đoàn thể: ${member.job ?? ''}`,
        `Đơn vị công tác: ${member.unit ?? records.cell.name}`,
      ],
      columns: template.columns,
      rows: items.map((p, i) => ({
        cells: {
          stt: String(i + 1),
          kind: KIND_WORDS[p.kind],
          content: `${KIND_WORDS[p.kind]}: ${p.content}`,
          action: p.action ?? '',
          solution: p.solution ?? '',
          due: formatDate(p.due),
          target: p.target ?? '',
        },
      })),
      merges: [],
      summary: [],
      closing,
      signature: { leftTitle: 'Ý KIẾN CỦA CHI ỦY', leftUnderline: false, leftLines: [], rightTitle: ['NGƯỜI ĐĂNG KÝ'], name: member.name },
    });
  });
  return { kind: 'plan', orientation: template.orientation, sheets };
}
