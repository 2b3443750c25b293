import { defineRule } from '../rule.js';

export const frontMatter = defineRule({
  id: 'front-matter',
  defaultSeverity: 'error',
  description: 'Issue or fragment front matter that does not parse, has wrong types or an impossible date; unknown keys are warnings.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: 2025-04-21\n---\n', 'kata.md': '---\nstatus: ready\n---\n* News' } },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ntitle: Inside: April\n---\n' },
        messages: ['issue.md:2:8 front matter is not valid YAML: Nested mappings are not allowed in compact mappings.'],
      },
      {
        files: { 'issue.md': '---\ndate: 21 April 2025\n---\n' },
        messages: ['issue.md:2:1 "date" is not a date (21 April 2025); write it YYYY-MM-DD, such as 2025-04-21.'],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-02-30\n---\n' },
        messages: ['issue.md:2:1 "date" is not a day of the calendar: February 2025 has 28 days (2025-02-30).'],
      },
      {
        files: { 'issue.md': '---\ndate: 02/09/2026\n---\n' },
        messages: ['issue.md:2:1 "date" can be read two ways (02/09/2026: day or month first?); write it YYYY-MM-DD, such as 2025-04-21.'],
      },
      {
        files: { 'kata.md': '---\nstatus: done\n---\n* News' },
        messages: [
          'issue.md:1:1 the issue has no issue.md; add one with its title, author and date (newsletter new makes it).',
          'kata.md:2:1 "status" must be draft or ready.',
        ],
      },
      {
        files: { 'kata.md': '---\nownr: Jo\n---\n* News' },
        messages: [
          'issue.md:1:1 the issue has no issue.md; add one with its title, author and date (newsletter new makes it).',
          'kata.md:2:1 unknown front matter key "ownr"; did you mean "owner"?',
        ],
      },
      {
        files: { 'openstack.md': '* News' },
        messages: ['issue.md:1:1 the issue has no issue.md; add one with its title, author and date (newsletter new makes it).'],
      },
    ],
  },
  check({ issue, report }) {
    if (!issue.path) {
      report({
        file: `sections/${issue.id.slug}/issue.md`,
        line: 1,
        message: 'the issue has no issue.md; add one with its title, author and date (newsletter new makes it).',
      });
    }
    for (const problem of issue.problems) {
      if (problem.ruleId !== 'front-matter') continue;
      report({
        file: problem.file,
        line: problem.line,
        column: problem.column,
        message: problem.message,
        hint: problem.hint,
        severity: problem.severity === 'warn' ? 'warn' : undefined,
      });
    }
  },
});
