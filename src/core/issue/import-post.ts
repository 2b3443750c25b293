import type { Heading, Paragraph, RootContent } from 'mdast';
import { LIMITS } from '../limits.js';
import { joinLines, trimEndOf } from '../text.js';
import { stringify } from 'yaml';
import { CliError } from '../../errors.js';
import { sectionHeading, type Config, type SectionConfig } from '../config/config.js';
import { parseSourceParts, withFrontMatterKey } from './front-matter.js';
import { findPathologicalMarkdown, parseMarkdown, textOf, type MarkdownDoc } from '../markdown/markdown.js';
import { findIssueInSlug, findIssueInWords, slugOf, type IssueId } from './slug.js';

/** A published post as an issue: issue.md and one fragment per section, by file name. */
export interface ImportedIssue {
  id: IssueId;
  files: Map<string, string>;
  /** Section ids in reading order, and the headings no section claimed. */
  sections: string[];
  unrecognised: string[];
}

/** Where a section starts: a heading, or a bold line that names a configured section. */
interface Cut {
  start: number;
  bodyStart: number;
  /** The heading as written, inline Markdown (links and bold kept). */
  title: string;
  text: string;
  /** The heading's level; undefined for a bold line. */
  depth: number | undefined;
}

/**
 * Splits a published post into an issue, losslessly: the front matter is kept as written in
 * issue.md, what stands before the first heading is the intro, and each heading starts a
 * fragment whose body is the post's Markdown between it and the next, byte for byte.
 */
export function importPost(text: string, file: string, config: Config, slug?: IssueId): ImportedIssue {
  if (text.trim() === '') throw new CliError('this file is empty, not a published post.', { file });
  const parts = parseSourceParts(text, file);
  if (!parts.hasFrontMatter) {
    throw new CliError('this is not a published post: it has no front matter between --- lines.', {
      file,
      line: 1,
      hint: "Import the .md file of a post from the site's src/pages/blog/.",
    });
  }
  const id = slug ?? issueIdOf(parts.data.title, file);
  // A post is a whole issue: the same bounds as an issue's fragments, with an issue's lines.
  const pathology = findPathologicalMarkdown(parts.body, LIMITS.issueLines);
  if (pathology)
    throw new CliError(pathology.reason, {
      file,
      line: parts.bodyLine + pathology.line - 1,
      hint: 'Simplify it: a newsletter needs two or three levels and a few links per paragraph.',
    });
  const doc = parseMarkdown(parts.body, parts.bodyLine);
  const cuts = findCuts(doc, config);
  if (cuts.length > LIMITS.fragmentsPerIssue) {
    throw new CliError(`this post has ${cuts.length} headings, each a section; an issue has a dozen, and at most ${LIMITS.fragmentsPerIssue} are imported.`, {
      file,
      hint: 'Check that this is one newsletter issue, not a page of another kind.',
    });
  }

  const files = new Map<string, string>();
  // Whether the post's sections are headed with their taglines ("OpenStack: Open source software for..."), as older posts are.
  const taglines = cuts.some((cut) => config.sections.some((s) => s.tagline && cut.title === sectionHeading(s)));
  const level = postHeadingLevel(cuts);
  const headOfFile = withIssueKeys(text.slice(0, text.length - parts.body.length), {
    ...(level !== undefined && level <= 4 && level !== config.headingLevel ? { headingLevel: level } : {}),
    ...(taglines !== config.taglines ? { taglines } : {}),
  });
  const intro = doc.source.slice(0, cuts[0]?.start ?? doc.source.length).replace(/^\n+/, '');
  files.set('issue.md', headOfFile + intro);

  const sections: string[] = [];
  const unrecognised: string[] = [];
  const used = new Set<string>();
  cuts.forEach((cut, index) => {
    const claimed = config.sections.find((s) => claims(s, cut.text) && !used.has(s.id));
    const isLead =
      index === 0 &&
      !claimed &&
      !used.has('spotlight') &&
      cuts.slice(1).some((c) =>
        claims(
          config.sections.find((s) => s.id === 'foundation'),
          c.text,
        ),
      );
    let id = isLead ? 'spotlight' : claimed?.id;
    if (!id) {
      unrecognised.push(cut.text);
      id = uniqueId(slugify(cut.text), used);
    }
    used.add(id);
    sections.push(id);
    const section = config.sections.find((s) => s.id === id);
    const end = cuts[index + 1]?.start ?? doc.source.length;
    const body = doc.source.slice(cut.bodyStart, end).replace(/^\n+/, '');
    // The post's heading stays the fragment's title wherever it differs from config's.
    const ownTitle = !section || cut.title !== (taglines ? sectionHeading(section) : section.heading) ? cut.title : undefined;
    const front = stringify({ ...(ownTitle ? { title: ownTitle } : {}), order: index + 1 }, { lineWidth: 0 });
    files.set(`${id}.md`, `---\n${front}---\n${body}`);
  });
  return { id, files, sections, unrecognised };
}

/** The level most of the post's section headings have; undefined when it has none. */
function postHeadingLevel(cuts: Cut[]): number | undefined {
  const counts = new Map<number, number>();
  for (const { depth } of cuts) if (depth !== undefined) counts.set(depth, (counts.get(depth) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * The post's front matter as written, and the issue.md keys that keep its sections headed as
 * they were where the config heads them otherwise (an older post used # or ##, and taglines).
 */
function withIssueKeys(head: string, keys: { headingLevel?: number; taglines?: boolean }): string {
  if (!head.startsWith('---')) return head;
  return Object.entries(keys).reduce((text, [key, value]) => withFrontMatterKey(text, key, stringify({ [key]: value }).trimEnd()), head);
}

function issueIdOf(title: unknown, file: string): IssueId {
  const found = (typeof title === 'string' ? findIssueInWords(title) : undefined) ?? findIssueInSlug(file.split(/[\\/]/).pop() ?? '');
  if (!found) {
    throw new CliError('cannot tell which issue this post is: its title names no month and year.', {
      file,
      hint: 'Name it with --issue, such as --issue june-2025.',
    });
  }
  return found.id;
}

/** Top-level headings, and bold lines that name a section other than the one they stand in. */
function findCuts(doc: MarkdownDoc, config: Config): Cut[] {
  const cuts: Cut[] = [];
  let current: SectionConfig | undefined;
  for (const node of doc.tree.children) {
    const heading = node.type === 'heading' ? node : undefined;
    const boldLine = node.type === 'paragraph' ? asBoldLine(node) : undefined;
    if (!heading && !boldLine) continue;
    const text = normaliseSpace(textOf(node));
    if (boldLine) {
      const names = config.sections.find((s) => claims(s, text));
      if (!names || names === current) continue;
    }
    const cut = cutAt(doc, (heading ?? boldLine)!, text);
    current = config.sections.find((s) => claims(s, text)) ?? current;
    cuts.push(cut);
  }
  return cuts;
}

function asBoldLine(paragraph: Paragraph): Paragraph | undefined {
  const visible = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  return visible.length === 1 && visible[0]!.type === 'strong' ? paragraph : undefined;
}

function cutAt(doc: MarkdownDoc, node: Heading | Paragraph, text: string): Cut {
  const start = node.position!.start.offset!;
  const bodyStart = node.position!.end.offset!;
  const inline = node.children as RootContent[];
  let title = text;
  if (node.type === 'heading' && inline.length > 0) {
    title = doc.source.slice(inline[0]!.position!.start.offset!, inline.at(-1)!.position!.end.offset!).trim();
  } else if (node.type === 'paragraph') {
    title = doc.source.slice(start, bodyStart).trim();
  }
  return { start, bodyStart, title: joinLines(title), text, depth: node.type === 'heading' ? node.depth : undefined };
}

/** Whether a heading's text names a section: its heading, heading and tagline, an alias. */
export function claims(section: SectionConfig | undefined, text: string): boolean {
  if (!section) return false;
  const said = normalise(text);
  const names = [section.heading, sectionHeading(section), ...section.aliases].map(normalise);
  return names.includes(said) || said.startsWith(`${normalise(section.heading)}:`);
}

function normalise(text: string): string {
  return trimEndOf(normaliseSpace(text).toLowerCase().replace(/[*_`]/g, ''), (c) => /[\s:.!]/.test(c));
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A section id from a heading's words; never `issue`, the name issue.md already has. */
function slugify(text: string): string {
  const slug = slugOf(text);
  return slug === '' || slug === 'issue' ? 'section' : slug;
}

function uniqueId(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
