import mjml2html from 'mjml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { readingBlocks } from '../helpers/blocks.js';
import { CORPUS, read, runMain, tempDir } from '../helpers/workspace.js';

const posts = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.md'))
  .sort();

/** Every link and image URL of a post, as the email must carry them (absolute). */
function urlsOf(markdown: string): string[] {
  return readingBlocks(markdown)
    .filter((block) => block.startsWith('link:') || block.startsWith('image:'))
    .map((block) => block.split(' -> ').pop()!)
    .filter((url) => url !== '')
    .map((url) => (url.startsWith('/') ? `https://openinfra.org${url}` : url));
}

/** The email tags web links for the campaign; the links are otherwise the post's own. */
function withoutCampaign(text: string): string {
  return text.replace(/[?&]utm_source=newsletter&utm_medium=email&utm_campaign=[a-z]+-\d{4}/g, '');
}

/** The email's text as a reader sees it, whitespace removed (layout may differ, words may not). */
function visibleText(html: string): string {
  return html
    .replace(/<(style|title|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

describe('importing the published archive and building it again', () => {
  it.each(posts)('%s comes back with the same front matter and the same blocks in order', async (name) => {
    const original = readFileSync(join(CORPUS, name), 'utf8');
    const cwd = await tempDir();
    const imported = await runMain(['import', join(CORPUS, name)], { cwd });
    expect(imported.code, imported.stderr).toBe(0);
    const issue = imported.stdout.match(/as sections\/([a-z]+-\d{4})\//)![1]!;
    const built = await runMain(['build', issue, '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;

    const rebuilt = readFileSync(outputs.blog!, 'utf8');
    expect(outputs.blog!.endsWith(name)).toBe(true);
    expect(parseSourceParts(rebuilt, 'rebuilt').data).toEqual(parseSourceParts(original, name).data);
    expect(readingBlocks(rebuilt)).toEqual(readingBlocks(original));

    // The email carries the same content: every link and image, and the text of every block.
    const html = withoutCampaign(readFileSync(outputs.html!, 'utf8').replaceAll('&#x26;', '&').replaceAll('&amp;', '&'));
    const text = withoutCampaign(readFileSync(outputs.text!, 'utf8'));
    expect(html).not.toContain('utm_source=newsletter');
    for (const url of urlsOf(original)) {
      expect(html, url).toContain(url);
      if (!url.startsWith('https://openinfra.org/img/')) expect(text.replace(/\s+/g, ''), url).toContain(url.replace(/^mailto:/, '').replace(/\s+/g, ''));
    }
    // MJML's strict validation: zero errors, and the email well under Gmail's clip.
    await expect(mjml2html(readFileSync(outputs.mjml!, 'utf8'), { validationLevel: 'strict', fonts: {} })).resolves.toBeDefined();
    expect(Buffer.byteLength(readFileSync(outputs.html!))).toBeLessThan(90 * 1024);
    const visible = visibleText(html);
    for (const block of readingBlocks(original).filter((b) => b.startsWith('text: '))) {
      expect(visible, block).toContain(block.slice('text: '.length).replace(/\s+/g, ''));
    }
    // The front matter as published, then only the keys that keep its sections headed as they were.
    const issueMd = await read(cwd, `sections/${issue}/issue.md`);
    const head = original.slice(0, original.indexOf('\n---\n', 4) + 1);
    expect(issueMd.startsWith(head)).toBe(true);
    expect(issueMd.slice(head.length, issueMd.indexOf('---\n', head.length))).toMatch(/^(?:headingLevel: [1-4]\n)?(?:taglines: true\n)?$/);
  });
});
