import { stripComments } from '../../core/markdown/markdown.js';
import { checkRawHtml } from '../../core/markdown/raw-html.js';
import { isAllowedUrl, normalizeUrl } from '../../core/markdown/url-policy.js';
import { defineRule } from '../rule.js';
import { matchRange, nodeRange, nodesOfType, urlsOf } from '../source.js';

export const unsafeHtml = defineRule({
  id: 'unsafe-html',
  defaultSeverity: 'error',
  description:
    'Raw HTML outside the one allowlist (core/markdown/raw-html.ts), read as a browser reads it: <script>, <iframe>, <style>, forms, SVG and MathML, event handlers, style and srcset attributes, and URLs the URL policy refuses (javascript:, data: and their spellings). Every output, the blog post included, leaves them out; the writer should know.',
  examples: {
    ok: [{ files: { 'kata.md': 'Some <b>bold</b> text and a [link](https://katacontainers.io).' } }],
    notOk: [
      {
        files: { 'kata.md': '<script>alert(1)</script>' },
        messages: ['kata.md:1:1 <script> is not allowed in a newsletter; every output leaves it out, with the rest of this HTML. Link to the content instead.'],
      },
      {
        files: { 'kata.md': '<iframe src="https://www.youtube.com/embed/x"></iframe>' },
        messages: ['kata.md:1:1 <iframe> is not allowed in a newsletter; every output leaves it out, with the rest of this HTML. Link to the content instead.'],
      },
      {
        files: { 'kata.md': 'Click <a href="#" onclick="steal()">here</a>.' },
        messages: ['kata.md:1:19 the onclick attribute runs script; every output leaves it out. Remove it.'],
      },
      {
        files: { 'kata.md': '[Click](javascript:alert(1))' },
        messages: [
          'kata.md:1:1 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.',
        ],
      },
      {
        files: { 'kata.md': '[![Logo](/img/a.png)](java&#9;script:alert(1))' },
        messages: [
          'kata.md:1:1 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.',
        ],
      },
      {
        files: { 'kata.md': '![Logo](data:image/svg+xml;base64,PHN2Zz4=)' },
        messages: [
          'kata.md:1:1 "data:image/svg+xml;base64,PHN2Zz4=" is not a URL a newsletter may hold (images come from https:// addresses); it is left out of every output.',
        ],
      },
      {
        files: { 'kata.md': '<a href="jav&#x61;script:alert(1)">x</a>' },
        messages: [
          'kata.md:1:4 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.',
        ],
      },
      {
        files: { 'kata.md': '<a title="href=" x href="javascript:alert(1)">Read</a>' },
        messages: [
          'kata.md:1:18 the x attribute is not allowed on <a> in a newsletter; every output leaves it out.',
          'kata.md:1:20 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.',
        ],
      },
      {
        files: { 'kata.md': '<img alt=">" onerror="alert(3)" src="https://openinfra.dev/x.png">' },
        messages: ['kata.md:1:14 the onerror attribute runs script; every output leaves it out. Remove it.'],
      },
      {
        files: { 'kata.md': '<p style="background:url(javascript:alert(1))">Hi</p>' },
        messages: ['kata.md:1:4 the style attribute is not allowed on <p> in a newsletter; every output leaves it out.'],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const html of nodesOfType(doc, 'html')) {
        const value = stripComments(html.value);
        for (const problem of checkRawHtml(value).problems) {
          report({
            file,
            ...matchRange(doc, html, problem.offset, value.slice(problem.offset, problem.offset + Math.max(1, problem.length))),
            message: problem.message,
          });
        }
      }
      // Raw HTML's URLs are checked above, with the rest of its attributes.
      for (const { url, node, kind, use } of urlsOf(doc)) {
        if (kind !== 'html' && !isAllowedUrl(url, use)) {
          const allowed = use === 'image' ? 'images come from https:// addresses' : 'links go to https://, mailto: or tel:';
          report({
            file,
            ...nodeRange(node),
            message: `"${printableUrl(url)}" is not a URL a newsletter may hold (${allowed}); it is left out of every output.`,
          });
        }
      }
    }
  },
});

/** A URL shown in a message: what the browser would read, cut short, controls made visible. */
function printableUrl(url: string): string {
  return normalizeUrl(url)
    .slice(0, 40)
    .replace(/[\u0000-\u001f\u007f]/g, '?');
}
