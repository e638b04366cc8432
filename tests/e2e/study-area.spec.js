// Story: someone works through the security questions on a phone: opens one from the list, reads
// the next, goes back to the list and carries on where they were. The list, the questions and
// not-found are one app (meta::Area::Study): moving between them is a route change, with no new
// document and no second start of the app, and back puts the list as it was left.
import { test as base } from '@playwright/test';
import { test, expect, appReady } from './fixtures.js';
import { ids } from './bank.js';

const items = (page) => page.getByTestId('question-item');

test('list, question, next and back: one document, one app start, and the list as it was left', async ({ page }) => {
  const documents = [];
  const wasm = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await page.goto('/?topic=security');
  await page.evaluate(() => { window.__sameDocument = true; });
  const titles = await items(page).locator('.question-link').allInnerTexts();
  expect(titles.length).toBeGreaterThan(8);
  // Scrolled down the list, the learner opens the seventh question.
  await items(page).nth(6).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 120));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  await items(page).nth(6).locator('.question-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[6]);
  await expect(page.getByTestId('position')).toHaveText(`7 of ${titles.length}`);
  await expect(page.getByTestId('bookmark')).toBeEnabled();
  // The question's own content, fetched for this route (no page carried it inline).
  await expect(page.locator('.answer .prose p').first()).not.toBeEmpty();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('navigation', { name: 'Previous and next question' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[7]);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[6]);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?topic=security$/);
  // The list as it was left: scrolled where it was, the question just read selected and focused.
  await expect(items(page).nth(6)).toHaveClass(/selected/);
  await expect(items(page).nth(6).locator('.question-link')).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 40);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled + 40);
  // Forward again, and the header's link to the list.
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[6]);
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await expect(items(page)).toHaveCount(ids.length);
  // One document and one wasm for the whole walk, and the page never reloaded.
  expect(documents).toHaveLength(1);
  expect(wasm).toHaveLength(1);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('an unknown question is a not-found route of the same app', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.evaluate(() => { history.pushState(null, '', '/questions/no-such-question'); dispatchEvent(new PopStateEvent('popstate')); });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This question does not exist');
  await page.goBack();
  await expect(items(page).first()).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

base('text typed into the search box before the app starts is kept, and searched for when it starts', async ({ page }) => {
  // The app's wasm arrives late, as on a slow phone.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/', { waitUntil: 'load' });
  const box = page.locator('#search');
  await box.click();
  await page.keyboard.type('replicat');
  // Typed into the prerendered page: the app has not started.
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
  await expect(box).toHaveValue('replicat');
  release();
  await appReady(page);
  await expect(page).toHaveURL(/\?q=replicat$/);
  await expect(page.locator('#search')).toHaveValue('replicat');
  await expect(page.locator('#search')).toBeFocused();
  await expect.poll(() => items(page).count()).toBeLessThan(ids.length);
  await expect(items(page).first()).toContainText(/replicat/i);
  // Typing goes on in the app's box, at the end of what was typed.
  await page.keyboard.type('ion');
  await expect(page).toHaveURL(/\?q=replication$/);
});

base('the questions index is asked for once, with the page', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => { if (/\/data\/index\.[0-9a-f]+\.txt$/.test(r.url())) asked.push(r.url()); });
  await page.goto('/');
  await appReady(page);
  // The preload link and the app's fetch are one request.
  expect(asked).toHaveLength(1);
});

base('without the questions index the page says so and stays readable', async ({ page }) => {
  await page.route(/\/data\/index\.[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('/questions/idempotency');
  await expect(page.getByRole('alert')).toContainText('Backprep could not load its list of questions: the site answered 503');
  // The prerendered question stays, readable.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.answer .prose p').first()).not.toBeEmpty();
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
});
