import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { usageError } from '../errors.js';
import { packagePath } from '../paths.js';

/** Where Debian and Ubuntu put Chromium; CHROME_PATH or --browser name any other. */
const DEFAULT_BROWSER = '/usr/bin/chromium';

/**
 * The browser to drive: `given` (--browser, relative to cwd), else $CHROME_PATH, else Debian's
 * Chromium. One that is not there is a usage error that says what to install.
 */
export function findBrowser(given: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const [path, source] = given
    ? [isAbsolute(given) ? given : resolve(cwd, given), '--browser']
    : env.CHROME_PATH
      ? [env.CHROME_PATH, 'CHROME_PATH']
      : [DEFAULT_BROWSER, undefined];
  if (existsSync(path)) return path;
  const where = source ? `no browser at ${path} (from ${source})` : `no Chromium at ${DEFAULT_BROWSER}`;
  throw usageError(`${where}: install Chromium (apt-get install chromium), or name a Chrome or Chromium with --browser PATH or CHROME_PATH.`);
}

/**
 * playwright-core, required at run time from the CLI's own folder: it is large, and only the
 * commands that drive a browser need it (never the startup snapshot).
 */
function playwright(): typeof import('playwright-core') {
  try {
    return createRequire(packagePath('package.json'))('playwright-core') as typeof import('playwright-core');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    // An optional dependency: most installs (CI's among them) never take a screenshot.
    throw usageError(
      'screenshot needs playwright-core, which is not installed here.',
      'Install it beside the CLI: npm install playwright-core (14 MB; it downloads no browser).',
    );
  }
}

/** A headless browser with nothing that reaches the network on its own. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  const { chromium } = playwright();
  try {
    return await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw usageError(`${executablePath} did not start as a headless Chromium: ${first}`, 'Name a Chrome or Chromium with --browser PATH or CHROME_PATH.');
  }
}

export interface Shot {
  width: number;
  dark: boolean;
}

export interface ShotOptions {
  /** Served in place of these addresses (the issue's own images, not yet on the site). */
  files: ReadonlyMap<string, { type: string; body: Buffer }>;
  /** Ask the network for nothing: remote images are left out. */
  offline: boolean;
  /** How long remote images may take before the picture is taken without them. */
  loadTimeoutMs?: number;
}

/**
 * PNGs of `html`, the whole page, at each width and scheme asked. One page draws them all, its
 * window and colour scheme changed between pictures: a new page costs as much as a picture.
 */
export async function screenshotHtml(browser: Browser, html: string, shots: Shot[], options: ShotOptions): Promise<Buffer[]> {
  const pictures: Buffer[] = [];
  const page = await browser.newPage({ viewport: { width: shots[0]?.width ?? 800, height: 900 }, javaScriptEnabled: false });
  try {
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const file = options.files.get(url);
      if (file) return route.fulfill({ status: 200, contentType: file.type, body: file.body });
      return options.offline && !url.startsWith('data:') ? route.abort('blockedbyclient') : route.continue();
    });
    for (const shot of shots) {
      await page.setViewportSize({ width: shot.width, height: 900 });
      await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light' });
      // Loaded anew for each picture, as on a new page: no picture depends on the one before.
      await page.setContent(html, { waitUntil: 'load', timeout: options.loadTimeoutMs ?? 10_000 }).catch(() => undefined);
      pictures.push(await page.screenshot({ fullPage: true, type: 'png' }));
    }
  } finally {
    await page.close();
  }
  return pictures;
}
