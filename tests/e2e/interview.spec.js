// Story: a learner rehearses a mock interview out loud. Three questions, one minute each, with
// follow-ups: they record an answer with the microphone (Chromium's fake device), stop when done,
// tick the key points they covered, grade it, answer the interviewer's follow-up, reload in the
// middle and carry on, let the clock run out on one answer, and read the report with playback.
// The grades go into the review schedule and the interview into progress. The test build's clock
// (window.__backprepTestNow) moves time on.
import { test, expect } from './fixtures.js';
import { noViolations, noViolationsLightAndDark } from './axe.js';
import { testBuild, setClock } from './clock.js';
import config from './playwright.config.js';

const launch = config.use.launchOptions;
test.use({
  baseURL: testBuild,
  launchOptions: {
    ...launch,
    args: [...launch.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
  permissions: ['microphone'],
});

const T = Date.UTC(2026, 10, 23, 15, 0);
const advance = (page, ms) => page.evaluate((d) => { window.__backprepTestNow += d; }, ms);
const bar = (page) => page.getByTestId('interview-bar');
const position = (page) => page.getByTestId('interview-position');

test('a full mock interview: recording, follow-ups, a reload, time running out, the report and the schedule', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/interview');
  await expect(page.getByRole('heading', { name: 'Mock interview' })).toBeVisible();
  await page.getByText('3', { exact: true }).click();
  await page.getByText('A mix of every topic, beginner').click();
  await page.getByText('1 minute', { exact: true }).click();
  await noViolationsLightAndDark(page, 'interview set-up');
  await page.getByRole('button', { name: 'Start the interview' }).click();

  // Question 1, mid-answer: a reload carries on where it was, clock and notes included.
  await expect(position(page)).toHaveText('Question 1 of 3');
  const first = await page.locator('#iv-q').innerText();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('countdown')).toContainText('1:00');
  await advance(page, 20_000);
  await expect(page.getByTestId('countdown')).toContainText('0:40');
  await page.getByLabel('Notes, or your answer typed (optional)').fill('Start with the trade-off.');
  // The test clock starts again from what the next page load is given: the same moment.
  await setClock(context, T + 20_000);
  await page.reload();
  await expect(position(page)).toHaveText('Question 1 of 3');
  await expect(page.getByLabel('Notes, or your answer typed (optional)')).toHaveValue('Start with the trade-off.');
  await expect(page.getByTestId('countdown')).toContainText('0:40');
  // Recorded with the microphone (asked for only now), stopped by "Done".
  await page.getByTestId('record').click();
  await expect(page.getByTestId('record')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(600); // some real audio from the fake microphone
  await page.getByRole('button', { name: /Done/ }).click();
  // Review: playback of the recording, key points, pitfalls, grades.
  await expect(page.getByTestId('playback')).toHaveCount(1);
  await expect(page.getByTestId('playback')).toHaveAttribute('src', /^blob:/);
  await expect(page.locator('.rubric .tick').first()).toBeVisible();
  await noViolationsLightAndDark(page, 'interview review');
  await page.keyboard.press('a');
  await page.keyboard.press('b');
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /Knew it/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('interview-continue').click();
  // The interviewer's follow-up, answered and self-graded.
  await expect(page.getByTestId('follow-up')).toContainText('The interviewer asks:');
  await expect(page.locator('.follow-up-question')).not.toBeEmpty();
  await advance(page, 15_000);
  await page.keyboard.press('d');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');

  // Question 2: the time runs out; the answer ends by itself and a screen reader hears it.
  await expect(position(page)).toHaveText('Question 2 of 3');
  await page.keyboard.press('Space');
  await advance(page, 31_000);
  await expect(page.getByTestId('time-said')).toHaveText('30 seconds left');
  await advance(page, 30_000);
  await expect(page.getByTestId('time-said')).toHaveText('Time is up');
  await expect(page.locator('.rubric .tick').first()).toBeVisible();
  await page.keyboard.press('1');
  await page.getByTestId('interview-continue').click();
  await page.getByRole('button', { name: 'Skip the follow-up' }).click();

  // Question 3: graded, its follow-up too, then the report.
  await expect(position(page)).toHaveText('Question 3 of 3');
  await page.keyboard.press('Space');
  await page.keyboard.press('d');
  await expect(page.locator('.rubric .tick').first()).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('d');
  await page.keyboard.press('3');
  await expect(page.getByTestId('interview-continue')).toHaveText(/See the report/);
  await page.keyboard.press('Enter');

  const report = page.getByTestId('interview-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('interview-score')).toContainText('1 of 3 answers “knew it”');
  await expect(page.getByTestId('report-row')).toHaveCount(3);
  await expect(page.getByTestId('report-row').first()).toContainText(first);
  await expect(page.getByTestId('report-row').first()).toContainText('key points 2 of');
  await expect(page.getByTestId('report-row').first()).toContainText('Follow-up: 15 seconds · Partly');
  await expect(page.getByTestId('report-row').nth(1)).toContainText('1 minute · key points 0 of');
  // The recording plays back in the report too (this tab only).
  await expect(report.getByTestId('playback')).toHaveCount(1);
  await expect(report.getByTestId('playback')).toHaveAttribute('src', /^blob:/);
  // Not asked for: no design exercise.
  await expect(page.getByTestId('interview-design')).toHaveCount(0);
  await noViolationsLightAndDark(page, 'interview report');

  // Progress: three graded answers in the schedule, one interview in the history.
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(progress.version).toBe(6);
  const attempts = Object.values(progress.data.attempts).flat();
  expect(attempts.map((a) => a.outcome.grade).sort()).toEqual(['didnt_know', 'knew', 'partly']);
  expect(progress.data.interviews).toHaveLength(1);
  expect(progress.data.interviews[0].questions).toHaveLength(3);
  expect(progress.data.interviews[0]).not.toHaveProperty('design');
  await page.goto('/?status=knew');
  await expect(page.getByTestId('question-item')).toHaveCount(1);
  await expect(page.getByTestId('question-item').first()).toContainText(first);
});

test('the set-up is remembered, an empty interview leaves nothing, and reading aloud says when it cannot', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/interview');
  await page.getByText('5', { exact: true }).click();
  await page.getByText('Untimed').click();
  await page.getByText('Reads each question aloud').click();
  // With no voice on this device the page says the questions will be shown only.
  await page.waitForTimeout(700);
  const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.localService).length);
  if (voices === 0) await expect(page.getByTestId('no-voice')).toBeVisible();
  else await expect(page.getByTestId('no-voice')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(position(page)).toHaveText('Question 1 of 5');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('countdown')).toContainText('untimed');
  await page.getByRole('button', { name: 'End interview' }).click();
  // Nothing was graded: no record, back to the set-up, which remembers the choices.
  await expect(page.getByRole('button', { name: 'Start the interview' })).toBeVisible();
  await expect(page.getByLabel('5', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Untimed')).toBeChecked();
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(progress?.data?.interviews ?? []).toEqual([]);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await noViolations(page, `interview set-up, ${scheme}`);
  }
});

test('an interview that ends with a design exercise: the report links to its round, then shows its grade', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/interview');
  await page.getByText('3', { exact: true }).click();
  await page.getByText('A mix of every topic, intermediate').click();
  await page.getByText('Untimed').click();
  const design = page.getByLabel('Ends with a system-design exercise (a 35–60 minute round of its own)');
  await expect(design).not.toBeChecked();
  await design.check();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(position(page)).toHaveText('Question 1 of 3');
  await expect(page.getByTestId('design-ahead')).toHaveText('This interview ends with a system-design exercise, after the last question.');
  // One answer graded, then the interview ended early: the report leads with the exercise.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('design-ahead')).toHaveCount(0);
  await advance(page, 60_000);
  await page.keyboard.press('d');
  await expect(page.locator('.rubric .tick').first()).toBeVisible();
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'End interview' }).click();
  const part = page.getByTestId('interview-design');
  await expect(part).toBeVisible();
  const heading = await part.getByRole('heading', { level: 2 }).innerText();
  expect(heading).toMatch(/^Last round: system design — Design /);
  const title = heading.replace('Last round: system design — ', '');
  const link = part.getByRole('link', { name: 'Start the design round' });
  const href = await link.getAttribute('href');
  const id = href.match(/^\/designs\/([a-z0-9-]+)\/practice$/)[1];
  await expect(page.getByTestId('design-grade')).toHaveCount(0);
  await noViolationsLightAndDark(page, 'interview report with a design exercise');
  // The record keeps the exercise.
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(progress.data.interviews[0].design).toBe(id);

  // The round, on its own page (a page load: its clock starts from what it is given).
  await setClock(context, T + 2 * 60_000);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/designs/${id}/practice$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Practice: ${title}`);
  await page.getByLabel('35 minutes').check();
  await page.getByTestId('start-round').click();
  await advance(page, 30 * 60_000);
  await page.getByTestId('end-round').click();
  await expect(page.getByTestId('practice-review')).toBeVisible();
  await page.locator('.review-overall').getByRole('button', { name: /Partly/ }).click();
  await page.getByTestId('finish-review').click();
  await expect(page.getByTestId('practice-report')).toBeVisible();

  // Back to the interview: its report (the last interview's, kept until a new one) has the grade.
  await setClock(context, T + 40 * 60_000);
  await page.goto('/interview');
  await expect(page.getByTestId('interview-report')).toBeVisible();
  await expect(page.getByTestId('design-grade')).toHaveText('Design round: Partly');
  await expect(part.getByRole('link', { name: 'Another design round' })).toHaveAttribute('href', href);
  // A new interview's set-up remembers the choice.
  await page.getByRole('button', { name: 'New interview' }).click();
  await expect(design).toBeChecked();
});
