import { defineRule } from '../rule.js';
import { inOnePiece, proseBlocks, type Prose } from '../../core/dates/prose.js';
import { visit } from '../../core/markdown/markdown.js';
import { proseRange } from '../prose.js';

// A word, or a phrase of up to four, then the same again (case aside), across a line break too.
// The last word starts with its first letter, so that no text makes the engine try every split of a long word.
const REPEATED = /(?<![\p{L}\p{N}'\u2019-])((?:[\p{L}\p{N}'\u2019-]+ ){0,3}(?=[\p{N}'\u2019-]*\p{L})[\p{L}\p{N}'\u2019-]+)(\s+)\1(?![\p{L}\p{N}'\u2019-])/giu;
// Doubled on purpose in good English.
const MEANT = new Set(['that', 'had', 'bye', 'ha', 'no', 'so-so']);

export const repeatedWords = defineRule({
  id: 'repeated-words',
  defaultSeverity: 'error',
  fixable: true,
  description:
    'A word or a phrase of up to four words written twice in a row, in the same case ("the the", "Another productive Another productive"), across the end of a source line too. Not across a hard line break or a link\'s edge (a signature\'s name above its company), nor "and more and more". --fix removes the second.',
  examples: {
    ok: [
      {
        files: {
          'kata.md':
            'We knew that that release had had a long cycle. Kata 3.14, 3.15 and Zuul Zuul-launcher are out. Meet us at AT&T, as more and more operators do.\n\nRobert Cathey\\\nCathey Communications\n\nSee [the release notes](https://example.org/) the release notes list.',
        },
      },
    ],
    notOk: [
      {
        files: { 'foundation.md': 'Another productive Another productive week at the PTG.' },
        messages: ['foundation.md:1:19 "Another productive" is written twice in a row; remove one.'],
        fixed: { 'foundation.md': 'Another productive week at the PTG.' },
      },
      {
        files: { 'zuul.md': 'Read the\nthe release notes.' },
        messages: ['zuul.md:1:9 "the" is written twice in a row; remove one.'],
        fixed: { 'zuul.md': 'Read the release notes.' },
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const match of prose.text.matchAll(REPEATED)) {
          const [whole, phrase, gap] = match as unknown as [string, string, string];
          if (MEANT.has(phrase.toLowerCase())) continue;
          const second = (match.index ?? 0) + phrase.length + gap.length;
          // "at AT&T", "Cathey\" above "Cathey Communications", a name in a link then after it,
          // "and more and more": no word was typed twice.
          if (whole.slice(phrase.length + gap.length) !== phrase || /^(?:and|or) \S+$/i.test(phrase)) continue;
          if (!coveredByText(prose, (match.index ?? 0) + phrase.length) || linkOf(prose, match.index ?? 0) !== linkOf(prose, second)) continue;
          // The second copy and the space before it go; the range runs from the end of the first.
          const from = (match.index ?? 0) + phrase.length;
          const removed = whole.slice(phrase.length);
          const range = proseRange(doc, prose, from, removed.length);
          report({
            file,
            ...range,
            message: `"${phrase.replace(/\s+/g, ' ')}" is written twice in a row; remove one.`,
            ...(inOnePiece(prose, from, removed.length) && !gap.includes('\n\n') ? { fix: { original: removed, text: '' } } : {}),
          });
        }
      }
    }
  },
});

/** Whether the character at `index` of a block's text is text of its own, not the space a hard line break stands for. */
function coveredByText(prose: Prose, index: number): boolean {
  return prose.pieces.some((p) => p.start <= index && index < p.start + p.value.length);
}

/** The link the character at `index` of a block's text is in (its start in the file), or -1 outside any. */
function linkOf(prose: Prose, index: number): number {
  const piece = prose.pieces.find((p) => p.start <= index && index < p.start + p.value.length);
  const at = piece?.node.position?.start.offset;
  if (at === undefined) return -1;
  let found = -1;
  visit(prose.block, (node) => {
    if (node.type === 'link' && node.position && node.position.start.offset! <= at && at < node.position.end.offset!) found = node.position.start.offset!;
  });
  return found;
}
