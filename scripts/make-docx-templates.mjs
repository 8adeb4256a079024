#!/usr/bin/env node
// Writes the shipped Word templates (templates/document-*.docx): real Word files a clerk opens in
// Word or LibreOffice Writer, moves paragraphs and rewords headings in, with {placeholders} and
// {#loops}…{/loops} that `report document …` fills (docxtemplater). Their paragraph styles are
// the HD 36 elements, one style per element, sizes and emphasis taken from src/reports/hd36.ts
// (through its build, dist/reports/hd36.js): run `npm run build && node scripts/make-docx-templates.mjs`
// after changing that table, and commit the .docx files. A test checks the styles against the table.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { HD36, FONT, MARGINS_MM } = await import(path.join(root, 'dist/reports/hd36.js'));

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const twips = (mm) => Math.round((mm * 1440) / 25.4);
const styleId = (element) => `HD36${element[0].toUpperCase()}${element.slice(1)}`;

// A4 and the content width between the margins.
const PAGE = { w: 11906, h: 16838 };
const CONTENT = PAGE.w - twips(MARGINS_MM.left) - twips(MARGINS_MM.right);

/** How each element's paragraph is laid out (alignment, indents, spacing); sizes come from HD36. */
const LAYOUT = {
  partyTitle: '<w:jc w:val="center"/>',
  superiorOrganisation: '<w:jc w:val="center"/>',
  issuingOrganisation: '<w:jc w:val="center"/>',
  star: '<w:jc w:val="center"/>',
  number: '<w:jc w:val="center"/>',
  placeDate: '<w:spacing w:before="240"/><w:jc w:val="center"/>',
  documentKind: '<w:keepNext/><w:spacing w:before="360"/><w:jc w:val="center"/>',
  subject: '<w:keepNext/><w:jc w:val="center"/>',
  body: '<w:spacing w:before="60" w:after="60" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>',
  bodyHeading: '<w:keepNext/><w:spacing w:before="120" w:after="60" w:line="288" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>',
  tableHeader: '<w:jc w:val="center"/>',
  tableBody: '',
  signerAuthority: '<w:keepNext/><w:jc w:val="center"/>',
  signerTitle: '<w:keepNext/><w:jc w:val="center"/>',
  signerName: '<w:spacing w:before="1200"/><w:jc w:val="center"/>',
  recipientsTitle: '<w:keepNext/>',
  recipients: '<w:keepNext/>',
  pageNumber: '<w:jc w:val="center"/>',
};

function runProps(e) {
  return (
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>` +
    (e.bold ? '<w:b/><w:bCs/>' : '') +
    (e.italic ? '<w:i/><w:iCs/>' : '') +
    (e.caps ? '<w:caps/>' : '') +
    (e.underline ? '<w:u w:val="single"/>' : '') +
    `<w:sz w:val="${e.size * 2}"/><w:szCs w:val="${e.size * 2}"/>`
  );
}

function stylesXml() {
  const styles = Object.entries(HD36)
    .map(
      ([element, e]) =>
        `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${styleId(element)}"><w:name w:val="HD36 ${element}"/>` +
        `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${LAYOUT[element] ?? ''}</w:pPr><w:rPr>${runProps(e)}</w:rPr></w:style>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${runProps(HD36.body)}<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${runProps(HD36.body)}</w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    styles +
    '</w:styles>'
  );
}

// ---- document pieces ----------------------------------------------------------------------------

/** A paragraph of an HD 36 element; `extra` runs properties (a draft note is italic and highlighted). */
function p(element, text = '', extra = '', pPr = '') {
  const runs = text === '' ? '' : `<w:r>${extra ? `<w:rPr>${extra}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return `<w:p><w:pPr><w:pStyle w:val="${styleId(element)}"/>${pPr}</w:pPr>${runs}</w:p>`;
}
const body = (text) => p('body', text);
const heading = (text) => p('bodyHeading', text);
/** A line the secretary must complete: italic, highlighted yellow. */
const DRAFT = '<w:i/><w:iCs/><w:highlight w:val="yellow"/>';
const draft = (text) => p('body', text, DRAFT, '<w:jc w:val="left"/>');
/** A paragraph loop: the opening tag, the repeated paragraphs, the closing tag, each a paragraph. */
const loop = (name, ...paragraphs) => [body(`{#${name}}`), ...paragraphs, body(`{/${name}}`)].join('');

const NO_BORDERS =
  '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders>';

function cell(width, content) {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${content || '<w:p/>'}</w:tc>`;
}

/** Two columns without borders (the header block, the signatures). */
function twoColumns(left, right, leftWidth) {
  const rightWidth = CONTENT - leftWidth;
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT}" w:type="dxa"/><w:tblLayout w:type="fixed"/>${NO_BORDERS}</w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${leftWidth}"/><w:gridCol w:w="${rightWidth}"/></w:tblGrid>` +
    `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(leftWidth, left)}${cell(rightWidth, right)}</w:tr></w:tbl>`
  );
}

/** A bordered table: a header row repeated on every page, and one row repeated per item of a loop. */
function loopTable(name, columns) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width * CONTENT) / total));
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${columns.map((c, i) => cell(widths[i], p('tableHeader', c.title))).join('')}</w:tr>`;
  const row =
    '<w:tr>' +
    columns
      .map((c, i) => {
        const text = (i === 0 ? `{#${name}}` : '') + `{${c.key}}` + (i === columns.length - 1 ? `{/${name}}` : '');
        return cell(widths[i], p('tableBody', text, '', c.center ? '<w:jc w:val="center"/>' : ''));
      })
      .join('') +
    '</w:tr>';
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT}" w:type="dxa"/><w:tblLayout w:type="fixed"/>${BORDERS}</w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${row}</w:tbl>`
  );
}

/** The HD 36 header block: committee, cell, star and number left; the Party's name and the date right. */
function headerBlock() {
  const left = [p('superiorOrganisation', '{committee}'), p('issuingOrganisation', '{cell}'), p('star', '*'), p('number', '{number}')].join('');
  const rule = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>';
  const party = `<w:p><w:pPr><w:pStyle w:val="${styleId('partyTitle')}"/>${rule}</w:pPr><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p>`;
  return twoColumns(left, party + p('placeDate', '{dateLine}'), Math.round(CONTENT * 0.4));
}

function title(kind, subject) {
  return p('documentKind', kind) + p('subject', subject) + p('subject', '-----');
}

function signature(left, right) {
  return '<w:p/>' + twoColumns(left, right, Math.round(CONTENT * 0.45));
}

const recipients = () => [p('recipientsTitle', 'Nơi nhận:'), p('recipients', '- {recipient} (để báo cáo),'), p('recipients', '- Lưu chi bộ.')].join('');
const signedForCell = () => [p('signerAuthority', 'T/M CHI BỘ'), p('signerTitle', 'BÍ THƯ'), p('signerName', '{secretary}')].join('');

// ---- the three documents ------------------------------------------------------------------------

function resultsBody() {
  return [
    headerBlock(),
    title('BÁO CÁO', '{ReviewWord} {period} việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'),
    body('Thực hiện {basis}, {cellName} báo cáo {reviewWord} {period} việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh như sau:'),
    heading('I. ĐẶC ĐIỂM TÌNH HÌNH'),
    body('Chi bộ có {membersTotal} đảng viên ({membersByStatus}; {membersApart}).'),
    loop('hasMembersLeft', body('Trong kỳ có đảng viên rời chi bộ: {membersLeft}.')),
    body('Chương trình học tập năm {year} của chi bộ:'),
    loop('programme', body('- {.}')),
    heading('II. KẾT QUẢ THỰC HIỆN'),
    heading('1. Việc đăng ký học tập và làm theo'),
    body('Có {regRegistered}/{regRequired} đảng viên phải đăng ký đã đăng ký việc học tập và làm theo, đạt {regRate}; {regCommitted} đồng chí đã ký cam kết. Chi bộ xác định {collectiveCount} việc trọng tâm, đột phá của tập thể.'),
    heading('2. Việc trọng tâm của tập thể'),
    loop('collective', body('{stt}. {content} (phụ trách: {owner}; chỉ tiêu: {target}): {outcome}; chi bộ đánh giá: {grade}.')),
    heading('3. Việc đăng ký của đảng viên'),
    body('Đảng viên đăng ký {itemsIndividual} việc, theo nội dung và tiến độ như sau:'),
    loopTable('byKind', [
      { key: 'kind', title: 'Nội dung', width: 30 },
      { key: 'count', title: 'Số việc', width: 14, center: true },
      { key: 'finished', title: 'Đã hoàn thành', width: 18, center: true },
      { key: 'doing', title: 'Đang thực hiện', width: 18, center: true },
      { key: 'notStarted', title: 'Chưa thực hiện, chưa báo cáo', width: 22, center: true },
    ]),
    body('Kết quả chi bộ đánh giá trên tổng số {itemsTotal} việc của cá nhân và tập thể (đã đánh giá {itemsGraded}): hoàn thành xuất sắc {excellent} ({excellentRate}); hoàn thành tốt {good} ({goodRate}); hoàn thành {done} ({doneRate}); không hoàn thành {notDone} ({notDoneRate}); chưa đánh giá {ungraded} ({ungradedRate}).'),
    heading('4. Sinh hoạt chi bộ'),
    body('Trong kỳ, chi bộ tổ chức {meetingsHeld} buổi sinh hoạt ({meetingsRegular} buổi thường kỳ, {meetingsOther} buổi chuyên đề, đột xuất):'),
    loop('meetings', body('- Tháng {month}: {kind}, ngày {date}; {quality}.')),
    heading('5. Biểu dương, điển hình'),
    body('Chi bộ biểu dương: {praised}.'),
    loop('hasExemplars', body('Điển hình đề nghị khen:')),
    loop('exemplars', body('- {name}: {achievement} ({award}).')),
    heading('III. HẠN CHẾ, NGUYÊN NHÂN'),
    draft('[Dự thảo từ sổ theo dõi — đồng chí Bí thư xem lại, viết lại và bổ sung trước khi ký.]'),
    loop('limits', body('- {.}')),
    draft('Nguyên nhân: [Bí thư bổ sung] ……………………………………………'),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ'),
    draft('[Dự thảo từ sổ theo dõi — đồng chí Bí thư xem lại, viết lại và bổ sung trước khi ký.]'),
    loop('directions', body('- {.}')),
    body('Kèm theo báo cáo này: Phụ lục — bảng kết quả thực hiện của từng đảng viên và của tập thể chi bộ (tệp Excel).'),
    signature(recipients(), signedForCell()),
  ].join('');
}

function planBody() {
  return [
    headerBlock(),
    title('KẾ HOẠCH', 'Thực hiện việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year}'),
    body('Thực hiện {basis}, {cellName} xây dựng kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year} như sau:'),
    heading('I. MỤC ĐÍCH, YÊU CẦU'),
    body('1. Mỗi đảng viên nhận thức sâu sắc nội dung cơ bản, giá trị to lớn của tư tưởng, đạo đức, phong cách Hồ Chí Minh; tự giác học tập và làm theo Bác gắn với nhiệm vụ được giao.'),
    body('2. Việc học tập và làm theo Bác được thực hiện thường xuyên, thiết thực; mỗi đảng viên đăng ký việc làm cụ thể, có sản phẩm, chỉ tiêu; chi bộ kiểm điểm hằng tháng trong buổi sinh hoạt thường kỳ.'),
    heading('II. NỘI DUNG'),
    heading('1. Nội dung học tập'),
    loop('programme', body('- {.}')),
    heading('2. Việc trọng tâm, đột phá của tập thể chi bộ'),
    body('Chi bộ xác định {tasksCount} việc trọng tâm, đột phá:'),
    loopTable('tasks', [
      { key: 'stt', title: 'STT', width: 8, center: true },
      { key: 'content', title: 'Việc trọng tâm, đột phá', width: 25 },
      { key: 'solution', title: 'Giải pháp', width: 23 },
      { key: 'owner', title: 'Người phụ trách', width: 15 },
      { key: 'due', title: 'Thời gian', width: 16, center: true },
      { key: 'target', title: 'Chỉ tiêu, sản phẩm', width: 17 },
    ]),
    heading('3. Việc đăng ký của đảng viên'),
    body('Chi bộ có {membersTotal} đảng viên ({membersApart}); {regRequired} đồng chí phải đăng ký, đến nay {regRegistered} đồng chí đã đăng ký ({regRate}), {regCommitted} đồng chí đã ký cam kết. Bản đăng ký của từng đảng viên kèm theo kế hoạch này.'),
    heading('III. TỔ CHỨC THỰC HIỆN'),
    body('1. Đồng chí Bí thư chi bộ ({secretary}) chịu trách nhiệm chung, phân công, đôn đốc và kiểm tra việc thực hiện kế hoạch.'),
    body('2. Người phụ trách các việc trọng tâm:'),
    loop('owners', body('- Đồng chí {name}: {tasks}.')),
    body('3. Mỗi đảng viên thực hiện các việc đã đăng ký, báo cáo tiến độ và tự kiểm điểm trong buổi sinh hoạt chi bộ thường kỳ hằng tháng.'),
    body('4. Chi bộ sơ kết 6 tháng vào {halfReview}, tổng kết năm vào {yearReview}; biểu dương, nhân rộng điển hình và đề nghị cấp trên khen thưởng.'),
    signature(recipients(), signedForCell()),
  ].join('');
}

function minutesBody() {
  return [
    headerBlock(),
    title('BIÊN BẢN', '{meetingKind} tháng {month}'),
    body('Hôm nay, ngày {date}, tại {place}, {cellName} tổ chức {meetingKindLower} tháng {month}.'),
    loop('topic', body('Chủ đề: {topic}')),
    heading('I. THÀNH PHẦN'),
    body('Chủ trì: đồng chí {chair}. Thư ký: đồng chí {minutesBy}.'),
    body('Đảng viên phải dự: {expected}; có mặt: {present}; vắng có lý do: {absentWithReason}{absentWithReasonNames}; vắng không lý do: {absentWithout}{absentWithoutNames}; {apart}.'),
    heading('II. NỘI DUNG'),
    heading('1. Đảng viên báo cáo việc thực hiện đăng ký và tự kiểm điểm'),
    loop(
      'members',
      heading('1.{stt}. Đồng chí {name}:'),
      loop('items', body('- {content}: {progress}.')),
      body('Tự kiểm điểm: {selfCritique}'),
      body('Ý kiến của tập thể: {comment}'),
      body('Kết quả: {result}{#recognition}; {recognition}{/recognition}.'),
    ),
    loop('notReviewed', body('Chưa kiểm điểm: {notReviewed}.')),
    heading('2. Tiến độ việc trọng tâm của tập thể'),
    loop('collective', body('- {content} (phụ trách: {owner}): {progress}.')),
    heading('3. Biểu dương, nhắc nhở'),
    body('Kết quả kiểm điểm: Tốt {countTot}; Đạt {countDat}; Chưa đạt {countChuaDat}; chưa kiểm điểm {countNone}.'),
    body('Biểu dương: {praised}. Nhắc nhở: {reminded}.'),
    heading('III. KẾT LUẬN'),
    loop('conclusion', body('{conclusion}')),
    body('{^conclusion}'),
    draft('[Thư ký ghi kết luận của đồng chí chủ trì.]'),
    body('{/conclusion}'),
    heading('IV. CHẤT LƯỢNG BUỔI SINH HOẠT'),
    body('Buổi sinh hoạt được chấm {score} điểm, xếp loại {grade}.'),
    draft('Buổi sinh hoạt kết thúc lúc …… giờ …… cùng ngày. Biên bản đã được đọc lại trước chi bộ và được thông qua. [Thư ký bổ sung]'),
    signature(
      [p('signerAuthority', 'THƯ KÝ'), p('signerName', '{minutesBy}')].join(''),
      [p('signerAuthority', 'CHỦ TRÌ'), p('signerName', '{chair}')].join(''),
    ),
  ].join('');
}

// ---- the package --------------------------------------------------------------------------------

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function documentXml(content) {
  const m = MARGINS_MM;
  // Page numbers from the second page, at the top, centred: a first-page header that is empty.
  const sect =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    `<w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/>` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" w:header="567" w:footer="567" w:gutter="0"/>` +
    '<w:titlePg/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${content}${sect}</w:body></w:document>`;
}

function headerXml(withNumber) {
  const number = withNumber
    ? `<w:p><w:pPr><w:pStyle w:val="${styleId('pageNumber')}"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
    : '<w:p/>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${NS}>${number}</w:hdr>`;
}

function pack(file, titleText, content) {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
      '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
      '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml(content));
  zip.file('word/styles.xml', stylesXml());
  zip.file(
    'word/settings.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>',
  );
  zip.file('word/header1.xml', headerXml(true));
  zip.file('word/header2.xml', headerXml(false));
  // A fixed date keeps the generated files identical from one run to the next.
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(titleText)}</dc:title><dc:creator>hoc-theo-bac</dc:creator>` +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
  );
  zip.file(
    'docProps/app.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>hoc-theo-bac</Application></Properties>',
  );
  const buffer = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE', date: new Date('2026-01-01T00:00:00Z') });
  fs.writeFileSync(path.join(root, 'templates', file), buffer);
  console.log(`templates/${file}`);
}

pack('document-results.docx', 'Báo cáo sơ kết, tổng kết việc học tập và làm theo Bác', resultsBody());
pack('document-plan.docx', 'Kế hoạch thực hiện việc học tập và làm theo Bác', planBody());
pack('document-minutes.docx', 'Biên bản sinh hoạt chi bộ', minutesBody());
