// `newsletter preview` started on a folder, with its page for april-2025 open in Debian's
// Chromium (nothing asked of the network): what scripts/bench-preview.mjs and
// scripts/preview-screenshot.mjs both look at.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Resolves once both email frames have loaded; close() ends the browser and the preview. */
export async function openPreviewInChromium(cwd, viewport) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsletter.js'), 'preview', 'april-2025', '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let browser;
  const close = async () => {
    await browser?.close();
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  };
  try {
    const url = await new Promise((resolve, reject) => {
      let printed = '';
      child.stdout.on('data', (chunk) => {
        printed += chunk;
        const match = /Preview at (\S+)/.exec(printed);
        if (match) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`preview exited ${code}`)));
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport });
    const origin = new URL(url).origin;
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.goto(`${url}april-2025/`);
    await page.waitForSelector('iframe#phone[data-loaded="true"]');
    await page.waitForSelector('iframe#desktop[data-loaded="true"]');
    return { page, pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}
