import type { Rule } from '../types.js';
import { matchRange, nodeRange, nodesOfType, textNodes } from '../source.js';

/** Text left for later. Case matters: "Insert Spotlight" and TODO are notes, "insert" is a verb. */
const PATTERNS: RegExp[] = [
  /\[?\bInsert(?:\s+[A-Z][\w'\u2019-]*)+\]?/g, // \u2019: ’ (ASCII only, see paste-residue.ts)
  /\b(?:TODO|TBD|FIXME|XXX)\b/g,
  /\blorem ipsum\b/gi,
  /\[(?:link|url|LINK|URL)\]/g,
  /\((?:url|link|URL|LINK)\)/g,
];
const PLACEHOLDER_URLS = /^(?:url|link|#|https?:\/\/(?:example\.(?:com|org)|url|link)\/?)$/i;

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'error',
  description: 'Text left for later: "Insert ...", TODO, TBD, FIXME, XXX, lorem ipsum, [link], (url), links to nowhere such as (#) or (url).',
  examples: {
    ok: [{ files: { 'kata.md': 'Insert the card and reboot. Kata 3.14 is out: [release notes](https://github.com/kata-containers).' } }],
    notOk: [
      { files: { 'spotlight.md': 'Insert Spotlight' } },
      { files: { 'kata.md': '* Kata 3.15 TBD' } },
      { files: { 'kata.md': 'Read the [release notes](url).' } },
      { files: { 'kata.md': 'Read more [link].' } },
      { files: { 'kata.md': 'Lorem ipsum dolor sit amet.' } },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const { node, value } of textNodes(doc)) {
        for (const pattern of PATTERNS) {
          for (const match of value.matchAll(pattern)) {
            report({ file, ...matchRange(doc, node, match.index ?? 0, match[0]), message: `placeholder "${match[0]}" left in the text; write the real content or remove it.` });
          }
        }
      }
      for (const link of nodesOfType(doc, 'link')) {
        if (PLACEHOLDER_URLS.test(link.url.trim())) {
          report({ file, ...nodeRange(link), message: `the link "${link.url}" is a placeholder; put the real address in.` });
        }
      }
    }
  },
};
