// Story: a learner grades flashcards; with the clock moved on (test build only) the cards come
// due on the days FSRS set, in the learner's own time zone, and "Review due" drills exactly those.
import { test, expect } from './fixtures.js';
import { readdirSync, readFileSync } from 'node:fs';
import { testBuild, setClock, DAY } from './clock.js';

test.use({ baseURL: testBuild, timezoneId: 'Pacific/Auckland' });

// Monday 23 Nov 2026, 10:00 in Auckland (UTC+13 in summer).
const D = Date.UTC(2026, 10, 22, 21, 0);

async function gradeCompliance(page) {
  await page.goto('/quiz?topic=compliance');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const position = page.getByTestId('quiz-position');
  await expect(position).toHaveText('1 / 5');
  const wordings = [];
  for (let i = 1; i <= 5; i++) {
    await expect(position).toHaveText(`${i} / 5`);
    wordings.push(await page.locator('#card-h').innerText());
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
    // The first card is "Knew it" (Good: 3 days), the rest "Didn't know" (Again: 1 day).
    await page.keyboard.press(i === 1 ? '3' : '1');
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
  return wordings;
}

test('graded cards come due on the right local days, and "Review due" drills them', async ({ page, context }) => {
  await setClock(context, D);
  const wordings = await gradeCompliance(page);

  await page.goto('/');
  await expect(page.getByTestId('due-today')).toContainText('Nothing due for review today.');
  // The question page says when: the known card in 3 days, the others tomorrow.
  await page.getByRole('link', { name: wordings[0] }).click();
  await expect(page.getByTestId('next-review')).toHaveText('Next review: due in 3 days (Thu 26 Nov 2026)');
  await page.goto('/');
  await page.getByRole('link', { name: wordings[1] }).click();
  await expect(page.getByTestId('next-review')).toHaveText('Next review: due tomorrow (Tue 24 Nov 2026)');

  // The dashboard's forecast table: 4 due tomorrow, 1 on Thursday.
  await page.goto('/progress');
  const forecast = page.getByTestId('forecast');
  await forecast.locator('summary').click();
  await expect(forecast.locator('tr', { hasText: 'Mon 23 Nov 2026' })).toContainText('0');
  await expect(forecast.locator('tr', { hasText: 'Tue 24 Nov 2026' })).toContainText('4');
  await expect(forecast.locator('tr', { hasText: 'Thu 26 Nov 2026' })).toContainText('1');

  // Tuesday 09:00 local: the cards due at 10:00 count as due today.
  await setClock(context, D + DAY - 3_600_000);
  await page.goto('/');
  await expect(page.getByTestId('due-today')).toContainText('4 questions due for review today.');
  await page.getByTestId('filters-toggle').click();
  await page.getByRole('button', { name: /^Due/ }).click();
  await expect(page).toHaveURL(/only=due/);
  await expect(page.getByTestId('question-item')).toHaveCount(4);
  await expect(page.getByTestId('due-mark')).toHaveCount(4);

  // Thursday: all five are due; "Review due" starts a quiz of exactly those.
  await setClock(context, D + 3 * DAY);
  await page.goto('/');
  await expect(page.getByTestId('due-today')).toContainText('5 questions due for review today.');
  await page.getByTestId('review-due').click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByTestId('quiz-position')).toHaveText(`${i} / 5`);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('due-today')).toContainText('Nothing due for review today.');
});

test('the streak counts local days, and survives until the end of the next day', async ({ page, context }) => {
  // Answers at 23:30 on Sunday and 00:30 on Monday (Auckland) are two study days.
  const sunday2330 = Date.UTC(2026, 10, 22, 10, 30);
  await setClock(context, sunday2330);
  const position = page.getByTestId('quiz-position');
  await page.goto('/quiz?topic=compliance');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(position).toHaveText('1 / 5');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(position).toHaveText('2 / 5');
  await setClock(context, sunday2330 + 3_600_000);
  await page.reload();
  // Keys pressed before the app has started would be lost: wait for the resumed card.
  await expect(position).toHaveText('2 / 5');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(position).toHaveText('3 / 5');
  await page.goto('/progress');
  await expect(page.getByTestId('streak-card')).toContainText('2 days');
  // Tuesday evening with nothing studied yet: still alive; Wednesday: broken, best kept.
  await setClock(context, sunday2330 + 2 * DAY - 3_600_000);
  await page.reload();
  await expect(page.getByTestId('streak-card')).toContainText('2 days');
  await expect(page.getByTestId('streak-card')).toContainText('answer one today to keep it');
  await setClock(context, sunday2330 + 3 * DAY);
  await page.reload();
  await expect(page.getByTestId('streak-card')).toContainText('0 days');
  await expect(page.getByTestId('streak-card')).toContainText('best 2 days');
});

test('the test clock exists only in the test build', async () => {
  const wasm = (dir) => readFileSync(`${dir}/${readdirSync(dir).find((f) => f.endsWith('.wasm'))}`);
  const root = new URL('../../', import.meta.url).pathname;
  expect(wasm(`${root}dist-test`).includes('__backprepTestNow')).toBe(true);
  expect(wasm(`${root}dist`).includes('__backprepTestNow')).toBe(false);
  expect(wasm(`${root}dist-sub`).includes('__backprepTestNow')).toBe(false);
});
