// A cell file with a year of records for report tests: members with dated statuses, pledges
// (one long, some that look like formulas), registrations, meetings, reviews, grades, exemplars.
import path from 'node:path';
import { openCellFile, type CellFile } from '../../src/store/cell-file.js';
import { insertCell } from '../../src/store/cell.js';
import { insertMember, insertStatus } from '../../src/store/members.js';
import { insertPledge } from '../../src/store/pledges.js';
import { memberFields, type MemberFields, type StatusChange } from '../../src/domain/members.js';
import type { PledgeKind } from '../../src/domain/pledges.js';

const NOW = '2026-01-05T08:00:00.000Z';

export const LONG_PLEDGE =
  'Nghiên cứu kỹ chuyên đề năm 2026 về xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh, ' +
  'viết bài thu hoạch và trao đổi với các đảng viên trẻ trong chi bộ, đặc biệt chú trọng việc vận dụng ' +
  'vào công tác dân vận ở thôn, giữ gìn đoàn kết nội bộ và thực hành tiết kiệm, chống lãng phí đến tận cuối năm kết thúc rõ ràng';
export const LONG_PLEDGE_END = 'cuối năm kết thúc rõ ràng';

/** Texts a spreadsheet program might read as formulas if written carelessly. */
export const FORMULA_LIKE = ['=SUM(A1)', '@x', '+1', '-2'];


export interface Seeded {
  file: string;
  ids: Record<string, number>;
}

function member(db: CellFile['db'], fields: Partial<MemberFields>, history: StatusChange[]): number {
  const id = insertMember(db, memberFields(fields.name ?? '', fields), history[0]!, NOW);
  for (const h of history.slice(1)) insertStatus(db, id, h, NOW);
  return id;
}

function pledge(db: CellFile['db'], memberId: number | null, kind: PledgeKind, content: string, extra: Record<string, string | null> = {}): number {
  return insertPledge(
    db,
    { memberId, year: 2026, kind, content, action: null, solution: null, due: '2026-12-31', target: null, owner: null, ...extra },
    NOW,
  );
}

/**
 * Chi bộ Thôn Đông, 2026: An (secretary), Bình, Dũng, Đào (pledges that look like formulas),
 * Minh (transferred out on 15/05/2026), Khoa (exempt since 2024); meetings January–June.
 */
export function seedCell(folder: string, options: { withRecords?: boolean } = {}): Seeded {
  const file = path.join(folder, 'thon-dong.sqlite');
  const cf = openCellFile(file, { create: true });
  const ids: Record<string, number> = {};
  try {
    cf.write((db) => {
      insertCell(
        db,
        { slug: 'chi-bo-thon-dong', name: 'Chi bộ Thôn Đông', committee: 'Đảng bộ xã Tân Lập', place: 'Tân Lập', secretary: 'Nguyễn Văn An', symbol: 'CB', termStart: 2025 },
        NOW,
      );
      const since = (from: string): StatusChange[] => [{ status: 'chinh-thuc', from }];
      ids.an = member(db, { name: 'Nguyễn Văn An', birthYear: 1968, partyRole: 'Bí thư chi bộ', job: 'Trưởng thôn' }, since('1996-05-19'));
      ids.binh = member(db, { name: 'Trần Thị Bình', birthDate: '1980-05-12', birthYear: 1980, partyRole: 'Phó Bí thư chi bộ' }, since('2009-02-03'));
      ids.dung = member(db, { name: 'Lê Văn Dũng', birthYear: 1975, job: 'Công an viên' }, since('2002-09-02'));
      ids.dao = member(db, { name: 'Phạm Thị Đào', birthYear: 1990, job: 'Giáo viên' }, since('2016-11-07'));
      ids.minh = member(db, { name: 'Bùi Văn Minh', birthYear: 1978 }, [
        { status: 'chinh-thuc', from: '2006-04-30' },
        { status: 'chuyen-di', from: '2026-05-15', note: 'Chuyển sinh hoạt về Đảng bộ thị trấn' },
      ]);
      ids.khoa = member(db, { name: 'Đặng Văn Khoa', birthYear: 1942 }, [
        { status: 'chinh-thuc', from: '1966-08-19' },
        { status: 'mien', from: '2024-01-01', note: 'Tuổi cao, sức yếu' },
      ]);
      if (options.withRecords === false) return;
      ids.p_an1 = pledge(db, ids.an, 'hoc-tap', LONG_PLEDGE, { action: 'Viết bài thu hoạch', target: '01 bài thu hoạch' });
      ids.p_an2 = pledge(db, ids.an, 'lam-theo', 'Giải quyết dứt điểm đơn thư ở thôn', { solution: 'Họp dân hằng quý' });
      ids.p_an3 = pledge(db, ids.an, 'neu-guong', 'Gương mẫu đi đầu trong hiến đất làm đường');
      ids.p_binh1 = pledge(db, ids.binh, 'hoc-tap', 'Học tập chuyên đề năm 2026');
      ids.p_binh2 = pledge(db, ids.binh, 'lam-theo', 'Vận động hội viên phụ nữ tiết kiệm');
      ids.p_dung1 = pledge(db, ids.dung, 'lam-theo', 'Giữ gìn an ninh trật tự thôn');
      ids.p_dao1 = pledge(db, ids.dao, 'hoc-tap', FORMULA_LIKE[0]!, { action: FORMULA_LIKE[1]! });
      ids.p_dao2 = pledge(db, ids.dao, 'lam-theo', FORMULA_LIKE[2]!, { target: FORMULA_LIKE[3]! });
      ids.p_minh1 = pledge(db, ids.minh, 'lam-theo', 'Phát triển kinh tế hộ gia đình');
      ids.c1 = pledge(db, null, 'trong-tam', 'Hoàn thành đường giao thông nông thôn', { solution: 'Vận động nhân dân hiến đất', owner: 'Nguyễn Văn An', target: '1,2 km đường bê tông' });
      ids.c2 = pledge(db, null, 'trong-tam', 'Không có hộ nghèo phát sinh', { owner: 'Trần Thị Bình' });
      const reg = db.prepare('INSERT INTO registration (member_id, year, state, committed_on) VALUES (?, 2026, ?, ?)');
      reg.run(ids.an, 'approved', '2026-01-10');
      reg.run(ids.binh, 'approved', '2026-01-12');
      reg.run(ids.dung, 'submitted', null);
      reg.run(ids.dao, 'approved', '2026-01-15');
      const meeting = db.prepare(
        "INSERT INTO meeting (month, date, kind, topic, score, conclusion, created_at) VALUES (?, ?, 'thuong-ky', ?, ?, ?, ?)",
      );
      const review = db.prepare(
        'INSERT INTO review (month, member_id, meeting_id, self_critique, comment, result, recognition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const progress = db.prepare('INSERT INTO review_progress (review_id, pledge_id, progress, note) VALUES (?, ?, ?, ?)');
      for (let m = 1; m <= 6; m++) {
        const month = `2026-0${m}`;
        const meetingId = Number(
          meeting.run(month, `${month}-05`, `Sinh hoạt chi bộ tháng ${m}`, 80 + m, m === 3 ? 'Tập trung hoàn thành đường giao thông' : null, NOW).lastInsertRowid,
        );
        if (m === 3) {
          db.prepare('INSERT INTO meeting_absence (meeting_id, member_id, reason) VALUES (?, ?, ?)').run(meetingId, ids.dung, 'Đi công tác');
          db.prepare('INSERT INTO meeting_absence (meeting_id, member_id, reason) VALUES (?, ?, NULL)').run(meetingId, ids.minh);
        }
        const who: Array<[number, number[]]> = [
          [ids.an, [ids.p_an1!, ids.p_an2!, ids.p_an3!]],
          [ids.binh, [ids.p_binh1!, ids.p_binh2!]],
          [ids.dao, [ids.p_dao1!, ids.p_dao2!]],
        ];
        if (m < 5) who.push([ids.minh, [ids.p_minh1!]]);
        for (const [memberId, pledges] of who) {
          const reviewId = Number(
            review.run(month, memberId, meetingId, memberId === ids.dao ? '=1+1' : 'Hoàn thành nhiệm vụ được giao', 'Đồng ý', m % 3 === 0 ? 'tot' : 'dat', memberId === ids.an && m === 3 ? 'praise' : null, NOW, NOW).lastInsertRowid,
          );
          for (const p of pledges) progress.run(reviewId, p, m >= 5 ? 'xong' : 'dang', m === 3 ? 'Đã làm được một nửa' : null);
        }
      }
      const grade = db.prepare('INSERT INTO pledge_grade (pledge_id, period, self_grade, cell_grade, note, graded_at) VALUES (?, ?, ?, ?, ?, ?)');
      grade.run(ids.p_an1, '6m', 'hoan-thanh-tot', 'hoan-thanh-tot', null, NOW);
      grade.run(ids.p_an2, '6m', 'hoan-thanh', 'hoan-thanh', null, NOW);
      grade.run(ids.p_binh1, '6m', 'hoan-thanh', 'khong-hoan-thanh', 'Cần cố gắng', NOW);
      grade.run(ids.c1, '6m', 'hoan-thanh', 'hoan-thanh', null, NOW);
      const ex = db.prepare('INSERT INTO exemplar (year, member_id, achievement, award, created_at) VALUES (2026, ?, ?, ?, ?)');
      ex.run(ids.binh, 'Vận động 20 hộ phụ nữ thoát nghèo', 'Giấy khen của Đảng ủy xã', NOW);
      ex.run(null, 'Hoàn thành đường giao thông 1,2 km', 'Giấy khen của Đảng ủy xã', NOW);
      ex.run(ids.an, 'Gương mẫu hiến đất làm đường', 'Giấy khen của Đảng ủy xã', NOW);
    });
  } finally {
    cf.close();
  }
  return { file, ids };
}
