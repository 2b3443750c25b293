import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmailHtml } from '../../src/core/email/email-blocks.js';
import { parseMarkdown, renderMarkdownWithoutComments, withoutComments } from '../../src/core/markdown/markdown.js';
import { blogPreviewHtml } from '../../src/core/preview/preview-page.js';
import { browserMissing, launchChromium } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { FIND_DANGER, htmlAttacks } from '../helpers/html-attacks.js';
import { readyMayIssue, REPO, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

/**
 * Markdown as a site that renders raw HTML shows it (the real site's renderer passes a post's
 * HTML through): parsed, turned into HTML with the raw HTML as written, nothing sanitised.
 */
function asTheSiteRendersIt(markdown: string): string {
  return toHtml(toHast(parseMarkdown(markdown).tree, { allowDangerousHtml: true }), { allowDangerousHtml: true });
}

const URLS = { site: 'https://openinfra.dev', postUrl: 'https://openinfra.dev/blog/x' };
const ATTACKS = htmlAttacks();
const missing = browserMissing();
if (missing) console.warn(`HTML attack battery ${missing}`);

// A test may be the first to ask which attacks the site would run (one snippet each), then loads its
// own outputs in a page or two and builds, lints and publishes an issue in this process.
describe.skipIf(missing)(
  `${ATTACKS.length} generated HTML attacks, loaded in Chromium`,
  { timeout: timeFor({ snippets: ATTACKS.length, pages: 2, builds: 3 }) },
  () => {
    let browser: Browser;
    let page: Page;
    const dialogs: string[] = [];

    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage();
      // Nothing leaves this machine: every request a payload makes is refused.
      await page.route('**/*', (route) => route.abort());
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** What is dangerous in a page once it has loaded, and any dialog it opened. */
    async function dangerIn(html: string, allowStyle = false): Promise<string[]> {
      dialogs.length = 0;
      await page.setContent(`<!doctype html><html><body>${html}</body></html>`, { waitUntil: 'load' });
      // Handlers that fire a task after load (ontoggle, onfocus) have had their turn after two frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const found = (await page.evaluate(`(${FIND_DANGER})(${allowStyle})`)) as string[];
      return [...found, ...dialogs.map((message) => `dialog ${message}`)];
    }

    /** The attacks that run when a site renders them as written: lint must flag every one. */
    let dangerous: Set<number> | undefined;
    async function dangerousAttacks(): Promise<Set<number>> {
      if (!dangerous) {
        dangerous = new Set();
        for (const attack of ATTACKS) if ((await dangerIn(asTheSiteRendersIt(attack.markdown))).length > 0) dangerous.add(attack.n);
      }
      return dangerous;
    }

    it(
      'the control: unsanitised, the site would run nearly all of them',
      async () => {
        // Without this, a battery whose payloads were all harmless would pass for nothing. The rest
        // are not HTML to a CommonMark reader (`<img/src=x/onerror=...>` is text) and stay text.
        expect((await dangerousAttacks()).size).toBeGreaterThan(ATTACKS.length * 0.85);
      },
      timeFor({ snippets: ATTACKS.length }),
    );

    /** Outputs checked in one page (see FIND_DANGER); only when that finds something, one by one, to name each culprit. */
    async function failuresAmong(outputs: { label: string; html: string }[]): Promise<string[]> {
      if ((await dangerIn(outputs.map((o) => `<section>${o.html}</section>`).join('\n'))).length === 0) return [];
      const failures: string[] = [];
      for (const output of outputs) {
        const danger = await dangerIn(output.html);
        if (danger.length > 0) failures.push(`${output.label}: ${danger.join(', ')}`);
      }
      return failures.length > 0 ? failures : ['together, though none alone: a rewrite leaves state that the next output completes'];
    }

    it('the blog post: the site renders its raw HTML, and none of it runs or loads anything', async () => {
      const posts = ATTACKS.map((attack) => {
        const post = renderMarkdownWithoutComments(parseMarkdown(attack.markdown));
        return { label: `#${attack.n} ${JSON.stringify(attack.markdown)} -> ${JSON.stringify(post)}`, html: asTheSiteRendersIt(post) };
      });
      expect(await failuresAmong(posts)).toEqual([]);
    });

    it("the email and the preview's blog panel: sanitised, none of it runs", async () => {
      const outputs = ATTACKS.flatMap((attack) => [
        {
          label: `email #${attack.n} ${JSON.stringify(attack.markdown)}`,
          html: renderEmailHtml(withoutComments(parseMarkdown(attack.markdown).tree), URLS, 'x'),
        },
        {
          label: `preview #${attack.n} ${JSON.stringify(attack.markdown)}`,
          html: blogPreviewHtml(renderMarkdownWithoutComments(parseMarkdown(attack.markdown)), {}),
        },
      ]);
      expect(await failuresAmong(outputs)).toEqual([]);
    });

    it('an issue holding them all: lint flags every one, build and publish --force write none of it', async () => {
      const cwd = await tempDir();
      const sections = ['spotlight', 'foundation', 'events'];
      const files: Record<string, string> = { ...readyMayIssue() };
      sections.forEach((section, i) => {
        const mine = ATTACKS.filter((_, n) => n % sections.length === i);
        files[`sections/may-2025/${section}.md`] = `---\ntitle: ${section}\n---\n${mine.map((a) => a.markdown).join('\n\n')}\n`;
      });
      await writeFiles(cwd, files);
      const lint = await runMain(['lint', '--format', 'json'], { cwd });
      expect(lint.code).toBe(1);
      const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
      const flagged = new Set(
        results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'unsafe-html').map((m) => `${r.filePath.split('/').pop()}:${m.line}`)),
      );
      const unflagged: string[] = [];
      const dangerous = await dangerousAttacks();
      sections.forEach((section, i) => {
        // Front matter takes lines 1-3; each attack then takes its own lines and a blank one.
        let line = 4;
        for (const attack of ATTACKS.filter((_, n) => n % sections.length === i)) {
          const lines = attack.markdown.split('\n').length;
          const hit = Array.from({ length: lines }, (_, k) => `${section}.md:${line + k}`).some((at) => flagged.has(at));
          if (dangerous.has(attack.n) && !hit) unflagged.push(`#${attack.n} ${JSON.stringify(attack.markdown)}`);
          line += lines + 1;
        }
      });
      expect(unflagged).toEqual([]);

      const site = await tempDir();
      mkdirSync(join(site, 'src', 'pages', 'blog'), { recursive: true });
      expect((await runMain(['publish', '--site', site], { cwd })).code).toBe(1);
      const published = await runMain(['publish', '--site', site, '--force'], { cwd });
      expect(published.code, published.stderr).toBe(0);
      const built = await runMain(['build', '--json'], { cwd });
      expect(built.code, built.stderr).toBe(0);
      const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;
      const post = readFileSync(outputs.blog!, 'utf8');
      expect(readFileSync(join(site, 'src', 'pages', 'blog', 'inside-open-infrastructure-may-2025.md'), 'utf8')).toBe(post);
      const body = post.slice(post.indexOf('\n---\n', 4) + 5);
      expect(await dangerIn(asTheSiteRendersIt(body))).toEqual([]);
      expect(await dangerIn(readFileSync(outputs.html!, 'utf8'), true)).toEqual([]);
    });

    it("a workspace's own templates: what they put in the email and the post is left out, and lint names the template", async () => {
      const cwd = await tempDir();
      const builtIn = (name: string) => readFileSync(join(REPO, 'templates', name), 'utf8');
      const hostile =
        '<a href="javascript:alert(901)">Read</a> <img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x"> <script>alert(902)</script> <iframe srcdoc="&lt;script&gt;alert(903)&lt;/script&gt;"></iframe> <form action="javascript:alert(904)"><button>Go</button></form> <p onmouseover="alert(905)" style="x:expression(alert(906))">Hi</p>';
      await writeFiles(cwd, {
        ...readyMayIssue(),
        'templates/email.mjml.hbs': builtIn('email.mjml.hbs').replace('<mj-divider ', `<mj-raw>${hostile}</mj-raw><mj-text>${hostile}</mj-text><mj-divider `),
        'templates/blog-post.md.hbs': builtIn('blog-post.md.hbs').replace(
          '{{#each sections}}',
          `${hostile}\n\n[Click](javascript:alert(907))\n\n{{#each sections}}`,
        ),
      });
      const built = await runMain(['build', '--json'], { cwd });
      expect(built.code, built.stderr).toBe(0);
      const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;
      const html = readFileSync(outputs.html!, 'utf8');
      expect(html).not.toMatch(/javascript:|data:image|<script|<iframe|<form|onmouseover|expression\(/i);
      expect(await dangerIn(html, true)).toEqual([]);
      const post = readFileSync(outputs.blog!, 'utf8');
      expect(post).not.toMatch(/javascript:|data:image|<script|<iframe|<form|onmouseover|expression\(/i);
      expect(await dangerIn(asTheSiteRendersIt(post.slice(post.indexOf('\n---\n', 4) + 5)))).toEqual([]);
      // The rest of the template's markup stays as written.
      expect(html).toMatch(/<p\s*>Hi<\/p>/);
      const lint = await runMain(['lint', '--format', 'json'], { cwd });
      const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
      const byTemplate = (name: string) =>
        results.find((r) => r.filePath.endsWith(`templates/${name}`))?.messages.filter((m) => m.ruleId === 'unsafe-template') ?? [];
      expect(byTemplate('email.mjml.hbs').length).toBeGreaterThanOrEqual(6);
      expect(byTemplate('blog-post.md.hbs').length).toBeGreaterThanOrEqual(6);
      expect(lint.code).toBe(1);
    });

    it("a workspace's own email template hides nothing in Outlook's conditional comments: their URLs are held to the same policy", async () => {
      const cwd = await tempDir();
      const builtIn = readFileSync(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8');
      // Every client but Outlook reads a comment; Word's engine renders what is inside.
      const outlookOnly =
        '<!--[if mso]><a href="javascript:alert(908)">Read</a><img src="data:image/gif;base64,R0lGODlh" alt="x"><v:image src="https://openinfra.org/img/summit.png" /><![endif]-->';
      await writeFiles(cwd, { ...readyMayIssue(), 'templates/email.mjml.hbs': builtIn.replace('<mj-divider ', `<mj-raw>${outlookOnly}</mj-raw><mj-divider `) });
      const built = await runMain(['build', '--json'], { cwd });
      expect(built.code, built.stderr).toBe(0);
      const html = readFileSync((JSON.parse(built.stdout).outputs as Record<string, string>).html!, 'utf8');
      expect(html).not.toMatch(/javascript:|data:image/i);
      // The comment and what is allowed in it stay: Outlook still gets its markup.
      expect(html).toMatch(/<!--\[if mso\]><a\s*>Read<\/a><img\s+alt="x"\s*><v:image src="https:\/\/openinfra\.org\/img\/summit\.png" \/><!\[endif\]-->/);
      const lint = await runMain(['lint', '--format', 'json'], { cwd });
      const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
      const byTemplate = results.find((r) => r.filePath.endsWith('templates/email.mjml.hbs'))?.messages.filter((m) => m.ruleId === 'unsafe-template') ?? [];
      expect(byTemplate.map((m) => m.message)).toEqual([
        expect.stringContaining('"javascript:alert(908)" is not a URL an email may hold'),
        expect.stringContaining('is not a URL an email may hold'),
      ]);
    });
  },
);
