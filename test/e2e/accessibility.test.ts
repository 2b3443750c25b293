import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/bin.js';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { CORPUS, read, readyMayIssue, REPO, runMain, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

const missing = browserMissing();
if (missing) console.warn(`accessibility tests ${missing}`);

/** axe-core's own script, injected into each page as its README says. */
const AXE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

type View = readonly [width: number, colorScheme: 'light' | 'dark'];

/**
 * The WCAG 2.1 A and AA violations axe-core finds in an email at each view (a width, light or
 * dark). One page holds the email for all of them: it is resized and its colour scheme switched
 * between axe's runs, which reads the same as a fresh page at that view, for one load of the
 * email and of axe instead of one per view.
 */
async function violationsByView(browser: Browser, html: string, views: readonly View[]): Promise<Violation[][]> {
  const page = await browser.newPage();
  try {
    // No network in tests: remote images are refused; axe reads their alt text all the same.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    await page.addScriptTag({ content: await AXE });
    const found: Violation[][] = [];
    for (const [width, colorScheme] of views) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      found.push(
        await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
        }),
      );
    }
    return found;
  } finally {
    await page.close();
  }
}

/** The WCAG 2.1 A and AA violations axe-core finds in an email, at a width, light or dark. */
async function violations(browser: Browser, html: string, width: number, colorScheme: 'light' | 'dark'): Promise<Violation[]> {
  return (await violationsByView(browser, html, [[width, colorScheme]]))[0]!;
}

/** The first call's answer, for every call: an email built once is read at each view. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** An email built by the bin, read before the test that built it removes its workspace. */
async function builtEmail(cwd: string, issue: string): Promise<{ code: number; html: string }> {
  const { code } = await runCli(['build', '--email'], { cwd });
  return { code, html: code === 0 ? await read(cwd, `dist/${issue}/email.html`) : '' };
}

const VIEWS: View[] = [375, 800].flatMap((width) => (['light', 'dark'] as const).map((scheme) => [width, scheme] as const));

// One Chromium for the file, started before any test and closed after the last.
let browser: Browser;
beforeAll(
  async () => {
    if (!missing) browser = await launchChromium();
  },
  timeFor({ browserStarts: 1 }),
);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(missing)('the email, read by axe-core in Chromium (WCAG 2.1 A and AA)', () => {
  // Each view's test may be the one that builds the email (the first to run, or the only one asked for).
  const BUILD_AND_READ = timeFor({ cliRuns: 1, pages: 1 });

  const sample = once(async () => builtEmail(await sampleWorkspace(), 'april-2025'));
  it.each(VIEWS)(
    'of the sample has no violation at %i px, %s',
    async (width, scheme) => {
      const { code, html } = await sample();
      expect(code).toBe(0);
      expect(await violations(browser, html, width, scheme)).toEqual([]);
    },
    BUILD_AND_READ,
  );

  const withEvents = once(async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/events.md':
        '---\nevents:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n    end: 2025-10-19\n    location: Paris-Saclay, France\n    deadlines:\n      - { label: Submit a talk, url: "https://summit2025.openinfra.org/cfp/", date: "2025-06-13T23:59", timezone: America/Los_Angeles }\n---\n',
    });
    return builtEmail(cwd, 'may-2025');
  });
  it.each(VIEWS)(
    'of an issue with events as data (lists, calendar links) has no violation at %i px, %s',
    async (width, scheme) => {
      const { code, html } = await withEvents();
      expect(code).toBe(0);
      expect(html).toContain('Add to Google Calendar');
      expect(await violations(browser, html, width, scheme)).toEqual([]);
    },
    BUILD_AND_READ,
  );

  it(
    'would notice links drawn in the raw accent (3.3 to 1 on white): the check can fail',
    async () => {
      const template = (await readFile(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8')).replace('a { color: {{linkColor}};', 'a { color: {{accentColor}};');
      const cwd = await sampleWorkspace({ 'templates/email.mjml.hbs': template });
      expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
      const found = await violations(browser, await read(cwd, 'dist/april-2025/email.html'), 800, 'light');
      expect(found.map((v) => v.id)).toEqual(['color-contrast']);
    },
    BUILD_AND_READ,
  );

  it(
    'keeps text readable with a pale accent colour',
    async () => {
      const cwd = await sampleWorkspace({ 'newsletter.config.yaml': 'email: { accentColor: "#ffcc00" }\n' });
      expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
      const html = await read(cwd, 'dist/april-2025/email.html');
      const found = await violationsByView(browser, html, VIEWS);
      VIEWS.forEach(([width, scheme], i) => expect(found[i], `${width} ${scheme}`).toEqual([]));
    },
    timeFor({ cliRuns: 1, pages: VIEWS.length }),
  );
});

describe.skipIf(missing)("the published archive's emails, read by axe-core", () => {
  const posts = readdirSync(CORPUS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(CORPUS, name));

  // Built in this process (the bin's builds are the e2e tests' and the snapshot test's to prove):
  // MJML is loaded once for all the issues, rather than once by each of as many processes.
  it(
    'have no violation in either mode at either width',
    async () => {
      const cwd = await tempDir();
      expect((await runMain(['import', ...posts], { cwd })).code).toBe(0);
      const found: string[] = [];
      for (const issue of readdirSync(join(cwd, 'sections')).sort()) {
        expect((await runMain(['build', issue, '--email'], { cwd })).code).toBe(0);
        const html = await read(cwd, `dist/${issue}/email.html`);
        const byView = await violationsByView(browser, html, VIEWS);
        VIEWS.forEach(([width, scheme], i) => {
          for (const v of byView[i]!) found.push(`${issue} ${width} ${scheme}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(' | ')}`);
        });
      }
      expect(found).toEqual([]);
      // The import and one build per post, each post's email read at every view.
    },
    timeFor({ builds: 1 + posts.length, pages: posts.length * VIEWS.length }),
  );
});
