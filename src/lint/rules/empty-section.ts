import { defineRule } from '../rule.js';

export const emptySection = defineRule({
  id: 'empty-section',
  defaultSeverity: 'warn',
  description: "A section that is not required and holds nothing but comments: it is left out of the issue. (A required one is `required-section`'s.)",
  examples: {
    ok: [{ files: { 'kata.md': '<!-- Kata news -->\n* Kata 3.14 is out.' } }],
    notOk: [
      {
        files: { 'kata.md': '<!-- Kata news: releases, events -->\n' },
        messages: ['kata.md:1:1 section "kata" holds nothing yet and is left out of the issue; write it, or delete the file.'],
      },
    ],
  },
  check({ issue, config, report }) {
    for (const fragment of issue.fragments) {
      if (!fragment.empty || fragment.hasOwnTitle) continue;
      if (config.sections.find((s) => s.id === fragment.id)?.required) continue;
      report({
        file: fragment.path,
        line: fragment.parts.bodyLine,
        message: `section "${fragment.id}" holds nothing yet and is left out of the issue; write it, or delete the file.`,
      });
    }
  },
});
