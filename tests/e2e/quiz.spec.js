// Story: a learner quizzes themselves on a topic with flashcards and with multiple choice, using
// only the keyboard during the quiz; a reload mid-quiz resumes; the list then shows how they did.
import { test, expect } from './fixtures.js';

const position = (page) => page.getByTestId('quiz-position');

async function start(page, path, modeLabel) {
  await page.goto(path);
  await expect(page.getByTestId('quiz-source')).toBeVisible();
  if (modeLabel) {
    await page.getByLabel(modeLabel).focus();
    await page.keyboard.press('Space');
  }
  await page.getByRole('button', { name: 'Start quiz' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quiz-card')).toBeVisible();
}

test('a full flashcard quiz with the keyboard: reveal, tick, grade, summary', async ({ page }) => {
  await start(page, '/quiz?topic=compliance');
  const total = Number((await position(page).innerText()).split(' / ')[1]);
  expect(total).toBe(5);
  for (let i = 1; i <= total; i++) {
    await expect(position(page)).toHaveText(`${i} / ${total}`);
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
    if (i === 1) {
      // Tick every key point: the suggestion becomes "Knew it"; Enter takes it. (The grades are
      // on the answer bar at once; the rubric comes with the answer's text.)
      await expect(page.locator('.rubric .tick').first()).toBeVisible();
      const points = await page.locator('.rubric .tick').count();
      for (let k = 0; k < points; k++) await page.keyboard.press(String.fromCharCode(97 + k));
      await expect(page.getByTestId('suggested')).toHaveText('Suggested from your ticks: Knew it');
      await page.keyboard.press('Enter');
    } else if (i === 2) {
      await page.keyboard.press('1');
    } else {
      await page.keyboard.press('3');
    }
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
  await expect(page.getByTestId('score')).toContainText(`${total - 1} of ${total} right`);
  await expect(page.getByTestId('missed').locator('li')).toHaveCount(1);

  // Progress survives a reload and the list shows statuses and readiness.
  await page.goto('/?topic=compliance');
  await expect(page.getByTestId('status')).toHaveCount(total);
  await expect(page.getByTestId('status').filter({ hasText: "Didn't know" })).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('readiness')).toBeVisible();
  await page.getByRole('button', { name: "Didn't know" }).click();
  await expect(page).toHaveURL(/status=didnt-know/);
  await expect(page.getByTestId('question-item')).toHaveCount(1);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(Object.values(stored.data.attempts).flat()).toHaveLength(total);
  expect(stored.data.quizzes).toHaveLength(1);
});

test('a full multiple-choice quiz with the keyboard, then retry the missed ones', async ({ page }) => {
  await start(page, '/quiz?topic=compliance', 'Multiple choice');
  const total = Number((await position(page).innerText()).split(' / ')[1]);
  for (let i = 1; i <= total; i++) {
    await expect(position(page)).toHaveText(`${i} / ${total}`);
    await page.keyboard.press('1');
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('verdict')).toContainText(/Right\.|Not quite\./);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
  const score = await page.getByTestId('score').innerText();
  const right = Number(score.split(' of ')[0]);
  const missed = total - right;
  if (missed > 0) {
    await page.getByRole('button', { name: 'Retry the missed ones' }).click();
    await expect(position(page)).toHaveText(`1 / ${missed}`);
  }
});

test('a quiz in progress survives a reload and can be resumed or discarded', async ({ page }) => {
  await start(page, '/quiz?level=beginner');
  await page.keyboard.press('Space');
  await page.keyboard.press('2');
  await expect(position(page)).toHaveText('2 / 10');
  await page.reload();
  await expect(position(page)).toHaveText('2 / 10');
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText('1 / 10');
  await expect(page.getByRole('group', { name: 'Grade yourself' })).toBeVisible();
  await page.goto('/quiz');
  await expect(page.getByTestId('resume')).toContainText('card 1 of 10');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(position(page)).toHaveText('1 / 10');
  await page.goto('/quiz');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('resume')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('resume')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:quiz')));
  expect(stored).toEqual({ version: 1, data: { session: null } });
  // The graded card was recorded even though the quiz was discarded.
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(Object.values(progress.data.attempts).flat()).toHaveLength(1);
});

test('"Quiz me on these" starts from the filtered list', async ({ page }) => {
  await page.goto('/?topic=compliance&level=advanced');
  const n = await page.getByTestId('question-item').count();
  await page.getByRole('link', { name: 'Quiz me on these' }).click();
  await expect(page.getByTestId('quiz-source')).toContainText(`${n} questions in your selection`);
});

test('design exercises\' checks join a multiple-choice quiz when added, scored in the quiz only', async ({ page }) => {
  await page.goto('/quiz?topic=http-apis');
  await expect(page.getByTestId('design-count')).toHaveText(/^1 design exercise matches this selection/);
  await page.getByLabel('Multiple choice').check();
  await page.getByLabel('All', { exact: true }).first().check();
  await page.getByLabel("Add the design exercises' checks").check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId('quiz-card')).toBeVisible();
  const total = Number((await position(page).innerText()).split(' / ')[1]);
  let designCards = 0;
  for (let i = 1; i <= total; i++) {
    await expect(position(page)).toHaveText(`${i} / ${total}`);
    const meta = page.locator('.choice-card .meta');
    await expect(page.locator('.choice-card .options button').first()).toBeVisible();
    if ((await meta.innerText()).includes('System design:')) {
      designCards += 1;
      await expect(meta).toContainText('Design a rate limiter');
      await page.keyboard.press('1');
      await expect(page.getByTestId('verdict')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Read the whole exercise' })).toHaveAttribute(
        'href', /\/designs\/rate-limiter-service$/);
      // An exercise has no bookmark or note of its own here.
      await expect(page.locator('.choice-card .personal')).toHaveCount(0);
    } else {
      await page.keyboard.press('1');
      await expect(page.getByTestId('verdict')).toBeVisible();
    }
    await page.keyboard.press('Enter');
  }
  expect(designCards).toBe(1);
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')).data);
  const quiz = stored.quizzes[stored.quizzes.length - 1];
  expect(quiz.asked).toContain('rate-limiter-service');
  expect(quiz.answered).toBe(total);
  // The exercise's schedule comes from its practice rounds: no answer is filed under its id.
  expect(Object.keys(stored.attempts)).not.toContain('rate-limiter-service');
  expect(Object.keys(stored.attempts).length).toBe(total - 1);
});

test('without the box, or with a search, no design exercise joins', async ({ page }) => {
  await page.goto('/quiz?topic=http-apis');
  await page.getByLabel('Multiple choice').check();
  await page.getByLabel('All', { exact: true }).first().check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const total = Number((await position(page).innerText()).split(' / ')[1]);
  for (let i = 1; i <= total; i++) {
    await expect(position(page)).toHaveText(`${i} / ${total}`);
    await expect(page.locator('.choice-card .options button').first()).toBeVisible();
    await expect(page.locator('.choice-card .meta')).not.toContainText('System design:');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
  }
  await page.goto('/quiz?q=rate&found=rate-limiting');
  await expect(page.getByTestId('design-count')).toHaveText(/^No design exercise is in this selection/);
});
