// One axe-core check for every spec: the page must have no violations, listed with where they are.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Runs axe-core on the page as it is now; `where` names the screen in the failure message. */
export async function noViolations(page, where) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Runs axe-core on the page as it is now in light and then dark colours (back to light after). */
export async function noViolationsLightAndDark(page, where) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await noViolations(page, `${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
