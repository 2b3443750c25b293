import { closest } from '../../core/suggest.js';
import { defineRule } from '../rule.js';

export const unknownSection = defineRule({
  id: 'unknown-section',
  defaultSeverity: 'error',
  description:
    'A fragment file that no configured section names (a misspelt name, a scratch file): it would be published as a section of its own, at the end of the post. An error when its name is close to a section the issue lacks (startingx.md beside no starlingx.md: the section is misnamed), otherwise a warning. A fragment with its own `title` (as `import` writes) is a deliberate section.',
  examples: {
    ok: [{ files: { 'starlingx.md': '* News' } }, { files: { 'openinfra-summit.md': '---\ntitle: OpenInfra Summit Europe\n---\n* News' } }],
    notOk: [
      {
        files: { 'starlinx.md': '* News' },
        messages: [
          'starlinx.md:1:1 no section is named "starlinx", so this file would be published as a section of its own, at the end of the post; did you mean starlingx.md?',
        ],
      },
      {
        files: { 'startingx.md': '* News', 'starlingx.md': '* More news' },
        messages: [
          'startingx.md:1:1 no section is named "startingx", so this file would be published as a section of its own, at the end of the post; did you mean starlingx.md?',
        ],
      },
      {
        files: { 'draft-ideas.md': '* Ideas' },
        messages: [
          'draft-ideas.md:1:1 no section is named "draft-ideas", so this file would be published as a section of its own, at the end of the post; rename it to a section\'s id (spotlight, foundation, openstack, kata, starlingx, zuul, opendev, events), or give it a title: to publish it as a section of its own.',
        ],
      },
    ],
  },
  check({ issue, config, report }) {
    const ids = config.sections.map((s) => s.id);
    const listed = issue.introParts?.data.sections;
    const present = new Set(issue.fragments.map((f) => f.id));
    for (const fragment of issue.fragments) {
      // Named by config, titled by its writer, or listed in issue.md's sections: meant to be there.
      if (fragment.section || fragment.hasOwnTitle || (Array.isArray(listed) && listed.includes(fragment.id))) continue;
      const near = closest(fragment.id, ids);
      const advice = near
        ? `did you mean ${near}.md?`
        : `rename it to a section's id (${ids.join(', ')}), or give it a title: to publish it as a section of its own.`;
      // Close to a section the issue lacks, the file is that section misnamed: it would be missing, and this one misplaced.
      const misnamed = near !== undefined && !present.has(near);
      report({
        file: fragment.path,
        line: 1,
        message: `no section is named "${fragment.id}", so this file would be published as a section of its own, at the end of the post; ${advice}`,
        ...(misnamed ? {} : { severity: 'warn' as const }),
      });
    }
  },
});
