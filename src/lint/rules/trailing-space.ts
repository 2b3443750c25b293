import { defineRule } from '../rule.js';
import { nodesOfType, positionAt } from '../source.js';

export const trailingSpace = defineRule({
  id: 'trailing-space',
  defaultSeverity: 'warn',
  fixable: true,
  description:
    'Whitespace at the end of a line that changes an output: two spaces or more inside a paragraph make a line break no one sees in the source (--fix writes it as a backslash, which breaks the line the same way), and a no-break space ends a heading it is kept in (--fix removes it). Whitespace at the end of a paragraph, a list item or any other line changes nothing readers see, and is left alone.',
  examples: {
    ok: [{ files: { 'kata.md': 'Kata 3.14 is out.\\\nUpgrade now.\n\n```\ncode   \n```\n\nKata 3.14 is out. \n\n* Upgrade now.\u00A0\n' } }],
    notOk: [
      {
        files: { 'kata.md': 'Kata 3.14 is out.  \nUpgrade now.' },
        messages: ['kata.md:1:18 a line break made of trailing spaces, which no one sees in the source; end the line with a backslash instead.'],
        fixed: { 'kata.md': 'Kata 3.14 is out.\\\nUpgrade now.' },
      },
      {
        files: { 'kata.md': '## Kata Containers\u00A0\n\nA release.\n' },
        messages: ['kata.md:1:19 a no-break space at the end of the heading, which keeps it; remove it.'],
        fixed: { 'kata.md': '## Kata Containers\n\nA release.\n' },
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc, at } of docs) {
      // Front matter values are one line each, already trimmed by YAML.
      if (at) continue;
      const breaks = new Set(nodesOfType(doc, 'break').map((node) => node.position?.start.offset));
      const headings = nodesOfType(doc, 'heading').map((node) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const);
      for (const match of doc.source.matchAll(/(?<![ \t\u00A0])[ \t\u00A0]+(?=\r?\n|$)/g)) {
        const offset = match.index ?? 0;
        // A hard break is two spaces or more; what it starts with is where the break node starts.
        const hardBreak = breaks.has(offset) && /^[ \t]+$/.test(match[0]);
        // Markdown trims spaces and tabs off a heading, never a no-break space.
        const inHeading = match[0].includes('\u00A0') && headings.some(([start, end]) => offset >= start && offset <= end);
        if (!hardBreak && !inHeading) continue;
        const from = positionAt(doc, offset);
        const to = positionAt(doc, offset + match[0].length);
        report({
          file,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          message: hardBreak
            ? 'a line break made of trailing spaces, which no one sees in the source; end the line with a backslash instead.'
            : 'a no-break space at the end of the heading, which keeps it; remove it.',
          fix: { original: match[0], text: hardBreak ? '\\' : '' },
        });
      }
    }
  },
});
