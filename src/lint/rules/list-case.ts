import type { List, Nodes } from 'mdast';
import { defineRule } from '../rule.js';
import { nodesOfType, nodeRange } from '../source.js';

const MIN_ITEMS = 3;

export const listCase = defineRule({
  id: 'list-case',
  defaultSeverity: 'warn',
  description: `In a list of ${MIN_ITEMS} items or more that mostly start with a capital, an item that starts in lower case. Names written in lower case on purpose (iOS, eBPF, kubectl in code) are left alone.`,
  examples: {
    ok: [{ files: { 'kata.md': '* Faster boot\n* `kata-runtime` fixes\n* eBPF support\n* [docs](https://katacontainers.io) moved' } }],
    notOk: [
      {
        files: { 'kata.md': '* Faster boot\n* New runtime\n* better logs' },
        messages: ['kata.md:3:3 this item starts in lower case ("better"), the others of its list with a capital; write "Better".'],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const list of nodesOfType(doc, 'list') as List[]) {
        const starts = list.children.map((item) => ({ item, word: firstWord(item) }));
        const letters = starts.filter((s) => s.word !== undefined);
        if (letters.length < MIN_ITEMS) continue;
        const capitals = letters.filter((s) => /^\p{Lu}/u.test(s.word!)).length;
        if (capitals * 2 <= letters.length) continue;
        for (const { item, word } of letters) {
          // A word with a capital inside (iOS, eBPF) is a name written so on purpose.
          if (!word || /^\p{Lu}/u.test(word) || /\p{Lu}/u.test(word)) continue;
          const paragraph = item.children[0]!;
          report({
            file,
            ...nodeRange(paragraph),
            endLine: undefined,
            endColumn: undefined,
            message: `this item starts in lower case ("${word}"), the others of its list with a capital; write "${word[0]!.toUpperCase()}${word.slice(1)}".`,
          });
        }
      }
    }
  },
});

/** The word an item starts with, when it starts with plain text (not code, a link or a number). */
function firstWord(item: Nodes): string | undefined {
  const paragraph = 'children' in item ? (item.children as Nodes[])[0] : undefined;
  if (!paragraph || paragraph.type !== 'paragraph') return undefined;
  let first: Nodes | undefined = paragraph.children[0];
  while (first && (first.type === 'strong' || first.type === 'emphasis')) first = first.children[0];
  if (!first || first.type !== 'text') return undefined;
  return /^\p{L}[\p{L}\p{M}'\u2019-]*/u.exec(first.value)?.[0];
}
