// Story: a visitor browses the bank, opens a question, reloads a deep link, and mistypes a link.
import { test, expect } from './fixtures.js';
import { noViolations } from './axe.js';
import { ids, wording } from './bank.js';

test('the list shows every question in the bank with level and topics', async ({ page }) => {
  await page.goto('/');
  const items = page.getByTestId('question-item');
  await expect(items).toHaveCount(ids.length);
  await expect(page.getByTestId('list-count')).toContainText(`${ids.length} questions`);
  for (const id of [ids[0], ids[ids.length - 1]]) {
    await expect(page.getByRole('link', { name: wording(id), exact: true })).toBeVisible();
  }
  await expect(items.first().locator('.badge')).toHaveText(/Beginner|Intermediate|Advanced/);
  await expect(items.first().locator('.topic').first()).toBeVisible();
  await expect(page).toHaveTitle('Backprep');
});

test('clicking a question opens its page, with title, summary, answer and key points', async ({ page }) => {
  await page.goto('/');
  const id = 'idempotency';
  await page.getByRole('link', { name: wording(id), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording(id));
  await expect(page).toHaveTitle(`${wording(id)} · Backprep`);
  await expect(page.getByRole('heading', { name: 'In 20 seconds' })).toBeVisible();
  await expect(page.locator('.key-points li')).not.toHaveCount(0);
  await expect(page.locator('.answer .prose pre code').first()).toBeVisible();
});

test('reloading a deep link renders the same question', async ({ page }) => {
  const id = ids[Math.floor(ids.length / 2)];
  await page.goto(`/questions/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording(id));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording(id));
});

test('an unknown question id shows not-found with a way back', async ({ page }) => {
  await page.goto('/questions/no-such-question');
  await expect(page.getByTestId('not-found')).toContainText('This question does not exist');
  await expect(page).toHaveTitle('Not found · Backprep');
  await page.getByRole('link', { name: 'Go to all questions' }).click();
  await expect(page.getByTestId('question-item')).toHaveCount(ids.length);
});

test('an unknown route shows not-found', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByTestId('not-found')).toContainText('This page does not exist');
});

test('a topic link filters the list', async ({ page }) => {
  await page.goto('/questions/jwt');
  await page.locator('.question-page .topic').first().click();
  await expect(page).toHaveURL(/\?topic=security$/);
  // The list is another build of the app: count once it has taken over the prerendered page.
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  const count = await page.getByTestId('question-item').count();
  expect(count).toBeGreaterThan(3);
  expect(count).toBeLessThan(ids.length);
});

test('a filtered list address never shows the whole prerendered list, even without the app', async ({ context }) => {
  // A page of its own: the `page` fixture waits for the app after every navigation.
  const page = await context.newPage();
  // The app shows the filtered view once it runs; until then the prerendered (whole) list is
  // hidden. Without the app (its wasm blocked) the page still shows, after a few seconds.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/?topic=security');
  await expect(page.locator('#main')).toBeHidden();
  await expect(page.locator('#main')).toBeVisible({ timeout: 10_000 });
  await page.unroute('**/*.wasm');
  // An unfiltered list shows at once, before the app.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('#main')).toBeVisible();
});

for (const path of ['/', '/questions/idempotency', '/no/such/page']) {
  test(`no axe-core violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await noViolations(page, path);
  });
}
