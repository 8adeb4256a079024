// The questions of a meeting on a terminal: date, kind, absences picked from the members
// expected that day (each with a reason), score. Used by `meeting add` and `meeting edit`.
import type { Ctx } from '../context.js';
import type { Prompter } from './prompter.js';
import { validateWith } from './prompter.js';
import { meetingDateValidator, scoreValidator } from './review-run.js';
import { formatDate, lastDayOf, monthOf, parseDate, type IsoDate, type Month } from '../../domain/dates.js';
import { MEETING_KINDS, expectedMembers, meetingKindLabelKey, type Absence, type MeetingKind } from '../../domain/meetings.js';
import { optionalText, type Member } from '../../domain/members.js';

export interface MeetingAnswers {
  date: IsoDate;
  kind: MeetingKind;
  absent: Array<{ ref: string; reason: string | null }>;
  score: string;
}

export async function askMeetingDetails(
  ctx: Ctx,
  p: Prompter,
  month: Month,
  members: readonly Member[],
  current: { date: IsoDate | null; kind: MeetingKind; absences: readonly Absence[]; score: number | null } | null,
): Promise<MeetingAnswers> {
  const { t } = ctx;
  const today = ctx.today();
  const date = parseDate(
    await p.input({
      message: t('review.ask.meetingDate'),
      default: formatDate(current?.date ?? (monthOf(today) === month ? today : lastDayOf(month))),
      validate: meetingDateValidator(t, month),
    }),
  );
  const kind = await p.select<MeetingKind>({
    message: t('meeting.ask.kind'),
    choices: MEETING_KINDS.map((k) => ({ name: t(meetingKindLabelKey(k)), value: k })),
    default: current?.kind ?? 'thuong-ky',
  });
  // Absences: picked one by one from those expected on the day, each with its reason.
  const expected = expectedMembers(members, { month, date });
  const absent = new Map<number, string | null>(
    (current?.absences ?? []).filter((a) => expected.some((m) => m.id === a.memberId)).map((a) => [a.memberId, a.reason]),
  );
  for (;;) {
    const choice = await p.select<number>({
      message: t('meeting.ask.absentPick', { count: absent.size }),
      choices: [
        { name: t('meeting.ask.absentDone'), value: 0 },
        ...expected.map((m) => ({
          name: absent.has(m.id) ? t('meeting.ask.absentMarked', { name: m.name, reason: absent.get(m.id) ?? t('meeting.noReason') }) : m.name,
          value: m.id,
        })),
      ],
      default: 0,
    });
    if (choice === 0) break;
    if (absent.has(choice)) {
      absent.delete(choice);
      continue;
    }
    const reason = await p.input({ message: t('meeting.ask.absentReason'), default: '', validate: validateWith(t, (v) => optionalText(v, 'meeting.absentReason')) });
    absent.set(choice, optionalText(reason, 'meeting.absentReason'));
  }
  const score = await p.input({ message: t('review.ask.score'), default: current?.score === null || current === null ? '' : String(current.score), validate: scoreValidator(t) });
  return { date, kind, absent: [...absent].map(([id, reason]) => ({ ref: String(id), reason })), score };
}
