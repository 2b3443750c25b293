import { stringify } from 'yaml';
import { withFrontMatterKey } from './front-matter.js';
import { EVENTS_SECTION, sectionHeading, type Config, type SectionConfig } from '../config/config.js';
import { resolveBlogMeta, titleFromId } from './issue.js';
import { joinLines } from '../text.js';
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
  /** Sections of this issue alone, with their headings and owners. */
  ownSections?: SectionConfig[];
  /** The reading order, when it is not config's: issue.md keeps it as `sections:`. */
  order?: string[];
  /** Headings of config's sections as the site's latest newsletter post writes them, where they differ: written as the fragment's `title`. */
  sectionHeadings?: Record<string, string>;
  /** Events to start the events section with (the site's own upcoming ones), as its `events:` front matter. */
  events?: { name: string; url: string; start: string; end?: string; location?: string }[];
}

/** The files of a new issue, by file name within its folder. Pure. */
export function scaffoldIssue(id: IssueId, answers: NewIssueAnswers, config: Config): Map<string, string> {
  const files = new Map<string, string>();
  const meta = resolveBlogMeta({ title: answers.title, author: answers.author, date: answers.date, seo: { description: answers.description } }, id, config);
  // The SEO title follows the title the editor chose.
  meta.seo.title = answers.title;
  const heading = {
    ...(answers.headingLevel !== undefined ? { headingLevel: answers.headingLevel } : {}),
    ...(answers.taglines !== undefined ? { taglines: answers.taglines } : {}),
  };
  files.set(
    'issue.md',
    [
      '---',
      stringify(meta, { lineWidth: 80 }).trimEnd(),
      ...(Object.keys(heading).length > 0 ? ["# How the site's latest newsletter post heads its sections.", stringify(heading).trimEnd()] : []),
      '# Email only: subject (default: the title) and preheader (default: seo.description).',
      '---',
      '<!--',
      'What stands above the first section: usually the hero image, with alt text that says',
      'what it shows, such as ![OpenInfra Summit Europe 2025 in Paris](/img/summit-hero.png).',
      'Comments like this one never reach readers.',
      '-->',
      '',
    ].join('\n'),
  );
  for (const sectionId of answers.sections) {
    const section = config.sections.find((s) => s.id === sectionId);
    if (section)
      files.set(
        `${section.id}.md`,
        scaffoldFragment(
          section,
          answers.taglines ?? config.taglines,
          section.id === EVENTS_SECTION ? answers.events : undefined,
          false,
          answers.sectionHeadings?.[section.id],
        ),
      );
  }
  for (const section of answers.ownSections ?? []) files.set(`${section.id}.md`, scaffoldFragment(section, false, undefined, true));
  if (answers.order) files.set('issue.md', withSectionOrder(files.get('issue.md')!, answers.order));
  return files;
}

/**
 * A fragment to write, its guide in a comment; `taglines`: whether its heading will carry the
 * section's tagline. A section of the issue's own (not in config) writes its heading as `title`.
 */
export function scaffoldFragment(section: SectionConfig, taglines: boolean, events?: NewIssueAnswers['events'], own = false, siteHeading?: string): string {
  const heading = siteHeading ?? (taglines ? sectionHeading(section) : section.heading);
  return [
    '---',
    own
      ? stringify({ title: section.heading, ...(section.tagline ? { tagline: section.tagline } : {}) }).trimEnd()
      : siteHeading
        ? `# As the site's latest newsletter post heads this section (config's heading: "${oneLine(section.heading)}").\n${stringify({ title: siteHeading }).trimEnd()}`
        : `# title: a heading of its own (replaces "${oneLine(heading)}")`,
    section.owner ? stringify({ owner: section.owner }).trimEnd() : '# owner: who writes this section',
    ...(own && section.required ? ['required: true'] : []),
    'status: draft',
    ...(events && events.length > 0
      ? [
          "# The site's own upcoming events: check each, add deadlines (label, url, date, timezone), remove what does not belong.",
          stringify({ events }, { lineWidth: 0 }).trimEnd(),
        ]
      : []),
    '---',
    '<!--',
    inComment(oneLine(heading)),
    '',
    ...wrapComment(inComment(section.guide)),
    'Set status to ready when the section is done. Comments never reach readers.',
    '-->',
    '',
  ].join('\n');
}

/** A heading as a comment's line holds it: a line break in it would end a YAML comment, and start a key. */
function oneLine(text: string): string {
  // YAML ends a line at a lone CR too.
  return joinLines(text.replace(/\r/g, '\n'));
}

/**
 * Text set inside the guide's HTML comment: a `-->` (or `--!>`) in it would end the comment
 * early, and what follows, meant as a guide, would reach readers; `<!--` would open another.
 * Spaced out, they read the same to a person and end nothing.
 */
function inComment(text: string): string {
  return text.replace(/<!--|--!?>/g, (marker) => [...marker].join(' '));
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

/** A section this issue alone has: its heading (from its id when none is given), and a guide for its writer. */
export function ownSection(id: string, heading?: string, owner?: string, more: { tagline?: string; required?: boolean } = {}): SectionConfig {
  return {
    id,
    heading: heading?.trim() || titleFromId(id),
    required: more.required === true,
    inNewIssue: false,
    aliases: [],
    ...(owner ? { owner } : {}),
    ...(more.tagline?.trim() ? { tagline: more.tagline.trim() } : {}),
    guide: 'A section of this issue alone. Write it as the others are: short paragraphs or a bulleted list, a link to read more, alt text on every image.',
  };
}

/** issue.md with its reading order as one visible list, `sections: [a, b, c]`, in place of any it had; the rest as written. */
export function withSectionOrder(issueText: string, order: readonly string[], file?: string): string {
  return withFrontMatterKey(issueText, 'sections', `sections: [${order.join(', ')}]`, file);
}
