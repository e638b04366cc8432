// Shared steps for specs that need some answers recorded first.
import { expect } from '@playwright/test';

/** Runs a flashcard quiz over the five compliance questions, grading them 1, 2, 3, 1, 2. */
export async function gradeComplianceQuiz(page) {
  await page.goto('/quiz?topic=compliance');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let i = 0; i < 5; i++) {
    await expect(page.getByTestId('quiz-position')).toHaveText(`${i + 1} / 5`);
    await page.keyboard.press('Space');
    await page.keyboard.press(String((i % 3) + 1));
  }
  await expect(page.getByTestId('quiz-summary')).toBeVisible();
}
