import type { Rule } from '../types.js';
import { inOnePiece, proseBlocks } from '../../core/prose.js';
import { proseRange } from '../prose.js';

// A word, or a phrase of up to four, then the same again (case aside), across a line break too.
// The last word starts with its first letter, so that no text makes the engine try every split of a long word.
const REPEATED = /(?<![\p{L}\p{N}'\u2019-])((?:[\p{L}\p{N}'\u2019-]+ ){0,3}(?=[\p{N}'\u2019-]*\p{L})[\p{L}\p{N}'\u2019-]+)(\s+)\1(?![\p{L}\p{N}'\u2019-])/giu;
// Doubled on purpose in good English.
const MEANT = new Set(['that', 'had', 'bye', 'ha', 'no', 'so-so']);

export const repeatedWords: Rule = {
  id: 'repeated-words',
  defaultSeverity: 'error',
  fixable: true,
  description: 'A word or a phrase of up to four words written twice in a row ("the the", "Another productive Another productive"), across a line break too. --fix removes the second.',
  examples: {
    ok: [{ files: { 'kata.md': 'We knew that that release had had a long cycle. Kata 3.14, 3.15 and Zuul Zuul-launcher are out.' } }],
    notOk: [
      { files: { 'foundation.md': 'Another productive Another productive week at the PTG.' }, messages: ['foundation.md:1:19 "Another productive" is written twice in a row; remove one.'], fixed: { 'foundation.md': 'Another productive week at the PTG.' } },
      { files: { 'zuul.md': 'Read the\nthe release notes.' }, messages: ['zuul.md:1:9 "the" is written twice in a row; remove one.'], fixed: { 'zuul.md': 'Read the release notes.' } },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const match of prose.text.matchAll(REPEATED)) {
          const [whole, phrase, gap] = match as unknown as [string, string, string];
          if (MEANT.has(phrase.toLowerCase())) continue;
          // The second copy and the space before it go; the range runs from the end of the first.
          const from = (match.index ?? 0) + phrase.length;
          const removed = whole.slice(phrase.length);
          const range = proseRange(doc, prose, from, removed.length);
          report({
            file, ...range, message: `"${phrase.replace(/\s+/g, ' ')}" is written twice in a row; remove one.`,
            ...(inOnePiece(prose, from, removed.length) && !gap.includes('\n\n') ? { fix: { original: removed, text: '' } } : {}),
          });
        }
      }
    }
  },
};
