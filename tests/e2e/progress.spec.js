// Story: what a visitor has read is remembered in localStorage, and unreadable data is never lost.
import { test, expect } from '@playwright/test';
import { ids } from './bank.js';

test('opened questions are marked read and survive a reload', async ({ page }) => {
  await page.goto('/questions/jwt');
  await expect(page.getByTestId('question-page')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  await page.reload();
  await expect(page.getByTestId('list-count')).toContainText('1 read');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:progress')));
  expect(stored.version).toBe(2);
  expect(Object.keys(stored.data.read)).toEqual(['jwt']);
});

test('corrupt stored progress is backed up, reported, and the app still works', async ({ page }) => {
  await page.goto('/');
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
  await page.goto('/');
  const newer = '{"version":7,"data":{"read":{"jwt":1}},"extra":true}';
  await page.evaluate((v) => localStorage.setItem('backprep:progress', v), newer);
  await page.reload();
  await expect(page.getByTestId('notices')).toContainText('newer version');
  await page.goto('/questions/cdn');
  await expect(page.getByTestId('question-page')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('backprep:progress'))).toBe(newer);
});
