// Labels of the rating scales of DOMAIN.md (src/domain/scales.ts), 'scale.<scale>.<word>'.
export const vi = {
  'scale.pledgeGrade.hoan-thanh-xuat-sac': 'Hoàn thành xuất sắc',
  'scale.pledgeGrade.hoan-thanh-tot': 'Hoàn thành tốt',
  'scale.pledgeGrade.hoan-thanh': 'Hoàn thành',
  'scale.pledgeGrade.khong-hoan-thanh': 'Không hoàn thành',
  'scale.period.6m': 'sơ kết 6 tháng',
  'scale.period.year': 'tổng kết năm',
  'error.scaleUnknown': '{field}: "{value}" không có trong thang đánh giá; hãy dùng một trong: {allowed}.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'scale.pledgeGrade.hoan-thanh-xuat-sac': 'Done excellently',
  'scale.pledgeGrade.hoan-thanh-tot': 'Done well',
  'scale.pledgeGrade.hoan-thanh': 'Done',
  'scale.pledgeGrade.khong-hoan-thanh': 'Not done',
  'scale.period.6m': 'six-month review',
  'scale.period.year': 'year-end review',
  'error.scaleUnknown': '{field}: "{value}" is not on the scale; use one of: {allowed}.',
};
