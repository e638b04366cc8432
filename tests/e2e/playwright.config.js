// End-to-end tests: the release build in dist/, served on 127.0.0.1, in Debian's Chromium. Specs
// that move the clock use dist-test/ (port 4175): the same release build plus the `test-hooks`
// feature, whose only effect is that window.__backprepTestNow replaces the clock.
import { defineConfig } from '@playwright/test';

const port = 4173;
/** Where the build with the test clock is served. */
export const testPort = 4175;
export default defineConfig({
  testDir: '.',
  outputDir: './.output',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: `node tests/e2e/serve.mjs dist ${port} /`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node tests/e2e/serve.mjs dist-test ${testPort} /`,
      cwd: '../..',
      url: `http://127.0.0.1:${testPort}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
