// The preview's figures for npm run bench: the time from saving a fragment to the new email
// being painted in Chromium, and the CPU an idle preview uses. Prints one JSON object.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPreviewInChromium } from './preview-in-chromium.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.argv[2] ?? 15);
const work = mkdtempSync(join(tmpdir(), 'newsletter-bench-preview-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** User and system CPU time of a process so far, in ms (Linux /proc). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

cpSync(join(ROOT, 'sections', 'april-2025'), join(work, 'sections', 'april-2025'), { recursive: true });
const preview = await openPreviewInChromium(work, { width: 1600, height: 1000 });
try {
  const { page } = preview;
  const fragment = join(work, 'sections', 'april-2025', 'kata.md');
  const original = readFileSync(fragment, 'utf8');
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const before = await page.evaluate(() => document.body.dataset.version);
    const marker = `Bench line ${i} of the preview.`;
    const start = process.hrtime.bigint();
    writeFileSync(fragment, `${original}\n* ${marker}\n`);
    await page.waitForFunction(
      ([old, text]) =>
        document.body.dataset.painted !== undefined &&
        document.body.dataset.painted !== old &&
        document.getElementById('phone').contentDocument.body.innerText.includes(text),
      [before, marker],
      { polling: 'raf', timeout: 10_000 },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 2) times.push(ms); // the first two warm the server's and the page's paths
  }
  // Idle: nothing changes for two seconds; the server should not wake.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idleStart = cpuMs(preview.pid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = cpuMs(preview.pid) - idleStart;
  console.log(JSON.stringify({ median: median(times), min: Math.min(...times), max: Math.max(...times), idleCpuMs: idle }));
} finally {
  await preview.close();
  rmSync(work, { recursive: true, force: true });
}
