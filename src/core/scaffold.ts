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
  /** How the post heads its sections, written into issue.md when given (the site's convention, where config says otherwise). */
  headingLevel?: number;
  taglines?: boolean;
  /** Events to start the events section with (the site's own upcoming ones), as its `events:` front matter. */
  events?: { name: string; url: string; start: string; end?: string; location?: string }[];
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
  const heading = {
    ...(answers.headingLevel !== undefined ? { headingLevel: answers.headingLevel } : {}),
    ...(answers.taglines !== undefined ? { taglines: answers.taglines } : {}),
  };
  files.set('issue.md', [
    '---',
    stringify(meta, { lineWidth: 80 }).trimEnd(),
    ...(Object.keys(heading).length > 0 ? ['# How the site\'s latest newsletter post heads its sections.', stringify(heading).trimEnd()] : []),
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
    if (section) files.set(`${section.id}.md`, scaffoldFragment(section, answers.taglines ?? config.taglines, section.id === 'events' ? answers.events : undefined));
  }
  return files;
}

/** A fragment to write, its guide in a comment; `taglines`: whether its heading will carry the section's tagline. */
export function scaffoldFragment(section: SectionConfig, taglines: boolean, events?: NewIssueAnswers['events']): string {
  const heading = taglines ? sectionHeading(section) : section.heading;
  return [
    '---',
    `# title: a heading of its own (replaces "${heading}")`,
    section.owner ? stringify({ owner: section.owner }).trimEnd() : '# owner: who writes this section',
    'status: draft',
    ...(events && events.length > 0
      ? ['# The site\'s own upcoming events: check each, add deadlines (label, url, date, timezone), remove what does not belong.', stringify({ events }, { lineWidth: 0 }).trimEnd()]
      : []),
    '---',
    '<!--',
    heading,
    '',
    ...wrapComment(section.guide),
    'Set status to ready when the section is done. Comments never reach readers.',
    '-->',
    '',
  ].join('\n');
}

/** The guide's lines, each wrapped at 88 characters; lines it breaks itself (an example) stay as they are. */
function wrapComment(text: string): string[] {
  // A line that fits stays as written, indentation and all: an example (YAML) is copied out as it is.
  return text.split('\n').flatMap((paragraph) => (paragraph.trim() === '' ? [''] : paragraph.length <= 88 ? [paragraph] : wrapLine(paragraph)));
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
