// The console's end-to-end suite (docs/console.md, "Tests"): Debian's chromium, headless,
// against a real `canje serve` on loopback over a store made by `canje demo` in a temporary
// folder (tests/global-setup.ts). CANJE_BINARY names the canje binary (ctest sets it; default
// ../build/canje). Screenshots and failure traces go to CANJE_CONSOLE_ARTIFACTS (ctest:
// build/console-test-results/), else test-results/.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  globalSetup: './tests/global-setup.ts',
  outputDir: process.env.CANJE_CONSOLE_ARTIFACTS ?? 'test-results',
  // One worker: the tests share one server, and a user's TOTP code may be used once.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1024, height: 768 },
    launchOptions: {
      executablePath: process.env.CANJE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
