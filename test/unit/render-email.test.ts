import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import { renderEmailBlocks, renderEmailHtml } from '../../src/core/email/email-blocks.js';
import { parseMarkdown } from '../../src/core/markdown/markdown.js';
import { renderEmailMjml } from '../../src/core/email/render-email.js';
import { builtinTemplate, issueFrom, sampleIssue } from '../helpers/issue.js';

const urls = { site: 'https://openinfra.dev', postUrl: 'https://openinfra.dev/blog/post' };
const html = (markdown: string) => renderEmailHtml(parseMarkdown(markdown).tree, urls, 'Section');
const mjmlTemplate = builtinTemplate('email.mjml.hbs');

function attributes(markup: string, name: 'href' | 'src'): string[] {
  return [...markup.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

describe('email HTML from Markdown', () => {
  it('makes every URL absolute against the site', () => {
    expect(html('[a](/join/) ![logo](/img/x.png) [b](img/y) [c](#events) [d](//cdn.example.org/z)')).toBe(
      '<p><a href="https://openinfra.dev/join/">a</a> <img src="https://openinfra.dev/img/x.png" alt="logo" width="552" style="width:auto;max-width:100%;height:auto;"> ' +
        '<a href="https://openinfra.dev/img/y">b</a> <a href="https://openinfra.dev/blog/post#events">c</a> <a href="https://cdn.example.org/z">d</a></p>',
    );
  });

  it('lets raw HTML through an allowlist only', () => {
    const out = html(
      '<b>bold</b><script>alert(1)</script><iframe src="https://x.org"></iframe>\n\n<a href="javascript:alert(1)" onclick="x()">click</a> <img src="/a.png" onerror="x()">',
    );
    expect(out).toContain('<b>bold</b>');
    expect(out).not.toMatch(/script|iframe|onclick|onerror|javascript:/i);
    expect(out).toContain('>click</a>');
  });

  it('shows task list items as marks, and lets no form control through', () => {
    expect(html('* [x] done\n* [ ] to do\n\n<form><input name="p"><button>Go</button></form>')).toBe('<ul>\n<li>☑ done</li>\n<li>☐ to do</li>\n</ul>\nGo');
  });

  it('gives images without alt text the section title, and lifts lone images out of the text', () => {
    const blocks = renderEmailBlocks(
      parseMarkdown('Intro text\n\n![](/img/hero.png)\n\n[![Logo](/l.png)](https://x.org)\n\n* item ![](/i.png)').tree,
      urls,
      'Community Events',
    );
    expect(blocks).toEqual([
      { html: '<p>Intro text</p>', image: null },
      { html: null, image: { src: 'https://openinfra.dev/img/hero.png', alt: 'Community Events', href: null } },
      { html: null, image: { src: 'https://openinfra.dev/l.png', alt: 'Logo', href: 'https://x.org' } },
      { html: expect.stringContaining('alt="Community Events"'), image: null },
    ]);
  });
});

describe('campaign tagging', () => {
  const campaign = { source: 'newsletter', medium: 'email', campaign: 'april-2025' };
  const tagged = (markdown: string) => renderEmailHtml(parseMarkdown(markdown).tree, { ...urls, campaign }, 'S');

  it('tags web links, keeping query and fragment as written', () => {
    expect(tagged('[a](https://x.org/p?q=1#top) [b](/join/)')).toBe(
      '<p><a href="https://x.org/p?q=1&#x26;utm_source=newsletter&#x26;utm_medium=email&#x26;utm_campaign=april-2025#top">a</a> ' +
        '<a href="https://openinfra.dev/join/?utm_source=newsletter&#x26;utm_medium=email&#x26;utm_campaign=april-2025">b</a></p>',
    );
  });

  it('leaves mail links, merge tags, tagged links and image sources alone', () => {
    const out = tagged('[m](mailto:a@b.org) [u](*|UNSUB|*) [t](https://x.org/?utm_source=other) ![i](https://x.org/i.png)');
    expect(out).not.toContain('utm_campaign');
    expect(out).toContain('href="*|UNSUB|*"');
    expect(out).toContain('href="https://x.org/?utm_source=other"');
  });

  it('can be turned off or changed in config', () => {
    const off = renderEmailMjml(
      sampleIssue(validateConfig({ email: { utm: false } }, 'c.yaml')),
      validateConfig({ email: { utm: false } }, 'c.yaml'),
      mjmlTemplate,
    );
    expect(off).not.toContain('utm_source=newsletter');
    const config = validateConfig({ email: { utm: { source: 'oif', campaign: 'nl-{slug}' } } }, 'c.yaml');
    expect(renderEmailMjml(sampleIssue(config), config, mjmlTemplate)).toContain('utm_source=oif&#x26;utm_medium=email&#x26;utm_campaign=nl-april-2025');
  });
});

describe('MJML email', () => {
  it('passes MJML strict validation with only absolute URLs', async () => {
    const mjml = renderEmailMjml(sampleIssue(), defaultConfig(), mjmlTemplate);
    const { html: out } = await mjml2html(mjml, { validationLevel: 'strict', fonts: {}, ignoreIncludes: true });
    for (const url of [...attributes(out, 'href'), ...attributes(out, 'src')]) {
      expect(url, url).toMatch(/^(https:\/\/|mailto:|\*\|UNSUB\|\*$)/);
    }
    expect(out).toContain('<html lang="en"');
    expect(out).toContain('<title>Inside Open Infrastructure: April 2025</title>');
    expect(out).not.toMatch(/fonts\.googleapis/);
  });

  it('renders an issue alike every time, and leaves its Markdown as parsed', () => {
    const issue = issueFrom({ 'kata.md': '* [x] done <!-- a note -->\n* [ ] to do\n\n<!-- only a note -->\n\n> quoted <!-- x --> text\n' });
    const parsed = structuredClone(issue.fragments[0]!.doc.tree);
    const first = renderEmailMjml(issue, defaultConfig(), mjmlTemplate);
    expect(first).toContain('<li>☑ done </li>');
    expect(first).not.toContain('note');
    expect(renderEmailMjml(issue, defaultConfig(), mjmlTemplate)).toBe(first);
    expect(issue.fragments[0]!.doc.tree).toEqual(parsed);
  });

  it('holds every section heading, the preheader, view-in-browser and the footer', () => {
    const mjml = renderEmailMjml(sampleIssue(), defaultConfig(), mjmlTemplate);
    for (const text of [
      'OpenDev: Free Software Needs Free Tools',
      'OpenInfra Foundation News',
      'Kata Containers',
      'The speed of containers, the security of VMs',
      'Community Events',
      'Hear the latest around the OpenInfra D&amp;I Working Group',
      'View in your browser',
      'Unsubscribe',
      'P.O. Box 1903',
    ]) {
      expect(mjml).toContain(text);
    }
    // Handlebars writes = as &#x3D; in attributes; readers' clients decode it.
    expect(mjml.replaceAll('&#x3D;', '=')).toContain(
      '<a href="https://openinfra.dev/blog/openinfra-newsletter-april-2025?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=april-2025">View in your browser</a>',
    );
  });

  it('shows at most about 100 characters of preheader, cut at a word', () => {
    const long = 'word '.repeat(40).trim();
    const mjml = renderEmailMjml(issueFrom({ 'issue.md': `---\npreheader: ${long}\n---\n`, 'kata.md': 'x' }), defaultConfig(), mjmlTemplate);
    const shown = /<mj-preview>([^&]*)&/.exec(mjml)![1]!;
    expect(shown.length).toBeLessThanOrEqual(100);
    expect(shown).toMatch(/^word( word)*…$/);
  });

  it('uses subject and preheader when the issue sets them', () => {
    const mjml = renderEmailMjml(
      issueFrom({ 'issue.md': '---\nsubject: Big news <today>\npreheader: Read & enjoy\n---\n', 'kata.md': 'x' }),
      defaultConfig(),
      mjmlTemplate,
    );
    expect(mjml).toContain('<mj-title>Big news &lt;today&gt;</mj-title>');
    expect(mjml).toMatch(/<mj-preview>Read &amp; enjoy(&#847;&zwnj;&nbsp;)+<\/mj-preview>/);
  });

  it('keeps template syntax and markup in content inert', () => {
    const mjml = renderEmailMjml(
      issueFrom({ 'kata.md': 'Try {{constructor.constructor "alert(1)"}} and </mj-text><mj-raw><script>x</script></mj-raw>' }),
      defaultConfig(),
      mjmlTemplate,
    );
    expect(mjml).toContain('{{constructor.constructor "alert(1)"}}');
    expect(mjml).not.toContain('<script>');
    expect(mjml).not.toMatch(/<\/mj-text><mj-raw>/);
  });
});
