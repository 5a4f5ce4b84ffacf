/// <reference lib="dom" />
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '@conjecture/server/testkit/chromium';

export interface BrowserReplayTimes {
  /** Click on Replay → the last step's shapes all in the page and the next frame drawn. */
  open: number[];
  /** The baseline: click on Open → the live board (read-only, over Yjs) with all its shapes, next frame. */
  board: number[];
  /** Home on the scrubber → step 0 drawn; End → the last step drawn again. */
  toStart: number[];
  toEnd: number[];
  chromium: string;
}

/**
 * The teacher's dashboard in Chromium (Debian's, through Playwright; the built client served by the built
 * server): opens the group's replay `runs` times (the first loads tldraw's chunk and finds the server's fold
 * cold), and scrubs to the start and back to the end each time; before each opening, the baseline: the same
 * board opened large from the dashboard (live, read-only), as the teacher would look at it now. Wall-clock
 * from Node, each ending on the first animation frame after every shape is in the page.
 */
export async function measureInChromium(opts: {
  url: string;
  classId: string;
  cookie: string;
  groupName: string;
  steps: number;
  /** Shapes on the board at the end (task card included). */
  shapes: number;
  runs: number;
}): Promise<BrowserReplayTimes> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const [name, value] = opts.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: opts.url, httpOnly: true }]);
    const page = await context.newPage();
    await page.goto(`${opts.url}/teach/${opts.classId}`);
    const replayButton = page.getByRole('button', { name: `Replay ${opts.groupName}'s board` });
    await replayButton.waitFor({ timeout: 60_000 });
    const status = page.getByTestId('replay-status');
    const frame = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    const shows = async (text: RegExp) => {
      await status.filter({ hasText: text }).waitFor({ timeout: 60_000 });
      await frame();
    };
    /** Until `selector` matches `count` shapes or more, then the next frame. */
    const drawn = async (selector: string, count: number) => {
      await page.waitForFunction(
        ([sel, n]) => document.querySelectorAll(sel as string).length >= (n as number),
        [selector, count] as const,
        { timeout: 120_000, polling: 'raf' },
      );
      await frame();
    };
    const times: BrowserReplayTimes = {
      open: [],
      board: [],
      toStart: [],
      toEnd: [],
      chromium: browser.version(),
    };
    const openButton = page
      .getByTestId(`group-${opts.groupName}`)
      .getByRole('button', { name: 'Open', exact: true });
    const last = new RegExp(`^Step ${opts.steps} of ${opts.steps},`);
    for (let run = 0; run < opts.runs; run++) {
      // Interleaved: the board itself opened large, then its replay.
      let t = performance.now();
      await openButton.click();
      await drawn('[data-testid="board-focus"] .tl-shape', opts.shapes);
      times.board.push(performance.now() - t);
      await page.getByRole('button', { name: 'Back to the dashboard' }).click();
      await page.getByTestId('board-focus').waitFor({ state: 'detached' });
      t = performance.now();
      await replayButton.click();
      await shows(last);
      await drawn('.replay-canvas .tl-shape', opts.shapes);
      times.open.push(performance.now() - t);
      await page.getByRole('slider', { name: 'Replay position' }).focus();
      t = performance.now();
      await page.keyboard.press('Home');
      await shows(/^Step 0 of/);
      times.toStart.push(performance.now() - t);
      t = performance.now();
      await page.keyboard.press('End');
      await shows(last);
      times.toEnd.push(performance.now() - t);
      await page.getByTestId('replay').getByRole('button', { name: 'Back to the dashboard' }).click();
      await page.getByTestId('replay').waitFor({ state: 'detached' });
    }
    return times;
  } finally {
    await browser.close();
  }
}
