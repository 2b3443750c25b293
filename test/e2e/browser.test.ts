import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, read, runCli, sampleWorkspace, tempDir } from '../helpers/workspace.js';

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

describe.skipIf(missing)('the published archive\'s emails in Chromium', () => {
  let browser: Browser;
  let emails: [string, string][] = [];

  beforeAll(async () => {
    const cwd = await tempDir();
    const posts = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).map((name) => join(CORPUS, name));
    expect((await runCli(['import', ...posts], { cwd })).code).toBe(0);
    const issues = readdirSync(join(cwd, 'sections'));
    emails = [];
    for (const issue of issues) {
      expect((await runCli(['build', issue, '--email'], { cwd })).code).toBe(0);
      emails.push([issue, await read(cwd, `dist/${issue}/email.html`)]);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('holds at 375 px: nothing scrolls sideways, every image has alt text and an https source', async () => {
    expect(emails.length).toBeGreaterThan(0);
    for (const [issue, html] of emails) {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html);
      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        images: [...document.images].map((img) => [img.getAttribute('src'), img.getAttribute('alt')]),
        hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
      }));
      expect(layout.overflow, issue).toBeLessThanOrEqual(0);
      for (const [src, alt] of layout.images) {
        expect(src, issue).toMatch(/^https:\/\//);
        expect(alt?.trim(), `${issue} ${src}`).toBeTruthy();
      }
      for (const href of layout.hrefs) expect(href, issue).toMatch(/^(https?:\/\/|mailto:|\*\|)/);
      await page.close();
    }
  });
});
