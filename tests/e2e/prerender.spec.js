// Story: someone follows a link to one question from a chat, on a phone, maybe with scripts off.
// Every page is real HTML from the build; the app then takes it over, showing the same thing.
import { test as base, expect } from '@playwright/test';
import { test } from './fixtures.js';
import { readdirSync } from 'node:fs';
import { ids, wording } from './bank.js';

const root = new URL('../../', import.meta.url).pathname;
const pages = ['/', '/quiz', '/quiz/play', '/progress', '/no-such-page', '/designs',
  ...readdirSync(`${root}dist/designs`).filter((f) => f.endsWith('.html')).map((f) => `/designs/${f.replace(/\.html$/, '')}`),
  ...readdirSync(`${root}dist/questions`).map((f) => `/questions/${f.replace(/\.html$/, '')}`)];

base.describe('with JavaScript disabled', () => {
  base.use({ javaScriptEnabled: false });

  base('a question page shows the whole answer, and its links lead to other questions', async ({ page }) => {
    await page.goto('/questions/jwt');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('jwt'));
    await expect(page.getByRole('heading', { name: 'The full answer' })).toBeVisible();
    await expect(page.locator('.answer .prose')).toContainText('signed (JWS) or encrypted (JWE)');
    await expect(page.locator('.key-points li')).not.toHaveCount(0);
    await expect(page.getByTestId('pitfalls')).toBeVisible();
    await expect(page.locator('.follow-ups li')).not.toHaveCount(0);
    // A related question is a plain link to its own page.
    const related = page.locator('.related a').first();
    const title = await related.innerText();
    await related.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('.answer .prose p').first()).not.toBeEmpty();
    // Controls that need the app say so: they are disabled.
    await expect(page.getByTestId('bookmark')).toBeDisabled();
  });

  base('the list links every question, and the page has its own title and description', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('a.question-link')).toHaveCount(ids.length);
    await expect(page).toHaveTitle('Backprep');
    await page.goto('/questions/cdn');
    await expect(page).toHaveTitle(`${wording('cdn')} · Backprep`);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description.length).toBeGreaterThan(60);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(`${wording('cdn')} · Backprep`);
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
    expect(data['@type']).toBe('QAPage');
    expect(data.mainEntity.name).toBe(wording('cdn'));
  });
});

test('every prerendered page hands over to the app with no error, and shows the same text', async ({ browser }) => {
  test.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error'
    // The not-found page is served with status 404, which Chromium reports.
    && !(page.url().endsWith('/no-such-page') && /status of 404/.test(m.text()))
    && problems.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  // What the page shows before the app starts (it starts after the load event).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__before = document.getElementById('app')?.innerText;
    });
  });
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    if (path === '/') await expect(page.getByTestId('question-item')).toHaveCount(ids.length);
    const [before, after] = await page.evaluate(() => [window.__before, document.getElementById('app').innerText]);
    // The app adds only its build stamp to the footer.
    expect(after.replace(/\n+Build [0-9a-f]+$/, ''), path).toBe(before);
  }
  expect(problems).toEqual([]);
  await context.close();
});

test('after the handover, links, search and the quiz work', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search questions' });
  await expect(box).toBeEnabled();
  await box.fill('idempotency');
  await expect(page.getByTestId('question-item').first().locator('.question-link')).toHaveText(wording('idempotency'));
  await page.getByTestId('question-item').first().locator('.question-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('idempotency'));
  await expect(page).toHaveURL(/\/questions\/idempotency\?q=idempotency$/);
  await page.getByRole('link', { name: 'Quiz', exact: true }).click();
  await expect(page).toHaveURL(/\/quiz$/);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId('quiz-card')).toBeVisible();
  await expect(page).toHaveURL(/\/quiz\/play$/);
});
