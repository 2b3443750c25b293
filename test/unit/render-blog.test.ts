import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import { importPost } from '../../src/core/issue/import-post.js';
import { renderBlogPost } from '../../src/core/blog/render-blog.js';
import { readingBlocks } from '../helpers/blocks.js';
import { builtinTemplate, issueFrom, sampleIssue } from '../helpers/issue.js';
import { SEED_PATH } from '../helpers/workspace.js';

const blog = builtinTemplate('blog-post.md.hbs');

describe('blog post', () => {
  it('rebuilds the sample as the seed draft: same front matter values, same blocks in order', () => {
    const post = renderBlogPost(sampleIssue(), defaultConfig(), blog);
    const seed = readFileSync(SEED_PATH, 'utf8');
    expect(parseSourceParts(post, 'post.md').data).toEqual(parseSourceParts(seed, 'seed.md').data);
    expect(readingBlocks(post)).toEqual(readingBlocks(seed));
    // The CMS's key order, as in the seed.
    expect(post.split('\n---\n')[0]).toBe(seed.split('\n---\n')[0]);
  });

  it('fills the keys an issue leaves out from config and the slug', () => {
    const post = renderBlogPost(issueFrom({ 'issue.md': '---\nauthor: Jo\n---\n', 'openstack.md': '* News' }, 'may-2025'), defaultConfig(), blog);
    expect(parseSourceParts(post, 'post.md').data).toEqual({
      templateKey: 'blog-post',
      title: 'Inside Open Infrastructure: May 2025',
      author: 'Jo',
      date: '2025-05-01T00:00:00.000Z',
      category: [{ value: 'category-h2Ztx9rpD', label: 'Community' }],
      hidePost: false,
      seo: {
        title: 'Inside Open Infrastructure: May 2025',
        url: 'https://openinfra.org/blog/openinfra-newsletter-may-2025',
        twitterUsername: '@openinfradev',
        description: 'The latest from the OpenInfra Foundation',
      },
    });
    // Today's convention: ### and no taglines.
    expect(post).toContain('\n### OpenStack\n\n* News\n');
  });

  it('heads sections as the issue says (headingLevel, taglines), over config, and keeps both keys out of the post', () => {
    const post = renderBlogPost(
      issueFrom({ 'issue.md': '---\nheadingLevel: 2\ntaglines: true\n---\n', 'openstack.md': '* News' }, 'may-2025'),
      defaultConfig(),
      blog,
    );
    expect(post).toContain('\n## OpenStack: Open source software for creating private and public clouds\n\n* News\n');
    const data = parseSourceParts(post, 'post.md').data;
    expect(data).not.toHaveProperty('headingLevel');
    expect(data).not.toHaveProperty('taglines');
  });

  it('keeps email-only keys out and unknown keys in', () => {
    const post = renderBlogPost(
      issueFrom({ 'issue.md': '---\nsubject: Hi\npreheader: Pre\nsections: [kata]\ncustomKey: kept\n---\n', 'kata.md': 'x' }),
      defaultConfig(),
      blog,
    );
    const data = parseSourceParts(post, 'post.md').data;
    expect(data).not.toHaveProperty('subject');
    expect(data).not.toHaveProperty('preheader');
    expect(data).not.toHaveProperty('sections');
    expect(data.customKey).toBe('kept');
  });

  it('uses the configured heading level, leaves out empty sections and comments', () => {
    const config = validateConfig({ headingLevel: 1, taglines: true }, 'c.yaml');
    const post = renderBlogPost(
      issueFrom(
        {
          'kata.md': '<!-- guide for the writer -->\n\n* Kata 3.14 is out <!-- check the number -->\n',
          'zuul.md': '---\nstatus: draft\n---\n<!-- nothing yet -->\n',
        },
        'april-2025',
        config,
      ),
      config,
      blog,
    );
    expect(post).toContain('# Kata Containers: The speed of containers, the security of VMs\n\n* Kata 3.14 is out\n');
    expect(post).not.toContain('Zuul');
    expect(post).not.toContain('<!--');
  });

  it("orders sections by config, by `order`, or by the issue's own list", () => {
    const files = { 'events.md': 'E', 'kata.md': 'K', 'openstack.md': 'O' };
    const headings = (post: string) => [...post.matchAll(/^### (\w+)/gm)].map((m) => m[1]);
    expect(headings(renderBlogPost(issueFrom(files), defaultConfig(), blog))).toEqual(['OpenStack', 'Kata', 'Community']);
    expect(headings(renderBlogPost(issueFrom({ ...files, 'events.md': '---\norder: 1\n---\nE' }), defaultConfig(), blog))).toEqual([
      'Community',
      'OpenStack',
      'Kata',
    ]);
    expect(headings(renderBlogPost(issueFrom({ ...files, 'issue.md': '---\nsections: [kata, events, openstack]\n---\n' }), defaultConfig(), blog))).toEqual([
      'Kata',
      'Community',
      'OpenStack',
    ]);
  });

  it('keeps template syntax in content as literal text', () => {
    const hostile = 'Say {{constructor.constructor "x"}} and {{> partial}} and {{{raw}}}.';
    const post = renderBlogPost(issueFrom({ 'kata.md': hostile }), defaultConfig(), blog);
    expect(post).toContain(hostile);
  });
});

it('leaves out a section whose every line the URL policy refuses, heading and all, so that import gives the same post back', () => {
  // Found by the import-after-build property: an image from mailto: is left out, and its section showed an empty heading.
  const config = defaultConfig();
  const blog = builtinTemplate('blog-post.md.hbs');
  const files = {
    'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\nauthor: Someone\ndate: 2025-04-21\n---\n',
    'foundation.md': "* The foundation's news.\n",
    'events.md': '![café](mailto:someone@openinfra.dev)\n',
  };
  const post = renderBlogPost(issueFrom(files), config, blog);
  expect(post).not.toContain('Community Events');
  expect(post).toContain('### OpenInfra Foundation News');
  const imported = importPost(post, 'post.md', config);
  expect(renderBlogPost(issueFrom(Object.fromEntries(imported.files)), config, blog)).toBe(post);
});

it("dates the post as the site's CMS does, with a full timestamp, and keeps a time the writer gave", () => {
  const config = defaultConfig();
  const blog = builtinTemplate('blog-post.md.hbs');
  const dated = (date: string) =>
    renderBlogPost(
      issueFrom({ 'issue.md': `---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: ${date}\n---\n`, 'foundation.md': '* News.\n' }),
      config,
      blog,
    );
  expect(dated('2025-04-21')).toContain('\ndate: 2025-04-21T00:00:00.000Z\n');
  expect(dated('2026-08-04T18:47:31.264Z')).toContain('\ndate: 2026-08-04T18:47:31.264Z\n');
});
