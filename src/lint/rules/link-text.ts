import { textOf } from '../../core/markdown.js';
import type { Rule } from '../types.js';
import { nodeRange, nodesOfType } from '../source.js';

/** Words that say nothing of where a link goes, read alone from a screen reader's list of links. */
const VAGUE = new Set([
  'here', 'click here', 'click', 'this', 'this link', 'link', 'read more', 'more', 'learn more', 'see more', 'more info',
  'more information', 'info', 'details', 'go', 'this page', 'website', 'click this link',
]);

const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

export const linkText: Rule = {
  id: 'link-text',
  defaultSeverity: 'warn',
  description: 'Link text that tells a screen-reader user nothing of where it goes: "here", "click here", "read more" and the like, a bare URL (read out character by character), or a linked image with no alt text.',
  examples: {
    ok: [{ files: { 'kata.md': 'Read [the Kata 3.14 release notes](https://github.com/kata-containers/kata-containers/releases/tag/3.14.0). [![The Kata logo](/img/kata.png)](https://katacontainers.io/)' } }],
    notOk: [
      { files: { 'kata.md': 'Kata 3.14 is out: [click here](https://github.com/kata-containers/kata-containers/releases).' }, messages: ['kata.md:1:19 the link text "click here" says nothing of where it goes; use words that do, such as the page\'s title.'] },
      { files: { 'kata.md': 'Notes: [https://katacontainers.io/docs/](https://katacontainers.io/docs/)' }, messages: ['kata.md:1:8 the link text is a bare URL, which a screen reader spells out; name the page instead (its title).'] },
      { files: { 'kata.md': '[![](/img/kata.png)](https://katacontainers.io/)' }, messages: ['kata.md:1:1 this linked image has no alt text, so the link has no name; describe where it goes in the image\'s alt text.'] },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc, at } of docs) {
      if (at) continue;
      for (const link of nodesOfType(doc, 'link')) {
        const text = textOf(link).replace(/\s+/g, ' ').trim();
        const range = { file, ...nodeRange(link) };
        const images = link.children.filter((c) => c.type === 'image');
        if (images.length > 0 && text === '' && images.every((image) => !image.alt?.trim())) {
          report({ ...range, message: 'this linked image has no alt text, so the link has no name; describe where it goes in the image\'s alt text.' });
        } else if (VAGUE.has(text.toLowerCase().replace(/[.!:\u2026\u00bb\u203a>\s]+$/u, ''))) {
          report({ ...range, message: `the link text "${text}" says nothing of where it goes; use words that do, such as the page's title.` });
        } else if (BARE_URL.test(text)) {
          report({ ...range, message: 'the link text is a bare URL, which a screen reader spells out; name the page instead (its title).' });
        }
      }
    }
  },
};
