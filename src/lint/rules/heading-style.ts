import type { Heading } from 'mdast';
import { textOf } from '../../core/markdown/markdown.js';
import { defineRule } from '../rule.js';
import { nodeRange, nodesOfType } from '../source.js';
import { frontMatterKeyLine, frontMatterLineText } from '../../core/issue/front-matter.js';

export const headingStyle = defineRule({
  id: 'heading-style',
  defaultSeverity: 'warn',
  fixable: true,
  description:
    'Bold inside a heading (headings are bold already; --fix removes the marks), a heading inside a fragment at or above the section level, a heading that skips levels after another of the fragment (#### then ######), an empty heading.',
  examples: {
    ok: [{ files: { 'events.md': '#### OpenInfra Summit Europe\n\n* 17-19 October\n\n##### Sponsors\n\nThanks!' } }],
    notOk: [
      {
        files: { 'events.md': '#### **Upcoming OpenInfra and Community Events**' },
        messages: ['events.md:1:1 bold inside a heading; headings are bold already, so remove the ** marks.'],
        fixed: { 'events.md': '#### Upcoming OpenInfra and Community Events' },
      },
      {
        files: { 'events.md': '#### **Summit** in __Paris__ and *Berlin*' },
        messages: ['events.md:1:1 bold inside a heading; headings are bold already, so remove the ** marks.'],
        fixed: { 'events.md': '#### Summit in Paris and *Berlin*' },
      },
      {
        files: { 'events.md': '## Community Events' },
        messages: ['events.md:1:1 a level 2 heading inside a section, whose own heading is level 3; use #### for a part of this section.'],
      },
      { files: { 'events.md': '#### Summit\n\n###### Sponsors' }, messages: ['events.md:3:1 this heading skips from level 4 to 6; use #####.'] },
      { files: { 'events.md': '####\n\nText' }, messages: ['events.md:1:1 an empty heading; give it words or remove the # marks.'] },
      {
        files: { 'events.md': '---\ntitle: "**Community Events**"\n---\nText' },
        messages: ['events.md:2:1 the title is wrapped in bold; headings are bold already, so remove the ** marks.'],
        fixed: { 'events.md': '---\ntitle: "Community Events"\n---\nText' },
      },
    ],
  },
  check({ docs, issue, report }) {
    const sectionLevel = issue.headingLevel;
    for (const { file, doc, fragment } of docs) {
      if (fragment?.hasOwnTitle && /\*\*|__/.test(fragment.heading)) {
        const line = frontMatterKeyLine(fragment.parts, 'title');
        const lineText = frontMatterLineText(fragment.parts, line);
        const key = /^\s*title\s*:/.exec(lineText)?.[0] ?? '';
        const unbolded = key + lineText.slice(key.length).replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2');
        report({
          file,
          line,
          column: 1,
          endLine: line,
          endColumn: lineText.length + 1,
          message: 'the title is wrapped in bold; headings are bold already, so remove the ** marks.',
          ...(key && unbolded !== lineText ? { fix: { original: lineText, text: unbolded } } : {}),
        });
      }
      // Levels are skipped between a section's own parts; its first part may sit at any level below the section's heading (a post's ### under its title).
      let previous: number | undefined;
      for (const heading of nodesOfType(doc, 'heading') as Heading[]) {
        const range = nodeRange(heading);
        if (textOf(heading).trim() === '') {
          report({ file, ...range, message: 'an empty heading; give it words or remove the # marks.' });
          continue;
        }
        if (heading.children.some((c) => c.type === 'strong')) {
          report({
            file,
            ...range,
            message: 'bold inside a heading; headings are bold already, so remove the ** marks.',
            fix: withoutBold(doc.source, heading),
          });
        }
        if (fragment && heading.depth <= sectionLevel) {
          report({
            file,
            ...range,
            message: `a level ${heading.depth} heading inside a section, whose own heading is level ${sectionLevel}; use ${'#'.repeat(sectionLevel + 1)} for a part of this section.`,
          });
        } else if (previous !== undefined && heading.depth > previous + 1) {
          report({ file, ...range, message: `this heading skips from level ${previous} to ${heading.depth}; use ${'#'.repeat(previous + 1)}.` });
        }
        previous = heading.depth;
      }
    }
  },
});

/** The heading's source with the marks of its bold parts taken out, the rest as written. */
function withoutBold(source: string, heading: Heading): { original: string; text: string } | undefined {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  let text = '';
  let at = start;
  for (const child of heading.children) {
    if (child.type !== 'strong') continue;
    const first = child.children[0]?.position?.start.offset;
    const last = child.children.at(-1)?.position?.end.offset;
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (first === undefined || last === undefined || from === undefined || to === undefined) return undefined;
    text += source.slice(at, from) + source.slice(first, last);
    at = to;
  }
  return { original: source.slice(start, end), text: text + source.slice(at, end) };
}
