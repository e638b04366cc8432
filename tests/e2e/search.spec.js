// Story: a learner searches and filters, opens a result, comes back to the exact same view, and
// can do all of it from the keyboard. The URL is the state.
import { test, expect, appReady } from './fixtures.js';
import { noViolations } from './axe.js';
import { ids, wording } from './bank.js';

const items = (page) => page.getByTestId('question-item');
const search = (page) => page.getByRole('searchbox', { name: 'Search questions' });
/** Waits until a search's results are complete (the answers' texts are searched too). */
const settled = (page) => expect(page.getByTestId('question-list')).not.toHaveAttribute('aria-busy', 'true');

test('search, filter, open, back: the exact view comes back', async ({ page }) => {
  await page.goto('/');
  await search(page).fill('cache');
  await expect(page).toHaveURL(/\?q=cache$/);
  await settled(page);
  const searched = await items(page).count();
  expect(searched).toBeGreaterThan(2);
  expect(searched).toBeLessThan(ids.length);

  // The filters are folded away until opened (or until one is on).
  await expect(page.getByRole('button', { name: /^Advanced/ })).toBeHidden();
  await page.getByTestId('filters-toggle').click();
  await page.getByRole('button', { name: /^Advanced/ }).click();
  await expect(page).toHaveURL(/\?q=cache&level=advanced$/);
  const filtered = await items(page).count();
  expect(filtered).toBeLessThan(searched);
  const firstTitle = await items(page).first().locator('.question-link').innerText();

  await items(page).first().locator('.question-link').click();
  await expect(page.getByTestId('question-page')).toBeVisible();
  await expect(page).toHaveURL(/\/questions\/[a-z0-9-]+\?q=cache&level=advanced$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);

  await page.goBack();
  await expect(search(page)).toHaveValue('cache');
  await expect(page.getByRole('button', { name: /^Advanced/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(items(page)).toHaveCount(filtered);

  await page.goBack();
  await expect(page).toHaveURL(/\?q=cache$/);
  await expect(items(page)).toHaveCount(searched);
});

test('a deep link with ?q= works on a cold load, with the box filled and matches highlighted', async ({ page }) => {
  await page.goto('/?q=idempot&topic=http-apis');
  await expect(search(page)).toHaveValue('idempot');
  await expect(items(page).first().locator('.question-link')).toHaveText(wording('idempotency'));
  await expect(items(page).first().locator('mark').first()).toHaveText(/^idempot/i);
  await expect(page.getByRole('button', { name: /^HTTP & APIs/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle('Search: idempot · Backprep');
});

test('one typo in a longer word still finds the question', async ({ page }) => {
  await page.goto('/?q=idempotancy');
  await expect(items(page).first().locator('.question-link')).toHaveText(wording('idempotency'));
});

test('the query is never injected as HTML', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.goto('/');
  await search(page).fill(hostile);
  await expect(page.getByTestId('empty-state')).toContainText(hostile);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('the empty state offers to clear search and filters', async ({ page }) => {
  await page.goto('/?q=zzzzqqqq&level=beginner');
  await expect(items(page)).toHaveCount(0);
  await page.getByTestId('empty-state').getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(items(page)).toHaveCount(ids.length);
  await expect(search(page)).toHaveValue('');
});

test('chips show counts that match the filtered list', async ({ page }) => {
  await page.goto('/?q=database');
  // Counts are final once the answers' texts are searched too.
  await settled(page);
  await page.getByTestId('filters-toggle').click();
  const chip = page.getByRole('button', { name: /^Beginner/ });
  const count = Number(await chip.locator('.count').innerText());
  await chip.click();
  await expect(items(page)).toHaveCount(count);
});

test('sorting by level puts beginner questions first and is kept in the URL', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('filters-toggle').click();
  await page.getByLabel('Sort by').selectOption('level');
  await expect(page).toHaveURL(/\?sort=level$/);
  await expect(items(page).first().locator('.badge')).toHaveText('Beginner');
  await expect(items(page).last().locator('.badge')).toHaveText('Advanced');
  await page.reload();
  await expect(page.getByLabel('Sort by')).toHaveValue('level');
});

test('keyboard only: / to search, arrows and j/k to move, Enter to open, Esc to go back', async ({ page }) => {
  await page.goto('/');
  await expect(items(page).first()).toBeVisible();
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type('replication');
  await settled(page);
  await expect(page).toHaveURL(/\?q=replication$/);
  await page.keyboard.press('ArrowDown');
  await expect(items(page).nth(0)).toHaveClass(/selected/);
  await search(page).blur();
  await page.keyboard.press('j');
  await expect(items(page).nth(1)).toHaveClass(/selected/);
  await page.keyboard.press('k');
  await expect(items(page).nth(0)).toHaveClass(/selected/);
  const title = await items(page).nth(0).locator('.question-link').innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The question pages are another build of the app: its keys work once it has taken over.
  await appReady(page);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?q=replication$/);
  await appReady(page);
  await expect(search(page)).toHaveValue('replication');
  await page.keyboard.press('Escape');
  await expect(search(page)).toHaveValue('');
});

test('? opens the shortcut overlay and Esc closes it', async ({ page }) => {
  await page.goto('/');
  await expect(items(page).first()).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toContainText('Next result');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
});

test('previous and next walk the list the question was opened from', async ({ page }) => {
  await page.goto('/?topic=security&sort=level');
  const titles = await items(page).locator('.question-link').allInnerTexts();
  await items(page).nth(1).locator('.question-link').click();
  await expect(page.getByTestId('position')).toHaveText(`2 of ${titles.length}`);
  // Previous and next are at the top and again at the end of the answer.
  await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(2);
  await page.getByRole('navigation', { name: 'Previous and next question' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[2]);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[1]);
  // Back to the list: the same view, with the question just read selected and in view.
  await page.getByRole('link', { name: '← Back to the list' }).click();
  await expect(page).toHaveURL(/\?topic=security&sort=level#r-/);
  await expect(items(page).nth(1)).toHaveClass(/selected/);
  await expect(items(page).nth(1)).toBeInViewport();
});

test('the theme toggle is remembered across reloads', async ({ page }) => {
  await page.goto('/');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveText('Theme: system');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveText('Theme: dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('backprep:prefs')));
  expect(stored).toEqual({ version: 1, data: { theme: 'dark' } });
});

for (const scheme of ['light', 'dark']) {
  test(`no axe-core violations on a searched, filtered list in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/?q=cache&level=advanced');
    await expect(items(page).first()).toBeVisible();
    await page.keyboard.press('j');
    await noViolations(page, `searched list, ${scheme}`);
  });

  test(`no axe-core violations on a question page in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/questions/sql-injection');
    await expect(page.getByTestId('question-page')).toBeVisible();
    await noViolations(page, `question page, ${scheme}`);
  });
}

test('search forgives a typo in a short word, keeps N+1 whole, clips long words, and says "did you mean"', async ({ page }) => {
  const first = () => items(page).first().locator('.question-link');
  for (const [typo, id] of [['jwtt', 'jwt']]) {
    await page.goto(`/?q=${typo}`);
    await settled(page);
    await expect(first()).toHaveText(wording(id));
  }
  for (const [typo, right] of [['gprc', 'grpc'], ['kafak', 'kafka']]) {
    await page.goto(`/?q=${right}`);
    await settled(page);
    const expected = await items(page).locator('.question-link').allInnerTexts();
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`/?q=${typo}`);
    await settled(page);
    expect(await items(page).locator('.question-link').allInnerTexts(), typo).toEqual(expected);
  }
  // "N+1" is one term: the question about N+1 queries comes first, not 89 of 111 questions.
  await page.goto('/?q=N%2B1');
  await settled(page);
  const found = await items(page).count();
  expect(found).toBeLessThan(15);
  await expect(items(page).first().locator('mark').first()).toHaveText(/N\+1/i);
  // Nothing found (two typos in one word): "did you mean" offers the corrected words.
  await page.goto('/?q=idmpotncy%20keys');
  await settled(page);
  await expect(items(page)).toHaveCount(0);
  const mean = page.getByTestId('did-you-mean');
  await expect(mean).toHaveText('Did you mean idempotency keys?');
  await mean.getByRole('button', { name: 'idempotency keys' }).click();
  await expect(search(page)).toHaveValue('idempotency keys');
  await expect(first()).toHaveText(wording('idempotency'));
  // A 5,000-character word does not widen the page.
  await page.goto('/');
  await search(page).fill('x'.repeat(5000));
  await expect(page.getByTestId('empty-state')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize().width);
  await expect(page.getByTestId('empty-state')).toContainText('…');
});

test('a search finds the design exercises it names, typos forgiven, and opens one', async ({ page }) => {
  await page.goto('/');
  await search(page).fill('url shortner');
  const designs = page.getByTestId('design-matches');
  await expect(designs).toBeVisible();
  await expect(designs.getByRole('heading', { name: 'System design exercises' })).toBeVisible();
  const link = designs.getByRole('link', { name: 'Design a URL shortener' });
  await expect(link).toHaveAttribute('href', /\/designs\/url-shortener$/);
  await search(page).fill('jwt');
  await settled(page);
  await expect(designs).toHaveCount(0);
  await search(page).fill('rate limiter');
  await expect(designs.getByRole('link')).toHaveText(['Design a rate limiter service']);
  await designs.getByRole('link').click();
  await expect(page).toHaveURL(/\/designs\/rate-limiter-service$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Design a rate limiter service');
  await page.goBack();
  await expect(search(page)).toHaveValue('rate limiter');
  await search(page).fill('');
  await expect(designs).toHaveCount(0);
});
