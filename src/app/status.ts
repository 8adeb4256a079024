// The one-screen summary before a meeting: what is not done yet in a month.
import { yearOf, type IsoDate, type Month } from '../domain/dates.js';
import { statusFindings, type StatusFindings } from '../domain/status.js';
import type { CellFile } from '../store/cell-file.js';
import { listMembers } from '../store/members.js';
import { listPledgeGrades, listPledges } from '../store/pledges.js';
import { regularMeeting } from '../store/meetings.js';
import { progressRecords, reviewedMembers } from '../store/reviews.js';

export function monthStatus(cf: CellFile, month: Month, today: IsoDate): StatusFindings {
  const year = yearOf(month);
  const pledges = listPledges(cf.db, { year });
  return statusFindings({
    month,
    today,
    members: listMembers(cf.db),
    pledges,
    // A grade closing this month decides whether an item is done (the one rule, itemOutcome).
    grades: listPledgeGrades(cf.db, pledges.map((p) => p.id)),
    progress: progressRecords(cf.db, year),
    reviewed: reviewedMembers(cf.db, month),
    regularMeeting: regularMeeting(cf.db, month),
  });
}
