// The Party's document format, Hướng dẫn 36-HD/VPTW (2018), element by element: the one table
// of font sizes and styles that every document writer (workbooks and Word documents) takes its
// typography from. Each entry names the HD 36 element it follows. Sizes are in points; the
// sources are in templates/README.md ("Thể thức"): HD 36's Appendix 3 (the table of each element's
// type, size and style) for the header, title, subject and body; its page-number rule.

export interface ElementStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly caps?: boolean;
}

export const FONT = 'Times New Roman';

export const HD36 = {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" (tiêu đề), with a solid rule under it. */
  partyTitle: { size: 15, bold: true, caps: true },
  /** Superior organisation's name (tên cơ quan cấp trên), e.g. "ĐẢNG BỘ XÃ TÂN LẬP". */
  superiorOrganisation: { size: 14, caps: true },
  /** Issuing organisation's name (tên cơ quan ban hành), e.g. "CHI BỘ VĂN PHÒNG". */
  issuingOrganisation: { size: 14, bold: true, caps: true },
  /** The star under the issuing organisation. */
  star: { size: 14 },
  /** Number and symbol (số và ký hiệu), "Số 03-BC/CB". */
  number: { size: 14 },
  /** Place and date (địa điểm, ngày tháng năm ban hành). */
  placeDate: { size: 14, italic: true },
  /** Kind of document (tên loại văn bản): BÁO CÁO, KẾ HOẠCH, DANH SÁCH… */
  documentKind: { size: 16, bold: true, caps: true },
  /** Subject (trích yếu nội dung). */
  subject: { size: 14, bold: true },
  /** Body text (nội dung văn bản). */
  body: { size: 14 },
  /** Headings inside the body (I., II., 1., …). */
  bodyHeading: { size: 14, bold: true },
  /**
   * Tables inside a document: HD 36 gives tables no size of their own; they take a smaller one
   * than the body so that a landscape table of long texts fits its pages.
   */
  tableHeader: { size: 12, bold: true },
  tableBody: { size: 12 },
  /** Authority to sign (quyền hạn người ký), "T/M CHI BỘ". */
  signerAuthority: { size: 14, bold: true, caps: true },
  /** Signer's position (chức vụ người ký), "BÍ THƯ". */
  signerTitle: { size: 14, bold: true, caps: true },
  /** Signer's full name (họ tên người ký). */
  signerName: { size: 14, bold: true },
  /** "Nơi nhận:" (the word), underlined. */
  recipientsTitle: { size: 14, underline: true },
  /** Each recipient line under "Nơi nhận:". */
  recipients: { size: 12 },
  /** Page number (số trang): from the second page, at the top, centred, 10 mm from the top edge. */
  pageNumber: { size: 14 },
} as const satisfies Record<string, ElementStyle>;

export type Hd36Element = keyof typeof HD36;

/** Page margins in millimetres (HD 36: top and bottom 20–25, left 30–35, right 15–20). */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
