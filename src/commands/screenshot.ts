import type { ScreenshotResult } from '../actions/screenshot.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * screenshot: PNGs of an issue's email at 375 and 800 px wide, light and dark, with Chromium.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-screenshot.ts prints.
 */

export default defineCommand({
  order: 110,
  name: 'screenshot',
  description: "save PNGs of an issue's email at 375 and 800 px wide, light and dark, with Chromium",
  args: [issueArg()],
  flags: [
    flag('--out <dir>', 'the folder for the PNGs (default: dist/<issue>/screenshots)'),
    flag('--browser <path>', 'the Chromium or Chrome to use (default: $CHROME_PATH, then /usr/bin/chromium)'),
    flag('--offline', 'ask the network for nothing: remote images are left out of the pictures'),
    flag('--site <dir>', 'a checkout of the site, whose images the pictures show before the site is deployed (default: config siteRepo)'),
  ],
  examples: `
Examples:
  $ newsletter screenshot                          # into dist/<issue>/screenshots/
  $ newsletter screenshot june-2025 --out /tmp/shots --browser /usr/bin/google-chrome`,
  fromSnapshot: false,
  async run(ctx, { args, flags, cwd, note }): Promise<ScreenshotResult> {
    const { screenshot } = await import('../actions/screenshot.js');
    return screenshot(
      { cwd, env: ctx.env, stderr: note },
      { issue: args[0], out: flags.out, browser: flags.browser, offline: flags.offline, site: flags.site },
    );
  },
});
