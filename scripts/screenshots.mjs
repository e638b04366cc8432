// Takes screenshots of the built app for a look by eye: node scripts/screenshots.mjs [outdir]
// Serves dist/ itself on 127.0.0.1:4190.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || 'screenshots';
mkdirSync(out, { recursive: true });
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', '4190', '/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = [
  ['list', '/'],
  ['search', '/?q=cache&level=advanced,intermediate'],
  ['question', '/questions/idempotency?q=idempot'],
  ['empty', '/?q=zzzz'],
];
try {
  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      const page = await ctx.newPage();
      for (const [name, path] of pages) {
        await page.goto(`http://127.0.0.1:4190${path}`);
        await page.waitForSelector('main h1');
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${out}/${name}-${width}-${scheme}.png` });
      }
      // A quiz: a flashcard before and after reveal, a multiple-choice verdict, the summary.
      await page.goto('http://127.0.0.1:4190/quiz?topic=compliance');
      await page.getByRole('button', { name: 'Start quiz' }).click();
      await page.waitForSelector('[data-testid=quiz-card]');
      await page.screenshot({ path: `${out}/quiz-front-${width}-${scheme}.png` });
      await page.keyboard.press('Space');
      await page.keyboard.press('a');
      await page.keyboard.press('b');
      await page.screenshot({ path: `${out}/quiz-revealed-${width}-${scheme}.png`, fullPage: width < 800 });
      for (let i = 0; i < 5; i++) {
        if (i > 0) await page.keyboard.press('Space');
        await page.keyboard.press(String((i % 3) + 1));
      }
      await page.waitForSelector('[data-testid=quiz-summary]');
      await page.screenshot({ path: `${out}/quiz-summary-${width}-${scheme}.png`, fullPage: true });
      await page.goto('http://127.0.0.1:4190/quiz?topic=security');
      await page.getByLabel('Multiple choice').check();
      await page.getByRole('button', { name: 'Start quiz' }).click();
      await page.keyboard.press('2');
      await page.waitForSelector('[data-testid=verdict]');
      await page.screenshot({ path: `${out}/quiz-choice-${width}-${scheme}.png`, fullPage: width < 800 });
      await page.goto('http://127.0.0.1:4190/?topic=compliance');
      await page.waitForSelector('[data-testid=status]');
      await page.screenshot({ path: `${out}/list-statuses-${width}-${scheme}.png` });
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots written to ${out}/`);
