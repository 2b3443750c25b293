import { defineRule } from '../rule.js';
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

export const placeholder = defineRule({
  id: 'placeholder',
  defaultSeverity: 'error',
  description: 'Text left for later: "Insert ...", TODO, TBD, FIXME, XXX, lorem ipsum, [link], (url), links to nowhere such as (#) or (url).',
  examples: {
    ok: [{ files: { 'kata.md': 'Insert the card and reboot. Kata 3.14 is out: [release notes](https://github.com/kata-containers).' } }],
    notOk: [
      {
        files: { 'spotlight.md': 'Insert Spotlight' },
        messages: ['spotlight.md:1:1 placeholder "Insert Spotlight" left in the text; write the real content or remove it.'],
      },
      { files: { 'kata.md': '* Kata 3.15 TBD' }, messages: ['kata.md:1:13 placeholder "TBD" left in the text; write the real content or remove it.'] },
      { files: { 'kata.md': 'Read the [release notes](url).' }, messages: ['kata.md:1:10 the link "url" is a placeholder; put the real address in.'] },
      { files: { 'kata.md': 'Read more [link].' }, messages: ['kata.md:1:11 placeholder "[link]" left in the text; write the real content or remove it.'] },
      {
        files: { 'kata.md': 'Lorem ipsum dolor sit amet.' },
        messages: ['kata.md:1:1 placeholder "Lorem ipsum" left in the text; write the real content or remove it.'],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const { node, value } of textNodes(doc)) {
        for (const pattern of PATTERNS) {
          for (const match of value.matchAll(pattern)) {
            report({
              file,
              ...matchRange(doc, node, match.index ?? 0, match[0]),
              message: `placeholder "${match[0]}" left in the text; write the real content or remove it.`,
            });
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
});
