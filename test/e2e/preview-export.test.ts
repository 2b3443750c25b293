import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/bin.js';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { png } from '../helpers/images.js';
import { sampleWorkspace } from '../helpers/workspace.js';

const missing = browserMissing();
if (missing) console.warn(`preview --export tests in Chromium ${missing}`);

/** Payloads a pull request could put in a fragment: each would set the title of the document it ran in. */
const PAYLOADS = [
  '<script>document.title = "ran"</script>',
  '<img src="x" onerror="document.title = \'ran\'">',
  '<a href="javascript:document.title=\'ran\'">a link</a>',
  '<iframe srcdoc="<script>parent.document.title=\'ran\'</script>"></iframe>',
  '<svg><script>document.title = "ran"</script></svg>',
].join('\n\n');

/**
 * The sample issue with an image of its own and a fragment of script payloads, exported through
 * the real bin: what a pull request's CI does.
 */
async function exported(): Promise<{ out: string; stdout: string }> {
  const dir = await sampleWorkspace({ 'sections/april-2025/img/team.png': png(120, 60) });
  const kata = join(dir, 'sections/april-2025/kata.md');
  await writeFile(kata, `${await readFile(kata, 'utf8')}\n![The Kata team](img/team.png)\n\n${PAYLOADS}\n`);
  const result = await runCli(['preview', '--export', 'site/preview'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { out: join(dir, 'site', 'preview'), stdout: result.stdout };
}

/**
 * The export's page from file:// in Chromium, every request it makes recorded; any that is not a
 * file of the folder is recorded apart and stopped (none must come).
 */
async function openExport(
  browser: Browser,
  out: string,
): Promise<{ context: BrowserContext; page: Page; outside: string[]; inside: string[]; errors: string[] }> {
  const folder = pathToFileURL(out).href;
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const outside: string[] = [];
  const inside: string[] = [];
  const errors: string[] = [];
  // Every request of the page and its frames, stopped or not (a request a policy refuses is one too).
  context.on('request', (request) => (request.url().startsWith(`${folder}/`) ? inside : outside).push(request.url()));
  await context.route(
    (url) => !url.href.startsWith(`${folder}/`),
    (route) => route.abort(),
  );
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${folder}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page, outside, inside, errors };
}

const frame = (page: Page, id: 'phone' | 'desktop'): Frame => page.frame({ name: id })!;

/** Until both frames show the file named (the dark switch loads the other one). */
async function framesShow(page: Page, file: string): Promise<void> {
  for (const id of ['phone', 'desktop'] as const) {
    await page.waitForFunction(([id, file]) => (document.getElementById(id!) as HTMLIFrameElement).getAttribute('src') === file, [id, file]);
    await expect.poll(() => frame(page, id).url(), { timeout: timeFor({ pages: 1 }) }).toMatch(new RegExp(`/${file}$`));
    await frame(page, id).waitForLoadState('load');
  }
}

// Each test: one export through the bin (its temp folder goes after each test), the page and its frames opened in one Chromium.
describe.skipIf(missing)('newsletter preview --export, opened from file:// in Chromium', { timeout: timeFor({ cliRuns: 1, pages: 6 }) }, () => {
  let browser: Browser;
  beforeAll(
    async () => {
      browser = await launchChromium();
    },
    timeFor({ browserStarts: 1 }),
  );
  afterAll(async () => {
    await browser?.close();
  });

  it('prints where the page is, and every panel renders: inbox row, email at 375 and 800 px light and dark, text, blog post, problems', async () => {
    const { out, stdout } = await exported();
    expect(stdout).toBe(`Preview of april-2025 written to ${join(out, 'index.html')}\n`);
    const { context, page, outside, inside, errors } = await openExport(browser, out);

    await expect(page.locator('#inbox .subject').textContent()).resolves.toBe('Inside Open Infrastructure: April 2025');
    await expect(page.locator('#inbox .preheader').textContent()).resolves.toContain('OpenInfra D&I Working Group');
    // The email at both widths, laid out at that width, its own image from the folder.
    await framesShow(page, 'email-light.html');
    for (const [id, width] of [
      ['phone', 375],
      ['desktop', 800],
    ] as const) {
      const email = frame(page, id);
      expect(await email.evaluate(() => window.innerWidth), id).toBe(width);
      expect(await email.locator('h2', { hasText: 'OpenInfra Foundation News' }).count(), id).toBeGreaterThan(0);
      const team = email.locator('img[alt="The Kata team"]');
      expect(await team.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), id).toBe(120);
      expect(await email.evaluate(() => getComputedStyle(document.body).backgroundColor), id).toBe('rgb(238, 241, 244)');
    }
    // Dark mode: the email's own dark styles, from the dark file, in both frames.
    await page.click('#dark');
    await framesShow(page, 'email-dark.html');
    for (const id of ['phone', 'desktop'] as const) {
      expect(await frame(page, id).evaluate(() => getComputedStyle(document.body).backgroundColor), id).toBe('rgb(17, 24, 39)');
    }
    expect(await page.evaluate(() => document.body.classList.contains('dark'))).toBe(true);
    // The plain text and the blog post, each in its tab.
    await page.click('[data-tab="text"]');
    expect(await page.locator('#text').isVisible()).toBe(true);
    expect(await page.locator('#text').textContent()).toContain('OpenInfra Foundation News');
    await page.click('[data-tab="blog"]');
    expect(await page.locator('#blog h1').textContent()).toBe('Inside Open Infrastructure: April 2025');
    expect(await page.locator('#blog img[alt="The Kata team"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    // The problems, by section, each with its file and line.
    const groups = await page.locator('#problems .group h3').allTextContents();
    expect(groups).toContain('Community Events');
    expect(await page.locator('#problems .where').first().textContent()).toMatch(/^sections\/april-2025\/[a-z]+\.md:\d+:\d+$/);
    // A problem's click works without reaching into the frames (from file:// it may not): the email tab opens.
    await page.locator('button.problem[data-heading="Community Events"]').first().click();
    expect(await page.locator('#tab-email').isVisible()).toBe(true);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(inside.some((url) => url.endsWith('/email-dark.html'))).toBe(true);
    await context.close();
  });

  it('runs nothing from content: no payload of a fragment runs in the page or its frames, and no request leaves the folder', async () => {
    const { context, page, outside, errors } = await openExport(browser, (await exported()).out);
    await framesShow(page, 'email-light.html');
    for (const tab of ['text', 'blog', 'email']) await page.click(`[data-tab="${tab}"]`);
    await page.click('#dark');
    await framesShow(page, 'email-dark.html');
    // Scripts inside the frames, had any survived, would be stopped by their sandbox and policy; none is there to try.
    for (const id of ['phone', 'desktop'] as const) {
      const email = frame(page, id);
      expect(await email.evaluate(() => document.title), id).not.toBe('ran');
      expect(await email.locator('script, iframe, [onerror], a[href^="javascript:"]').count(), id).toBe(0);
      // The javascript: link is kept as its words, nothing to follow: a click goes nowhere.
      const link = email.locator('a', { hasText: 'a link' });
      if ((await link.count()) > 0) await link.first().click();
    }
    expect(await page.evaluate(() => document.title)).toBe('april-2025 · newsletter preview');
    expect(await page.locator('#blog script, #blog iframe, #blog [onerror], #blog a[href^="javascript:"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
