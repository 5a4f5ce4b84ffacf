/**
 * Debian's Chromium as every browser test and benchmark launches it (Playwright cannot download its own
 * here). The flags keep it off the network it cannot reach — without them it opens connections this
 * machine refuses, many at a time, and looks up Google's hosts at every start — and off the GPU it has not.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
