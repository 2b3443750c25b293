import { textOf } from '../../core/markdown/markdown.js';
import { defineRule } from '../rule.js';
import { nodeRange, nodesOfType } from '../source.js';

export const emptyLink = defineRule({
  id: 'empty-link',
  defaultSeverity: 'error',
  description: 'A link with no text ([](url)), which readers cannot see or click, or with no target ([text]()).',
  examples: {
    ok: [
      {
        files: {
          'events.md': '[OpenInfra Summit Europe](https://summit2025.openinfra.org/)\n\n[![Summit logo](/img/s.png)](https://summit2025.openinfra.org/)',
        },
      },
    ],
    notOk: [
      {
        files: { 'events.md': '**Upcoming Events**[](https://www.socallinuxexpo.org/scale/22x/)' },
        messages: [
          'events.md:1:20 a link with no text to https://www.socallinuxexpo.org/scale/22x/; put the words readers click between the brackets, or remove it.',
        ],
      },
      { files: { 'events.md': '[Register]()' }, messages: ['events.md:1:1 the link "Register" goes nowhere; put its address between the parentheses.'] },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const link of nodesOfType(doc, 'link')) {
        const hasImage = link.children.some((c) => c.type === 'image');
        if (!hasImage && textOf(link).trim() === '') {
          report({
            file,
            ...nodeRange(link),
            message: `a link with no text to ${link.url || 'nowhere'}; put the words readers click between the brackets, or remove it.`,
          });
        } else if (link.url.trim() === '') {
          report({ file, ...nodeRange(link), message: `the link "${textOf(link).trim()}" goes nowhere; put its address between the parentheses.` });
        }
      }
    }
  },
});
