// Story: what a visitor has read is remembered in localStorage, and unreadable data is never lost.
import { test, expect, waitsForApp } from './fixtures.js';
import { ids } from './bank.js';

test('opened questions are marked read and survive a reload', async ({ page }) => {
  await page.goto('/questions/jwt');
  await expect(page.getByTestId('question-page')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  await page.reload();
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(stored.version).toBe(6);
  expect(Object.keys(stored.data.read)).toEqual(['jwt']);
});

// The page's load event can come before the wasm app has started. Storage is only tampered with
// once the app has rendered, or it would read (and back up) the value on this load, not the next.
async function appStarted(page) {
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toBeVisible();
}

test('corrupt stored progress is backed up, reported, and the app still works', async ({ page }) => {
  await appStarted(page);
  await page.evaluate(() => localStorage.setItem('backprep:progress', '{"version":1,"data":{"read":'));
  await page.reload();
  await expect(page.getByTestId('notices')).toContainText('could not be read');
  await expect(page.getByTestId('question-item')).toHaveCount(ids.length);
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('backprep:backup:progress:'))
      .map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"version":1,"data":{"read":']);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notices')).toBeEmpty();
});

test('progress written by a newer build is shown read-only and left untouched', async ({ page }) => {
  await appStarted(page);
  const newer = '{"version":7,"data":{"read":{"jwt":1}},"extra":true}';
  await page.evaluate((v) => localStorage.setItem('backprep:progress', v), newer);
  await page.reload();
  await expect(page.getByTestId('notices')).toContainText('newer version');
  await page.goto('/questions/cdn');
  await expect(page.getByTestId('question-page')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('backprep:progress'))).toBe(newer);
});

test('two tabs stay consistent and neither loses what the other recorded', async ({ context }) => {
  const a = waitsForApp(await context.newPage());
  const b = waitsForApp(await context.newPage());
  await a.goto('/');
  await b.goto('/');
  await expect(b.getByTestId('list-count')).toContainText('0 read');
  await a.goto('/questions/jwt');
  await expect(a.getByTestId('question-page')).toBeVisible();
  // B hears about A's write through the storage event, without a reload.
  await expect(b.getByTestId('list-count')).toContainText('1 read');
  // B records something else; its save merges A's work instead of overwriting it.
  await b.goto('/questions/cdn');
  await expect(b.getByTestId('question-page')).toBeVisible();
  await a.goto('/');
  await expect(a.getByTestId('list-count')).toContainText('2 read');
  const stored = await a.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('backprep:progress')).data.read).sort());
  expect(stored).toEqual(['cdn', 'jwt']);
});

test('reset progress for one topic asks first and keeps the rest', async ({ page }) => {
  await page.goto('/questions/jwt');
  await expect(page.getByTestId('question-page')).toBeVisible();
  await page.goto('/questions/cdn');
  await expect(page.getByTestId('question-page')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toContainText('2 read');
  // The list leads to the data panel, where resetting lives.
  await page.getByTestId('data-link').click();
  await expect(page).toHaveURL(/\/progress#data-h$/);
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByLabel('What to reset').selectOption('security');
  await expect(page.getByTestId('reset-warning')).toContainText('deletes 1 saved');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toContainText('2 read');
  await page.getByTestId('data-link').click();
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByLabel('What to reset').selectOption('security');
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  await page.reload();
  await expect(page.getByTestId('list-count')).toContainText('1 read');
});
