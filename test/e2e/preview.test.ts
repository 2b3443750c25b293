import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { startPreviewCli, type RunningPreview } from '../helpers/preview.js';
import { png } from '../helpers/images.js';
import { runCli } from '../helpers/bin.js';
import { sampleWorkspace } from '../helpers/workspace.js';

const missing = browserMissing();
/** axe-core's own script, run in the page as its README says. */
const AXE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
if (missing) console.warn(`preview tests in Chromium ${missing}`);

/** The preview's page in Chromium; nothing but the preview itself is reached (no network in tests). */
async function openPage(browser: Browser, preview: RunningPreview, width = 1600): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  // Playwright's own 30 s wait is no bound of ours: the test's timeout, from its work, is the one.
  page.setDefaultTimeout(0);
  await page.route('**/*', (route) => (route.request().url().startsWith(preview.url) ? route.continue() : route.abort()));
  await page.goto(`${preview.url}april-2025/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('iframe#phone[data-loaded="true"]');
  await page.waitForSelector('iframe#desktop[data-loaded="true"]');
  return page;
}

const frame = (page: Page, id: 'phone' | 'desktop'): Frame => page.frame({ name: id })!;

/** Waits until the page has painted a render after `version`. */
async function paintedAfter(page: Page, version: string): Promise<void> {
  await page.waitForFunction(
    (old) =>
      document.body.dataset.painted !== undefined && document.body.dataset.painted !== old && document.body.dataset.version === document.body.dataset.painted,
    version,
    { timeout: timeFor({ builds: 1, pages: 1 }) },
  );
}

// Each test starts the preview (and at most one more run of the bin), opens its page and two
// frames, and has a few saves rendered and painted.
describe.skipIf(missing)('newsletter preview in Chromium', { timeout: timeFor({ cliRuns: 2, pages: 3, builds: 3 }) }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every output of the sample: inbox row, email at 375 and 800 px, text, blog post and every problem lint finds', async () => {
    const dir = await sampleWorkspace({ 'newsletter.config.yaml': 'email:\n  from: "OpenInfra Foundation <newsletter@openinfra.dev>"\n' });
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);

    await expect(page.locator('#inbox .from').textContent()).resolves.toBe('OpenInfra Foundation');
    await expect(page.locator('#inbox .subject').textContent()).resolves.toBe('Inside Open Infrastructure: April 2025');
    await expect(page.locator('#inbox .preheader').textContent()).resolves.toContain('StarlingX R10.0');

    for (const [id, width] of [
      ['phone', 375],
      ['desktop', 800],
    ] as const) {
      const email = frame(page, id);
      expect(await email.evaluate(() => document.documentElement.clientWidth), id).toBe(width);
      expect(await email.evaluate(() => document.body.innerText), id).toContain('OpenDev: Free Software Needs Free Tools');
    }
    // The frames run no script: the sandbox allows none.
    expect(await page.locator('iframe#phone').getAttribute('sandbox')).not.toContain('allow-scripts');

    await page.click('button[data-tab="text"]');
    const text = await page.locator('#text').textContent();
    expect(text).toBe(await (await fetch(`${preview.url}april-2025/email.txt`)).text());
    expect(await page.locator('#tab-email').isHidden()).toBe(true);

    await page.click('button[data-tab="blog"]');
    await expect(page.locator('#blog h1').textContent()).resolves.toBe('Inside Open Infrastructure: April 2025');
    expect(await page.locator('#blog').innerText()).toContain('Upcoming OpenInfra and Community Events');

    // The problems are lint's, grouped by section, each at its file:line.
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir });
    const linted = (JSON.parse(lint.stdout) as { filePath: string; messages: { line: number; column: number }[] }[]).flatMap((file) =>
      file.messages.map((m) => `${file.filePath}:${m.line}:${m.column}`),
    );
    const shown = await page.locator('#problems .where').allTextContents();
    expect(shown.length).toBe(linted.length);
    for (const where of shown)
      expect(
        linted.some((l) => l.endsWith(where)),
        where,
      ).toBe(true);
    expect(await page.locator('#problems h3').allTextContents()).toContain('Community Events');
    await page.close();
  });

  it('scrolls the email to the section of a problem clicked when its block is not to be found there', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    const phone = frame(page, 'phone');
    expect(await phone.evaluate(() => window.scrollY)).toBe(0);
    // A block the email does not show (its words changed since): the section's heading, at the top.
    await page
      .locator('#problems button.problem[data-heading="Community Events"]')
      .first()
      .evaluate((button) => button.setAttribute('data-block', 'words no block of the email holds'));
    await page.locator('#problems button.problem[data-heading="Community Events"]').first().click();
    await page.waitForFunction(() => (document.getElementById('phone') as HTMLIFrameElement).contentWindow!.scrollY > 0);
    const top = await phone.evaluate(
      () => [...document.querySelectorAll('h2')].find((h) => h.textContent!.startsWith('Community Events'))!.getBoundingClientRect().top,
    );
    expect(Math.abs(top)).toBeLessThan(5);
    await page.close();
  });

  it('scrolls the email to the very block of a problem clicked, not just its section', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    const button = page.locator('#problems button.problem[data-block^="OpenInfra Days North America will take place"]').first();
    await button.click();
    const phone = frame(page, 'phone');
    // The block is outlined for a moment (MJML's images carry outline:none of their own).
    await phone.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('body *')].some((el) => el.style.outline.includes('solid')));
    const flashed = await phone.evaluate(() => {
      const block = [...document.querySelectorAll<HTMLElement>('body *')].find((el) => el.style.outline.includes('solid'))!;
      const box = block.getBoundingClientRect();
      return { text: block.textContent!.replace(/\s+/g, ' ').trim(), top: box.top, bottom: box.bottom, height: window.innerHeight };
    });
    expect(flashed.text).toMatch(/^OpenInfra Days North America will take place on March 6 & 7/);
    expect(flashed.top).toBeGreaterThanOrEqual(0);
    expect(flashed.bottom).toBeLessThanOrEqual(flashed.height);
    await page.close();
  });

  it('puts the phone and the desktop side by side from 1200 px, the whole phone in a 390 px window, nothing scrolling sideways', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    for (const width of [390, 1200, 1280, 1440, 1600]) {
      const page = await openPage(browser, preview, width);
      const layout = await page.evaluate(() => {
        const box = (id: string) => document.getElementById(id)!.getBoundingClientRect();
        return { phone: box('phone'), desktop: box('desktop'), overflow: document.documentElement.scrollWidth - window.innerWidth, width: window.innerWidth };
      });
      // The phone's frame, its border the phone's edge, is seen whole: nothing of it scrolled out of sight.
      expect(layout.phone.left, `${width}`).toBeGreaterThanOrEqual(0);
      expect(layout.phone.right, `${width}`).toBeLessThanOrEqual(layout.width);
      expect(layout.overflow, `${width}`).toBeLessThanOrEqual(0);
      // The phone still lays the email out at 375 px, drawn smaller where the window is narrower.
      expect(await frame(page, 'phone').evaluate(() => document.documentElement.clientWidth), `${width}`).toBe(375);
      if (width < 1200) {
        // The inbox row wraps, the preheader on a line of its own, readable: not a column a few letters wide.
        const preheader = await page.evaluate(() => document.querySelector('.inbox .preheader')!.getBoundingClientRect().width);
        expect(preheader, `${width}`).toBeGreaterThan(200);
        await page.close();
        continue;
      }
      expect(Math.abs(layout.phone.top - layout.desktop.top), `${width}`).toBeLessThan(40);
      expect(layout.desktop.left, `${width}`).toBeGreaterThan(layout.phone.right);
      // The desktop frame still lays the email out at 800 px, drawn smaller where the page is narrow.
      expect(await frame(page, 'desktop').evaluate(() => document.documentElement.clientWidth), `${width}`).toBe(800);
      await page.close();
    }
  });

  it('updates the open page when a fragment is saved, without reloading it and keeping the scroll position', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
      (document.getElementById('phone') as HTMLIFrameElement).contentWindow!.scrollTo(0, 700);
    });
    const version = await page.evaluate(() => document.body.dataset.version!);
    // The email's own inline styles (max-width: 600px on each card) survive the update.
    const cardWidth = () => frame(page, 'desktop').evaluate(() => getComputedStyle(document.querySelector('div.nl-card')!).maxWidth);
    expect(await cardWidth()).toBe('600px');
    const fragment = join(dir, 'sections/april-2025/kata.md');
    await writeFile(fragment, `${await readFile(fragment, 'utf8')}\n* Kata Containers 3.99 is out, written while the preview ran.\n`);
    await paintedAfter(page, version);
    expect(await cardWidth()).toBe('600px');

    for (const id of ['phone', 'desktop'] as const) {
      expect(await frame(page, id).evaluate(() => document.body.innerText), id).toContain('Kata Containers 3.99 is out');
    }
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await frame(page, 'phone').evaluate(() => window.scrollY)).toBe(700);
    expect(await page.locator('#text').textContent()).toContain('Kata Containers 3.99 is out');
    await page.close();
  });

  it("shows a broken fragment's error in the page, and recovers at the next good save", async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    const fragment = join(dir, 'sections/april-2025/kata.md');
    const original = await readFile(fragment, 'utf8');

    let version = await page.evaluate(() => document.body.dataset.version!);
    await writeFile(fragment, 'x'.repeat(300 * 1024));
    await paintedAfter(page, version);
    expect(await page.locator('#error').isVisible()).toBe(true);
    expect(await page.locator('#error').textContent()).toContain('sections/april-2025/kata.md');
    expect(await page.locator('#status').textContent()).toContain('Not rendered');
    // The last good email stays on show, also in a page opened afresh.
    expect(await frame(page, 'phone').evaluate(() => document.body.innerText)).toContain('Kata Containers');
    await page.reload();
    await page.waitForSelector('iframe#phone[data-loaded="true"]');
    expect(await page.locator('#error').isVisible()).toBe(true);
    expect(await frame(page, 'phone').evaluate(() => document.body.innerText)).toContain('Kata Containers');

    version = await page.evaluate(() => document.body.dataset.version!);
    await writeFile(fragment, `${original}\n* Back in order.\n`);
    await paintedAfter(page, version);
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await frame(page, 'phone').evaluate(() => document.body.innerText)).toContain('Back in order.');
    await page.close();
  });

  it("renders dark mode and phone width without sideways scrolling, and shows the issue's own images", async () => {
    const dir = await sampleWorkspace({ 'sections/april-2025/img/team.png': png(1200, 600) });
    const fragment = join(dir, 'sections/april-2025/kata.md');
    await writeFile(fragment, `${await readFile(fragment, 'utf8')}\n![The Kata team](img/team.png)\n`);
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    const phone = frame(page, 'phone');
    const cardColour = () => phone.evaluate(() => getComputedStyle(document.querySelector('div.nl-card')!).backgroundColor);
    expect(await cardColour()).toBe('rgb(255, 255, 255)');
    await page.check('#dark');
    expect(await cardColour()).toBe('rgb(31, 41, 55)');
    for (const id of ['phone', 'desktop'] as const) {
      const overflow = await frame(page, id).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, id).toBe(0);
    }
    const image = await phone.evaluate(() => {
      const img = [...document.images].find((i) => i.alt === 'The Kata team')!;
      return { src: img.getAttribute('src'), width: img.naturalWidth };
    });
    expect(image.src).toMatch(/^\/april-2025\/img\/team-[0-9a-f]{8}\.png$/);
    expect(image.width).toBe(1200);
    // Switched off, the light email is back.
    await page.uncheck('#dark');
    expect(await cardColour()).toBe('rgb(255, 255, 255)');
    await page.close();
  });

  it('runs nothing written in a fragment', async () => {
    const dir = await sampleWorkspace();
    const fragment = join(dir, 'sections/april-2025/kata.md');
    await writeFile(
      fragment,
      `${await readFile(fragment, 'utf8')}\n<img src="x" onerror="top.pwned = 1"> <script>top.pwned = 2</script> <a href="javascript:top.pwned=3">link</a>\n`,
    );
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.click('button[data-tab="blog"]');
    // Handlers that would fire after the panel is shown (an image's error, a script) have had their turn after two frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('is itself readable by everyone: no WCAG 2.1 A or AA violation in the page, %s', async (scheme) => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const page = await openPage(browser, preview);
    if (scheme === 'dark') await page.check('#dark');
    // The page's policy lets only its own script run; axe is added through the browser's own channel.
    await page.evaluate(await AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      const result = await axe.run({ exclude: [['iframe']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
