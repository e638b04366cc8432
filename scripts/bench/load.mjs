// Load benchmark (`make bench-load`): how a first visit on a phone meets Backprep, against the
// physical limit, a plain static HTML page of the same list. Prints figures; asserts nothing.
//
// 1. A race in headless Chromium, fresh profile per run, slow 4G (150 ms RTT, 1.6 Mbps down,
//    750 kbps up) and 4x CPU throttling, alternating pairs: cold time until 10 question links are
//    on screen (Backprep's prerendered list vs the static page), and until a search typed as soon
//    as the box takes input has filtered the list (Backprep only: the static page cannot).
// 2. Lighthouse 12 (mobile preset, simulated throttling) on `/` and a question page, median of 3.
//
// usage: node scripts/bench/load.mjs [DIST=dist] [RUNS=5]     (BENCH=race or BENCH=lighthouse: one part)
// Needs the site built (make dist) and lighthouse installed in scripts/bench (make bench-load does both).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ids } from '../../tests/e2e/bank.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, process.argv[2] || 'dist');
const runs = Number(process.argv[3] || 5);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The static page: the prerendered list with every script removed, and the app's CSS. */
function staticSite() {
  const dir = mkdtempSync(join(tmpdir(), 'backprep-static-'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/\sdisabled(="")?/g, '');
  writeFileSync(join(dir, 'index.html'), html);
  for (const f of readdirSync(dist)) if (f.endsWith('.css')) copyFileSync(join(dist, f), join(dir, f));
  mkdirSync(join(dir, 'icons'));
  for (const f of readdirSync(join(dist, 'icons'))) copyFileSync(join(dist, 'icons', f), join(dir, 'icons', f));
  return dir;
}

function serve(dir, port) {
  const proc = spawn('node', [join(root, 'tests/e2e/serve.mjs'), dir, String(port), '/', '--gzip'], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => String(d).includes('serving') && resolve(proc));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

// Runs in the page from its first moment: notes when 10 question links are laid out and when the
// list shows a search's results.
const PROBE = () => {
  const t = (name) => { if (window[name] === undefined) window[name] = performance.now(); };
  const tick = () => {
    const links = document.querySelectorAll('a.question-link');
    if (links.length >= 10 && links[9].getBoundingClientRect().height > 0) t('__listAt');
    const list = document.querySelector('[data-testid="question-list"]');
    if (window.__typedAt !== undefined && list && !list.hasAttribute('aria-busy')
      && document.querySelectorAll('[data-testid="question-item"]').length < window.__before) t('__searchAt');
    if (window.__listAt === undefined || window.__searchAt === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function coldRun(browser, url, typeSearch) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__listAt !== undefined, null, { timeout: 60_000 });
  const result = { list: await page.evaluate(() => window.__listAt) };
  if (typeSearch) {
    const box = page.getByRole('searchbox', { name: 'Search questions' });
    await box.waitFor();
    await page.waitForFunction(() => !document.getElementById('search').disabled, null, { timeout: 60_000 });
    // The whole bank, not the rows on screen: the app may still be adding rows in slices when the
    // box takes input, and a search can find more than a first slice holds.
    await page.evaluate((all) => {
      window.__before = all;
      window.__typedAt = performance.now();
    }, ids.length);
    await box.pressSequentially('cache');
    await page.waitForFunction(() => window.__searchAt !== undefined, null, { timeout: 60_000 }).catch(async (e) => {
      console.log('search never settled:', await page.evaluate(() => JSON.stringify({ typed: window.__typedAt, before: window.__before, url: location.href, n: document.querySelectorAll('[data-testid="question-item"]').length, busy: document.querySelector('[data-testid="question-list"]')?.getAttribute('aria-busy') })));
      throw e;
    });
    result.search = await page.evaluate(() => window.__searchAt);
  }
  await page.waitForLoadState('networkidle').catch(() => {});
  result.bytes = bytes;
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${Math.round(x)} ms`;

async function race() {
  const staticDir = staticSite();
  const app = await serve(dist, 4391);
  const plain = await serve(staticDir, 4392);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const backprep = [], statik = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always meets a warmer machine.
    const order = i % 2 ? ['static', 'app'] : ['app', 'static'];
    for (const which of order) {
      if (which === 'app') backprep.push(await coldRun(browser, 'http://127.0.0.1:4391/', true));
      else statik.push(await coldRun(browser, 'http://127.0.0.1:4392/', false));
    }
  }
  await browser.close();
  app.kill(); plain.kill();
  rmSync(staticDir, { recursive: true });
  const a = median(backprep.map((r) => r.list)), s = median(statik.map((r) => r.list));
  console.log(`cold load on a throttled phone (slow 4G, 4x CPU), fresh profile, median of ${runs} alternating pairs:`);
  console.log(`  10 question links on screen: Backprep ${ms(a)}, static page ${ms(s)}, ratio ${(a / s).toFixed(2)}x`);
  console.log(`  a search typed as soon as the box takes input has filtered the list: Backprep ${ms(median(backprep.map((r) => r.search)))} after navigation start (the static page cannot search)`);
  console.log(`  bytes on the wire until the network is idle: Backprep ${Math.round(median(backprep.map((r) => r.bytes)) / 1024)} KB, static page ${Math.round(median(statik.map((r) => r.bytes)) / 1024)} KB`);
}

async function lighthouse() {
  let lh, launcher;
  try {
    lh = (await import(join(root, 'scripts/bench/node_modules/lighthouse/core/index.js'))).default;
    launcher = await import(join(root, 'scripts/bench/node_modules/chrome-launcher/dist/index.js'));
  } catch {
    console.log('lighthouse: not installed (cd scripts/bench && npm install -E), skipped');
    return;
  }
  const server = await serve(dist, 4393);
  const pages = ['/', '/questions/jwt'];
  for (const path of pages) {
    const scores = [];
    for (let i = 0; i < 3; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'backprep-lh-'));
      const chrome = await launcher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: [...FLAGS, `--user-data-dir=${profile}`] });
      const result = await lh(`http://127.0.0.1:4393${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      const r = result.lhr;
      scores.push({
        performance: r.categories.performance.score * 100,
        accessibility: r.categories.accessibility.score * 100,
        'best-practices': r.categories['best-practices'].score * 100,
        seo: r.categories.seo.score * 100,
        lcp: r.audits['largest-contentful-paint'].numericValue,
        tbt: r.audits['total-blocking-time'].numericValue,
        cls: r.audits['cumulative-layout-shift'].numericValue,
        failing: Object.values(r.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
      });
      await chrome.kill();
      rmSync(profile, { recursive: true, force: true });
    }
    const m = (k) => median(scores.map((s) => s[k]));
    console.log(`lighthouse 12 mobile ${path} (median of 3): performance ${m('performance')}, LCP ${ms(m('lcp'))}, TBT ${ms(m('tbt'))}, CLS ${m('cls').toFixed(3)}, SEO ${m('seo')}, accessibility ${m('accessibility')}, best practices ${m('best-practices')}`);
    const failing = [...new Set(scores.flatMap((s) => s.failing))];
    if (failing.length) console.log(`  audits not passed in some run: ${failing.join(', ')}`);
  }
  server.kill();
}

// BENCH=race or BENCH=lighthouse runs one part only.
if (process.env.BENCH !== 'lighthouse') await race();
if (process.env.BENCH !== 'race') await lighthouse();
