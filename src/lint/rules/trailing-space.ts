import type { Rule } from '../types.js';
import { nodesOfType, positionAt } from '../source.js';

export const trailingSpace: Rule = {
  id: 'trailing-space',
  defaultSeverity: 'warn',
  fixable: true,
  description: 'Spaces, tabs or no-break spaces at the end of a line. Two or more inside a paragraph make a line break no one sees in the source: --fix writes it as a backslash, which breaks the line the same way; anywhere else --fix removes them.',
  examples: {
    ok: [{ files: { 'kata.md': 'Kata 3.14 is out.\\\nUpgrade now.\n\n```\ncode   \n```' } }],
    notOk: [
      { files: { 'kata.md': 'Kata 3.14 is out. \n\nUpgrade now.\t\n\nSee you!\u00A0\n' }, messages: ['kata.md:1:18 a space at the end of the line; remove it.', 'kata.md:3:13 a space at the end of the line; remove it.', 'kata.md:5:9 a no-break space at the end of the line; remove it.'], fixed: { 'kata.md': 'Kata 3.14 is out.\n\nUpgrade now.\n\nSee you!\n' } },
      { files: { 'kata.md': 'Kata 3.14 is out.  \nUpgrade now.' }, messages: ['kata.md:1:18 a line break made of trailing spaces, which no one sees in the source; end the line with a backslash instead.'], fixed: { 'kata.md': 'Kata 3.14 is out.\\\nUpgrade now.' } },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc, at } of docs) {
      // Front matter values are one line each, already trimmed by YAML.
      if (at) continue;
      const breaks = new Set(nodesOfType(doc, 'break').map((node) => node.position?.start.offset));
      const code = nodesOfType(doc, 'code').map((node) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const);
      for (const match of doc.source.matchAll(/(?<![ \t\u00A0])[ \t\u00A0]+(?=\r?\n|$)/g)) {
        const offset = match.index ?? 0;
        if (code.some(([start, end]) => offset >= start && offset < end)) continue;
        const from = positionAt(doc, offset);
        const to = positionAt(doc, offset + match[0].length);
        // A hard break is two spaces or more; what it starts with is where the break node starts.
        const hardBreak = breaks.has(offset) && /^[ \t]+$/.test(match[0]);
        report({
          file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
          message: hardBreak ? 'a line break made of trailing spaces, which no one sees in the source; end the line with a backslash instead.' : `${match[0].includes('\u00A0') ? 'a no-break space' : 'a space'} at the end of the line; remove it.`,
          fix: { original: match[0], text: hardBreak ? '\\' : '' },
        });
      }
    }
  },
};
