import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { defineRule } from '../rule.js';

export const draftSection = defineRule({
  id: 'draft-section',
  defaultSeverity: 'warn',
  description: 'A section whose writer marked it `status: draft`: an issue is not ready while one is.',
  examples: {
    ok: [{ files: { 'kata.md': '---\nstatus: ready\n---\n* Kata 3.14 is out.' } }],
    notOk: [
      {
        files: { 'kata.md': '---\nstatus: draft\n---\n* Kata 3.14 is out.' },
        messages: ['kata.md:2:1 section "kata" is still marked draft; set status: ready when it is done.'],
      },
    ],
  },
  check({ issue, report }) {
    for (const fragment of issue.fragments) {
      if (fragment.status !== 'draft') continue;
      report({
        file: fragment.path,
        line: frontMatterKeyLine(fragment.parts, 'status'),
        message: `section "${fragment.id}" is still marked draft; set status: ready when it is done.`,
      });
    }
  },
});
