// Story: things go wrong — the app fails, stored data turns out unreadable, months of study sit
// in one browser — and the learner's data is never lost for it.
import { test, expect } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { testBuild } from './clock.js';

test('a failure shows a recovery screen with a reload and an export of the saved progress', async ({ page }) => {
  await page.goto(`${testBuild}/questions/jwt`);
  await page.goto(`${testBuild}/`);
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  // The test build panics on demand.
  await page.goto(`${testBuild}/questions/cdn#test-panic`);
  const screen = page.getByTestId('recovery');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('Your saved progress is safe');
  await expect(screen.getByRole('link', { name: 'Reload' })).toBeVisible();
  const download = page.waitForEvent('download');
  await screen.getByRole('link', { name: 'Export your data' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.app).toBe('backprep');
  expect(Object.keys(file.data.read).sort()).toEqual(['cdn', 'jwt']);
  // Reloading brings the app back with the progress.
  await page.goto(`${testBuild}/`);
  await expect(page.getByTestId('list-count')).toContainText('2 read');
});

test('unreadable stored data is kept as a backup, listed on the progress page, downloadable and deletable', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('backprep:progress', '{"version":4,"data":{"read":'));
  await page.reload();
  await expect(page.getByTestId('notices')).toContainText('could not be read');
  await page.goto('/progress');
  const backups = page.getByTestId('backups');
  await expect(backups.locator('li')).toHaveCount(1);
  await expect(backups).toContainText('progress from');
  const download = page.waitForEvent('download');
  await backups.getByRole('button', { name: 'Download' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe('{"version":4,"data":{"read":');
  await backups.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('backups')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup')))).toEqual([]);
});

test('after much study since the last export, the progress page says to export, until one is made', async ({ page }) => {
  await page.goto('/progress');
  const attempts = Array.from({ length: 31 }, (_, i) => ({ at: 1_760_000_000_000 + i * 60_000, outcome: { kind: 'choice', check: 0, picked: 0, correct: true } }));
  await page.evaluate((list) => localStorage.setItem('backprep:progress', JSON.stringify({ version: 4, data: { attempts: { jwt: list } } })), attempts);
  await page.reload();
  await expect(page.getByTestId('export-reminder')).toContainText('31 answers since your last export');
  await expect(page.getByTestId('persisted')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  await download;
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
});
