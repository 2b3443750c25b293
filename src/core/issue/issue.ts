import type { Config, SectionConfig } from '../config/config.js';
import { fillPattern, sectionHeading } from '../config/config.js';
import { CliError } from '../../errors.js';
import { looseKeyLines, parseIsoDate, parseSourceParts, type SourceParts } from './front-matter.js';
import type { Root, RootContent } from 'mdast';
import { findPathologicalMarkdown, isEmptyMarkdown, parseMarkdown, visit, withoutComments, type MarkdownDoc } from '../markdown/markdown.js';
import { issueDateStyle } from '../dates/prose.js';
import { diagnosticToError, frontMatterDiagnostic, validateFragmentFrontMatter, validateIssueFrontMatter } from './issue-schema.js';
import type { Diagnostic } from '../diagnostic.js';
import { monthName, type IssueId } from './slug.js';
import { issueImageFolder, localImagePath, publishedImageName, type ImageFile } from '../images/images.js';
import { assignInviteSlugs, eventIcs, eventsMarkdown, readEvents, type EventProblem, type EventRendering, type IssueEvent } from '../events/events.js';

/** A file as read from the workspace: its path relative to the workspace, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What the disk holds for one issue; `issueFile` is undefined when issue.md is missing. */
export interface IssueSources {
  id: IssueId;
  issueFile: SourceFile | undefined;
  fragments: SourceFile[];
  /** The image files in the issue's folder (none when not read). */
  images?: ImageFile[];
  /** Files of the folder named as images that were refused: each an error at its file, and build stops. */
  unreadImages?: UnreadImage[];
}

/** A file of an issue's folder named as an image that was refused, and why (io/images.ts readIssueImages). */
export interface UnreadImage {
  /** Relative to the workspace, forward slashes. */
  path: string;
  message: string;
  hint?: string;
}

/** An image of the issue's own folder, and the site path it is published at. */
export interface LocalImage {
  file: ImageFile;
  /** Where the site serves it: config imagePath for the issue, then its published name. */
  sitePath: string;
  name: string;
}

/** The blog post's front matter, in the site's CMS schema. */
export interface BlogMeta {
  templateKey: string;
  title: string;
  author: string;
  date: string;
  category: { value: string; label: string }[];
  hidePost: boolean;
  seo: { title: string; url: string; twitterUsername: string; description: string };
}

export interface Fragment {
  /** The section id: the file name without `.md`. */
  id: string;
  path: string;
  /** The section in config, or undefined for a section this issue alone has. */
  section: SectionConfig | undefined;
  /** The heading text readers see (Markdown inline), from `title` or from config. */
  heading: string;
  /** Whether `heading` came from the fragment's own `title`. */
  hasOwnTitle: boolean;
  tagline: string | undefined;
  /** Config requires it, or its own front matter does (`required: true`, a section of the issue's own). */
  required: boolean;
  owner: string | undefined;
  status: 'draft' | 'ready' | undefined;
  order: number | undefined;
  parts: SourceParts;
  doc: MarkdownDoc;
  /** True when the fragment holds nothing but whitespace and comments. */
  empty: boolean;
  /** True when it holds something, all of which the URL policy leaves out of every output. */
  refusedWhole: boolean;
  /** Its `events:` front matter, read (those that could be), in the order of their dates. */
  events: IssueEvent[];
  /** What is wrong with that front matter, for the event-data rule. */
  eventProblems: EventProblem[];
  /** The events as the outputs show them (Markdown, and parsed); undefined without events. */
  eventsMarkdown: string | undefined;
  eventsDoc: MarkdownDoc | undefined;
  /** Where the events go: the index among the body's top-level blocks of its `<!-- events -->` line; undefined: after the body. */
  eventsAt: number | undefined;
}

export interface Issue {
  id: IssueId;
  path: string | undefined;
  meta: BlogMeta;
  /** Keys of issue.md the CLI does not know, kept as written for the blog post. */
  extraMeta: Record<string, unknown>;
  subject: string;
  preheader: string;
  /** What stands above the first section, usually the hero image. */
  intro: MarkdownDoc;
  introParts: SourceParts | undefined;
  /** Every fragment, in reading order (empty ones included: lint needs them). */
  fragments: Fragment[];
  /** Every problem with the sources: lint reports them all, build stops on the first fatal one. */
  problems: Diagnostic[];
  /** The images of the issue's folder, by their path relative to it (img/photo.png). */
  images: ReadonlyMap<string, LocalImage>;
  /** The level of the sections' headings in the post: issue.md's headingLevel, else config's. */
  headingLevel: number;
  /** Whether the sections' headings carry their taglines: issue.md's taglines, else config's. */
  taglines: boolean;
}

export const ISSUE_FILE = 'issue.md';
/** Keys of issue.md that say how the issue is made, not what the post's front matter holds. */
const NOT_IN_POST_KEYS = ['subject', 'preheader', 'sections', 'headingLevel', 'taglines'];
const SEO_KEYS = ['title', 'url', 'twitterUsername', 'description'];

/**
 * Builds the issue model from its sources. Pure, and it never throws for bad content: input
 * that cannot be understood becomes an error in `problems` (see assertBuildable).
 */
export function parseIssue(sources: IssueSources, config: Config): Issue {
  const texts = sourceTexts(sources);
  const kept = parsedIssues.get(sources);
  if (kept && kept.config === config && kept.images === sources.images && kept.unreadImages === sources.unreadImages && sameTexts(kept.texts, texts))
    return kept.issue;
  const issue = parseIssueAnew(sources, config);
  parsedIssues.set(sources, { config, texts, images: sources.images, unreadImages: sources.unreadImages, issue });
  return issue;
}

/**
 * Issues already parsed, by the sources they were parsed from: `lint --all` opens each issue
 * twice, as itself and as the next issue's `previous` (one sources object, src/pipeline.ts), and
 * parsing is the larger part of a lint. An entry serves only the same config object and the same
 * paths and texts, so sources changed in place are parsed anew; an Issue is only ever read.
 */
const parsedIssues = new WeakMap<
  IssueSources,
  { config: Config; texts: string[]; images: IssueSources['images']; unreadImages: IssueSources['unreadImages']; issue: Issue }
>();

const sourceTexts = (sources: IssueSources): string[] => [
  sources.id.slug,
  ...[sources.issueFile, ...sources.fragments].flatMap((file) => (file ? [file.path, file.text] : [''])),
];
const sameTexts = (a: string[], b: string[]): boolean => a.length === b.length && a.every((text, i) => text === b[i]);

function parseIssueAnew(sources: IssueSources, config: Config): Issue {
  // First, so that build stops on a refused image with its one line, as it always has.
  const problems: Diagnostic[] = (sources.unreadImages ?? []).map(({ path, message, hint }) => ({
    file: path,
    line: 1,
    column: 1,
    ruleId: null,
    severity: 'error',
    message,
    ...(hint ? { hint } : {}),
    fatal: true,
    wholeFile: true,
  }));
  const issueParts = sources.issueFile ? readParts(sources.issueFile, problems) : undefined;
  if (issueParts && sources.issueFile) problems.push(...validateIssueFrontMatter(issueParts, sources.issueFile.path, config));
  const data = issueParts?.data ?? {};
  const meta = resolveBlogMeta(data, sources.id, config);
  const headingLevel =
    Number.isInteger(data.headingLevel) && (data.headingLevel as number) >= 1 && (data.headingLevel as number) <= 4
      ? (data.headingLevel as number)
      : config.headingLevel;
  const taglines = typeof data.taglines === 'boolean' ? data.taglines : config.taglines;
  const extraMeta = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(meta, key) && !NOT_IN_POST_KEYS.includes(key)) extraMeta[key] = value;
  }

  const fragments = sources.fragments.map((file) => {
    const fragment = parseFragment(file, config, taglines, problems);
    problems.push(...validateFragmentFrontMatter(fragment.parts, file.path));
    return fragment;
  });
  // The events' dates are written as the issue's prose writes dates (the style date-style holds it to), once all of it is read.
  const issueDate = issueDateOf({ meta, id: sources.id });
  const configured = config.rules['date-style']?.options.style;
  const rendering: EventRendering = {
    issueDate,
    style:
      issueDateStyle(
        fragments.map((f) => f.doc),
        issueDate,
        configured === 'month-first' || configured === 'day-first' ? configured : undefined,
      ) ?? 'day-first',
    inviteUrl: (event) => `${config.site}${config.siteLayout.inviteUrl}${event.slug}.ics`,
  };
  const ordered = orderFragments(fragments, config, Array.isArray(data.sections) ? (data.sections as string[]) : undefined);
  // Invite names are unique in the issue, not only in a fragment: each is a file of one folder and a link of one post.
  assignInviteSlugs(ordered.flatMap((fragment) => fragment.events));
  for (const fragment of fragments) {
    if (fragment.events.length === 0) continue;
    fragment.eventsMarkdown = eventsMarkdown(fragment.events, rendering);
    fragment.eventsDoc = parseMarkdown(fragment.eventsMarkdown);
  }

  return {
    id: sources.id,
    path: sources.issueFile?.path,
    meta,
    extraMeta,
    subject: typeof data.subject === 'string' ? data.subject : meta.title,
    preheader: typeof data.preheader === 'string' ? data.preheader : meta.seo.description,
    intro: issueParts && sources.issueFile ? readMarkdown(issueParts, sources.issueFile.path, problems) : parseMarkdown(''),
    introParts: issueParts,
    fragments: ordered,
    problems,
    images: localImages(sources, config),
    headingLevel,
    taglines,
  };
}

function localImages(sources: IssueSources, config: Config): Map<string, LocalImage> {
  const folder = `sections/${sources.id.slug}/`;
  const base = issueImageFolder(config, sources.id);
  const images = new Map<string, LocalImage>();
  for (const file of sources.images ?? []) {
    if (!file.path.startsWith(folder)) continue;
    const local = file.path.slice(folder.length);
    const name = publishedImageName(local, file);
    images.set(local, { file, name, sitePath: base + name });
  }
  return images;
}

/**
 * The issue's own images that its outputs show (those the Markdown of a rendered section or of
 * the intro names), each once, by published name: what build copies and publish puts on the site.
 */
export function shownLocalImages(issue: Issue): LocalImage[] {
  const shown = new Map<string, LocalImage>();
  for (const doc of [issue.intro, ...renderedFragments(issue).map((f) => f.doc)]) {
    visit(doc.tree, (node) => {
      if (node.type !== 'image' && node.type !== 'definition') return;
      const local = localImagePath(node.url);
      const image = local && !local.outside ? issue.images.get(local.path) : undefined;
      if (image) shown.set(image.name, image);
    });
  }
  return [...shown.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The calendar invites of the events the outputs show, one `.ics` per event by its slug, dated
 * (DTSTAMP) by the issue: the same sources give the same bytes.
 */
export function issueInvites(issue: Issue): { name: string; text: string }[] {
  const date = issueDateOf(issue);
  return renderedFragments(issue).flatMap((fragment) => fragment.events.map((event) => ({ name: `${event.slug}.ics`, text: eventIcs(event, date, date) })));
}

/** The URL an image is shown at: a local image's site path, or the URL as written. */
export function imageUrlOf(issue: Pick<Issue, 'images'>, url: string): string {
  const local = localImagePath(url);
  return (local && !local.outside && issue.images.get(local.path)?.sitePath) || url;
}

/** Build stops on the first problem that keeps the issue from being rendered (lint reports them all). */
export function assertBuildable(issue: Issue): void {
  const fatal = issue.problems.find((p) => p.fatal);
  if (fatal?.wholeFile) throw new CliError(fatal.message, { file: fatal.file, hint: fatal.hint });
  if (fatal) throw diagnosticToError(fatal);
}

/**
 * Front matter that does not parse is a problem of its own; the body after it is still read,
 * so that lint can report everything else in the file too.
 */
function readParts(file: SourceFile, problems: Diagnostic[]): SourceParts {
  try {
    return parseSourceParts(file.text, file.path);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    problems.push(frontMatterDiagnostic(file.path, error.line ?? 1, 'error', error.message, '', error.column, error.hint));
    return looseParts(file.text);
  }
}

/** Markdown built to make the parser work without end is refused with its line, not a hang. */
function readMarkdown(parts: SourceParts, file: string, problems: Diagnostic[]): MarkdownDoc {
  const refuse = (line: number, reason: string): MarkdownDoc => {
    // Past the limits no rule applies, and no config can turn it off: a fatal problem of its own.
    problems.push({
      file,
      line,
      column: 1,
      ruleId: null,
      severity: 'error',
      message: reason,
      hint: 'Simplify it: a newsletter needs two or three levels and a few links per paragraph.',
      fatal: true,
    });
    return parseMarkdown('', parts.bodyLine);
  };
  const pathology = findPathologicalMarkdown(parts.body);
  if (pathology) return refuse(parts.bodyLine + pathology.line - 1, pathology.reason);
  try {
    return parseMarkdown(parts.body, parts.bodyLine);
  } catch (error) {
    if (error instanceof RangeError) return refuse(parts.bodyLine, 'the Markdown here is nested too deeply to read.');
    throw error;
  }
}

function looseParts(text: string): SourceParts {
  const close = /^---\s*$/m;
  const lines = text.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && close.test(line));
  if (!text.startsWith('---') || end < 0) return { data: {}, matter: '', hasFrontMatter: false, body: text, bodyLine: 1, keyLines: {} };
  // As parseSourceParts keeps it: from the newline that ends the opening line, so that line N is the file's.
  const matter = `\n${lines.slice(1, end).join('\n')}`;
  return { data: {}, matter, hasFrontMatter: true, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, keyLines: looseKeyLines(matter) };
}

function parseFragment(file: SourceFile, config: Config, taglines: boolean, problems: Diagnostic[]): Fragment {
  const id = file.path.split('/').pop()!.replace(/\.md$/, '');
  const parts = readParts(file, problems);
  const doc = readMarkdown(parts, file.path, problems);
  const { events, problems: eventProblems } = readEvents(parts, file.path, config.timezone);
  const section = config.sections.find((s) => s.id === id);
  const title = typeof parts.data.title === 'string' && parts.data.title.trim() !== '' ? parts.data.title : undefined;
  return {
    id,
    path: file.path,
    section,
    heading: title ?? section?.heading ?? titleFromId(id),
    hasOwnTitle: title !== undefined,
    // A tagline of the fragment's own (a section of the issue alone) follows its title; config's, config's heading.
    tagline: !taglines
      ? undefined
      : typeof parts.data.tagline === 'string' && parts.data.tagline.trim() !== ''
        ? parts.data.tagline
        : title
          ? undefined
          : section?.tagline,
    required: section?.required === true || parts.data.required === true,
    owner: typeof parts.data.owner === 'string' ? parts.data.owner : undefined,
    status: parts.data.status === 'draft' || parts.data.status === 'ready' ? parts.data.status : undefined,
    order: typeof parts.data.order === 'number' ? parts.data.order : undefined,
    parts,
    doc,
    empty: isEmptyMarkdown(doc.tree) && events.length === 0,
    refusedWhole: events.length === 0 && !isEmptyMarkdown(doc.tree) && isEmptyMarkdown(doc.tree, true),
    events,
    eventProblems,
    eventsMarkdown: undefined,
    eventsDoc: undefined,
    eventsAt: eventsMarkerIndex(doc),
  };
}

/** The line a writer puts where a section's events go, when words of the section come after them ("Visit ... for the full list"). */
export const EVENTS_MARKER = '<!-- events -->';

function eventsMarkerIndex(doc: MarkdownDoc): number | undefined {
  const at = doc.tree.children.findIndex((node) => node.type === 'html' && node.value.trim() === EVENTS_MARKER);
  return at === -1 ? undefined : at;
}

/**
 * A fragment's blocks as the email and the text show them: its words, comments left out, with
 * its events at its `<!-- events -->` line, else after its words.
 */
export function blocksWithEvents(fragment: Pick<Fragment, 'doc' | 'eventsDoc' | 'eventsAt'>): Root {
  const { children } = fragment.doc.tree;
  const at = fragment.eventsAt ?? children.length;
  const words = (nodes: RootContent[]) => withoutComments({ ...fragment.doc.tree, children: nodes }).children;
  return { type: 'root', children: [...words(children.slice(0, at)), ...(fragment.eventsDoc?.tree.children ?? []), ...words(children.slice(at + 1))] };
}

/**
 * The same for the blog post, as Markdown text: the words before the marker and after it are
 * each written as the post writes a fragment (renderMarkdown), the events' Markdown between.
 */
export function markdownWithEvents(fragment: Pick<Fragment, 'doc' | 'eventsMarkdown' | 'eventsAt'>, render: (doc: MarkdownDoc) => string): string {
  const { doc, eventsAt } = fragment;
  if (eventsAt === undefined) return [render(doc), fragment.eventsMarkdown].filter((part) => part !== undefined && part.trim() !== '').join('\n\n');
  const marker = doc.tree.children[eventsAt]!.position!;
  const before = parseMarkdown(doc.source.slice(0, marker.start.offset));
  const after = parseMarkdown(doc.source.slice(marker.end.offset));
  return [render(before), fragment.eventsMarkdown, render(after)].filter((part) => part !== undefined && part.trim() !== '').join('\n\n');
}

/** The full heading line text of a fragment: its own title, or "Heading: tagline". */
export function fragmentHeadingText(fragment: Fragment): string {
  return sectionHeading({ heading: fragment.heading, tagline: fragment.tagline });
}

/** A heading from a section id, for a section config does not name: `member-story` is "Member Story". */
export function titleFromId(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Reading order: the issue's own `sections` list when it has one; otherwise each fragment's
 * `order`, falling back to its position in config (1, 2, 3...); sections config does not know
 * come last, by file name.
 */
function orderFragments(fragments: Fragment[], config: Config, issueOrder: string[] | undefined): Fragment[] {
  const rank = (fragment: Fragment): number => {
    if (issueOrder) {
      const index = issueOrder.indexOf(fragment.id);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    }
    if (fragment.order !== undefined) return fragment.order;
    const index = config.sections.findIndex((s) => s.id === fragment.id);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index + 1;
  };
  return [...fragments].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Front matter values as written, with the keys left out filled from config and the slug. */
export function resolveBlogMeta(data: Record<string, unknown>, id: IssueId, config: Config): BlogMeta {
  const month = monthName(id.month);
  const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
  const seo = (typeof data.seo === 'object' && data.seo !== null ? data.seo : {}) as Record<string, unknown>;
  const title = str(data.title, fillPattern(config.title, id, month));
  const description = str(seo.description, config.description);
  return {
    templateKey: str(data.templateKey, 'blog-post'),
    title,
    author: str(data.author, config.author),
    date: str(data.date, defaultIssueDate(id)),
    category: Array.isArray(data.category) ? (data.category as BlogMeta['category']) : config.category.map((c) => ({ ...c })),
    hidePost: typeof data.hidePost === 'boolean' ? data.hidePost : config.hidePost,
    seo: {
      title: str(seo.title, title),
      url: str(seo.url, fillPattern(config.postUrl, id, month)),
      twitterUsername: str(seo.twitterUsername, config.twitterUsername),
      description,
      // Keys the CMS schema does not name stay, as written, after the known ones.
      ...Object.fromEntries(Object.entries(seo).filter(([key]) => !SEO_KEYS.includes(key))),
    },
  };
}

/**
 * The sections readers see: those with content, and those with a title of their own (an
 * imported heading with nothing under it is still part of the post).
 */
export function renderedFragments(issue: Issue): Fragment[] {
  // A written section that the URL policy leaves nothing of (an image from mailto:) shows nothing, heading and all.
  return issue.fragments.filter((fragment) => (!fragment.empty || fragment.hasOwnTitle) && !fragment.refusedWhole);
}

/** With no date written, an issue is dated the first of its month: builds never read the clock. */
export function defaultIssueDate(id: IssueId): string {
  return `${id.year}-${String(id.month).padStart(2, '0')}-01T00:00:00.000Z`;
}

/** The day the issue goes out, which date rules read dates against: its date, else the first of its month. */
export function issueDateOf(issue: Pick<Issue, 'meta' | 'id'>): Date {
  return parseIsoDate(issue.meta.date) ?? new Date(defaultIssueDate(issue.id));
}

/** The issue's date as messages show it (YYYY-MM-DD): the day the date rules read, never a date that does not parse. */
export function issueDayShown(issue: Pick<Issue, 'meta' | 'id'>): string {
  return issueDateOf(issue).toISOString().slice(0, 10);
}

export function blogFileName(issue: Issue, config: Config): string {
  return fillPattern(config.blogFile, issue.id, monthName(issue.id.month));
}
