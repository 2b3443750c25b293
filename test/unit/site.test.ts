import { describe, expect, it } from 'vitest';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import { buildSiteModel, conventionsOf, newsletterPosts, parseCmsBlogFields, parseSitePost, routeOf, withSiteConventions } from '../../src/core/site/site.js';
import { siteTextsFrom } from '../helpers/lint.js';
import { CMS_CONFIG, siteFiles } from '../helpers/site.js';

const model = () =>
  buildSiteModel(
    siteTextsFrom(
      Object.fromEntries(Object.entries(siteFiles()).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
      defaultConfig().siteLayout,
    ),
  );

describe('the site model', () => {
  it("reads the blog collection's fields from a CMS config in the site's own YAML (flow lists closed under their dash)", () => {
    const fields = parseCmsBlogFields(CMS_CONFIG, 'static/admin/config.yml');
    expect(fields.map((f) => [f.name, f.widget, f.required, f.multiple])).toEqual([
      ['templateKey', 'hidden', true, false],
      ['title', 'string', true, false],
      ['author', 'relation', true, false],
      ['date', 'datetime', true, false],
      ['category', 'ncw-file-relation', true, true],
      ['hidePost', 'boolean', false, false],
      ['seo', 'object', true, false],
      ['body', 'markdown', true, false],
    ]);
    expect(fields.find((f) => f.name === 'seo')!.fields.map((f) => f.name)).toEqual(['title', 'description', 'url', 'twitterUsername']);
  });

  it('refuses a config whose aliases would name a million fields, with one line', () => {
    const bomb =
      'a: &a [{name: x}, {name: x}, {name: x}, {name: x}, {name: x}, {name: x}, {name: x}, {name: x}, {name: x}, {name: x}]\nb: &b [{name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}, {name: y, fields: *a}]\nc: &c [{name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}, {name: z, fields: *b}]\ncollections:\n  - name: blog\n    fields: *c\n';
    expect(() => parseCmsBlogFields(bomb, 'config.yml')).toThrow(/config\.yml declares more than 1000 fields/);
  });

  it("reads a post's route as the site does: the path of seo.url, host and trailing slash aside", () => {
    expect(routeOf('https://openinfra.dev/blog/x/')).toBe('/blog/x');
    expect(routeOf('https://openinfra.org/blog/x')).toBe('/blog/x');
    const post = parseSitePost(
      '---\ntitle: T\nseo:\n  url: https://openinfra.org/blog/t/\n---\n# One\n\n```\n## not a heading\n```\n\n### Two ##\n',
      'src/pages/blog/t.md',
    );
    expect(post).toMatchObject({
      route: '/blog/t',
      headings: [
        { level: 1, text: 'One' },
        { level: 3, text: 'Two' },
      ],
    });
  });

  it("finds the latest newsletter post by its date, not its file name, and leaves out the issue's own", () => {
    const config = defaultConfig();
    expect(newsletterPosts(model(), config.name, config.blogFile)[0]!.file).toBe('src/pages/blog/inside-open-infrastructure-june-2026-1.md');
    expect(newsletterPosts(model(), config.name, config.blogFile, 'src/pages/blog/inside-open-infrastructure-june-2026-1.md')[0]!.file).toBe(
      'src/pages/blog/inside-open-infrastructure-june-2026.md',
    );
  });

  it("reads a newsletter post's conventions: author, category, URL pattern, handle, heading level, taglines, the section headings it writes its own way", () => {
    const sections = defaultConfig().sections;
    const today = conventionsOf(newsletterPosts(model(), 'Inside Open Infrastructure', 'x')[0]!, sections);
    expect(today).toEqual({
      file: 'src/pages/blog/inside-open-infrastructure-june-2026-1.md',
      author: 'Allison Price',
      category: [{ value: 'category-h2Ztx9rpD', label: 'Community' }],
      postUrl: 'https://openinfra.org/blog/openinfra-newsletter-{slug}',
      twitterUsername: '@openinfradev',
      headingLevel: 3,
      taglines: false,
      sectionHeadings: { events: 'More OpenInfra Community Events' },
    });
    const older = conventionsOf(model().posts.find((p) => p.file.endsWith('may-2025.md'))!, sections);
    expect([older.headingLevel, older.taglines, older.postUrl]).toEqual([2, true, 'https://openinfra.dev/blog/openinfra-newsletter-{slug}']);
  });

  it('takes each convention from config where it sets it, else from the site, else built in', () => {
    const conventions = { file: 'p.md', author: 'Allison Price', headingLevel: 2 };
    const { config, sources } = withSiteConventions(validateConfig({ author: 'Jo' }, 'c.yaml'), conventions);
    expect([config.author, config.headingLevel, config.taglines]).toEqual(['Jo', 2, false]);
    expect(sources.map((s) => `${s.key}:${s.from}`)).toEqual([
      'author:config',
      'category:built-in',
      'postUrl:built-in',
      'twitterUsername:built-in',
      'headingLevel:site',
      'taglines:built-in',
    ]);
  });
});
