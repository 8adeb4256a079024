// The cell file's schema, as ordered migrations. Each runs in one transaction and
// sets PRAGMA user_version to its number; a file with a higher number is from a newer tool.
// Never edit a migration that has shipped: add the next one.

/** 'HTBC': marks a SQLite file as a cell file of this tool (PRAGMA application_id). */
export const APPLICATION_ID = 0x48544243;

export const MIGRATIONS: readonly string[] = [
  // 1: the whole first schema.
  `
  PRAGMA application_id = ${APPLICATION_ID};

  CREATE TABLE cell (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    committee   TEXT NOT NULL,
    place       TEXT NOT NULL,
    secretary   TEXT NOT NULL,
    symbol      TEXT NOT NULL DEFAULT 'CB',
    term_start  INTEGER,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE programme (
    year        INTEGER PRIMARY KEY,
    basis       TEXT NOT NULL,
    topic       TEXT,
    year_topic  TEXT
  );

  CREATE TABLE member (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    birth_date  TEXT,
    birth_year  INTEGER,
    gender      TEXT CHECK (gender IN ('nam', 'nu')),
    party_role  TEXT,
    job         TEXT,
    unit        TEXT,
    joined      TEXT,
    official    TEXT,
    card        TEXT,
    created_at  TEXT NOT NULL
  );

  CREATE TABLE member_status (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES member(id),
    status      TEXT NOT NULL CHECK (status IN ('chinh-thuc','du-bi','mien','dinh-chi','tam-thoi','chuyen-di','tu-tran')),
    from_date   TEXT NOT NULL,
    note        TEXT,
    created_at  TEXT NOT NULL
  );
  CREATE INDEX member_status_member ON member_status(member_id, from_date);

  -- One registration per member per year: its state and the signed commitment (cam kết).
  CREATE TABLE registration (
    member_id     INTEGER NOT NULL REFERENCES member(id),
    year          INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted','approved')),
    committed_on  TEXT,
    PRIMARY KEY (member_id, year)
  );

  -- A pledge item: individual (member_id set) or collective (member_id NULL, kind 'trong-tam').
  CREATE TABLE pledge (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER REFERENCES member(id),
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('hoc-tap','lam-theo','neu-guong','trong-tam')),
    content     TEXT NOT NULL,
    action      TEXT,
    solution    TEXT,
    due         TEXT,
    target      TEXT,
    owner       TEXT,
    created_at  TEXT NOT NULL,
    removed_at  TEXT,
    CHECK ((member_id IS NULL) = (kind = 'trong-tam'))
  );
  CREATE INDEX pledge_year_member ON pledge(year, member_id);

  -- Six-month and year-end grades of a pledge item: the member's own and the cell's.
  CREATE TABLE pledge_grade (
    pledge_id   INTEGER NOT NULL REFERENCES pledge(id),
    period      TEXT NOT NULL CHECK (period IN ('6m','year')),
    self_grade  TEXT CHECK (self_grade IN ('hoan-thanh-tot','hoan-thanh','chua-hoan-thanh')),
    cell_grade  TEXT CHECK (cell_grade IN ('hoan-thanh-tot','hoan-thanh','chua-hoan-thanh')),
    note        TEXT,
    graded_at   TEXT NOT NULL,
    PRIMARY KEY (pledge_id, period)
  );

  -- Year-end grading of a member on the 100-point frame.
  CREATE TABLE member_grade (
    member_id   INTEGER NOT NULL REFERENCES member(id),
    year        INTEGER NOT NULL,
    score       INTEGER CHECK (score BETWEEN 0 AND 100),
    note        TEXT,
    PRIMARY KEY (member_id, year)
  );

  CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    month       TEXT NOT NULL,
    date        TEXT,
    kind        TEXT NOT NULL DEFAULT 'thuong-ky' CHECK (kind IN ('thuong-ky','chuyen-de','dot-xuat')),
    topic       TEXT,
    chair       TEXT,
    minutes_by  TEXT,
    score       INTEGER CHECK (score BETWEEN 0 AND 100),
    conclusion  TEXT,
    created_at  TEXT NOT NULL
  );
  -- One regular meeting a month.
  CREATE UNIQUE INDEX meeting_regular_month ON meeting(month) WHERE kind = 'thuong-ky';

  CREATE TABLE meeting_absence (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES member(id),
    reason      TEXT,
    PRIMARY KEY (meeting_id, member_id)
  );

  -- One review per member per month.
  CREATE TABLE review (
    id             INTEGER PRIMARY KEY,
    month          TEXT NOT NULL,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    meeting_id     INTEGER REFERENCES meeting(id),
    self_critique  TEXT,
    comment        TEXT,
    result         TEXT CHECK (result IN ('tot','dat','chua-dat')),
    recognition    TEXT CHECK (recognition IN ('praise','remind')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (month, member_id)
  );

  CREATE TABLE review_progress (
    review_id   INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
    pledge_id   INTEGER NOT NULL REFERENCES pledge(id),
    progress    TEXT NOT NULL CHECK (progress IN ('chua','dang','xong')),
    note        TEXT,
    PRIMARY KEY (review_id, pledge_id)
  );

  CREATE TABLE exemplar (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    member_id    INTEGER REFERENCES member(id),
    achievement  TEXT NOT NULL,
    award        TEXT,
    created_at   TEXT NOT NULL
  );

  -- Numbers of documents sent upward: from 01 within a term for each kind of document
  -- (series: BC báo cáo, KH kế hoạch, DS danh sách…, shared by the reports of that kind);
  -- the same report for the same period keeps its number.
  CREATE TABLE document_number (
    kind        TEXT NOT NULL,
    term_start  INTEGER NOT NULL,
    period      TEXT NOT NULL,
    series      TEXT NOT NULL,
    number      INTEGER NOT NULL,
    issued_at   TEXT NOT NULL,
    PRIMARY KEY (kind, term_start, period)
  );
  `,
  // 2: a stable id for the cell, made once and never changed: the committee knows a cell by it
  // (its name may change), and backups of copies of a cell file are told apart by it.
  `
  ALTER TABLE cell ADD COLUMN uid TEXT;
  UPDATE cell SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
  `,
  // 3 (reports, issue 12): the recipient of the cell's reports, printed under "Nơi nhận:" — the
  // higher committee's executive ("Đảng ủy xã …"), apart from the organisation printed on the
  // header ("ĐẢNG BỘ XÃ …"). NULL: derived from the organisation ("Đảng bộ" → "Đảng ủy").
  `
  ALTER TABLE cell ADD COLUMN recipient TEXT;
  `,
  // 4 (reports, issue 12): what a document said of its authors when first written (organisation,
  // cell, place, secretary, recipient, symbol and date, as JSON), kept with its number so that the
  // document written again for its period says the same; NULL for numbers given before.
  `
  ALTER TABLE document_number ADD COLUMN header TEXT;
  `,
  // 5 (records): membership over dated spans. A member belongs to the cell from the date of the
  // first status. Members stored before had '1900-01-01' (always) when no date was known: they
  // now belong from the Party joining date if known, else from their first record in this cell
  // (a review, an absence, a pledge or exemplar year), else from the start of the cell's term
  // (docs/spec-corrections.md). A first status dated after the member's own records or joining
  // date is moved back to it, so no record of the past loses its member. Never later than the
  // member's next status.
  `
  CREATE TEMP TABLE first_status AS
    SELECT s.id AS id, s.from_date AS from_date,
      (SELECT joined FROM member m WHERE m.id = s.member_id) AS joined,
      (SELECT min(x) FROM (
         SELECT r.month || '-01' AS x FROM review r WHERE r.member_id = s.member_id
         UNION ALL SELECT mt.month || '-01' FROM meeting_absence a JOIN meeting mt ON mt.id = a.meeting_id WHERE a.member_id = s.member_id
         UNION ALL SELECT printf('%04d-01-01', p.year) FROM pledge p WHERE p.member_id = s.member_id AND p.removed_at IS NULL
         UNION ALL SELECT printf('%04d-01-01', e.year) FROM exemplar e WHERE e.member_id = s.member_id)) AS first_record,
      (SELECT printf('%04d-01-01', c.term_start) FROM cell c WHERE c.term_start IS NOT NULL) AS term,
      (SELECT min(t.from_date) FROM member_status t WHERE t.member_id = s.member_id AND t.id <> s.id) AS next_from
    FROM member_status s
    WHERE NOT EXISTS (
      SELECT 1 FROM member_status t
      WHERE t.member_id = s.member_id AND (t.from_date < s.from_date OR (t.from_date = s.from_date AND t.id < s.id)));
  CREATE TEMP TABLE first_status_new AS
    SELECT id, CASE WHEN from_date = '1900-01-01' THEN COALESCE(joined, first_record, term, from_date)
                    ELSE min(from_date, COALESCE(joined, from_date), COALESCE(first_record, from_date)) END AS v, next_from
    FROM first_status;
  UPDATE member_status SET from_date = (
    SELECT min(n.v, COALESCE(n.next_from, n.v)) FROM first_status_new n WHERE n.id = member_status.id)
  WHERE id IN (SELECT id FROM first_status_new);
  DROP TABLE first_status_new;
  DROP TABLE first_status;
  `,
  // 6 (records): the grade of a pledge item on the four levels of Quy định 124-QĐ/TW, stored as
  // codes: hoan-thanh-xuat-sac, hoan-thanh-tot, hoan-thanh, khong-hoan-thanh. The old
  // 'chua-hoan-thanh' becomes 'khong-hoan-thanh'. SQLite cannot change a CHECK: the table is made again.
  `
  CREATE TABLE pledge_grade_new (
    pledge_id   INTEGER NOT NULL REFERENCES pledge(id),
    period      TEXT NOT NULL CHECK (period IN ('6m','year')),
    self_grade  TEXT CHECK (self_grade IN ('hoan-thanh-xuat-sac','hoan-thanh-tot','hoan-thanh','khong-hoan-thanh')),
    cell_grade  TEXT CHECK (cell_grade IN ('hoan-thanh-xuat-sac','hoan-thanh-tot','hoan-thanh','khong-hoan-thanh')),
    note        TEXT,
    graded_at   TEXT NOT NULL,
    PRIMARY KEY (pledge_id, period)
  );
  INSERT INTO pledge_grade_new (pledge_id, period, self_grade, cell_grade, note, graded_at)
    SELECT pledge_id, period,
      CASE self_grade WHEN 'chua-hoan-thanh' THEN 'khong-hoan-thanh' ELSE self_grade END,
      CASE cell_grade WHEN 'chua-hoan-thanh' THEN 'khong-hoan-thanh' ELSE cell_grade END,
      note, graded_at
    FROM pledge_grade;
  DROP TABLE pledge_grade;
  ALTER TABLE pledge_grade_new RENAME TO pledge_grade;
  `,
  // 7 (records): a member entered by mistake is not deleted when records name them: marked,
  // left out of every list and report, and can be restored.
  `
  ALTER TABLE member ADD COLUMN mistaken_at TEXT;
  `,
  // 8 (records): a member's overall year-end result (member grade; the score alone was stored),
  // and the date the cell approved a registration.
  `
  ALTER TABLE member_grade ADD COLUMN result TEXT CHECK (result IN ('xuat-sac','tot','hoan-thanh','khong-hoan-thanh'));
  UPDATE member_grade SET result = CASE WHEN score >= 90 THEN 'xuat-sac' WHEN score >= 70 THEN 'tot' WHEN score >= 50 THEN 'hoan-thanh' ELSE 'khong-hoan-thanh' END
    WHERE score IS NOT NULL;
  ALTER TABLE registration ADD COLUMN approved_on TEXT;
  `,
  // 9 (committee, issue 13): the submissions sent to the committee, a sequence number per period
  // ('2026', '2026-H1'): a later submission replaces an earlier one by this number, not by a clock.
  `
  CREATE TABLE submission (
    period      TEXT PRIMARY KEY,
    sequence    INTEGER NOT NULL CHECK (sequence >= 1),
    digest      TEXT NOT NULL,
    written_at  TEXT NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
