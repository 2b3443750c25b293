import { isPlainObject } from '../../core/config/config.js';
import { frontMatterKeyLine, parseIsoDate } from '../../core/issue/front-matter.js';
import { blogFrontMatterData } from '../../core/blog/render-blog.js';
import type { CmsField } from '../../core/site/site.js';
import { defineRule } from '../rule.js';

/** What a widget stores; undefined for a custom widget whose kind the CMS config does not tell. */
function kindOf(field: CmsField): 'text' | 'date' | 'boolean' | 'number' | 'object' | 'list' | undefined {
  if (field.multiple || field.widget === 'list') return 'list';
  if (field.widget === 'object') return 'object';
  if (field.widget === 'boolean') return 'boolean';
  if (field.widget === 'number') return 'number';
  if (field.widget === 'datetime' || field.widget === 'date') return 'date';
  return ['string', 'text', 'hidden', 'relation', 'select', 'image', 'file', 'color', 'code'].includes(field.widget) ? 'text' : undefined;
}

const KIND_WORDS = { text: 'text', date: 'a date', boolean: 'true or false', number: 'a number', object: 'a mapping', list: 'a list' };

function isKind(value: unknown, kind: NonNullable<ReturnType<typeof kindOf>>): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'date':
      return parseIsoDate(value) !== undefined;
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'object':
      return isPlainObject(value);
    case 'list':
      return Array.isArray(value);
  }
}

/** An empty value, which a required field refuses in the CMS: '' or [] (a hidden field's is its default, never empty). */
function isEmpty(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The example site with a CMS config of one blog field. */
const withField = (field: string) => ({ 'static/admin/config.yml': `collections:\n  - name: blog\n    fields:\n${field}` });

export const siteFields = defineRule({
  id: 'site-fields',
  defaultSeverity: 'error',
  needs: ['site'],
  description:
    'With a checkout of the site: a field the site\'s CMS config (static/admin/config.yml, the blog collection) requires that the post lacks or leaves empty, or a value of the wrong kind. The site\'s templates read them without guards: a post without categories crashes the category and author pages, one without seo.description says "undefined" as its description.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\n---\n' }, exampleSite: {} },
      { files: { 'issue.md': '---\nimage: /img/newsletter.png\n---\n' }, exampleSite: withField('      - { label: Image, name: image, widget: image }\n') },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\nseo:\n  description: ""\n---\n' },
        exampleSite: {},
        messages: ['issue.md:3:1 seo.description is empty, and the site\'s CMS requires it (static/admin/config.yml, field "Description").'],
      },
      {
        files: { 'issue.md': '---\ncategory: []\n---\n' },
        exampleSite: {},
        messages: ['issue.md:2:1 category is empty, and the site\'s CMS requires it (static/admin/config.yml, field "Category").'],
      },
      {
        files: { 'issue.md': '---\ntitle: Inside\n---\n' },
        exampleSite: withField('      - { label: Featured Image, name: image, widget: image }\n'),
        messages: [
          'issue.md:1:1 the site\'s CMS requires image (static/admin/config.yml, field "Featured Image"), which the post lacks; add it to issue.md\'s front matter.',
        ],
      },
      {
        files: { 'issue.md': '---\nfeatured: "yes"\n---\n' },
        exampleSite: withField('      - { label: Featured, name: featured, widget: boolean, required: false }\n'),
        messages: ['issue.md:2:1 featured must be true or false: the site\'s CMS declares it boolean (static/admin/config.yml, field "Featured").'],
      },
    ],
  },
  check({ issue, site, report }) {
    if (!site.cms || !issue.path) return;
    const file = issue.path;
    const cmsFile = site.cms.file;
    const walk = (fields: readonly CmsField[], data: Record<string, unknown>, prefix: string): void => {
      for (const field of fields) {
        // The body is the post's Markdown, not a front matter key.
        if (!prefix && field.name === 'body') continue;
        const path = `${prefix}${field.name}`;
        const line = frontMatterKeyLine(issue.introParts, path);
        const where = `${cmsFile}, field "${field.label}"`;
        const value = data[field.name];
        if (value === undefined || value === null) {
          if (field.required)
            report({ file, line, message: `the site's CMS requires ${path} (${where}), which the post lacks; add it to issue.md's front matter.` });
          continue;
        }
        const kind = kindOf(field);
        if (kind && !isKind(value, kind)) {
          report({ file, line, message: `${path} must be ${KIND_WORDS[kind]}: the site's CMS declares it ${field.widget} (${where}).` });
          continue;
        }
        if (field.required && isEmpty(value)) report({ file, line, message: `${path} is empty, and the site's CMS requires it (${where}).` });
        if (kind === 'object' && isPlainObject(value)) walk(field.fields, value, `${path}.`);
      }
    };
    walk(site.cms.fields, blogFrontMatterData(issue), '');
  },
});
