import { defineRule } from '../rule.js';

const SECTION_MARK = /<!-- section: ([a-z0-9-]+) -->/;

export const mjml = defineRule({
  id: 'mjml',
  defaultSeverity: 'error',
  description: "MJML's own validation errors in the email rendered from the issue, reported at the section they come from.",
  needs: ['email'],
  examples: {
    ok: [{ files: { 'kata.md': '* Kata 3.14 is out.' } }],
    notOk: [],
  },
  async check({ issue, email, report }) {
    const { mjml: source, errors } = await email();
    if (errors.length === 0) return;
    const lines = source.split('\n');
    for (const error of errors) {
      // The template marks where each section starts; an error belongs to the last one above it.
      const mark = lines
        .slice(0, error.line)
        .reverse()
        .map((l) => SECTION_MARK.exec(l)?.[1])
        .find(Boolean);
      const fragment = issue.fragments.find((f) => f.id === mark);
      report({
        file: fragment?.path ?? issue.path ?? `sections/${issue.id.slug}/issue.md`,
        line: 1,
        message: `MJML: ${error.message} (line ${error.line} of the built email.mjml)`,
      });
    }
  },
});
