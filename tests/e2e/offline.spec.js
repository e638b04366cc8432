// Story: a learner opens Backprep once, then studies on a train with no network; later a new build
// is deployed and the open app offers it. Each test runs its own static server so it can stop it.
import { chromium } from '@playwright/test';
import { test, expect, waitsForApp } from './fixtures.js';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, rmSync, appendFileSync, readdirSync, mkdtempSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ids, wording } from './bank.js';

const root = new URL('../../', import.meta.url).pathname;

// The servers a test started, stopped after it whether it passed or not (a failed test must not
// leave its port taken for the next run).
const running = new Set();

async function serve(dir, port, base, ...options) {
  const proc = spawn('node', [join(root, 'tests/e2e/serve.mjs'), dir, String(port), base, ...options], { stdio: 'pipe' });
  const exited = new Promise((r) => proc.once('exit', r));
  const server = {
    stop: async () => {
      running.delete(server);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      await exited;
    },
  };
  running.add(server);
  await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return server;
}

test.afterEach(async () => {
  for (const server of [...running]) await server.stop();
});

async function waitForControl(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

for (const [name, dir, base, port] of [['at the root', 'dist', '/', 4301], ['under /backprep/', 'dist-sub', '/backprep/', 4302]]) {
  test(`works offline after the first visit, ${name}`, async ({ context, page }) => {
    const origin = `http://127.0.0.1:${port}`;
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const cspErrors = [];
    page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && cspErrors.push(m.text()));

    const server = await serve(join(root, dir), port, base);
    await page.goto(`${origin}${base}`);
    await expect(page.getByTestId('question-item')).toHaveCount(ids.length);
    await waitForControl(page);
    await page.goto(`${origin}${base}questions/jwt`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('jwt'));
    // A question page fetched from the host is kept (moving between it and the list, another
    // build of the app, is a page load), so offline it comes back whole, not as the empty shell.
    await expect.poll(() => page.evaluate(async (file) => {
      for (const name of await caches.keys()) if (await (await caches.open(name)).match(file)) return true;
      return false;
    }, `${origin}${base}questions/jwt.html`)).toBe(true);
    await server.stop();
    await page.goto(`${origin}${base}questions/jwt`);
    await expect(page.locator('#bp-content')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('jwt'));

    // Offline now: the list, a deep link, search and progress all work.
    await page.goto(`${origin}${base}`);
    await expect(page.getByTestId('question-item')).toHaveCount(ids.length);
    await expect(page.getByTestId('list-count')).toContainText('1 read');
    await page.goto(`${origin}${base}questions/cdn`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('cdn'));
    await page.getByRole('link', { name: /All questions/ }).click();
    await expect(page).toHaveURL(`${origin}${base}#r-cdn`);
    await page.getByRole('searchbox', { name: 'Search questions' }).fill('idempot');
    await expect(page.getByTestId('question-item').first().locator('.question-link')).toHaveText(wording('idempotency'));
    await expect(page).toHaveURL(`${origin}${base}?q=idempot`);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search questions' })).toHaveValue('idempot');
    await expect(page.getByTestId('question-item').first().locator('.question-link')).toHaveText(wording('idempotency'));
    await page.goto(`${origin}${base}`);
    await expect(page.getByTestId('list-count')).toContainText('2 read');
    // A quiz works offline too, and its answer is kept.
    await page.goto(`${origin}${base}quiz?topic=compliance`);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await expect(page.getByTestId('quiz-card')).toBeVisible();
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(page.getByTestId('quiz-position')).toHaveText('2 / 5');
    await page.reload();
    await expect(page.getByTestId('quiz-position')).toHaveText('2 / 5');
    // Storage keys carry the sub-path (store::scope): 'backprep:progress' at the root.
    const key = base === '/' ? 'backprep:progress' : `backprep:${base}progress`;
    const attempts = await page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k)).data.attempts), key);
    expect(attempts).toHaveLength(1);

    expect(cspErrors).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}${base}`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
}

test('a new deploy shows "a new version is ready" and reload switches to it', async ({ page }) => {
  const port = 4303;
  const site = mkdtempSync(join(tmpdir(), 'backprep-site-'));
  cpSync(join(root, 'dist'), site, { recursive: true });
  const server = await serve(site, port, '/');
  await page.goto(`http://127.0.0.1:${port}/`);
  await waitForControl(page);
  const buildA = await page.getByTestId('build-id').innerText();
  await expect(page.getByTestId('update-ready')).toHaveCount(0);

  // Build B: the same release with a changed stylesheet, stamped again by the post-build step, as a
  // redeploy would be. The whole folder is replaced.
  const b = mkdtempSync(join(tmpdir(), 'backprep-b-'));
  cpSync(join(root, 'dist'), b, { recursive: true });
  const css = readdirSync(b).find((f) => f.endsWith('.css'));
  appendFileSync(join(b, css), '\n/* build B */\n');
  execFileSync('python3', [join(root, 'scripts/postbuild.py'), b]);
  for (const f of readdirSync(site)) rmSync(join(site, f), { recursive: true });
  cpSync(b, site, { recursive: true });

  await page.reload();
  await expect(page.getByTestId('update-ready')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('build-id')).toHaveText(buildA);
  await page.getByTestId('update-ready').getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('build-id')).not.toHaveText(buildA, { timeout: 15_000 });
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
  // Only the new build's cache remains.
  const caches = await page.evaluate(() => caches.keys());
  expect(caches).toHaveLength(1);
  expect(caches[0]).toBe(`backprep-${(await page.getByTestId('build-id').innerText()).replace('Build ', '')}`);
  await server.stop();
});

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));

/**
 * Writes into `dir` a rebuild of dist/ as a real deploy looks: the app's wasm and js under new names
 * and a changed stylesheet under a new name with its new integrity hash, every page pointing at the
 * new files, stamped again by the post-build step. Returns the new build's hash.
 */
function rebuild(dir) {
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const renames = [];
  const fresh = (name) => createHash('sha256').update(`${name} rebuilt`).digest('hex').slice(0, 16);
  for (const f of readdirSync(dir)) {
    const m = f.match(/^(backprep|main)-([0-9a-f]+)(_bg\.wasm|\.js|\.css)$/);
    if (!m) continue;
    const to = `${m[1]}-${fresh(m[2])}${m[3]}`;
    if (m[3] === '.css') {
      appendFileSync(join(dir, f), '\n/* build 2 */\n.site-footer .build { font-weight: bold; }\n');
      const integrity = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
      renames.push([integrity(join(root, 'dist', f)), integrity(join(dir, f))]);
    }
    renameSync(join(dir, f), join(dir, to));
    renames.push([f, to]);
  }
  expect(renames.length).toBe(4);
  for (const page of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    let html = readFileSync(join(dir, page), 'utf8');
    for (const [from, to] of renames) html = html.replaceAll(from, to);
    writeFileSync(join(dir, page), html);
  }
  execFileSync('python3', [join(root, 'scripts/postbuild.py'), dir]);
  return readFileSync(join(dir, 'index.html'), 'utf8').match(/<meta name="backprep-build" content="([0-9a-f]+)"/)[1];
}

test('a deploy while the host lets browsers keep pages for 10 minutes still works offline', async ({ context, page }) => {
  // GitHub Pages sends `Cache-Control: max-age=600` on every file: for ten minutes after a visit,
  // the browser's HTTP cache answers for the old build's files.
  test.setTimeout(90_000);
  const port = 4310;
  const origin = `http://127.0.0.1:${port}`;
  const site = mkdtempSync(join(tmpdir(), 'backprep-site-'));
  const next = mkdtempSync(join(tmpdir(), 'backprep-b-'));
  let server;
  try {
    cpSync(join(root, 'dist'), site, { recursive: true });
    server = await serve(site, port, '/', '--max-age=600');
    await page.goto(`${origin}/`);
    await waitForControl(page);
    const build1 = await page.getByTestId('build-id').innerText();
    await page.goto(`${origin}/questions/jwt`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('jwt'));

    // Build 2 replaces build 1 within the ten minutes.
    const build2 = rebuild(next);
    expect(`Build ${build2}`).not.toBe(build1);
    for (const f of readdirSync(site)) rmSync(join(site, f), { recursive: true });
    cpSync(next, site, { recursive: true });

    await page.goto(`${origin}/`);
    await expect(page.getByTestId('update-ready')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('update-ready').getByRole('button', { name: 'Reload' }).click();
    // The new worker has taken over: only its build's cache is left. (The page reloads meanwhile.)
    await expect.poll(() => page.evaluate(() => caches.keys()).catch(() => null), { timeout: 15_000 })
      .toEqual([`backprep-${build2}`]);
    await server.stop();
    server = null;

    // Offline: every page is build 2 and none is blank, both at once (the browser's HTTP cache still
    // holds build 1's files) and later (it has dropped them; only the worker's cache is left). A page
    // whose wasm is not kept never starts the app, so this page does not wait for it as `page` does.
    const offline = await context.newPage();
    for (const when of ['at once', 'once the HTTP cache is gone']) {
      if (when !== 'at once') await (await context.newCDPSession(offline)).send('Network.clearBrowserCache');
      for (const route of ['/', '/questions/jwt', '/quiz', '/progress', '/questions/cdn']) {
        await offline.goto(`${origin}${route}`);
        await expect(offline.locator('html'), `${route}, ${when}: the app starts`).toHaveAttribute('data-app', 'ready', { timeout: 10_000 });
        await expect(offline.getByTestId('build-id'), `${route}, ${when}: build 2`).toHaveText(`Build ${build2}`);
        await expect(offline.locator('main'), `${route}, ${when}: not blank`).not.toBeEmpty();
      }
      await expect(offline.getByRole('heading', { level: 1 })).toHaveText(wording('cdn'));
    }
  } finally {
    await server?.stop();
    rmSync(site, { recursive: true, force: true });
    rmSync(next, { recursive: true, force: true });
  }
});

/** What service workers in the browser of `context` warn about, as they do (Playwright does not report their console). */
async function workerWarnings(context) {
  const warnings = [];
  const cdp = await context.browser().newBrowserCDPSession();
  cdp.on('Target.targetCreated', async ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker') return;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable' }) });
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { method, params } = JSON.parse(message);
    if (method === 'Runtime.consoleAPICalled' && params.type === 'warning') warnings.push(params.args.map((a) => a.value).join(' '));
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { warnings, stop: () => cdp.detach() };
}

/** Asks the page's registration for an update; resolves with where the new worker ends: "installed" or "redundant". */
const checkForUpdate = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  const ended = new Promise((resolve) => reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    const check = () => ['installed', 'redundant'].includes(worker.state) && resolve(worker.state);
    worker.addEventListener('statechange', check);
    check();
  }, { once: true }));
  await reg.update();
  return ended;
});

test('a worker whose pages come from another build does not install; the current build stays', async ({ context, page }) => {
  // What a cache between browser and host (a CDN, a proxy) could serve after a deploy: build 2's
  // worker and files, but build 1's pages.
  test.setTimeout(60_000);
  const port = 4311;
  const origin = `http://127.0.0.1:${port}`;
  const site = mkdtempSync(join(tmpdir(), 'backprep-site-'));
  const next = mkdtempSync(join(tmpdir(), 'backprep-b-'));
  const { warnings, stop } = await workerWarnings(context);
  let server;
  try {
    cpSync(join(root, 'dist'), site, { recursive: true });
    server = await serve(site, port, '/');
    await page.goto(`${origin}/`);
    await waitForControl(page);
    const build1 = await page.getByTestId('build-id').innerText();
    const hash1 = build1.replace('Build ', '');
    const build2 = rebuild(next);
    for (const f of readdirSync(site)) rmSync(join(site, f), { recursive: true });
    cpSync(next, site, { recursive: true });
    for (const f of filesUnder(join(root, 'dist')).filter((f) => f.endsWith('.html'))) cpSync(join(root, 'dist', f), join(site, f));

    expect(await checkForUpdate(page)).toBe('redundant');
    // It says why (and not, say, a missing file).
    await expect.poll(() => warnings.join('\n')).toMatch(new RegExp(`build ${build2} not installed.*is build ${hash1}`));
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([`backprep-${hash1}`]);

    // Build 1 still works offline.
    await server.stop();
    server = null;
    await page.goto(`${origin}/questions/cdn`);
    await expect(page.getByTestId('build-id')).toHaveText(build1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(wording('cdn'));

    // Once the host serves build 2 whole, the next check installs it.
    for (const f of readdirSync(site)) rmSync(join(site, f), { recursive: true });
    cpSync(next, site, { recursive: true });
    server = await serve(site, port, '/');
    expect(await checkForUpdate(page)).toBe('installed');
    await expect(page.getByTestId('update-ready')).toBeVisible();
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual([`backprep-${hash1}`, `backprep-${build2}`].sort());
  } finally {
    await stop();
    await server?.stop();
    rmSync(site, { recursive: true, force: true });
    rmSync(next, { recursive: true, force: true });
  }
});

test('the app is installable and the CSP has no unsafe-inline', async ({ baseURL }) => {
  // Installability is not reported in incognito contexts, so use a real (temporary) profile.
  const profile = mkdtempSync(join(tmpdir(), 'backprep-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = waitsForApp(await context.newPage());
  await page.goto(baseURL + '/');
  await expect(page.getByTestId('question-item').first()).toBeVisible();
  await waitForControl(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toMatch(/script-src [^;]*'sha256-/);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get(baseURL + '/manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.icons.map((i) => i.purpose)).toContain('maskable');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});
