#!/usr/bin/env node
// Saves phone (375 px) and desktop (800 px) screenshots of an issue's email for a person to
// look at: npm run screenshot -- [issue] [--cwd DIR]. Needs Debian's Chromium.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from '../lib/commands/build.js';

const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);
const cwdAt = args.indexOf('--cwd');
const cwd = cwdAt >= 0 ? args.splice(cwdAt, 2)[1] : process.cwd();
const issue = args[0];

if (!existsSync(CHROMIUM)) {
  console.error(`error no Chromium at ${CHROMIUM}.\n  Install Debian's package: apt-get install -y chromium`);
  process.exit(2);
}
try {
  const result = await build({ cwd }, { issue, email: true });
  const html = await readFile(result.outputs.html, 'utf8');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [name, width] of [['phone', 375], ['desktop', 800]]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // Remote images load when the network allows; the layout is shown either way.
      await page.setContent(html, { waitUntil: 'load', timeout: 15000 }).catch(() => undefined);
      const path = join(dirname(result.outputs.html), `email-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      console.log(path);
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  console.error(`error ${error.location ? `${error.location}: ` : ''}${error.message}`);
  process.exit(error.exitCode ?? 1);
}
