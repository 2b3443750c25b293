import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { CliError } from '../../errors.js';
import { siteFileError, siteFileReason } from './site-error.js';
import { parseDaysPage, parseUpcomingSummits, type SiteEventEntry } from './site-events.js';
import { isPlainObject, type Config, type SectionConfig } from '../config/config.js';
import { parseSourceParts } from '../issue/front-matter.js';
import { parseInline, textOf } from '../markdown/markdown.js';
import { MONTHS } from '../issue/slug.js';

/*
 * The site as its repository holds it (laid out as OpenStackweb/osf-website): the blog fields
 * its CMS config declares, its authors, categories, posts and upcoming events. Built here from the
 * files' texts, so that the rules, `new` and the tests read one model; io/site.ts reads the
 * files. Everything a checkout holds is input like any other: a file that cannot be read is
 * refused with one line naming it (exit 2), never guessed around.
 */

/** A field of the CMS's blog collection, as Decap CMS declares it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  /** Decap treats a field without `required: false` as required. */
  required: boolean;
  /** A relation or custom widget that holds a list (`multiple: true`). */
  multiple: boolean;
  /** An object's or a list's own fields. */
  fields: CmsField[];
}

export interface SiteAuthor {
  name: string;
  file: string;
}

export interface SiteCategory {
  value: string;
  label: string;
}

/** A post of the site, as its front matter gives it (what the rules and `new` read). */
export interface SitePost {
  file: string;
  title: string | undefined;
  author: string | undefined;
  date: string | undefined;
  category: SiteCategory[] | undefined;
  seoUrl: string | undefined;
  twitterUsername: string | undefined;
  /** The page's route: the path of seo.url, as the site reads it (undefined without one). */
  route: string | undefined;
  /** The body's ATX headings, for the newsletter posts' conventions. */
  headings: { level: number; text: string }[];
}

export interface SiteModel {
  /** The blog collection's fields and the file that declares them; undefined when the checkout has no CMS config. */
  cms: { file: string; fields: CmsField[] } | undefined;
  /** Undefined when the checkout has no author folder: the author is then not checked. */
  authors: SiteAuthor[] | undefined;
  /** Undefined when the checkout has no blog config. */
  categories: { file: string; list: SiteCategory[] } | undefined;
  posts: SitePost[];
  /** The upcoming events the site lists (days page, summits), their dates as written. */
  events: SiteEventEntry[];
  /** Posts and authors left out, each with why: one of many files that cannot be read never stops a command that does not need it. */
  unread: UnreadSiteFile[];
}

/** A file of the checkout the model left out: its path in the checkout, and why (a sentence that follows the file's name). */
export interface UnreadSiteFile {
  file: string;
  reason: string;
}

/** The texts of a checkout's files the model is built from, each with its path in the checkout. */
export interface SiteTexts {
  cms?: SiteText;
  blogConfig?: SiteText;
  eventsPage?: SiteText;
  summits?: SiteText;
  authors: SiteText[];
  posts: SiteText[];
  /** Posts and authors that could not be read at all. */
  unread: UnreadSiteFile[];
}
export interface SiteText {
  file: string;
  text: string;
  /** Only the file's start was read, this many bytes (a long post whose front matter is all that is needed). */
  readBytes?: number;
}

/**
 * The model of a checkout from its files' texts. `shownRoot`: how the user named the checkout
 * (../osf-website/), which a message about one of its files starts with; the model's paths are
 * relative to the checkout.
 */
export function buildSiteModel(texts: SiteTexts, shownRoot = ''): SiteModel {
  const shown = (file: string) => `${shownRoot}${file}`;
  const unread = [...texts.unread];
  // A post or author the site holds that this reader cannot make out is left out, and said; the rest of the site still counts.
  const each = <T>(list: SiteText[], read: (text: SiteText) => T | undefined): T[] =>
    list.flatMap((text) => {
      try {
        return read(text) ?? [];
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        const unclosed = text.readBytes !== undefined && /no closing --- line/.test(error.message);
        unread.push({
          file: text.file,
          reason: unclosed
            ? `has front matter that does not end within the first ${Math.round(text.readBytes! / 1024)} KB read of it.`
            : siteFileReason(error, shown(text.file)),
        });
        return [];
      }
    });
  const authors = each(texts.authors, ({ text, file }) => parseAuthor(text, file, shown(file)));
  return {
    cms: texts.cms ? { file: texts.cms.file, fields: parseCmsBlogFields(texts.cms.text, shown(texts.cms.file)) } : undefined,
    categories: texts.blogConfig ? { file: texts.blogConfig.file, list: parseBlogCategories(texts.blogConfig.text, shown(texts.blogConfig.file)) } : undefined,
    authors: texts.authors.length > 0 ? authors : undefined,
    posts: each(texts.posts, ({ text, file }) => parseSitePost(text, file, shown(file))),
    events: [
      ...(texts.eventsPage ? parseDaysPage(texts.eventsPage.text, texts.eventsPage.file, shown(texts.eventsPage.file)) : []),
      ...(texts.summits ? parseUpcomingSummits(texts.summits.text, texts.summits.file, shown(texts.summits.file)) : []),
    ],
    unread,
  };
}

/** The `blog` collection's fields of a Decap CMS config (static/admin/config.yml). */
export function parseCmsBlogFields(text: string, file: string): CmsField[] {
  const data = parseSiteYaml(text, file);
  const collections = isPlainObject(data) ? data.collections : undefined;
  if (!Array.isArray(collections)) throw siteFileError(file, 'has no list of collections, as a Decap CMS config has.');
  const blog = collections.find((c) => isPlainObject(c) && c.name === 'blog');
  if (!isPlainObject(blog)) throw siteFileError(file, "has no collection named blog, which the site's posts are.");
  if (!Array.isArray(blog.fields)) throw siteFileError(file, 'declares the blog collection without a list of fields.');
  return readFields(blog.fields, file, 0, { count: 0 });
}

/** A blog collection has a dozen fields; aliases repeated in each other could make a few lines name millions. */
const MAX_CMS_FIELDS = 1000;

function readFields(list: unknown[], file: string, depth: number, read: { count: number }): CmsField[] {
  if (depth > 8) throw siteFileError(file, "nests the blog collection's fields more than 8 deep.");
  read.count += list.length;
  if (read.count > MAX_CMS_FIELDS) throw siteFileError(file, `declares more than ${MAX_CMS_FIELDS} fields in the blog collection.`);
  return list.map((field) => {
    if (!isPlainObject(field) || typeof field.name !== 'string') throw siteFileError(file, 'has a blog field without a name.');
    return {
      name: field.name,
      label: typeof field.label === 'string' ? field.label : field.name,
      widget: typeof field.widget === 'string' ? field.widget : 'string',
      required: field.required !== false,
      multiple: field.multiple === true,
      fields: Array.isArray(field.fields) ? readFields(field.fields, file, depth + 1, read) : [],
    };
  });
}

/** The categories of the blog config (src/content/blog-config.json): `{id, text}` each, stored on posts as `{value, label}`. */
export function parseBlogCategories(text: string, file: string): SiteCategory[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw siteFileError(file, `is not valid JSON: ${(error as Error).message.split('\n')[0]}.`);
  }
  const categories = isPlainObject(data) ? data.categories : undefined;
  if (!Array.isArray(categories)) throw siteFileError(file, 'has no list of categories.');
  return categories.flatMap((c) => (isPlainObject(c) && typeof c.id === 'string' && typeof c.text === 'string' ? [{ value: c.id, label: c.text }] : []));
}

/** An author file (src/pages/author/*.md, front matter only): its authorName, or undefined when it names none. */
export function parseAuthor(text: string, file: string, shown = file): SiteAuthor | undefined {
  const name = siteFrontMatter(text, shown).data.authorName;
  return typeof name === 'string' && name.trim() !== '' ? { name, file } : undefined;
}

export function parseSitePost(text: string, file: string, shown = file): SitePost {
  const { data, body } = siteFrontMatter(text, shown);
  const seo = isPlainObject(data.seo) ? data.seo : {};
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const seoUrl = str(seo.url);
  const category = Array.isArray(data.category)
    ? data.category.flatMap((c) => (isPlainObject(c) && typeof c.value === 'string' ? [{ value: c.value, label: str(c.label) ?? '' }] : []))
    : undefined;
  return {
    file,
    title: str(data.title),
    author: str(data.author),
    // A date YAML read as a timestamp would not be a string; the core schema keeps it as written.
    date: str(data.date),
    category,
    seoUrl,
    twitterUsername: str(seo.twitterUsername),
    route: seoUrl === undefined ? undefined : routeOf(seoUrl),
    headings: headingsOf(body),
  };
}

/** The route a URL gives a page on the site: its path, the host aside, without a trailing slash. */
export function routeOf(url: string): string {
  try {
    return new URL(url, 'https://site.invalid').pathname.replace(/\/+$/, '') || '/';
  } catch {
    return url;
  }
}

function headingsOf(body: string): { level: number; text: string }[] {
  const headings: { level: number; text: string }[] = [];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^ {0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (match) headings.push({ level: match[1]!.length, text: match[2]! });
  }
  return headings;
}

function siteFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  try {
    return parseSourceParts(text, file);
  } catch (error) {
    if (error instanceof CliError) throw siteFileError(file, `cannot be read: ${error.message}`, error.line, error.column);
    throw error;
  }
}

/**
 * The CMS config, read as the CMS reads it: Decap's YAML reader accepts flow collections closed
 * at their block's own indentation (`] }` under the `-`), which osf-website's config does
 * throughout and YAML 1.2 strictly refuses; js-yaml reads them as Decap does. Core schema
 * only (no tags that build objects); aliases give shared values, never copies, and readFields
 * bounds how many fields it reads through them.
 */
function parseSiteYaml(text: string, file: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw siteFileError(
      file,
      `is not valid YAML: ${error.reason}.`,
      error.mark ? error.mark.line + 1 : undefined,
      error.mark ? error.mark.column + 1 : undefined,
    );
  }
}

/**
 * The site's newsletter posts, newest first: those whose title starts with the newsletter's
 * name or whose file is named as the issues are (`blogFile`, as a pattern). `except`: the
 * issue's own post, which is no convention for itself.
 */
export function newsletterPosts(model: SiteModel, name: string, blogFile: string, except?: string): SitePost[] {
  const filePattern = new RegExp(
    `(?:^|/)${blogFile
      .split(/\{slug\}|\{month\}|\{Month\}|\{year\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
  );
  return model.posts
    .filter((post) => post.file !== except && post.date !== undefined && (post.title?.startsWith(name) || filePattern.test(post.file)))
    .sort((a, b) => Date.parse(b.date!) - Date.parse(a.date!) || (a.file < b.file ? -1 : 1));
}

/** What a newsletter post of the site does, each value read from it or undefined where it says nothing. */
export interface SiteConventions {
  /** The post they come from, by its file in the checkout. */
  file: string;
  author?: string;
  category?: SiteCategory[];
  /** seo.url with the issue's month written as {slug}: the pattern of config `postUrl`. */
  postUrl?: string;
  twitterUsername?: string;
  headingLevel?: number;
  taglines?: boolean;
  /** The post's heading of each section where it differs from config's (an alias, such as "More OpenInfra Community Events"), by section id. */
  sectionHeadings?: Record<string, string>;
}

export function conventionsOf(post: SitePost, sections: readonly SectionConfig[]): SiteConventions {
  const conventions: SiteConventions = { file: post.file };
  if (post.author) conventions.author = post.author;
  if (post.category?.length) conventions.category = post.category;
  if (post.twitterUsername) conventions.twitterUsername = post.twitterUsername;
  const slug = post.seoUrl ? new RegExp(`\\b(?:${MONTHS.join('|')})-\\d{4}\\b`, 'i').exec(post.seoUrl) : null;
  if (slug && /^https?:\/\//.test(post.seoUrl!))
    conventions.postUrl = `${post.seoUrl!.slice(0, slug.index)}{slug}${post.seoUrl!.slice(slug.index + slug[0].length)}`;
  // The sections' headings tell the level and the taglines; the lead story's own headline does not.
  const named = post.headings.flatMap((heading) => {
    const text = plainHeading(heading.text);
    const section = sections.find((s) => [s.heading, ...s.aliases].some((h) => text === h || text.startsWith(`${h}:`)));
    return section
      ? [
          {
            section,
            text,
            level: heading.level,
            tagline: text.includes(':') && text.slice(text.indexOf(':') + 1).trim() !== '',
            withTagline: section.tagline !== undefined,
          },
        ]
      : [];
  });
  const headings: Record<string, string> = {};
  for (const { section, text } of named) {
    const words =
      text.includes(':') && text.split(':')[0]!.trim() !== '' && [section.heading, ...section.aliases].includes(text.split(':')[0]!.trim())
        ? text.split(':')[0]!.trim()
        : text;
    if (words !== section.heading && headings[section.id] === undefined) headings[section.id] = words;
  }
  if (Object.keys(headings).length > 0) conventions.sectionHeadings = headings;
  if (named.length > 0) {
    conventions.headingLevel = mostCommon(named.map((h) => h.level));
    const couldHave = named.filter((h) => h.withTagline);
    if (couldHave.length > 0) conventions.taglines = couldHave.some((h) => h.tagline);
  }
  return conventions;
}

/** A heading's text as readers see it: its inline Markdown read (links, emphasis, code), marks left out. */
function plainHeading(text: string): string {
  return parseInline(text).map(textOf).join('').replace(/\s+/g, ' ').trim();
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a default of `new` came from: the site's latest newsletter post, the config file, or the tool. */
export interface DefaultSource {
  key: ConventionKey;
  value: unknown;
  from: 'site' | 'config' | 'built-in';
}
export type ConventionKey = 'author' | 'category' | 'postUrl' | 'twitterUsername' | 'headingLevel' | 'taglines';
const CONVENTION_KEYS: ConventionKey[] = ['author', 'category', 'postUrl', 'twitterUsername', 'headingLevel', 'taglines'];

/**
 * The config a new issue is made with: each convention from the config file where it sets it
 * (the workspace said so), else from the site's latest newsletter post, else the built-in
 * default; and where each came from.
 */
export function withSiteConventions(config: Config, conventions: SiteConventions | undefined): { config: Config; sources: DefaultSource[] } {
  const effective: Config = { ...config };
  const sources = CONVENTION_KEYS.map((key): DefaultSource => {
    const fromSite = conventions?.[key];
    if (config.given.includes(key) || fromSite === undefined) return { key, value: config[key], from: config.given.includes(key) ? 'config' : 'built-in' };
    (effective as unknown as Record<string, unknown>)[key] = fromSite;
    return { key, value: fromSite, from: 'site' };
  });
  return { config: effective, sources };
}
