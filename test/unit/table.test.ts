// Table columns: fit the terminal, never cut a date or a heading word, share the rest.
import { columnWidths } from '../../src/cli/output/table.js';

describe('column widths', () => {
  const columns = [
    { title: 'Dòng', width: 2 },
    { title: 'Đảng viên', width: 5 },
    { title: 'Nội dung', width: 9 },
    { title: 'Thời hạn', width: 3 },
  ];
  const long = 'Vận động hội viên phụ nữ thực hiện phân loại rác tại nguồn, giữ gìn vệ sinh đường làng ngõ xóm';

  it('gives a date and a short number their whole width, and the long text what is left', () => {
    const widths = columnWidths(columns, [['4', 'Trần Thị Ánh', long, '31/12/2026']], 80);
    expect(widths.reduce((s, w) => s + w, 0) + columns.length + 1).toBeLessThanOrEqual(80);
    expect(widths[0]).toBeGreaterThanOrEqual('Dòng'.length + 2);
    expect(widths[3]).toBeGreaterThanOrEqual('31/12/2026'.length + 2);
    expect(widths[2]).toBeGreaterThan(widths[1]!);
  });

  it('takes no more than the longest line needs', () => {
    const widths = columnWidths(columns, [['4', 'An', 'Đọc sách', '31/12/2026']], 80);
    expect(widths).toEqual(['Dòng'.length + 2, 'Đảng viên'.length + 2, 'Nội dung'.length + 2, '31/12/2026'.length + 2]);
  });

  it('falls back to shares when even the words do not fit', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ title: `Cột ${i}`, width: 1 }));
    const widths = columnWidths(many, [many.map(() => 'Một-từ-rất-dài-không-ngắt-được')], 60);
    expect(widths.reduce((s, w) => s + w, 0) + many.length + 1).toBeLessThanOrEqual(60);
  });
});
