import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/io/browser.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `skipped: no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); .ci/run does this in CI.`;
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own: as the CLI launches it. */
export function launchChromium(): Promise<Browser> {
  return launchBrowser(CHROMIUM);
}
