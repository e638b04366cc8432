// The `test` every spec uses: Playwright's, with a page that waits, after every navigation it
// starts (goto, reload), until the app has taken over the prerendered page. A prerendered page
// shows its content at once, but its controls work only once the app runs.
import { test as base, expect } from '@playwright/test';

/** Waits until the app runs in `page` (boot sets `<html data-app="ready">`). */
export async function appReady(page) {
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

/** Makes `page.goto` and `page.reload` wait for the app. */
export function waitsForApp(page) {
  for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      await appReady(page);
      return response;
    };
  }
  return page;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    await use(waitsForApp(page));
  },
});

export { expect };
