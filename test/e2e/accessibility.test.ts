import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/bin.js';
import { CORPUS, read, readyMayIssue, REPO, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

const missing = browserMissing();
if (missing) console.warn(`accessibility tests ${missing}`);

/** axe-core's own script, injected into each page as its README says. */
const AXE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** The WCAG 2.1 A and AA violations axe-core finds in an email, at a width, light or dark. */
async function violations(browser: Browser, html: string, width: number, colorScheme: 'light' | 'dark'): Promise<Violation[]> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  try {
    // No network in tests: remote images are refused; axe reads their alt text all the same.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    await page.addScriptTag({ content: await AXE });
    return await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  } finally {
    await page.close();
  }
}

const VIEWS = [375, 800].flatMap((width) => (['light', 'dark'] as const).map((scheme) => [width, scheme] as const));

describe.skipIf(missing)('the email, read by axe-core in Chromium (WCAG 2.1 A and AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(VIEWS)('of the sample has no violation at %i px, %s', async (width, scheme) => {
    const cwd = await sampleWorkspace();
    expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
    expect(await violations(browser, await read(cwd, 'dist/april-2025/email.html'), width, scheme)).toEqual([]);
  });

  it.each(VIEWS)('of an issue with events as data (lists, calendar links) has no violation at %i px, %s', async (width, scheme) => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/events.md': '---\nevents:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n    end: 2025-10-19\n    location: Paris-Saclay, France\n    deadlines:\n      - { label: Submit a talk, url: "https://summit2025.openinfra.org/cfp/", date: "2025-06-13T23:59", timezone: America/Los_Angeles }\n---\n',
    });
    expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
    const html = await read(cwd, 'dist/may-2025/email.html');
    expect(html).toContain('Add to Google Calendar');
    expect(await violations(browser, html, width, scheme)).toEqual([]);
  });

  it('would notice links drawn in the raw accent (3.3 to 1 on white): the check can fail', async () => {
    const template = (await readFile(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8')).replace('a { color: {{linkColor}};', 'a { color: {{accentColor}};');
    const cwd = await sampleWorkspace({ 'templates/email.mjml.hbs': template });
    expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
    const found = await violations(browser, await read(cwd, 'dist/april-2025/email.html'), 800, 'light');
    expect(found.map((v) => v.id)).toEqual(['color-contrast']);
  });

  it('keeps text readable with a pale accent colour', async () => {
    const cwd = await sampleWorkspace({ 'newsletter.config.yaml': 'email: { accentColor: "#ffcc00" }\n' });
    expect((await runCli(['build', '--email'], { cwd })).code).toBe(0);
    const html = await read(cwd, 'dist/april-2025/email.html');
    for (const [width, scheme] of VIEWS) expect(await violations(browser, html, width, scheme), `${width} ${scheme}`).toEqual([]);
  });
});

describe.skipIf(missing)('the published archive\'s emails, read by axe-core', () => {
  it('have no violation in either mode at either width', async () => {
    const cwd = await tempDir();
    const posts = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).map((name) => join(CORPUS, name));
    expect((await runCli(['import', ...posts], { cwd })).code).toBe(0);
    const browser = await launchChromium();
    try {
      const found: string[] = [];
      for (const issue of readdirSync(join(cwd, 'sections')).sort()) {
        expect((await runCli(['build', issue, '--email'], { cwd })).code).toBe(0);
        const html = await read(cwd, `dist/${issue}/email.html`);
        for (const [width, scheme] of VIEWS) {
          for (const v of await violations(browser, html, width, scheme)) found.push(`${issue} ${width} ${scheme}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).join(' | ')}`);
        }
      }
      expect(found).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
