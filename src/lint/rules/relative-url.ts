import { brokenAddress, hasScheme, isMergeTag } from '../../core/markdown/urls.js';
import { defineRule } from '../rule.js';
import { urlsOf } from '../source.js';

export const relativeUrl = defineRule({
  id: 'relative-url',
  defaultSeverity: 'error',
  description:
    "A link the email cannot resolve: relative without a leading / (the email has no page to be relative to), or an image served over insecure http:. (A relative image is one of the issue's own: see local-image.)",
  examples: {
    ok: [{ files: { 'kata.md': '![Kata logo](/img/kata.png) [Docs](https://katacontainers.io/docs/) [Mail](mailto:a@b.org) [Up](#events)' } }],
    notOk: [
      {
        files: { 'kata.md': '[The release notes](notes/3.14.html)' },
        messages: ['kata.md:1:1 "notes/3.14.html" is relative; start it with / (a path on the site) or give the full https:// address.'],
      },
      {
        files: { 'kata.md': '[Docs](../docs/index.html)' },
        messages: ['kata.md:1:1 "../docs/index.html" is relative; start it with / (a path on the site) or give the full https:// address.'],
      },
      {
        files: { 'kata.md': '![Kata logo](http://katacontainers.io/logo.png)' },
        messages: ['kata.md:1:1 the image http://katacontainers.io/logo.png is served over http:, which mail clients block; use https:.'],
      },
      {
        files: { 'kata.md': '<img src="http://katacontainers.io/logo.png" alt="Kata logo">' },
        messages: ['kata.md:1:6 the image http://katacontainers.io/logo.png is served over http:, which mail clients block; use https:.'],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const { url, use, range } of urlsOf(doc)) {
        const trimmed = url.trim();
        // An address mistyped (https//, http:/) is link-syntax's, with the address meant.
        if (trimmed === '' || trimmed.startsWith('/') || trimmed.startsWith('#') || isMergeTag(trimmed) || brokenAddress(trimmed)) continue;
        // A relative image is the issue's own, from its folder: local-image checks it.
        if (use === 'image' && !hasScheme(trimmed)) continue;
        if (hasScheme(trimmed)) {
          if (use === 'image' && /^http:/i.test(trimmed))
            report({ file, ...range, message: `the image ${trimmed} is served over http:, which mail clients block; use https:.` });
          continue;
        }
        report({ file, ...range, message: `"${trimmed}" is relative; start it with / (a path on the site) or give the full https:// address.` });
      }
    }
  },
});
