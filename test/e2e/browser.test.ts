import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { read, runCli, sampleWorkspace } from '../helpers/workspace.js';

const missing = browserMissing();
if (missing) console.warn(`browser tests ${missing}`);

describe.skipIf(missing)('the sample email in Chromium', () => {
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    const cwd = await sampleWorkspace();
    const result = await runCli(['build', '--email'], { cwd });
    expect(result.code).toBe(0);
    html = await read(cwd, 'dist/april-2025/email.html');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([375, 800])('does not scroll sideways at %i px, and every image has alt text', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // No network in tests: remote images are refused, the layout holds without them.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      images: [...document.images].map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt') })),
      text: document.body.innerText,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.images.length).toBeGreaterThan(1);
    for (const image of layout.images) {
      expect(image.alt?.trim(), `alt of ${image.src}`).toBeTruthy();
      expect(image.src).toMatch(/^https:\/\//);
    }
    expect(layout.text).toContain('OpenInfra Foundation News');
    await page.close();
  });
});
