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
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots written to ${out}/`);
