import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/io/browser.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or undefined when they can. On a developer's machine
 * without Chromium they skip and say why; under CI a missing browser is a failure, never a skip.
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const install = "Install Debian's package (apt-get install -y chromium); .ci/run does this in CI.";
  if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}, and CI must run the browser tests. ${install}`);
  return `skipped: no Chromium at ${CHROMIUM}. ${install}`;
}

/** Debian's Chromium, headless, with nothing that reaches the network on its own: as the CLI launches it. */
export function launchChromium(): Promise<Browser> {
  return launchBrowser(CHROMIUM);
}
