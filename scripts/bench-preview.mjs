// The preview's figures for npm run bench: the time from saving a fragment to the new email
// being painted in Chromium, and the CPU an idle preview uses. Prints one JSON object.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'newsletter-bench-preview-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** User and system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsletter.js'), 'preview', '--port', '0'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
let browser;
try {
  cpSync(join(ROOT, 'sections', 'april-2025'), join(work, 'sections', 'april-2025'), { recursive: true });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Preview at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`preview exited ${code}`)));
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(`${url}april-2025/`);
  await page.waitForSelector('iframe#phone[data-loaded="true"]');
  const fragment = join(work, 'sections', 'april-2025', 'kata.md');
  const original = readFileSync(fragment, 'utf8');
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const before = await page.evaluate(() => document.body.dataset.version);
    const marker = `Bench line ${i} of the preview.`;
    const start = process.hrtime.bigint();
    writeFileSync(fragment, `${original}\n* ${marker}\n`);
    await page.waitForFunction(([old, text]) => document.body.dataset.painted !== undefined && document.body.dataset.painted !== old
      && document.getElementById('phone').contentDocument.body.innerText.includes(text), [before, marker], { polling: 'raf', timeout: 10_000 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 2) times.push(ms); // the first two warm the server's and the page's paths
  }
  // Idle: nothing changes for two seconds; the server should not wake.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idleStart = cpuMs(child.pid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = cpuMs(child.pid) - idleStart;
  console.log(JSON.stringify({ median: median(times), min: Math.min(...times), max: Math.max(...times), idleCpuMs: idle }));
} finally {
  await browser?.close();
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(work, { recursive: true, force: true });
}
