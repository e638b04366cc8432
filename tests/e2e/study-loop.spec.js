// Story: a learner studies on a phone (390x844, touch): one clear next step on the home page, the
// grades under the thumb after "Show answer" (no scrolling), every control big enough to tap, a
// quiz whose records tell the truth (a re-grade replaces, an empty quiz leaves nothing, a new quiz
// asks before ending one in progress) and multiple-choice options that cannot be learned by place.
import { test, expect } from './fixtures.js';
import { noViolations, noViolationsLightAndDark } from './axe.js';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const position = (page) => page.getByTestId('quiz-position');
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

async function startQuiz(page, path, mode) {
  await page.goto(path);
  if (mode) await page.getByText(mode, { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId('quiz-card')).toBeVisible();
}

/** Whether `locator` lies wholly inside the viewport as it is now (nothing scrolled). */
async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const { height, width } = page.viewportSize();
  return box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

/**
 * Every control on the page smaller than 44x44 px, as "what (w x h)". Controls: links, buttons,
 * form fields, summaries; links inside answer text (.prose) are excepted, as WCAG 2.5.8 excepts
 * inline links; a checkbox or radio counts by its label, which is what a finger taps.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary');
    for (const el of controls) {
      if (el.closest('.prose, .visually-hidden, .skip-link') || el.type === 'hidden') continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let target = el;
      if (el.type === 'checkbox' || el.type === 'radio') target = el.closest('label') || el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.innerText || el.getAttribute('aria-label') || el.name || el.id || '').trim().slice(0, 30);
        small.push(`${el.tagName.toLowerCase()} "${name}" (${Math.round(r.width)}x${Math.round(r.height)})`);
      }
    }
    return small;
  });
}

test.describe('on a phone', () => {
  test.use(phone);

  test('after "Show answer" the grades are on screen with their next intervals, no scrolling', async ({ page }) => {
    await startQuiz(page, '/quiz?topic=databases');
    for (let card = 1; card <= 4; card++) {
      await expect(position(page)).toHaveText(`${card} / 10`);
      const reveal = page.getByRole('button', { name: 'Show answer' });
      expect(await inViewport(page, reveal), 'Show answer in view').toBe(true);
      await reveal.click();
      const grades = page.getByRole('group', { name: 'Grade yourself' });
      await expect(grades).toBeVisible();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const name of ["Didn't know", 'Partly', 'Knew it']) {
        const button = grades.getByRole('button', { name: new RegExp(name) });
        expect(await inViewport(page, button), `${name} in view on card ${card}`).toBe(true);
        const box = await button.boundingBox();
        expect(box.height).toBeGreaterThanOrEqual(44);
        // Each grade shows when it would bring the card back (a fresh card: days).
        await expect(button.locator('.interval')).toHaveText(/^\d+d$/);
      }
      expect(await inViewport(page, page.getByRole('button', { name: 'Skip' })), 'Skip in view').toBe(true);
      // Keyboard hints are for keyboards: hidden on a touch screen.
      await expect(grades.locator('kbd').first()).toBeHidden();
      await grades.getByRole('button', { name: /Partly/ }).tap();
    }
  });

  test('every control on the home, question, quiz and dashboard screens is at least 44x44 px', async ({ page }) => {
    const screens = [];
    await page.goto('/');
    await page.getByTestId('filters-toggle').tap();
    screens.push(['home', await smallTargets(page)]);
    await page.goto('/questions/jwt');
    screens.push(['question', await smallTargets(page)]);
    await startQuiz(page, '/quiz?topic=compliance');
    screens.push(['quiz set-up and card', await smallTargets(page)]);
    await page.getByRole('button', { name: 'Show answer' }).tap();
    screens.push(['quiz, answer side', await smallTargets(page)]);
    await page.getByRole('button', { name: /Knew it/ }).tap();
    await page.goto('/quiz');
    screens.push(['quiz set-up', await smallTargets(page)]);
    await page.goto('/progress');
    screens.push(['dashboard', await smallTargets(page)]);
    expect(screens.filter(([, small]) => small.length)).toEqual([]);
  });

  test('the home page leads with one next step, then search, then the questions', async ({ page }) => {
    await page.goto('/');
    const first = page.getByTestId('question-item').first();
    const action = page.getByTestId('start-quiz');
    await expect(action).toHaveText('Start a quiz');
    // The filters are folded: the first question is on the first screen.
    await expect(page.getByRole('button', { name: /^Beginner/ })).toBeHidden();
    expect(await inViewport(page, first)).toBe(true);
    const controlsAbove = await page.evaluate(() => {
      const top = document.querySelector('[data-testid=question-item]').getBoundingClientRect().top;
      return [...document.querySelectorAll('main a[href], main button, main input, main select, main summary')]
        .filter((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().bottom <= top).length;
    });
    console.log(`controls above the first question on a phone: ${controlsAbove}`);
    expect(controlsAbove).toBeLessThanOrEqual(4);
    await noViolationsLightAndDark(page, 'home on a phone');
    // The whole card opens the question, not only its title.
    const box = await first.boundingBox();
    await page.touchscreen.tap(box.x + box.width - 12, box.y + box.height - 8);
    await expect(page.getByTestId('question-page')).toBeVisible();
    // A quiz in progress becomes the next step.
    await startQuiz(page, '/quiz?topic=compliance');
    await page.goto('/');
    await expect(page.getByTestId('resume-quiz')).toHaveText('Resume quiz (1 of 5)');
    await page.getByTestId('resume-quiz').tap();
    await expect(position(page)).toHaveText('1 / 5');
  });
});

test('re-grading a card replaces its answer, in the quiz, in progress and in the schedule', async ({ page }) => {
  await startQuiz(page, '/quiz?topic=compliance');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(position(page)).toHaveText('2 / 5');
  await page.keyboard.press('ArrowLeft');
  // Going back shows the earlier grade, marked on its button.
  await expect(page.getByTestId('earlier-grade')).toHaveText("You graded this “Didn't know”; a new grade replaces it.");
  await expect(page.getByRole('button', { name: /Didn't know/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('3');
  await expect(position(page)).toHaveText('2 / 5');
  await page.getByRole('button', { name: 'End quiz' }).click();
  await expect(page.getByTestId('score')).toContainText('1 of 1 right');
  const progress = (await stored(page, 'backprep:progress')).data;
  const [id] = Object.keys(progress.attempts);
  const [first, second] = progress.attempts[id];
  expect(second.revises).toBe(first.at);
  expect(second.outcome.grade).toBe('knew');
  // Everything that counts sees one answer, graded "Knew it".
  await page.goto(`/?topic=compliance`);
  await expect(page.getByTestId('status')).toHaveCount(1);
  await expect(page.getByTestId('status')).toHaveText('Knew it');
  await page.goto(`/questions/${id}`);
  await expect(page.getByTestId('next-review')).toContainText('due in 3 days');
  await page.goto('/progress');
  await expect(page.getByTestId('stat-answers')).toHaveText(/^\s*1\s*answers given\s*$/);
});

test('an empty quiz leaves nothing; 0 questions cannot start; a new quiz asks before ending one', async ({ page }) => {
  await startQuiz(page, '/quiz?topic=compliance');
  await page.getByRole('button', { name: 'End quiz' }).click();
  await expect(page.getByRole('heading', { name: 'No quiz in progress' })).toBeVisible();
  expect((await stored(page, 'backprep:progress'))?.data?.quizzes ?? []).toEqual([]);

  // An empty search offers no quiz, and its set-up says why and cannot start.
  await page.goto('/?q=zzzzqqq');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByRole('link', { name: /Quiz me on these|Start a quiz/ })).toHaveCount(0);
  await page.goto('/quiz?q=zzzzqqq');
  await expect(page.getByTestId('nothing-selected')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeDisabled();

  await startQuiz(page, '/quiz?topic=compliance');
  await page.keyboard.press('Space');
  await page.keyboard.press('2');
  await page.goto('/quiz?topic=security');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId('confirm-new')).toContainText('A new quiz ends the one in progress');
  await noViolationsLightAndDark(page, 'quiz set-up, confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('resume')).toContainText('card 2 of 5');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.getByRole('button', { name: 'Start the new quiz' }).click();
  await expect(position(page)).toHaveText('1 / 10');
});

test('multiple-choice options come shuffled per quiz, and a reload keeps the order', async ({ page }) => {
  const orders = async () => {
    const seen = [];
    const n = Number((await position(page).innerText()).split(' / ')[1]);
    for (let i = 0; i < n; i++) {
      await expect(position(page)).toHaveText(`${i + 1} / ${n}`);
      // The options' texts come with the question's content, which may arrive after the card.
      await expect(page.locator('.options .option').first()).toBeVisible();
      seen.push(await page.locator('.options .option').allInnerTexts());
      if (i === 0) {
        await page.reload();
        await expect(page.locator('.options .option'), 'same order after a reload').toHaveText(seen[0]);
      }
      await page.keyboard.press('s');
    }
    return seen;
  };
  await startQuiz(page, '/quiz?topic=security', 'Multiple choice');
  await page.getByText('In order', { exact: true }).isVisible();
  const first = await orders();
  await page.goto('/quiz?topic=security');
  await page.getByText('Multiple choice', { exact: true }).click();
  await page.getByText('In order', { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const inOrder = await orders();
  await page.goto('/quiz?topic=security');
  await page.getByText('Multiple choice', { exact: true }).click();
  await page.getByText('In order', { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const again = await orders();
  expect(first.length).toBeGreaterThan(3);
  // Two quizzes over the same cards in the same order show their options differently.
  const differ = inOrder.filter((o, i) => JSON.stringify(o) !== JSON.stringify(again[i])).length;
  expect(differ).toBeGreaterThan(inOrder.length / 2);
  // The key hint names the options there are.
  await page.goto('/quiz?topic=security');
  await page.getByText('Multiple choice', { exact: true }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.locator('.options .option').first()).toBeVisible();
  const count = await page.locator('.options .option').count();
  await expect(page.locator('.hint')).toHaveText(`Press 1–${count} or a–${String.fromCharCode(96 + count)} to answer.`);
});

test('Space takes the suggested grade; the grade buttons show intervals on a desktop too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await startQuiz(page, '/quiz?topic=databases');
  await page.keyboard.press('Space');
  const grades = page.getByRole('group', { name: 'Grade yourself' });
  for (const name of ["Didn't know", 'Partly', 'Knew it']) {
    expect(await inViewport(page, grades.getByRole('button', { name: new RegExp(name) })), name).toBe(true);
  }
  await expect(page.getByTestId('suggested')).toHaveText("Suggested from your ticks: Didn't know");
  await noViolationsLightAndDark(page, 'quiz answer side with the bar');
  await page.keyboard.press('Space');
  await expect(position(page)).toHaveText('2 / 10');
  const progress = (await stored(page, 'backprep:progress')).data;
  expect(Object.values(progress.attempts).flat().map((a) => a.outcome.grade)).toEqual(['didnt_know']);
});

test('the nav marks the page shown', async ({ page }) => {
  await page.goto('/questions/jwt');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' })).toHaveAttribute('aria-current', 'page');
  await page.goto('/quiz');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' })).not.toHaveAttribute('aria-current', /.*/);
});

test('the dashboard says what to do next: its bars start a quiz on their slice, weakest topics first', async ({ page }) => {
  await startQuiz(page, '/quiz?topic=compliance');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'End quiz' }).click();
  await page.goto('/progress');
  await expect(page.getByTestId('weakest').getByRole('link').first()).toHaveText(/^Practise .* \(0%\)$/);
  await noViolationsLightAndDark(page, 'dashboard with what to do next');
  await page.getByRole('link', { name: /Quiz on Security & Auth$/ }).click();
  await expect(page.getByTestId('quiz-source')).toContainText('questions in your selection');
  await expect(page).toHaveURL(/\/quiz\?topic=security$/);
  await page.goto('/progress');
  await page.getByRole('link', { name: /Quiz on Advanced questions$/ }).click();
  await expect(page).toHaveURL(/\/quiz\?level=advanced$/);
  // The forecast labels each day by weekday and date, today first.
  await page.goto('/progress');
  await expect(page.getByTestId('forecast').locator('text.chart-axis').first()).toHaveText('today');
});
