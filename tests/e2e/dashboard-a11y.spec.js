// Accessibility of the dashboard and of the personal marks (bookmark, note editor, import preview),
// light and dark: axe-core must report nothing.
import { test, expect } from './fixtures.js';
import { noViolations } from './axe.js';
import { gradeComplianceQuiz } from './quiz-helpers.js';

for (const scheme of ['light', 'dark']) {
  test(`no axe-core violations on the dashboard and notes in ${scheme} mode`, async ({ page }) => {
    test.slow(); // several axe-core runs, each seconds long on a busy 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    await gradeComplianceQuiz(page);
    await page.goto('/progress');
    await expect(page.getByTestId('heatmap')).toBeVisible();
    for (const s of await page.locator('.chart-table summary').all()) await s.click();
    await noViolations(page, 'dashboard');
    const file = JSON.stringify({ app: 'backprep', version: 3, data: { bookmarks: { jwt: { on: true, at: 1 } } } });
    await page.getByTestId('import-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await noViolations(page, 'import preview');
    await page.goto('/questions/jwt');
    await page.getByTestId('bookmark').click();
    await page.getByTestId('edit-note').click();
    await noViolations(page, 'note editor');
    await page.getByTestId('note-input').fill('**note** with `code`');
    await page.getByTestId('save-note').click();
    await expect(page.getByTestId('note')).toBeVisible();
    await noViolations(page, 'note shown');
  });
}
