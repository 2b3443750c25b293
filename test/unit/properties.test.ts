import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/config.js';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { importPost } from '../../src/core/issue/import-post.js';
import { renderEmailHtml } from '../../src/core/email/email-blocks.js';
import { parseMarkdown, withoutComments } from '../../src/core/markdown/markdown.js';
import { renderBlogPost } from '../../src/core/blog/render-blog.js';
import { renderEmailMjml } from '../../src/core/email/render-email.js';
import { renderEmailText } from '../../src/core/email/render-text.js';
import { compileMjml } from '../../src/io/mjml.js';
import { readingBlocks } from '../helpers/blocks.js';
import { timeFor } from '../helpers/budget.js';
import { builtinTemplate, issueFrom } from '../helpers/issue.js';

const config = defaultConfig();
const blog = builtinTemplate('blog-post.md.hbs');
const email = builtinTemplate('email.mjml.hbs');
const text = builtinTemplate('email.txt.hbs');

// Words from several scripts, with odd whitespace between them: nbsp, tabs, runs of spaces.
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
  fc.constantFrom('café', 'naïve', 'Zürich', '東京', 'Привет', 'مرحبا', '🚀', '👩‍💻', 'O’Brien', '«quoted»', '—', '3.14', '100%'),
);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0', '\t ');
const phrase = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .chain((words) => fc.array(space, { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => (i ? gaps[i] : '') + w).join('')));
const url = fc.constantFrom(
  'https://openinfra.dev/a',
  'https://example.org/p?q=1&r=2#frag',
  '/img/pic.png',
  'mailto:someone@openinfra.dev',
  'https://zuul-ci.org/',
);
const inline = fc.oneof(
  { weight: 4, arbitrary: phrase },
  { weight: 2, arbitrary: fc.tuple(phrase, url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(phrase, url).map(([t, u]) => `![${t}](${u})`) },
  { weight: 1, arbitrary: phrase.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: phrase.map((t) => `*${t}*`) },
);
const line = fc
  .array(inline, { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(' ').trim())
  .filter((l) => /\S/.test(l));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const list = fc
  .array(fc.tuple(line, fc.option(fc.array(line, { minLength: 1, maxLength: 3 }), { nil: undefined })), { minLength: 1, maxLength: 5 })
  .map((items) => items.map(([item, nested]) => `* ${item}${nested ? nested.map((n) => `\n  * ${n}`).join('') : ''}`).join('\n'));
const body = fc.array(fc.oneof(paragraph, list), { minLength: 0, maxLength: 4 }).map((blocks) => blocks.join('\n\n'));

// Every other construct GFM knows, for properties of the Markdown to HTML step.
const construct = fc.constantFrom(
  '| a | b |\n|:-|-:|\n| 1 | `|` |',
  '- [x] done\n- [ ] to do',
  '```js\nconst a = 1 < 2 && b;\n```',
  '    indented code',
  'www.example.com, https://x.org/a_b and me@example.com',
  '&amp; &copy; &#123; &nbsp; < > " \'',
  'a line  \nbreak\\\nagain',
  '1. one\n2. two\n   - nested\n     > quoted',
  '[a reference][r]\n\n[r]: https://x.org "T"',
  '~~struck~~ and `code`',
  '## A heading',
  '***',
  'Setext\n===',
  '<https://auto.link>',
  '![](x.png)',
  'a footnote[^1]\n\n[^1]: The note.',
  '[x](javascript:alert(1))',
  'nul\u0000char',
);
const richBody = fc.array(fc.oneof(paragraph, list, construct), { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

const issue = fc
  .record({
    sections: fc.subarray(
      config.sections.map((s) => s.id),
      { minLength: 1 },
    ),
    bodies: fc.array(body, { minLength: 8, maxLength: 8 }),
    titles: fc.array(fc.option(phrase, { nil: undefined }), { minLength: 8, maxLength: 8 }),
    intro: fc.option(paragraph, { nil: undefined }),
  })
  .map(({ sections, bodies, titles, intro }) => {
    const files: Record<string, string> = {
      'issue.md': `---\ntitle: "Inside Open Infrastructure: April 2025"\nauthor: Someone\ndate: 2025-04-21\n---\n${intro ?? ''}\n`,
    };
    sections.forEach((id, i) => {
      const title = titles[i] ? `title: ${JSON.stringify(titles[i])}\n` : '';
      files[`${id}.md`] = `---\n${title}status: ready\n---\n${bodies[i]}\n`;
    });
    return files;
  });

/**
 * A turn of the event loop before each generated case: a property's cases run back to back for a
 * minute on a loaded machine, and a worker that never yields misses vitest's own calls to it
 * ("Timeout calling onTaskUpdate"), which fails the run however the tests went.
 */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

describe('properties of generated issues', () => {
  it(
    'render without throwing, and the same sources always give the same outputs',
    async () => {
      await fc.assert(
        fc.asyncProperty(issue, async (files) => {
          await breathe();
          const render = () => {
            const parsed = issueFrom(files);
            return [renderBlogPost(parsed, config, blog), renderEmailMjml(parsed, config, email), renderEmailText(parsed, config, text)];
          };
          expect(render()).toEqual(render());
        }),
        { numRuns: 40 },
      );
      // Forty issues, each rendered twice.
    },
    timeFor({ generatedCases: 2 * 40 }),
  );

  it(
    'make emails that MJML compiles without a single error',
    async () => {
      await fc.assert(
        fc.asyncProperty(issue, async (files) => {
          const { errors, html } = await compileMjml(renderEmailMjml(issueFrom(files), config, email));
          expect(errors).toEqual([]);
          expect(html).toMatch(/^<!doctype html>/i);
        }),
        { numRuns: 25 },
      );
      // MJML's first load, then twenty-five emails compiled, each as much as a build's.
    },
    timeFor({ builds: 1 + 25 }),
  );

  it(
    'give the same email HTML whether or not written HTML sent them through the HTML parser',
    async () => {
      const urls = { site: 'https://openinfra.dev', postUrl: 'https://openinfra.dev/blog/a', campaign: { source: 's', medium: 'email', campaign: 'c' } };
      await fc.assert(
        fc.asyncProperty(richBody, async (markdown) => {
          await breathe();
          const tree = withoutComments(parseMarkdown(markdown).tree);
          // A comment is HTML too: it forces the parser pass, and the sanitiser then drops it.
          const forced = { ...structuredClone(tree), children: [{ type: 'html' as const, value: '<!-- x -->' }, ...structuredClone(tree).children] };
          expect(renderEmailHtml(tree, urls, 'alt')).toBe(renderEmailHtml(forced, urls, 'alt'));
        }),
        { numRuns: 300 },
      );
      // Three hundred bodies, each rendered twice; a body is about a tenth of a generated issue.
    },
    timeFor({ generatedCases: (2 * 300) / 10 }),
  );

  it(
    'import after build gives the same issue back',
    async () => {
      await fc.assert(
        fc.asyncProperty(issue, async (files) => {
          await breathe();
          const post = renderBlogPost(issueFrom(files), config, blog);
          const imported = importPost(post, 'post.md', config);
          const again = renderBlogPost(issueFrom(Object.fromEntries(imported.files)), config, blog);
          expect(again).toBe(post);
          expect(parseSourceParts(again, 'a').data).toEqual(parseSourceParts(post, 'p').data);
          expect(readingBlocks(again)).toEqual(readingBlocks(post));
        }),
        { numRuns: 40 },
      );
      // Forty issues, each rendered, imported and rendered again.
    },
    timeFor({ generatedCases: 3 * 40 }),
  );
});
