// Takes screenshots of the built app for a look by eye: node scripts/screenshots.mjs [outdir] [dist]
// Serves the build (dist/ unless given) itself on 127.0.0.1:4190. The phone viewport is a touch
// screen (coarse pointer), as a phone is.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || 'screenshots';
mkdirSync(out, { recursive: true });
const dist = process.argv[3] || 'dist';
const schemes = (process.env.SCHEMES || 'light,dark').split(',');
const server = spawn('node', ['tests/e2e/serve.mjs', dist, '4190', '/'], { stdio: 'ignore' });
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
/** Answers to twelve questions every few days over twelve weeks, a bookmark and a note. */
function history() {
  const now = Date.now();
  const day = 86_400_000;
  const ids = ['jwt', 'cdn', 'caching-basics', 'cap-theorem', 'database-transactions', 'idempotency',
    'api-versioning', 'rest-principles', 'authentication', 'containerization', 'blue-green-deployment', 'cache-eviction'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const attempts = {};
  ids.forEach((id, i) => {
    attempts[id] = [];
    for (let d = 80; d >= 0; d -= 3 + Math.floor(rnd() * 9)) {
      const grade = ['didnt_know', 'partly', 'knew'][Math.floor(rnd() * 3)];
      attempts[id].push({ at: now - d * day - i * 3_600_000, outcome: { kind: 'flashcard', grade, ticked: [] } });
    }
  });
  const quizzes = [3, 1].map((d, i) => ({ started: now - d * day, finished: now - d * day + 600_000,
    mode: ['flashcards', 'mixed'][i], asked: ids.slice(0, 5 + 3 * i), missed: ['jwt'], right: 4 + i, answered: 5 + 3 * i }));
  return { version: 3, data: { read: {}, attempts, quizzes, bookmarks: { jwt: { on: true, at: now } },
    notes: { jwt: { text: '**Asked at Acme**: rotate keys with `kid`.', at: now } } } };
}

try {
  for (const scheme of schemes) {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const phone = width < 800 ? { isMobile: true, hasTouch: true } : {};
      const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, ...phone });
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
      await page.screenshot({ path: `${out}/quiz-revealed-${width}-${scheme}.png` });
      for (let i = 0; i < 5; i++) {
        if (i > 0) await page.keyboard.press('Space');
        await page.keyboard.press(String((i % 3) + 1));
      }
      await page.waitForSelector('[data-testid=quiz-summary]');
      await page.screenshot({ path: `${out}/quiz-summary-${width}-${scheme}.png`, fullPage: true });
      await page.goto('http://127.0.0.1:4190/quiz?topic=security');
      await page.getByText('Multiple choice').click();
      await page.getByRole('button', { name: 'Start quiz' }).click();
      await page.keyboard.press('2');
      await page.waitForSelector('[data-testid=verdict]');
      await page.screenshot({ path: `${out}/quiz-choice-${width}-${scheme}.png` });
      await page.goto('http://127.0.0.1:4190/?topic=compliance');
      await page.waitForSelector('[data-testid=status]');
      await page.screenshot({ path: `${out}/list-statuses-${width}-${scheme}.png` });
      // The dashboard over twelve weeks of generated answers.
      await page.evaluate((data) => localStorage.setItem('backprep:progress', data), JSON.stringify(history()));
      await page.goto('http://127.0.0.1:4190/progress');
      await page.waitForSelector('[data-testid=heatmap]');
      await page.screenshot({ path: `${out}/dashboard-${width}-${scheme}.png`, fullPage: true });
      // The interview-date plan, set for three weeks from now.
      const plan = page.getByTestId('plan');
      const date = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      await plan.getByLabel('My interview is on').fill(date);
      await plan.getByRole('button', { name: 'Set the plan' }).click();
      await page.getByTestId('plan-status').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/plan-${width}-${scheme}.png` });
      await page.goto('http://127.0.0.1:4190/');
      await page.waitForSelector('[data-testid=plan-line]');
      await page.screenshot({ path: `${out}/home-plan-${width}-${scheme}.png` });
      // A mock interview: the set-up, an answer against the clock, the review.
      await page.goto('http://127.0.0.1:4190/interview');
      await page.waitForSelector('main h1');
      await page.screenshot({ path: `${out}/interview-setup-${width}-${scheme}.png` });
      await page.getByRole('button', { name: 'Start the interview' }).click();
      await page.keyboard.press('Space');
      await page.waitForSelector('[data-testid=countdown]');
      await page.screenshot({ path: `${out}/interview-answer-${width}-${scheme}.png` });
      await page.keyboard.press('d');
      await page.waitForSelector('.rubric .tick');
      await page.keyboard.press('a');
      await page.screenshot({ path: `${out}/interview-review-${width}-${scheme}.png` });
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots written to ${out}/`);
