import { defineRule } from '../rule.js';
import { matchRange, nodeRange, nodesOfType } from '../source.js';

export const imageAlt = defineRule({
  id: 'image-alt',
  defaultSeverity: 'error',
  description: 'An image with empty or missing alt text, or with no source (readers of screen readers, and of emails with images off, see nothing).',
  examples: {
    ok: [{ files: { 'issue.md': '---\n---\n![OpenInfra Summit Europe 2025 in Paris](/img/hero.png)\n' } }],
    notOk: [
      {
        files: { 'issue.md': '---\n---\n![](/img/graphics-for-su-1-.png)\n' },
        messages: ['issue.md:3:1 the image /img/graphics-for-su-1-.png has no alt text; describe it: ![What it shows](/img/graphics-for-su-1-.png).'],
      },
      { files: { 'kata.md': 'Logo: ![Kata]()' }, messages: ['kata.md:1:7 an image with no source; give it a path such as /img/file.png, or remove it.'] },
      { files: { 'kata.md': '<img src="/img/logo.png">' }, messages: ['kata.md:1:1 an <img> with no alt text; add alt="what it shows".'] },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const image of nodesOfType(doc, 'image')) {
        if (image.url.trim() === '')
          report({ file, ...nodeRange(image), message: 'an image with no source; give it a path such as /img/file.png, or remove it.' });
        else if (!image.alt?.trim())
          report({ file, ...nodeRange(image), message: `the image ${image.url} has no alt text; describe it: ![What it shows](${image.url}).` });
      }
      for (const html of nodesOfType(doc, 'html')) {
        for (const match of html.value.matchAll(/<img\b[^<>]*>/gi)) {
          const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[0]);
          if (!alt || !(alt[2] ?? alt[3] ?? alt[4] ?? '').trim()) {
            report({ file, ...matchRange(doc, html, match.index ?? 0, match[0]), message: 'an <img> with no alt text; add alt="what it shows".' });
          }
        }
      }
    }
  },
});
