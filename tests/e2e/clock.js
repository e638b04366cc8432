// The test clock of the dist-test build (feature `test-hooks`): window.__backprepTestNow.
export const testBuild = 'http://127.0.0.1:4175';
export const DAY = 86_400_000;

/** Sets the app's clock to `ms` for every page load from now on (the latest call wins). */
export async function setClock(context, ms) {
  await context.addInitScript((t) => { window.__backprepTestNow = t; }, ms);
}
