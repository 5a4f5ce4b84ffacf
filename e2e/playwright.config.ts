import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@conjecture/server/testkit/chromium';

/**
 * Real Chromium (Debian's, Playwright cannot download browsers here) against the real built server, which a
 * worker-scoped fixture starts per worker (see fixtures/server.ts). Build first: `pnpm build`.
 *
 * The timeouts are hang guards, not speed checks: tests wait on states (a locator, a poll, a sync round trip),
 * and on a busy 2-core machine (two CPU hogs and other engineers' builds and tests beside the run, load average
 * 17–20) every step takes several times as long: a page load 10–13 s, a group board's editor 25–30 s, and
 * diagnostic-then-groups and drafts-and-template past 3 minutes. A passing test is no slower for a generous
 * guard; only a hang is reported later.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
