// Story: a learner searches the list, then quizzes and rehearses exactly what it found. Only the
// list searches (the quiz and interview builds carry no search index, to stay small), so the
// list's links carry the questions it found, in its order.
import { test, expect } from './fixtures.js';

const settled = (page) => expect(page.getByTestId('question-list')).not.toHaveAttribute('aria-busy', 'true');

/** The questions the list shows, as their wordings, in order. */
const listed = (page) => page.getByTestId('question-item').locator('a.question-link').allInnerTexts();

test('a search on the list becomes the quiz, in the list\'s order', async ({ page }) => {
  await page.goto('/?q=cache');
  await settled(page);
  const wordings = await listed(page);
  expect(wordings.length).toBeGreaterThan(2);
  await page.getByRole('link', { name: `Quiz me on these (${wordings.length})` }).click();
  await expect(page).toHaveURL(/\/quiz\?q=cache&found=[a-z0-9-]+(,[a-z0-9-]+)+$/);
  await expect(page.getByTestId('quiz-source')).toContainText(`${wordings.length} questions in your selection`);
  await page.getByRole('group', { name: 'How many' }).getByText('All', { exact: true }).click();
  await page.getByText('In order', { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let i = 0; i < wordings.length; i++) {
    await expect(page.getByTestId('quiz-position')).toHaveText(`${i + 1} / ${wordings.length}`);
    await expect(page.locator('#card-h')).toHaveText(wordings[i]);
    await page.keyboard.press('s');
  }

  // The same search typed into the quiz's address by hand carries nothing found: it says where
  // searching happens and cannot start.
  await page.goto('/quiz?q=cache');
  await expect(page.getByTestId('nothing-selected')).toContainText('Searches run on the question list');
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeDisabled();
});

test('a filtered list offers a mock interview on its questions', async ({ page }) => {
  await page.goto('/?q=gdpr');
  await settled(page);
  const wordings = await listed(page);
  expect(wordings.length).toBeGreaterThan(0);
  await page.getByTestId('interview-these').click();
  await expect(page).toHaveURL(/\/interview\?q=gdpr&found=/);
  await expect(page.getByLabel('The questions of my selection')).toBeChecked();
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.getByTestId('interview-position')).toContainText('Question 1 of');
  expect(wordings).toContain(await page.locator('#iv-q').innerText());
});
