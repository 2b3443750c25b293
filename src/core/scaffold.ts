import { stringify } from 'yaml';
import { sectionHeading, type Config, type SectionConfig } from './config.js';
import { resolveBlogMeta } from './issue.js';
import type { IssueId } from './slug.js';

export interface NewIssueAnswers {
  title: string;
  author: string;
  date: string;
  description: string;
  sections: string[];
}

/** The files of a new issue, by file name within its folder. Pure. */
export function scaffoldIssue(id: IssueId, answers: NewIssueAnswers, config: Config): Map<string, string> {
  const files = new Map<string, string>();
  const meta = resolveBlogMeta(
    { title: answers.title, author: answers.author, date: answers.date, seo: { description: answers.description } },
    id,
    config,
  );
  // The SEO title follows the title the editor chose.
  meta.seo.title = answers.title;
  files.set('issue.md', [
    '---',
    stringify(meta, { lineWidth: 80 }).trimEnd(),
    '# Email only: subject (default: the title) and preheader (default: seo.description).',
    '---',
    '<!--',
    'What stands above the first section: usually the hero image, with alt text that says',
    'what it shows, such as ![OpenInfra Summit Europe 2025 in Paris](/img/summit-hero.png).',
    'Comments like this one never reach readers.',
    '-->',
    '',
  ].join('\n'));
  for (const sectionId of answers.sections) {
    const section = config.sections.find((s) => s.id === sectionId);
    if (section) files.set(`${section.id}.md`, scaffoldFragment(section));
  }
  return files;
}

export function scaffoldFragment(section: SectionConfig): string {
  return [
    '---',
    `# title: a heading of its own (replaces "${sectionHeading(section)}")`,
    section.owner ? stringify({ owner: section.owner }).trimEnd() : '# owner: who writes this section',
    'status: draft',
    '---',
    '<!--',
    `${sectionHeading(section)}`,
    '',
    ...wrapComment(section.guide),
    'Set status to ready when the section is done. Comments never reach readers.',
    '-->',
    '',
  ].join('\n');
}

/** The guide's lines, each wrapped at 88 characters; lines it breaks itself (an example) stay as they are. */
function wrapComment(text: string): string[] {
  return text.split('\n').flatMap((paragraph) => (paragraph.trim() === '' ? [''] : wrapLine(paragraph)));
}

function wrapLine(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 88) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
