// Words of the demo command.
export const vi = {
  'demo.help': 'tạo một chi bộ mẫu (dữ liệu thử, riêng một thư mục) để xem thử chương trình',
  'demo.opt.dir': 'thư mục đặt chi bộ mẫu (mặc định: thư mục tạm của máy)',
  'demo.made': 'Đã tạo {name} với {count} đảng viên (dữ liệu thử, không phải chi bộ thật).',
  'demo.file': 'Tệp mẫu: {file}',
  'demo.try': 'Thử các lệnh:',
  'demo.example': 'hoc-theo-bac demo',
  'demo.exampleCommittee': 'hoc-theo-bac demo --committee',
  'demo.opt.committee': 'tạo một đảng ủy mẫu với các chi bộ mẫu và tệp nộp báo cáo của họ',
  'demo.committeeMade': 'Đã tạo đảng ủy mẫu với {cells} chi bộ (dữ liệu thử); đã nhận {taken} tệp nộp báo cáo.',
  'demo.committeeFile': 'Tệp của đảng ủy mẫu: {file}',
  'demo.committeeInbox': 'Các tệp nộp báo cáo của chi bộ mẫu: {folder}',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'demo.help': 'create a sample cell (made-up data, in a folder of its own) to try the program on',
  'demo.opt.dir': "folder for the sample cell (default: the machine's temporary folder)",
  'demo.made': 'Created {name} with {count} members (made-up data, not a real cell).',
  'demo.file': 'Sample file: {file}',
  'demo.try': 'Try these commands:',
  'demo.example': 'hoc-theo-bac demo',
  'demo.exampleCommittee': 'hoc-theo-bac demo --committee',
  'demo.opt.committee': 'create a sample committee with sample cells and their submissions',
  'demo.committeeMade': 'Created a sample committee with {cells} cells (made-up data); took {taken} submissions.',
  'demo.committeeFile': "The sample committee's file: {file}",
  'demo.committeeInbox': "The sample cells' submissions: {folder}",
};
