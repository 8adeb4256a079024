// The questions of `review run` in a real inquirer prompt: validation messages in the person's language.
import { render } from '@inquirer/testing';
import { input } from '@inquirer/prompts';
import { meetingDateValidator, scoreValidator } from '../../src/cli/prompts/review-run.js';
import { translator } from '../../src/i18n/index.js';

describe('review run prompts', () => {
  it('refuses a meeting date outside the month, then takes one inside it', async () => {
    const t = translator('vi');
    const { answer, events, getScreen } = await render(input, { message: t('review.ask.meetingDate'), validate: meetingDateValidator(t, '2026-03') });
    events.type('05/04/2026');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('Ngày 05/04/2026 không thuộc tháng 03/2026; ngày sinh hoạt phải trong tháng đó.');
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('05/03/2026');
    events.keypress('enter');
    await expect(answer).resolves.toBe('05/03/2026');
  });

  it('refuses a score out of range, in English too', async () => {
    const t = translator('en');
    const { answer, events, getScreen } = await render(input, { message: t('review.ask.score'), validate: scoreValidator(t) });
    events.type('120');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('The value "120" of --score must be a whole number from 0 to 100.');
    events.keypress('backspace');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('85');
    events.keypress('enter');
    await expect(answer).resolves.toBe('85');
  });

  it('takes a blank score (not scored) and refuses an impossible date', async () => {
    const t = translator('vi');
    expect(scoreValidator(t)('')).toBe(true);
    expect(meetingDateValidator(t, '2026-02')('30/02/2026')).toBe('Ngày "30/02/2026" (ngày sinh hoạt) không có trên lịch; hãy kiểm tra lại ngày và tháng.');
  });
});
