// Story: a backend engineer with a system design round on Friday runs a timed 35-minute round on
// the URL shortener: asks the interviewer's clarifying questions one at a time, overruns the first
// stage, reloads in the middle and carries on, works through every stage, then reviews it stage by
// stage against the model answer and the rubric, grades it, and sees it on the dashboard and in an
// export. The test build's clock (window.__backprepTestNow) moves time on.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { noViolationsLightAndDark } from './axe.js';
import { testBuild, setClock } from './clock.js';

test.use({ baseURL: testBuild });

const T = Date.UTC(2026, 10, 23, 15, 0);
const MIN = 60_000;
const advance = (page, ms) => page.evaluate((d) => { window.__backprepTestNow += d; }, ms);
const stageName = (page) => page.getByTestId('stage-name');
const clockText = (page) => page.getByTestId('stage-clock');
const notes = (page) => page.getByTestId('stage-notes');
// The 35-minute plan: clarify 4, estimate 4, API 8, design 8, deep dive 9, wrap-up 2.
const PLAN = [['Clarify', 4], ['Estimate', 4], ['API and data model', 8], ['High-level design', 8], ['Deep dive', 9], ['Wrap-up', 2]];

test('a timed design round through every stage, a reload, the review, the dashboard and the export', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/designs/url-shortener');
  await page.getByTestId('practice-link').click();
  await expect(page).toHaveURL(/\/designs\/url-shortener\/practice$/);
  await expect(page.getByTestId('practice-setup')).toBeVisible();
  await page.getByLabel('35 minutes').check();
  await expect(page.getByTestId('stage-plan')).toContainText('Deep dive9 min');
  await noViolationsLightAndDark(page, 'design practice set-up');
  await page.getByTestId('start-round').click();

  // Clarify: the interviewer's answers one at a time.
  await expect(stageName(page)).toHaveText('Clarify');
  await expect(clockText(page)).toContainText('4:00');
  await expect(page.getByTestId('clarify-shown').locator('li')).toHaveCount(0);
  await page.getByTestId('ask').click();
  await page.getByTestId('ask').click();
  await expect(page.getByTestId('clarify-shown').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('ask')).toContainText('3 of 6');
  await notes(page).fill('Clicks and new links a day? Custom aliases? Expiry?');
  await advance(page, 2 * MIN);
  await expect(clockText(page)).toContainText('2:00');
  await expect(page.getByTestId('time-said')).toHaveText('Clarify: 2 minutes left');
  // Past the plan: overtime, said once, and the stage does not move on by itself.
  await advance(page, 3 * MIN);
  await expect(clockText(page)).toContainText('+1:00 over');
  await expect(page.getByTestId('time-said')).toHaveText('Clarify: planned time is up; the clock goes on as overtime');
  await expect(stageName(page)).toHaveText('Clarify');
  await noViolationsLightAndDark(page, 'design practice, a stage');

  // A reload carries on: same stage, clock, notes and answers shown.
  await setClock(context, T + 5 * MIN);
  await page.reload();
  await expect(stageName(page)).toHaveText('Clarify');
  await expect(clockText(page)).toContainText('+1:00 over');
  await expect(notes(page)).toHaveValue('Clicks and new links a day? Custom aliases? Expiry?');
  await expect(page.getByTestId('clarify-shown').locator('li')).toHaveCount(2);

  // The other stages: each within its plan but the deep dive, paused once on the way.
  await page.getByTestId('next-stage').click();
  for (const [name, minutes] of PLAN.slice(1)) {
    await expect(stageName(page)).toHaveText(name);
    await expect(clockText(page)).toContainText(`${minutes}:00`);
    await notes(page).fill(`my notes for ${name}`);
    if (name === 'API and data model') {
      await page.getByTestId('pause').click();
      await expect(page.getByTestId('pause')).toHaveText('Resume');
      await advance(page, 10 * MIN); // a paused clock does not count
      await page.getByTestId('pause').click();
    }
    await advance(page, (name === 'Deep dive' ? minutes + 2 : minutes - 1) * MIN);
    await page.getByTestId('next-stage').click();
  }

  // Review: notes beside the model answer, the rubric to tick, a grade per stage and overall.
  await expect(page.getByTestId('practice-review')).toBeVisible();
  await expect(page.locator('.review-stage')).toHaveCount(6);
  const clarify = page.getByTestId('review-clarify');
  await expect(clarify).toContainText('Clicks and new links a day? Custom aliases? Expiry?');
  await expect(clarify).toContainText('5:00 used of 4 min planned (1:00 over)');
  await expect(page.getByTestId('review-deep_dive')).toContainText('11:00 used of 9 min planned (2:00 over)');
  await expect(page.getByTestId('review-design').locator('.diagram-box svg')).toHaveCount(1);
  // Every point of the clarify stage ticked suggests "Knew it"; none ticked suggests "Didn't know".
  const ticks = clarify.locator('.rubric-ticks input[type=checkbox]');
  const n = await ticks.count();
  expect(n).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < n; i++) await ticks.nth(i).check();
  await expect(clarify.locator('.grade.suggested')).toHaveText(/Knew it/);
  await expect(page.getByTestId('review-wrap_up').locator('.grade.suggested')).toHaveText(/Didn't know/);
  await page.getByTestId('review-estimate').getByRole('button', { name: /Partly/ }).click();
  await expect(page.getByTestId('review-estimate').getByRole('button', { name: /Partly/ })).toHaveAttribute('aria-pressed', 'true');
  await noViolationsLightAndDark(page, 'design practice review');
  // The ticks survive a reload too.
  await page.reload();
  await expect(page.getByTestId('review-clarify').locator('.rubric-ticks input:checked')).toHaveCount(n);
  await page.locator('.review-overall').getByRole('button', { name: /Partly/ }).click();
  await page.getByTestId('finish-review').click();

  // The report: time used against time planned per stage.
  const report = page.getByTestId('practice-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('round-grade')).toHaveText('Partly overall; 34:00 used of 35 min planned.');
  const rows = page.getByTestId('report-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toContainText('Clarify4 min5:00 (+1:00)');
  await expect(rows.nth(1)).toContainText('Estimate4 min3:00');
  await expect(rows.nth(1)).toContainText('Partly');
  await noViolationsLightAndDark(page, 'design practice report');

  // The design list shows each exercise's status.
  await page.goto('/designs');
  await expect(page.locator('.design-item', { hasText: 'Design a URL shortener' }).getByTestId('design-status')).toHaveText(/^Partly last time · 1 round/);
  await expect(page.locator('.design-item', { hasText: 'Design a web crawler' }).getByTestId('design-status')).toHaveText('Not practised yet');

  // The dashboard shows design-round readiness.
  await page.goto('/progress');
  await expect(page.getByTestId('design-readiness-figures')).toHaveText(/^1 of 16 exercises practised · 0 knew it last time · [01] due for another round$/);
  await expect(page.getByTestId('design-readiness')).toContainText('Design a URL shortener · Partly · 1 round');

  // The export holds the round.
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(file.version).toBe(6);
  expect(file.data.designs).toHaveLength(1);
  expect(file.data.designs[0]).toMatchObject({ design_id: 'url-shortener', minutes: 35, grade: 'partly' });
  expect(file.data.designs[0].stages.map((s) => s.stage)).toEqual(['clarify', 'estimate', 'api', 'design', 'deep_dive', 'wrap_up']);
  expect(file.data.designs[0].stages[0]).toMatchObject({ used_ms: 5 * MIN, ticked: n, grade: 'knew' });

  // Days later the exercise is due again.
  await setClock(context, T + 30 * 86_400_000);
  await page.reload();
  await expect(page.getByTestId('design-readiness-figures')).toContainText('1 due for another round');
});

test('giving a round up records nothing, and a round of another exercise is named before it is replaced', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/designs/web-crawler/practice');
  await page.getByTestId('start-round').click();
  await expect(stageName(page)).toHaveText('Clarify');
  await page.goto('/designs/url-shortener/practice');
  await expect(page.getByTestId('other-round')).toContainText('Your round of');
  await page.goto('/designs/web-crawler/practice');
  await expect(stageName(page)).toHaveText('Clarify');
  await page.getByRole('button', { name: 'Give up (not recorded)' }).click();
  await expect(page.getByTestId('practice-setup')).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByTestId('design-readiness')).toContainText('No design round yet');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the round and its review fit the screen, and every control is at least 44 px', async ({ page, context }) => {
    await setClock(context, T);
    await page.goto('/designs/url-shortener/practice');
    await page.getByTestId('start-round').click();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await fits()).toBeLessThanOrEqual(390);
    await page.getByTestId('end-round').click();
    await expect(page.getByTestId('practice-review')).toBeVisible();
    expect(await fits()).toBeLessThanOrEqual(390);
    const small = await page.locator('.practice-review button, .practice-review .tick, .practice-review summary').evaluateAll(
      (els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.textContent.trim().slice(0, 40)));
    expect(small).toEqual([]);
    await page.getByTestId('finish-review').click();
    await expect(page.getByTestId('practice-report')).toBeVisible();
    expect(await fits()).toBeLessThanOrEqual(390);
  });
});

test('the timed part runs from the keyboard, and the notes keep their letters', async ({ page, context }) => {
  await setClock(context, T);
  await page.goto('/designs/url-shortener/practice');
  await page.getByLabel('35 minutes').check();
  await page.getByTestId('start-round').click();
  await expect(stageName(page)).toHaveText('Clarify');
  // Away from any control, letters are shortcuts.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('a');
  await expect(page.getByTestId('clarify-shown').locator('li')).toHaveCount(1);
  await page.keyboard.press('e');
  await expect(notes(page)).toBeFocused();
  await page.keyboard.type('a nice n');
  await expect(notes(page)).toHaveValue('a nice n');
  await expect(stageName(page)).toHaveText('Clarify');
  await expect(page.getByTestId('clarify-shown').locator('li')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(notes(page)).not.toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toHaveText('Resume');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toHaveText('Pause');
  await page.keyboard.press('n');
  await expect(stageName(page)).toHaveText('Estimate');
  await page.keyboard.press('ArrowRight');
  await expect(stageName(page)).toHaveText('API and data model');
  await page.keyboard.press('ArrowLeft');
  await expect(stageName(page)).toHaveText('Estimate');
  await page.keyboard.press('ArrowLeft');
  await expect(stageName(page)).toHaveText('Clarify');
  await expect(notes(page)).toHaveValue('a nice n');
});
