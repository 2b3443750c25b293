/*
 * A checkout of the site as the site rules' examples give it (laid out as OpenStackweb/osf-website,
 * values made up): the CMS config's blog collection, two authors, the blog config's categories.
 * An example adds the posts it needs (RuleExample's exampleSite, read by test/helpers/lint.ts).
 */
import type { ExamplePost } from '../../src/lint/types.js';

const CMS_CONFIG = `collections:
  - name: authors
    folder: src/pages/author
    fields:
      - { label: Name, name: authorName, widget: string }
  - name: blog
    folder: src/pages/blog
    fields:
      - { label: Template Key, name: templateKey, widget: hidden, default: blog-post }
      - { label: Title, name: title, widget: string }
      - { label: Author, name: author, widget: relation, collection: authors, valueField: authorName }
      - { label: Publish Date, name: date, widget: datetime }
      - { label: Category, name: category, widget: ncw-file-relation, multiple: true }
      - { label: Hide Post, name: hidePost, widget: boolean, required: false, default: false }
      - { label: SEO, name: seo, widget: object, fields: [
          { label: Title, name: title, widget: string },
          { label: Description, name: description, widget: string },
          { label: Url, name: url, widget: string },
          { label: Twitter Username, name: twitterUsername, widget: string },
        ] }
      - { label: Body, name: body, widget: markdown }
`;

const BLOG_CONFIG = JSON.stringify(
  {
    title: 'Blog',
    categories: [
      { text: 'News & Announcements', id: 'category-A7fnZYrE1' },
      { text: 'Community', id: 'category-h2Ztx9rpD' },
      { text: 'OpenStack', id: 'category-KMY0e6q9N' },
    ],
  },
  null,
  2,
);

/** The site's files, with `posts` (path in the checkout: text) added. */
export function exampleSite(posts: Record<string, string> = {}, cmsConfig = CMS_CONFIG): Record<string, string> {
  return {
    'static/admin/config.yml': cmsConfig,
    'src/content/blog-config.json': BLOG_CONFIG,
    'src/pages/author/allison-price.md': '---\ntemplateKey: tags\nauthorName: Allison Price\ncompany: OpenInfra Foundation\n---\n',
    'src/pages/author/jimmy-mcarthur.md': '---\ntemplateKey: tags\nauthorName: Jimmy McArthur\ncompany: OpenInfra Foundation\n---\n',
    ...posts,
  };
}

/** A post of the site in the CMS's format: front matter (`fields` over a newsletter post's) and a body. */
export function examplePost(
  fields: { title?: string; date?: string; url?: string; author?: string; handle?: string; category?: string },
  body = '### OpenInfra Foundation News\n\n* News.\n',
): string {
  const f = {
    title: 'Inside Open Infrastructure: May 2025',
    date: '2025-06-02T20:29:41.069Z',
    url: 'https://openinfra.org/blog/openinfra-newsletter-may-2025',
    author: 'Allison Price',
    handle: '"@openinfradev"',
    category: '  - value: category-h2Ztx9rpD\n    label: Community',
    ...fields,
  };
  return `---\ntemplateKey: blog-post\ntitle: "${f.title}"\nauthor: ${f.author}\ndate: ${f.date}\ncategory:\n${f.category}\nhidePost: false\nseo:\n  url: ${f.url}\n  twitterUsername: ${f.handle}\n  title: "${f.title}"\n  description: The latest from the OpenInfra Foundation\n---\n${body}`;
}

/** The checkout's text files an example's exampleSite gives: the example site, with its files added or in their place. */
export function exampleSiteFiles(given: Record<string, string | ExamplePost>): Record<string, string> {
  return exampleSite(
    Object.fromEntries(Object.entries(given).map(([file, text]) => [file, typeof text === 'string' ? text : examplePost(text.post, text.body)])),
  );
}
