import type { Nodes } from 'mdast';
import { textOf } from '../../core/markdown/markdown.js';
import { defineRule } from '../rule.js';
import { nodeRange } from '../source.js';

export const paragraphHeading = defineRule({
  id: 'paragraph-heading',
  defaultSeverity: 'warn',
  description:
    'A line that is only a section\'s name ("OpenStack", "**OpenStack**"), written as a paragraph: the post shows it as body text under the section\'s own heading.',
  examples: {
    ok: [{ files: { 'openstack.md': 'OpenStack 2025.1 Epoxy is out.\n\n### Releases\n\n* Nova' } }],
    notOk: [
      {
        files: { 'openstack.md': '**OpenStack**\n\n* Epoxy is out.' },
        messages: [
          'openstack.md:1:1 "OpenStack" is a section\'s name written as a paragraph; the section has its heading already, so remove the line (or write ### for a part of the section).',
        ],
      },
      {
        files: { 'events.md': '* Summit\n\nStarlingX\n\n* 11.0 is out.' },
        messages: [
          'events.md:3:1 "StarlingX" is a section\'s name written as a paragraph; the section has its heading already, so remove the line (or write ### for a part of the section).',
        ],
      },
    ],
  },
  check({ issue, config, docs, report }) {
    const names = new Set<string>();
    const add = (name: string) => names.add(name.replace(/[*_]/g, '').trim().toLowerCase());
    for (const section of config.sections) {
      add(section.heading);
      for (const alias of section.aliases) add(alias);
    }
    for (const fragment of issue.fragments) add(fragment.heading);
    for (const { file, doc, fragment } of docs) {
      if (!fragment) continue;
      for (const node of doc.tree.children as Nodes[]) {
        if (node.type !== 'paragraph' || !node.children.every((c) => c.type === 'text' || c.type === 'strong' || c.type === 'emphasis')) continue;
        const text = textOf(node).trim();
        if (!names.has(text.replace(/:$/, '').toLowerCase())) continue;
        report({
          file,
          ...nodeRange(node),
          message: `"${text}" is a section's name written as a paragraph; the section has its heading already, so remove the line (or write ### for a part of the section).`,
        });
      }
    }
  },
});
