// Takes the README's picture of the preview (docs/preview.png): the sample issue, served by
// `newsletter preview` on loopback, in Debian's Chromium, nothing asked of the network.
// node scripts/preview-screenshot.mjs [out.png]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const out = process.argv[2] ?? join(ROOT, 'docs', 'preview.png');
const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsletter.js'), 'preview', 'april-2025', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let browser;
try {
  const url = await new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const match = /Preview at (\S+)/.exec(printed);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`preview exited ${code}`)));
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 940 } });
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(`${url}april-2025/`);
  await page.waitForSelector('iframe#desktop[data-loaded="true"]');
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser?.close();
  child.kill('SIGINT');
}
