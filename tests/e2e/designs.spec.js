// Story: a mid-level engineer with a system design round next week reads worked designs on a
// phone (maybe with scripts off), plays with the estimate's numbers, and keeps reading on a
// train with no network.
import { test as base, expect } from '@playwright/test';
import { test } from './fixtures.js';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const designIds = readdirSync(join(root, 'assets/designs')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));

base.describe('with JavaScript disabled', () => {
  base.use({ javaScriptEnabled: false });

  base('the design list links every exercise, and an exercise reads whole with its diagram', async ({ page }) => {
    await page.goto('/designs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System design exercises');
    await expect(page.locator('a.design-link')).toHaveCount(designIds.length);
    await page.locator('a.design-link', { hasText: 'Design a URL shortener' }).click();
    await expect(page).toHaveURL(/\/designs\/url-shortener$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Design a URL shortener');
    for (const name of ['The prompt', 'Clarifying questions', 'Requirements', 'Estimate', 'API and data model',
      'High-level design', 'Deep dives', 'Bottlenecks and failure modes', 'What a senior answer adds']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    }
    // The diagram is an SVG of real text with a title, and says the same thing in words.
    const svg = page.locator('.design-diagram svg');
    await expect(svg).toHaveAttribute('role', 'img');
    await expect(svg.locator('title')).toHaveCount(1);
    await expect(svg.locator('text', { hasText: 'Redirect service' })).toHaveCount(1);
    await expect(page.locator('.diagram-text li').first()).toContainText('→');
    // The calculator shows the exercise's figures before any script runs: 200 M users × 5 a day.
    await expect(page.getByRole('table', { name: 'Estimate' })).toContainText('12 k req/s');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
    expect(data['@type']).toBe('LearningResource');
    await expect(page).toHaveTitle('Design a URL shortener · Backprep');
  });
});

test('the capacity calculator recomputes as the user types, and explains bad input', async ({ page }) => {
  await page.goto('/designs/url-shortener');
  const table = page.getByRole('table', { name: 'Estimate' });
  await expect(table).toContainText('12 k req/s');
  const users = page.getByLabel(/Daily active users/);
  await users.fill('400000000');
  // 400 M × 5 = 2 B requests a day ÷ 86,400 s = 23,148 req/s.
  await expect(table).toContainText('23 k req/s');
  await users.fill('many');
  await expect(users).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/number/i).first()).toBeVisible();
  await expect(table).not.toContainText('NaN');
  await page.getByRole('button', { name: /Reset/ }).click();
  await expect(users).not.toHaveAttribute('aria-invalid', 'true');
  await expect(table).toContainText('12 k req/s');
});

test('an exercise read once is there offline', async ({ context, page }) => {
  const port = 4311;
  const origin = `http://127.0.0.1:${port}`;
  const proc = spawn('node', [join(root, 'tests/e2e/serve.mjs'), join(root, 'dist'), String(port), '/'], { stdio: 'pipe' });
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  try {
    await page.goto(`${origin}/designs`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    await page.goto(`${origin}/designs/news-feed`);
    await expect.poll(() => page.evaluate(async (file) => {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(file)) return true;
      return false;
    }, `${origin}/designs/news-feed.html`)).toBe(true);
  } finally {
    await new Promise((r) => { proc.once('exit', r); proc.kill(); });
  }
  await context.setOffline(true);
  await page.goto(`${origin}/designs/news-feed`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/news feed/i);
  await expect(page.locator('.design-diagram svg')).toHaveCount(1);
  await page.goto(`${origin}/designs`);
  await expect(page.locator('a.design-link')).toHaveCount(designIds.length);
  await context.setOffline(false);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the design pages fit the screen: only a diagram, a table or code scrolls sideways, in its own box', async ({ page }) => {
    for (const path of ['/designs', '/designs/url-shortener', '/designs/payments-ledger']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    // The diagram is wider than the phone: its box scrolls, and takes the keyboard's focus to do so.
    const box = page.locator('.diagram-box');
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    await expect(box).toHaveAttribute('tabindex', '0');
  });
});
