// Load benchmark (`make bench-load`): how a visit on a phone meets Backprep, against the physical
// limit, the same prerendered pages with every script removed. Prints figures; asserts nothing.
//
// 1. In headless Chromium, a fresh profile per run, slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps
//    up) and 4x CPU throttling, alternating Backprep and the script-less pages, for three cases:
//    the real bank with no history, the real bank with a heavy user's history (40 answers on each
//    question, built by `examples/heavy_history.rs`), and a generated bank of ten copies of each
//    question (`gen_bank.mjs`, built into DIST_BIG). Per run:
//    - a cold first visit of `/`: until 10 question links are on screen, until the search box takes
//      input, and until a search typed as soon as it does has filtered the list (the script-less
//      list cannot search: that figure is compared with the time its list takes to show);
//    - then, warm (the page loaded again, unthrottled, after the service worker was given up to
//      60 s to install; the figures say in how many runs it was active), a click on the third
//      question link until the question page's controls work (its h1 is that question, the
//      bookmark and copy-link buttons are enabled, html[data-app=ready]), and history back until
//      the list is interactive again (html[data-app=ready], search box enabled) and shows the row
//      it came from. The script-less pages: until the h1 / the row are laid out.
//    Both a page load and a client-side route change are measured the same way: the clock is the
//    page's (performance.timeOrigin + now), and a probe added to every document reports.
// 2. Lighthouse 12 (mobile preset, simulated throttling) on `/` and a question page, median of 3.
//
// usage: node scripts/bench/load.mjs [DIST=dist] [RUNS=5] [DIST_BIG=dist-bench-1110]
//   BENCH=race or BENCH=lighthouse: one part; CASES=real,heavy,big: some cases only;
//   HISTORY=FILE: the heavy history (default: printed by `cargo run -q --example heavy_history`).
// Needs the sites built and lighthouse installed in scripts/bench (make bench-load does all).
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, process.argv[2] || 'dist');
const runs = Number(process.argv[3] || 5);
const distBig = join(root, process.argv[4] || 'dist-bench-1110');
const cases = (process.env.CASES || 'real,heavy,big').split(',');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PROGRESS_KEY = 'backprep:progress'; // storage::PROGRESS_KEY, the site being served at the root
const HOP_LINK = 2; // which question link of the list a hop clicks (0-based): on the first screen

/** Every .html file under `dir`, relative. */
function pages(dir, sub = '') {
  return readdirSync(join(dir, sub)).flatMap((f) => {
    const rel = join(sub, f);
    if (statSync(join(dir, rel)).isDirectory()) return pages(dir, rel);
    return f.endsWith('.html') ? [rel] : [];
  });
}

/** The script-less site: the built site with every script, preload and CSP removed from each page
 * (the list, the question pages...), so its links are plain links between plain pages. */
function staticSite(from) {
  const dir = mkdtempSync(join(tmpdir(), 'backprep-static-'));
  cpSync(from, dir, { recursive: true });
  rmSync(join(dir, 'sw.js'), { force: true });
  for (const rel of pages(dir)) {
    const html = readFileSync(join(dir, rel), 'utf8')
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace(/\sdisabled(="")?/g, '');
    writeFileSync(join(dir, rel), html);
  }
  return dir;
}

/** How many questions a built site has: its question pages. */
const questionCount = (site) => readdirSync(join(site, 'questions')).filter((f) => f.endsWith('.html')).length;

function serve(dir, port) {
  const proc = spawn('node', [join(root, 'tests/e2e/serve.mjs'), dir, String(port), '/', '--gzip'], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => String(d).includes('serving') && resolve(proc));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

// Runs in every document from its first moment, on every frame: notes when 10 question links are
// laid out and when the list shows a search's results (first visit), and reports through
// `__benchDone` when the page a hop waits for (a target in sessionStorage) is there and working.
const PROBE = () => {
  const now = () => performance.timeOrigin + performance.now();
  const t = (name) => { if (window[name] === undefined) window[name] = now(); };
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  };
  const live = () => document.documentElement.getAttribute('data-app') === 'ready';
  const arrived = (target) => {
    if (target.page === 'question') {
      const h1 = document.querySelector('[data-testid="question-page"] h1');
      if (!h1 || h1.textContent.trim() !== target.h1 || !visible(h1)) return false;
      if (target.static) return true;
      const controls = ['.bookmark-button', '.copy-link'].map((c) => document.querySelector(`[data-testid="question-page"] ${c}`));
      return live() && controls.every((b) => b && !b.disabled);
    }
    const link = [...document.querySelectorAll('a.question-link')]
      .find((a) => new URL(a.href, location.href).pathname.endsWith(`/questions/${target.id}`));
    if (!visible(link)) return false;
    if (target.static) return true;
    const box = document.getElementById('search');
    return live() && box && !box.disabled;
  };
  const tick = () => {
    const links = document.querySelectorAll('a.question-link');
    if (links.length >= 10 && links[9].getBoundingClientRect().height > 0) t('__listAt');
    const box = document.getElementById('search');
    if (box && !box.disabled && !box.readOnly) t('__boxAt');
    const list = document.querySelector('[data-testid="question-list"]');
    if (window.__typedAt !== undefined && list && !list.hasAttribute('aria-busy') && box && box.value === window.__typed
      && document.querySelectorAll('[data-testid="question-item"]').length < window.__before) t('__searchAt');
    const raw = sessionStorage.getItem('__benchTarget');
    if (raw) {
      const target = JSON.parse(raw);
      if (arrived(target)) {
        sessionStorage.removeItem('__benchTarget');
        const nav = performance.getEntriesByType('navigation')[0];
        window.__benchDone?.({ at: now(), start: target.start, documents: target.doc !== performance.timeOrigin, restored: window.__restored === true, navType: nav?.type });
      }
    }
    requestAnimationFrame(tick);
  };
  addEventListener('pageshow', (e) => { if (e.persisted) window.__restored = true; });
  requestAnimationFrame(tick);
};

async function throttle(cdp, on) {
  await cdp.send('Network.emulateNetworkConditions', on
    ? { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
    : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? 4 : 1 });
}

/** One visit: a cold first visit of `/`, then the warm hops. `app`: Backprep (else the script-less
 * pages); `history`: the stored progress to start with (Backprep only). */
async function visit(browser, origin, { app, history, total }) {
  const t0 = Date.now();
  const debug = (what) => process.env.BENCH_DEBUG && console.error(`  [${app ? 'app' : 'static'} ${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let done = null;
  await page.exposeBinding('__benchDone', (_, r) => done?.(r));
  await page.addInitScript(PROBE);
  if (history) {
    // A blank first visit of the origin (a text file: no page of the app, nothing it caches) to
    // store the history, as a returning user's browser holds it.
    await page.goto(`${origin}/robots.txt`);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, history]);
  }
  await throttle(cdp, true);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__listAt !== undefined, null, { timeout: 120_000 });
  const result = { list: await page.evaluate(() => window.__listAt - performance.timeOrigin) };
  if (app) {
    // Typed as soon as the box takes input.
    await page.waitForFunction(() => window.__boxAt !== undefined, null, { timeout: 120_000, polling: 'raf' });
    await page.evaluate((all) => {
      window.__before = all;
      window.__typed = 'cache';
      window.__typedAt = performance.now();
    }, total);
    await page.locator('#search').pressSequentially('cache');
    await page.waitForFunction(() => window.__searchAt !== undefined, null, { timeout: 120_000 }).catch(async (e) => {
      console.log('search never settled:', await page.evaluate(() => JSON.stringify({ typed: window.__typedAt, before: window.__before, url: location.href, n: document.querySelectorAll('[data-testid="question-item"]').length, busy: document.querySelector('[data-testid="question-list"]')?.getAttribute('aria-busy') })));
      throw e;
    });
    Object.assign(result, await page.evaluate(() => ({ box: window.__boxAt - performance.timeOrigin, search: window.__searchAt - performance.timeOrigin })));
  }
  await page.waitForLoadState('networkidle').catch(() => {});
  result.bytes = bytes;
  debug('first visit done, network idle');

  // Warm: the service worker may finish installing (unthrottled, up to 60 s), then `/` is loaded
  // again, and the phone is throttled again for the hops.
  await throttle(cdp, false);
  if (app) {
    result.sw = await page.evaluate(() => Promise.race([
      navigator.serviceWorker?.ready.then(() => true) ?? false,
      new Promise((r) => setTimeout(() => r(false), 60_000)),
    ]));
  }
  await page.goto(`${origin}/`);
  await page.waitForFunction((app) => {
    const box = document.getElementById('search');
    return document.querySelectorAll('a.question-link').length > 10
      && (!app || (document.documentElement.getAttribute('data-app') === 'ready' && box && !box.disabled));
  }, app, { timeout: 120_000 });
  if (app) {
    // What the app made of the stored history: rows showing a status, and any value it found
    // unreadable and set aside as a backup (none expected).
    Object.assign(result, await page.evaluate(() => ({
      controlled: !!navigator.serviceWorker?.controller,
      statuses: document.querySelectorAll('[data-testid="question-item"] [data-testid="status"]').length,
      backups: Object.keys(localStorage).filter((k) => k.startsWith('backprep:backup:')).length,
    })));
  }
  debug('warm list ready');
  await page.waitForLoadState('networkidle').catch(() => {});
  await throttle(cdp, true);

  const hop = async (go) => {
    const arrived = new Promise((resolve) => { done = resolve; });
    // The click (or back) runs in a task of its own, after this evaluate has returned: a page load
    // would otherwise destroy the context it answers in.
    await page.evaluate(`setTimeout(() => (${go})(${app}), 0)`);
    const r = await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('hop timed out')), 120_000))]);
    return r;
  };
  const id = await page.evaluate((n) => document.querySelectorAll('a.question-link')[n].pathname.split('/').pop(), HOP_LINK);
  const toQuestion = await hop(new Function('app', `
    const a = document.querySelectorAll('a.question-link')[${HOP_LINK}];
    sessionStorage.setItem('__benchTarget', JSON.stringify({ page: 'question', h1: a.textContent.trim(), static: !app, start: performance.timeOrigin + performance.now(), doc: performance.timeOrigin }));
    a.click();`));
  result.question = toQuestion.at - toQuestion.start;
  result.questionLoad = toQuestion.documents;
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(500);
  const back = await hop(new Function('app', `
    sessionStorage.setItem('__benchTarget', JSON.stringify({ page: 'list', id: ${JSON.stringify(id)}, static: !app, start: performance.timeOrigin + performance.now(), doc: performance.timeOrigin }));
    history.back();`));
  result.back = back.at - back.start;
  result.backLoad = back.documents;
  result.backRestored = back.restored;
  debug('hops done');
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${Math.round(x)} ms`;
const ratio = (a, s) => `${(a / s).toFixed(2)}x`;

function heavyHistory() {
  if (process.env.HISTORY) return readFileSync(process.env.HISTORY, 'utf8').trim();
  const env = { ...process.env };
  delete env.BACKPREP_BANK_DIR;
  return execFileSync('cargo', ['run', '-q', '--example', 'heavy_history'], { cwd: root, env, maxBuffer: 1 << 28 }).toString().trim();
}

async function oneCase(browser, name, site, history) {
  const total = questionCount(site);
  const staticDir = staticSite(site);
  const app = await serve(site, 4391);
  const plain = await serve(staticDir, 4392);
  const backprep = [], statik = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always meets a warmer machine.
      for (const which of i % 2 ? ['static', 'app'] : ['app', 'static']) {
        if (which === 'app') backprep.push(await visit(browser, 'http://127.0.0.1:4391', { app: true, history, total }));
        else statik.push(await visit(browser, 'http://127.0.0.1:4392', { app: false, total }));
      }
    }
  } finally {
    app.kill(); plain.kill();
    rmSync(staticDir, { recursive: true });
  }
  const m = (rs, k) => median(rs.map((r) => r[k]));
  const count = (rs, k) => rs.filter((r) => r[k]).length;
  const sList = m(statik, 'list');
  console.log(`${name}: ${total} questions${history ? `, ${Math.round(history.length / 1024)} KB of progress stored` : ''}; median of ${runs} alternating pairs, Backprep against the same pages with every script removed:`);
  console.log(`  first visit (cold, fresh profile):`);
  console.log(`    10 question links on screen: Backprep ${ms(m(backprep, 'list'))}, script-less ${ms(sList)}, ratio ${ratio(m(backprep, 'list'), sList)}`);
  console.log(`    search box takes input: Backprep ${ms(m(backprep, 'box'))}, against the script-less list shown ${ms(sList)}, ratio ${ratio(m(backprep, 'box'), sList)}`);
  console.log(`    a search typed as soon as the box takes input shows its results: Backprep ${ms(m(backprep, 'search'))}, against the script-less list shown ${ms(sList)}, ratio ${ratio(m(backprep, 'search'), sList)}`);
  console.log(`    bytes on the wire until the network is idle: Backprep ${Math.round(m(backprep, 'bytes') / 1024)} KB, script-less ${Math.round(m(statik, 'bytes') / 1024)} KB`);
  if (history) console.log(`  the stored history as the app read it: ${m(backprep, 'statuses')} rows of the list show a status (median), ${Math.max(...backprep.map((r) => r.backups))} values set aside as unreadable`);
  console.log(`  warm hops (service worker active in ${count(backprep, 'sw')} of ${runs} runs, controlling the list in ${count(backprep, 'controlled')}):`);
  console.log(`    list -> question until its controls work: Backprep ${ms(m(backprep, 'question'))}, script-less ${ms(m(statik, 'question'))}, ratio ${ratio(m(backprep, 'question'), m(statik, 'question'))}  (a new document in ${count(backprep, 'questionLoad')} of ${runs} Backprep runs)`);
  console.log(`    back to the list until it is interactive and shows the row: Backprep ${ms(m(backprep, 'back'))}, script-less ${ms(m(statik, 'back'))}, ratio ${ratio(m(backprep, 'back'), m(statik, 'back'))}  (a new document in ${count(backprep, 'backLoad')}, from the back-forward cache in ${count(backprep, 'backRestored')} of ${runs} Backprep runs; script-less: ${count(statik, 'backRestored')} from the cache)`);
}

async function race() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  console.log('throttled phone: 390x844 touch, slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up), CPU 4x slower');
  try {
    if (cases.includes('real')) await oneCase(browser, 'real bank, no history', dist, null);
    if (cases.includes('heavy')) await oneCase(browser, 'real bank, heavy history (40 answers per question)', dist, heavyHistory());
    if (cases.includes('big')) {
      if (existsSync(join(distBig, 'index.html'))) await oneCase(browser, `generated bank (${distBig.split('/').pop()})`, distBig, null);
      else console.log(`generated bank: ${distBig} is not built (make bench-load builds it), skipped`);
    }
  } finally {
    await browser.close();
  }
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
