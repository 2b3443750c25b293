import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/bin.js';
import { CORPUS, read, readyMayIssue, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

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

describe.skipIf(missing)("the published archive's emails in Chromium", () => {
  let browser: Browser;
  let emails: [string, string][] = [];

  beforeAll(async () => {
    const cwd = await tempDir();
    const posts = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(CORPUS, name));
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

/** A month's tables as writers make them: releases with versions and dates, and a long-worded column. */
const TABLES = [
  '| Release | Version | Date | Notes |',
  '|---|---|---|---|',
  '| OpenStack 2026.1 Gazpacho | 12.0.0 | 2026-04-01 | Supported until 2027-10-01 |',
  '| StarlingX | 11.0.0 | 2026-08-20 | Kubernetes 1.33, Ceph Squid |',
  '| Kata Containers | 3.21.0 | 2026-08-12 | Confidential containers on Arm |',
  '| Zuul | 13.1.0 | 2026-07-30 | [Release notes](https://zuul-ci.org/docs/zuul/latest/releasenotes.html) |',
  '',
  '| Working group | Meets | Chair |',
  '|---|---|---|',
  '| Digital Sovereignty | Third Wednesday, 18:00 UTC | Internationalization |',
].join('\n');

describe.skipIf(missing)('tables in the email on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([375, 800])('keep every word of every cell whole at %i px, and nothing scrolls sideways', async (width) => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...readyMayIssue(), 'sections/may-2025/openstack.md': `This month's releases:\n\n${TABLES}\n` });
    expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(await read(cwd, 'dist/may-2025/email.html'));
    const found = await page.evaluate(() => {
      const broken: string[] = [];
      const words: string[] = [];
      for (const cell of document.querySelectorAll('td, th')) {
        if (cell.querySelector('table')) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            words.push(match[0]);
            // A word split over two lines has a box on each.
            if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(match[0]);
          }
        }
      }
      const cell = document.querySelector('table.nl-table tbody td');
      return {
        broken,
        words,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        label: cell ? getComputedStyle(cell, '::before').content : '',
      };
    });
    // On a phone the table is stacked, each cell under its column's name; wider, it is a table.
    expect(found.label).toBe(width < 480 ? '"Release: "' : 'none');
    expect(found.words).toEqual(expect.arrayContaining(['Release', '12.0.0', '2026-08-20', 'Internationalization']));
    expect(found.broken).toEqual([]);
    expect(found.overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
