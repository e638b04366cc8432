// Story: a learner with an interview on a date sets a plan for one topic; each day the home page
// offers that day's share with one button; days missed are spread over the days left, not piled
// up; the dashboard says on track or behind, and shows the days to the interview. Time moves with
// the test clock (test build only), in the learner's own time zone. A plan may include system-design
// rounds: the dashboard links today's, and the home page counts them until they are done.
import { test, expect } from './fixtures.js';
import { noViolations, noViolationsLightAndDark } from './axe.js';
import { testBuild, setClock, DAY } from './clock.js';

test.use({ baseURL: testBuild, timezoneId: 'America/New_York' });

// Monday 23 Nov 2026, 10:00 in New York (UTC-5).
const D = Date.UTC(2026, 10, 23, 15, 0);

async function doTodaysPlan(page, expected) {
  await page.goto('/');
  const start = page.getByTestId('start-plan');
  await expect(start).toHaveText(expected);
  await start.click();
  const position = page.getByTestId('quiz-position');
  const total = Number(expected.match(/\((\d+) new, (\d+) reviews/).slice(1).reduce((a, b) => Number(a) + Number(b), 0));
  for (let i = 1; i <= total; i++) {
    await expect(position).toHaveText(`${i} / ${total}`);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
}

test('an interview-date plan: today\'s share, a day missed spread over the rest, on track or behind', async ({ page, context }) => {
  await setClock(context, D);
  await page.goto('/progress');
  const plan = page.getByTestId('plan');
  // A date in the past is refused with a clear message.
  await plan.getByLabel('My interview is on').fill('2026-11-20');
  await plan.getByRole('button', { name: 'Set the plan' }).click();
  await expect(page.getByTestId('plan-problem')).toHaveText('Your interview date has passed. Set the date of your next interview to plan again.');
  // Thursday 3 Dec, compliance only (5 questions): study days are 23 Nov to 1 Dec (9), so one a day.
  await plan.getByLabel('My interview is on').fill('2026-12-03');
  await plan.getByText('Topics: all').click();
  await plan.getByLabel('Compliance & Privacy').check();
  await plan.getByRole('button', { name: 'Set the plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Interview on Thu 3 Dec 2026, in 10 days: on track.');
  await expect(page.getByTestId('plan-today-line')).toHaveText('Today: 1 new question, 0 reviews.');
  await noViolationsLightAndDark(page, 'dashboard with a plan');

  // Day 1: the home page offers today's share; done, it says so.
  await doTodaysPlan(page, "Start today's plan (1 new, 0 reviews)");
  await page.goto('/');
  await expect(page.getByTestId('plan-line')).toHaveText("Interview plan: Today's plan is done. Your plan");
  await expect(page.getByTestId('start-plan')).toHaveCount(0);

  // Day 2 (Tuesday): one more.
  await setClock(context, D + DAY);
  await doTodaysPlan(page, "Start today's plan (1 new, 0 reviews)");

  // Wednesday and Thursday missed. Friday 27 Nov: three unseen over five study days left is still
  // one a day (not three), plus Monday's and Tuesday's answers, due three days after each.
  await setClock(context, D + 4 * DAY);
  await page.goto('/progress');
  await expect(page.getByTestId('plan-status')).toHaveText('Interview on Thu 3 Dec 2026, in 6 days: behind by 2 questions.');
  await expect(page.getByTestId('plan-today-line')).toHaveText('Today: 1 new question, 2 reviews.');
  await page.getByText('The days to your interview').click();
  const rows = page.getByTestId('plan-forecast').locator('tbody tr');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(0)).toContainText('Fri 27 Nov 2026');
  await expect(rows.last()).toContainText('Thu 3 Dec 2026');
  await expect(rows.last()).toContainText('review only');
  await doTodaysPlan(page, "Start today's plan (1 new, 2 reviews)");

  // The plan survives a reload and can be removed.
  await page.goto('/progress');
  await page.getByRole('button', { name: 'Remove the plan' }).click();
  await expect(plan.getByLabel('My interview is on')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('plan-line')).toHaveCount(0);
});

test('a plan with system-design rounds: listed on the dashboard as links, counted on the home page, done once practised', async ({ page, context }) => {
  await setClock(context, D);
  await page.goto('/progress');
  const plan = page.getByTestId('plan');
  // HTTP & APIs (21 questions) by Thursday 3 Dec: nine study days, so three a day. Without design
  // rounds, none are listed, though one exercise (the rate limiter) is in this topic.
  await plan.getByLabel('My interview is on').fill('2026-12-03');
  await plan.getByText('Topics: all').click();
  await plan.getByLabel('HTTP & APIs').check();
  await expect(plan.getByLabel('Include system-design rounds')).not.toBeChecked();
  await plan.getByRole('button', { name: 'Set the plan' }).click();
  await expect(page.getByTestId('plan-today-line')).toHaveText('Today: 3 new questions, 0 reviews.');
  await expect(page.getByTestId('plan-designs')).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByTestId('start-plan')).toHaveText("Start today's plan (3 new, 0 reviews)");

  // With them: the one exercise in scope, spread over the same nine days, is today's.
  await page.goto('/progress');
  await page.getByRole('button', { name: 'Change the plan' }).click();
  await plan.getByLabel('Include system-design rounds').check();
  await plan.getByRole('button', { name: 'Set the plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Interview on Thu 3 Dec 2026, in 10 days: on track.');
  await expect(page.getByTestId('plan-today-line')).toHaveText('Today: 3 new questions, 0 reviews, 1 design round.');
  const rounds = page.getByTestId('plan-designs').getByRole('link');
  await expect(rounds).toHaveCount(1);
  await expect(rounds).toHaveText('Design a rate limiter service');
  await expect(rounds).toHaveAttribute('href', '/designs/rate-limiter-service/practice');
  await noViolations(page, 'dashboard with a plan with design rounds');
  // The setting is kept: the form shows it ticked when the plan is changed again.
  await page.reload();
  await page.getByRole('button', { name: 'Change the plan' }).click();
  await expect(plan.getByLabel('Include system-design rounds')).toBeChecked();
  await plan.getByRole('button', { name: 'Cancel' }).click();

  // The home page counts the round; the questions come first, in a quiz, then the round.
  await doTodaysPlan(page, "Start today's plan (3 new, 0 reviews, 1 design round)");
  await page.goto('/');
  await expect(page.getByTestId('plan-line')).toHaveText('Interview plan: Today: 0 new questions, 0 reviews, 1 design round. Your plan');
  const start = page.getByTestId('start-plan');
  await expect(start).toHaveText("Start today's plan (1 design round)");
  await expect(start).toHaveAttribute('href', '/designs/rate-limiter-service/practice');

  // The dashboard's link leads to the round; a finished round takes it off today's plan.
  await page.goto('/progress');
  await rounds.click();
  await expect(page).toHaveURL(/\/designs\/rate-limiter-service\/practice$/);
  await expect(page.getByTestId('practice-setup')).toBeVisible();
  await page.getByTestId('start-round').click();
  await page.getByTestId('end-round').click();
  await page.locator('.review-overall').getByRole('button', { name: /Knew it/ }).click();
  await page.getByTestId('finish-review').click();
  await expect(page.getByTestId('practice-report')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('plan-line')).toHaveText("Interview plan: Today's plan is done. Your plan");
  await expect(page.getByTestId('start-plan')).toHaveCount(0);
  await page.goto('/progress');
  await expect(page.getByTestId('plan-today-line')).toHaveText("Today's plan is done.");
  await expect(page.getByTestId('plan-designs')).toHaveCount(0);

  // The next day: three more questions, and no design round (the only one is done, not yet due).
  await setClock(context, D + DAY);
  await page.reload();
  await expect(page.getByTestId('plan-today-line')).toHaveText('Today: 3 new questions, 0 reviews.');
});
