import { isAllowedUrl, normalizeUrl } from '../../core/url-policy.js';
import type { Rule } from '../types.js';
import { matchRange, nodeRange, urlsOf } from '../source.js';
import { nodesOfType } from '../source.js';

// [^<>] rather than [^>]: a match attempt stops at the next tag, so a flood of unclosed tags stays linear.
const UNSAFE_TAG = /<\s*(script|iframe|object|embed|form|frame|frameset|applet|base|meta|link|style)\b[^<>]*>/gi;
const EVENT_HANDLER = /<[a-z][^<>]*?\s(on[a-z]+)\s*=/gi;

export const unsafeHtml: Rule = {
  id: 'unsafe-html',
  defaultSeverity: 'error',
  description: 'Raw HTML that could run in a reader\'s mail client or browser: <script>, <iframe>, <object>, forms, event handlers, and URLs the URL policy refuses (javascript:, data: and their spellings). Every output leaves them out; the writer should know.',
  examples: {
    ok: [{ files: { 'kata.md': 'Some <b>bold</b> text and a [link](https://katacontainers.io).' } }],
    notOk: [
      { files: { 'kata.md': '<script>alert(1)</script>' }, messages: ['kata.md:1:1 <script> is not allowed in a newsletter; the email drops it. Link to the content instead.'] },
      { files: { 'kata.md': '<iframe src="https://www.youtube.com/embed/x"></iframe>' }, messages: ['kata.md:1:1 <iframe> is not allowed in a newsletter; the email drops it. Link to the content instead.'] },
      { files: { 'kata.md': 'Click <a href="#" onclick="steal()">here</a>.' }, messages: ['kata.md:1:7 the onclick attribute runs script and is removed from the email; remove it.'] },
      { files: { 'kata.md': '[Click](javascript:alert(1))' }, messages: ['kata.md:1:1 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.'] },
      { files: { 'kata.md': '[![Logo](/img/a.png)](java&#9;script:alert(1))' }, messages: ['kata.md:1:1 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.'] },
      { files: { 'kata.md': '![Logo](data:image/svg+xml;base64,PHN2Zz4=)' }, messages: ['kata.md:1:1 "data:image/svg+xml;base64,PHN2Zz4=" is not a URL a newsletter may hold (images come from https:// addresses); it is left out of every output.'] },
      { files: { 'kata.md': '<a href="jav&#x61;script:alert(1)">x</a>' }, messages: ['kata.md:1:4 "javascript:alert(1)" is not a URL a newsletter may hold (links go to https://, mailto: or tel:); it is left out of every output.'] },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const html of nodesOfType(doc, 'html')) {
        for (const match of html.value.matchAll(UNSAFE_TAG)) {
          report({ file, ...matchRange(doc, html, match.index ?? 0, match[0]), message: `<${match[1]!.toLowerCase()}> is not allowed in a newsletter; the email drops it. Link to the content instead.` });
        }
        for (const match of html.value.matchAll(EVENT_HANDLER)) {
          report({ file, ...matchRange(doc, html, match.index ?? 0, match[0]), message: `the ${match[1]} attribute runs script and is removed from the email; remove it.` });
        }
      }
      for (const { url, node, kind, use, range } of urlsOf(doc)) {
        if (!isAllowedUrl(url, use)) {
          const allowed = use === 'image' ? 'images come from https:// addresses' : 'links go to https://, mailto: or tel:';
          report({ file, ...(kind === 'html' ? range : nodeRange(node)), message: `"${printableUrl(url)}" is not a URL a newsletter may hold (${allowed}); it is left out of every output.` });
        }
      }
    }
  },
};

/** A URL shown in a message: what the browser would read, cut short, controls made visible. */
function printableUrl(url: string): string {
  return normalizeUrl(url).slice(0, 40).replace(/[\u0000-\u001f\u007f]/g, '?');
}
