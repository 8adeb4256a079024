// Words of records that stay true over time: membership over dated spans, the outcome of an
// item, corrections of entries.
export const vi = {
  'error.sinceBeforeJoined': 'Ngày đến sinh hoạt tại chi bộ ({since}) trước ngày vào Đảng ({joined}). Sửa --since hoặc --joined.',
  'member.opt.since': 'sinh hoạt tại chi bộ từ ngày (dd/mm/yyyy); bỏ trống: từ ngày vào Đảng, nếu không biết thì từ đầu nhiệm kỳ',
  'member.ask.since': 'Sinh hoạt tại chi bộ từ ngày (dd/mm/yyyy; Enter: {default})',
  'status.came': 'Đến sinh hoạt tại chi bộ trong tháng ({count}):',
  'status.left': 'Rời chi bộ trong tháng ({count}):',
  'status.movement': '{name} ({id}): {status} từ {date}',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'error.sinceBeforeJoined': 'The date of coming to the cell ({since}) is before the date of joining the Party ({joined}). Correct --since or --joined.',
  'member.opt.since': 'in this cell since (dd/mm/yyyy); if left out: since joining the Party, else since the start of the term',
  'member.ask.since': 'In this cell since (dd/mm/yyyy; Enter: {default})',
  'status.came': 'Came to the cell this month ({count}):',
  'status.left': 'Left the cell this month ({count}):',
  'status.movement': '{name} ({id}): {status} from {date}',
};
