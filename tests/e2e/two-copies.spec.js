// Story: one host serves two copies of Backprep, at / and under /backprep/ (a team's and a
// personal project page, say). Each keeps its own progress and its own offline files.
import { test, expect } from './fixtures.js';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const port = 4320;
const origin = `http://127.0.0.1:${port}`;

function serve(dir) {
  const proc = spawn('node', [join(root, 'tests/e2e/serve.mjs'), dir, String(port), '/'], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => String(d).includes('serving') && resolve({ stop: () => proc.kill() }));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('two copies on one host keep their own progress and their own offline files', async ({ page }) => {
  const site = mkdtempSync(join(tmpdir(), 'backprep-two-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  cpSync(join(root, 'dist-sub'), join(site, 'backprep'), { recursive: true });
  const server = await serve(site);
  try {
    // The sub-path copy first, so that it has nothing of the root's to start from.
    await page.goto(`${origin}/backprep/questions/jwt`);
    await controlled(page);
    await page.goto(`${origin}/`);
    await controlled(page);
    await page.goto(`${origin}/questions/cdn`);
    await page.goto(`${origin}/questions/sharding`);
    await page.goto(`${origin}/`);
    await expect(page.getByTestId('list-count')).toContainText('2 read');
    await page.goto(`${origin}/backprep/`);
    await expect(page.getByTestId('list-count')).toContainText('1 read');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('progress')).sort());
    expect(keys).toEqual(['backprep:/backprep/progress', 'backprep:progress']);
    // Both copies' files stay: neither worker deleted the other's cache.
    const caches = await page.evaluate(() => caches.keys());
    expect(caches.filter((n) => /^backprep-[0-9a-f]+$/.test(n))).toHaveLength(1);
    expect(caches.filter((n) => n.startsWith('backprep-/backprep/-'))).toHaveLength(1);
  } finally {
    server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});
