// Story: a learner stars questions and writes notes (which can never inject markup), finds them
// again through search and filters, exports everything, resets, and imports it back; a hostile or
// broken file is refused with a clear message and changes nothing.
import { test, expect } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { wording } from './bank.js';
import { gradeComplianceQuiz } from './quiz-helpers.js';

async function writeNote(page, text) {
  await page.getByTestId('edit-note').click();
  await page.getByTestId('note-input').fill(text);
  await page.getByTestId('save-note').click();
}

test('bookmarks and notes: on the page, in filters and search; notes render without HTML', async ({ page }) => {
  await page.goto('/questions/jwt');
  await expect(page.getByTestId('question-page')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true');
  const hostile = '**Asked at Zorblax.** <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3) and `kid` header';
  await writeNote(page, hostile);
  const note = page.getByTestId('note');
  await expect(note.locator('strong')).toHaveText('Asked at Zorblax.');
  await expect(note).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(note.locator('img, script, a')).toHaveCount(0);
  await note.getByText('click').click();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  await page.goto('/questions/cdn');
  await page.getByTestId('bookmark').click();
  await page.goto('/');
  await page.getByTestId('filters-toggle').click();
  await page.getByRole('button', { name: 'Bookmarked' }).click();
  await expect(page).toHaveURL(/only=bookmarked/);
  await expect(page.getByTestId('question-item')).toHaveCount(2);
  await page.getByRole('button', { name: 'Has notes' }).click();
  await expect(page.getByTestId('question-item')).toHaveCount(1);
  await expect(page.getByTestId('question-item')).toContainText(wording('jwt'));
  // The note's own words find the question.
  await page.goto('/?q=zorblax');
  await expect(page.getByTestId('question-item')).toHaveCount(1);
  await expect(page.getByTestId('question-item')).toContainText(wording('jwt'));
  // Unstarring sticks after a reload.
  await page.goto('/questions/cdn');
  await page.getByTestId('bookmark').click();
  await page.reload();
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'false');
});

test('the note and the star are there in the quiz reveal', async ({ page }) => {
  await page.goto('/quiz?topic=compliance');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.keyboard.press('Space');
  await writeNote(page, 'Remember the *lawful bases*');
  await expect(page.getByTestId('note').locator('em')).toHaveText('lawful bases');
  // Typing the note did not grade the card (1/2/3 are text in the editor).
  await expect(page.getByTestId('quiz-position')).toHaveText(/^1 \//);
  await page.getByTestId('bookmark').click();
  await page.keyboard.press('3');
  await expect(page.getByTestId('quiz-position')).toHaveText(/^2 \//);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')).data);
  expect(Object.values(stored.notes).map((n) => n.text)).toEqual(['Remember the *lawful bases*']);
  expect(Object.values(stored.bookmarks).filter((b) => b.on)).toHaveLength(1);
});

/** The dashboard's figures as text (every table opened), without the data panel. */
async function dashboardText(page) {
  await page.goto('/progress');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  for (const s of await page.locator('.chart-table summary').all()) await s.click();
  // innerText of the live page (laid out, so rows are lines), up to the data panel.
  return page.evaluate(() => document.querySelector('[data-testid=dashboard]').innerText.split('\nYour data\n')[0]);
}

test('export, reset, import: the same dashboard, notes and bookmarks come back', async ({ page }) => {
  await gradeComplianceQuiz(page);
  await page.goto('/questions/jwt');
  await page.getByTestId('bookmark').click();
  await writeNote(page, 'my note');
  const before = await dashboardText(page);
  expect(before).toContain('5\nanswers given');

  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^backprep-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = readFileSync(await file.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ app: 'backprep', version: 6 });

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  expect(await dashboardText(page)).toContain('0\nanswers given');

  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('import-summary')).toContainText('5 attempts, 1 note, 1 bookmark, 1 quiz, 0 mock interviews: merge or replace?');
  await page.getByTestId('import-replace').click();
  await expect(page.getByTestId('data-message')).toContainText('Replaced your data');
  expect(await dashboardText(page)).toBe(before);
  await page.reload();
  expect(await dashboardText(page)).toBe(before);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')).data);
  expect(stored.notes.jwt.text).toBe('my note');

  // Merging the same file again changes nothing.
  await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByTestId('import-merge').click();
  await expect(page.getByTestId('data-message')).toContainText('Imported and merged');
  expect(await dashboardText(page)).toBe(before);
});

/** Stars a question, opens the dashboard, and returns a reader of the stored progress with its
 * text at that moment (what a refused import must leave byte for byte). */
async function starredOnDashboard(page) {
  await page.goto('/questions/jwt');
  await page.getByTestId('bookmark').click();
  await page.goto('/progress');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const raw = () => page.evaluate(() => localStorage.getItem('backprep:progress'));
  const stored = await raw();
  return { raw, stored };
}

test('hostile, broken and oversized files are refused with a clear message and change nothing', async ({ page }) => {
  const { raw, stored } = await starredOnDashboard(page);
  const valid = { app: 'backprep', kind: 'progress', version: 3, exported_at: 1, data: { read: {}, attempts: {}, quizzes: [], bookmarks: {}, notes: {} } };
  const cases = [
    ['not JSON', 'id,grade\njwt,knew\n', /not a JSON|JSON/i],
    ['truncated', JSON.stringify(valid).slice(0, 40), /cut off/i],
    ['another app', JSON.stringify({ app: 'other', version: 1, data: {} }), /not a Backprep/i],
    ['a newer version', JSON.stringify({ ...valid, version: 99 }), /newer/i],
    ['wrong types', JSON.stringify({ ...valid, data: { attempts: { jwt: [{ at: 'yesterday', outcome: { kind: 'choice' } }] } } }), /attempts\.jwt\[0\]\.at/],
    ['a huge note', JSON.stringify({ ...valid, data: { notes: { jwt: { text: 'x'.repeat(30_000), at: 1 } } } }), /note/i],
    ['a script id', JSON.stringify({ ...valid, data: { read: { '<script>alert(1)</script>': 1 } } }), /id/i],
    ['oversized', ' '.repeat(16 * 1024 * 1024 + 1), /too large|larger/i],
  ];
  for (const [what, text, message] of cases) {
    await page.getByTestId('import-file').setInputFiles({ name: `${what}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('data-message'), what).toHaveText(message);
    await expect(page.getByTestId('data-message'), what).toContainText('Nothing was changed');
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    expect(await raw(), what).toBe(stored);
  }
  await page.reload();
  expect(await raw()).toBe(stored);
});

test('a valid file larger than the browser can store is refused on saving and changes nothing', async ({ page }) => {
  const { raw, stored } = await starredOnDashboard(page);
  // 700 notes of 18,000 characters: 12.6 MB, under the import limit, and valid; but as UTF-16 it
  // is over twice the 10 MiB localStorage quota.
  const notes = {};
  for (let i = 0; i < 700; i++) notes[`q${i}`] = { text: `note ${i} `.padEnd(18_000, 'x'), at: 1 };
  const text = JSON.stringify({ app: 'backprep', version: 3, data: { notes } });
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-preview')).toContainText('700 notes');
  await page.getByTestId('import-merge').click();
  await expect(page.getByTestId('data-message')).toHaveText(/browser storage is full.*Nothing was changed/);
  expect(await raw()).toBe(stored);
  await page.reload();
  expect(await raw()).toBe(stored);
  await expect(page.getByTestId('dashboard')).toBeVisible();
});
