// The sample cell of `demo`: made in a new file, with its members, pledges, meetings and reviews.
import { insertCell, saveProgramme } from '../store/cell.js';
import { insertMember, insertStatus, listMembers } from '../store/members.js';
import { buildSampleCell, buildSamplePledges, sampleMeetings } from '../domain/sample.js';
import { blankItemFields, mayPledgeFor, validatePledge } from '../domain/pledges.js';
import { validateExemplar } from '../domain/exemplars.js';
import type { IsoDate } from '../domain/dates.js';
import { insertPledge, listPledges, saveCommitment } from '../store/pledges.js';
import { insertExemplar } from '../store/exemplars.js';
import type { CellFile, Db } from '../store/cell-file.js';
import { insertMeeting } from '../store/meetings.js';
import { insertReview } from '../store/reviews.js';

/** The year's pledges of those who may take them today, their commitments, last year's exemplar. */
function insertSamplePledges(db: Db, sample: ReturnType<typeof buildSampleCell>, ids: Map<string, number>, today: string, now: string): void {
  const year = sample.programme.year;
  const data = buildSamplePledges(year);
  const takes = (name: string) => sample.members.some((m) => m.fields.name === name && mayPledgeFor(m, year, today));
  for (const p of data.pledges) {
    if (p.member !== null && !takes(p.member)) continue;
    const { member, ...fields } = p;
    insertPledge(db, validatePledge({ memberId: member === null ? null : ids.get(member)!, year, ...blankItemFields(), ...fields }), now);
  }
  for (const c of data.commitments) if (takes(c.member)) saveCommitment(db, ids.get(c.member)!, year, c.date);
  for (const { member, ...e } of data.exemplars) insertExemplar(db, validateExemplar({ memberId: member === null ? null : ids.get(member)!, ...e }), now);
}

export type Sample = ReturnType<typeof buildSampleCell>;

/**
 * Fills a new cell file with the sample, in one transaction; returns the sample. `vary` changes
 * the sample first (the sample committee's cells: another name, fewer members).
 */
export function makeSampleCell(cf: CellFile, today: IsoDate, now: string, vary: (sample: Sample) => Sample = (s) => s): Sample {
  const sample = vary(buildSampleCell(today));
  cf.write((db) => {
    insertCell(db, sample.cell, now);
    saveProgramme(db, sample.programme);
    const ids = new Map<string, number>();
    for (const m of sample.members) {
      const id = insertMember(db, m.fields, m.history[0]!, now);
      for (const change of m.history.slice(1)) insertStatus(db, id, change, now);
      ids.set(m.fields.name, id);
    }
    insertSamplePledges(db, sample, ids, today, now);
    // Meetings and reviews come after the members and the year's pledges (progress is on them).
    for (const meeting of sampleMeetings(sample.programme.year, today, listMembers(db), listPledges(db, { year: sample.programme.year }))) {
      const meetingId = insertMeeting(db, meeting.fields, meeting.absences, now);
      for (const r of meeting.reviews) insertReview(db, { ...r.fields, meetingId }, r.progress, now);
    }
  });
  return sample;
}
