import { sectionHeading } from '../../core/config/config.js';
import { defineRule } from '../rule.js';

export const requiredSection = defineRule({
  id: 'required-section',
  defaultSeverity: 'error',
  description:
    "A section that config marks required is missing, or holds nothing but comments; so does a section of the issue's own whose front matter says `required: true`.",
  messages: { empty: 'the required section "{{heading}}" holds nothing yet; write it, or ask its owner.' },
  examples: {
    ok: [{ files: { 'issue.md': '---\n---\n', 'events.md': '* Event' }, config: { sections: [{ id: 'events', required: true }] } }],
    notOk: [
      {
        files: { 'issue.md': '---\n---\n' },
        config: { sections: [{ id: 'events', required: true }] },
        messages: ['issue.md:1:1 the required section "Community Events" is missing; add events.md.'],
      },
      {
        files: { 'issue.md': '---\n---\n', 'events.md': '<!-- to do -->\n' },
        config: { sections: [{ id: 'events', required: true }] },
        messages: ['events.md:1:1 the required section "Community Events" holds nothing yet; write it, or ask its owner.'],
      },
      {
        files: { 'issue.md': '---\n---\n', 'summit-spotlight.md': '---\ntitle: Summit Spotlight\nrequired: true\n---\n<!-- to do -->\n' },
        config: { sections: [{ id: 'foundation', required: false }] },
        messages: ['summit-spotlight.md:5:1 the required section "Summit Spotlight" holds nothing yet; write it, or ask its owner.'],
      },
    ],
  },
  check({ issue, config, report }) {
    for (const section of config.sections.filter((s) => s.required)) {
      const fragment = issue.fragments.find((f) => f.id === section.id);
      if (!fragment) {
        report({
          file: issue.path ?? `sections/${issue.id.slug}/issue.md`,
          line: 1,
          message: `the required section "${sectionHeading(section)}" is missing; add ${section.id}.md.`,
        });
      } else if (fragment.empty) {
        report({ file: fragment.path, line: fragment.parts.bodyLine, messageId: 'empty', data: { heading: section.heading } });
      }
    }
    for (const fragment of issue.fragments.filter((f) => f.required && f.empty && !f.section?.required)) {
      report({ file: fragment.path, line: fragment.parts.bodyLine, messageId: 'empty', data: { heading: fragment.heading } });
    }
  },
});
