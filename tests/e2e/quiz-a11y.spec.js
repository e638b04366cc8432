// Accessibility of every quiz screen (setup, card front, revealed card, multiple-choice verdict,
// summary), light and dark: axe-core must report nothing.
import { test, expect } from './fixtures.js';
import { noViolations } from './axe.js';

for (const scheme of ['light', 'dark']) {
  test(`no axe-core violations on quiz screens in ${scheme} mode`, async ({ page }) => {
    test.slow(); // several axe-core runs, each seconds long on a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/quiz?topic=compliance');
    await expect(page.getByTestId('quiz-source')).toBeVisible();
    await noViolations(page, 'setup');
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await expect(page.getByTestId('quiz-card')).toBeVisible();
    await noViolations(page, 'front');
    await page.keyboard.press('Space');
    await page.keyboard.press('a');
    await noViolations(page, 'revealed');
    for (let i = 0; i < 5; i++) {
      if (i > 0) await page.keyboard.press('Space');
      await page.keyboard.press(String((i % 3) + 1));
    }
    await expect(page.getByTestId('quiz-summary')).toBeVisible();
    await noViolations(page, 'summary');
    await page.goto('/quiz?topic=security');
    await page.getByLabel('Multiple choice').check();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.keyboard.press('1');
    await expect(page.getByTestId('verdict')).toBeVisible();
    await noViolations(page, 'verdict');
  });
}
