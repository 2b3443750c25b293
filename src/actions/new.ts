import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { parseIsoDate, whyNotIsoDate } from '../core/issue/front-matter.js';
import { closest } from '../core/suggest.js';
import { ownSection, scaffoldIssue, type NewIssueAnswers } from '../core/issue/scaffold.js';
import { defaultIssueDate } from '../core/issue/issue.js';
import { EVENTS_SECTION, fillPattern, isSectionId, type Config, type SectionConfig } from '../core/config/config.js';
import { monthName, parseIssueSlug, type IssueId } from '../core/issue/slug.js';
import { refuseExistingIssue, writeIssueFolder } from '../io/issue-folder.js';
import { issueDir, openWorkspace, relativeTo } from '../io/workspace.js';
import { siteCheckoutOf } from '../io/site.js';
import type { UnreadSiteFile } from '../core/site/site.js';
import { conventionsOf, newsletterPosts, withSiteConventions, type DefaultSource } from '../core/site/site.js';
import { datedSiteEvents, type DatedSiteEvent, type SiteEventEntry } from '../core/site/site-events.js';

export interface NewOptions {
  issue: string;
  yes?: boolean;
  title?: string;
  author?: string;
  date?: string;
  description?: string;
  /** Comma-separated section ids. */
  sections?: string;
  /** A checkout of the site, whose latest newsletter post gives the defaults (default: config siteRepo). */
  site?: string;
}

export interface NewResult {
  issue: string;
  dir: string;
  files: string[];
  /** Where each of the site's conventions came from (shown with --verbose). */
  defaults: DefaultSource[];
  /** The site's post the conventions were read from, when a checkout was given and has one. */
  sitePost: string | undefined;
  /** With a checkout: the site's upcoming events written into the events section, and those it could not date or link. */
  siteEvents?: { file: string; added: DatedSiteEvent[]; undated: (SiteEventEntry & { reason: string })[] };
  /** Headings of config's sections taken from the site's latest newsletter post, by section id (shown with --verbose). */
  sectionHeadings?: Record<string, string>;
  /** With a checkout: its posts and authors left out unread, and why (shown with --verbose). */
  siteUnread?: UnreadSiteFile[];
}

/**
 * Scaffolds an issue folder. Asks on a terminal; with --yes, CI or no TTY it takes flags and
 * defaults. Never overwrites, and never leaves half an issue behind.
 */
export async function newIssue(ctx: Pick<Context, 'cwd' | 'interactive' | 'now' | 'prompt'>, options: NewOptions): Promise<NewResult> {
  const id = parseIssueSlug(options.issue);
  const workspace = await openWorkspace(ctx.cwd);
  const { root } = workspace;
  await refuseExistingIssue(root, id);
  // Today's conventions are the site's: its latest newsletter post, where the config says nothing.
  const site = await siteCheckoutOf(workspace, ctx.cwd, options.site);
  const model = site?.model?.();
  const latest = model ? newsletterPosts(model, workspace.config.name, workspace.config.blogFile)[0] : undefined;
  const conventions = latest ? conventionsOf(latest, workspace.config.sections) : undefined;
  const { config, sources } = withSiteConventions(workspace.config, conventions);
  const answers = await gatherAnswers(
    ctx,
    options,
    id,
    config,
    model?.authors?.map((a) => a.name),
  );
  // The post's heading style lives in config; one the site has and config lacks is the issue's own.
  if (config.headingLevel !== workspace.config.headingLevel) answers.headingLevel = config.headingLevel;
  if (config.taglines !== workspace.config.taglines) answers.taglines = config.taglines;
  // Where config names no sections of its own, their headings are the site's latest post's too.
  if (conventions?.sectionHeadings && !workspace.config.given.includes('sections')) answers.sectionHeadings = conventions.sectionHeadings;
  // The site's own upcoming events, as data for the events section to start from.
  let siteEvents: NewResult['siteEvents'];
  if (model && model.events.length > 0 && answers.sections.includes(EVENTS_SECTION)) {
    const issueDay = (parseIsoDate(answers.date) ?? new Date(defaultIssueDate(id))).toISOString().slice(0, 10);
    const { dated, undated } = datedSiteEvents(model.events, new Date(`${issueDay}T00:00:00Z`));
    // Not over on the issue's date: those under way that day too (a Summit on the day it goes out).
    const added = dated.filter((event) => event.end >= issueDay);
    answers.events = added.map(({ name, url, start, end, location }) => ({
      name,
      url,
      start,
      ...(end !== start ? { end } : {}),
      ...(location ? { location } : {}),
    }));
    // What the site dates by months alone and are over by the issue's date are no events to offer either.
    siteEvents = { file: `${EVENTS_SECTION}.md`, added, undated: undated.filter((event) => event.end === undefined || event.end >= issueDay) };
  }
  const files = await writeIssueFolder(root, id, scaffoldIssue(id, answers, config));
  return {
    issue: id.slug,
    dir: relativeTo(root, issueDir(root, id)),
    files,
    defaults: sources,
    sitePost: latest?.file,
    ...(siteEvents ? { siteEvents } : {}),
    ...(model ? { siteUnread: model.unread } : {}),
    ...(answers.sectionHeadings ? { sectionHeadings: answers.sectionHeadings } : {}),
  };
}

/** `authors`: the site's, when a checkout is known; the author prompt takes one of them. */
async function gatherAnswers(
  ctx: Pick<Context, 'interactive' | 'now' | 'prompt'>,
  options: NewOptions,
  id: IssueId,
  config: Config,
  authors?: string[],
): Promise<NewIssueAnswers> {
  const sectionIds = config.sections.map((s) => s.id);
  const defaults: NewIssueAnswers = {
    title: options.title ?? fillPattern(config.title, id, monthName(id.month)),
    author: options.author ?? config.author,
    date: options.date ?? defaultPublishDate(id, ctx.now()),
    description: options.description ?? config.description,
    sections: options.sections !== undefined ? parseSectionList(options.sections, sectionIds) : config.sections.filter((s) => s.inNewIssue).map((s) => s.id),
  };
  if (options.date !== undefined && !parseIsoDate(options.date)) {
    throw usageError(`--date ${whyNotIsoDate(options.date)}.`, 'Give the publish date as YYYY-MM-DD, such as 2025-04-21.');
  }
  if (options.yes || !ctx.interactive) return defaults;

  const ask = async (name: keyof NewIssueAnswers, message: string, validate?: (v: string) => true | string): Promise<string> =>
    String(await ctx.prompt({ name, message, default: defaults[name] as string, validate })).trim() || (defaults[name] as string);
  const title = options.title ?? (await ask('title', 'Title'));
  const siteAuthor = (v: string): true | string => {
    if (!authors || authors.includes(v.trim()) || v.trim() === '') return true;
    const near = closest(v.trim(), authors);
    return `Not an author of the site${near ? `; did you mean ${near}?` : ` (add one to its author folder first)`}`;
  };
  const author = options.author ?? (await ask('author', 'Author', siteAuthor));
  const date = options.date ?? (await ask('date', 'Publish date (YYYY-MM-DD)', (v) => (parseIsoDate(v.trim()) ? true : `That ${whyNotIsoDate(v.trim())}.`)));
  const description = options.description ?? (await ask('description', 'Description (SEO and email preheader)'));
  const sections =
    options.sections !== undefined
      ? defaults.sections
      : ((await ctx.prompt({
          name: 'sections',
          message: 'Sections',
          choices: config.sections.map((s) => ({ value: s.id, name: s.heading, checked: defaults.sections.includes(s.id) })),
        })) as string[]);
  if (options.sections !== undefined) return { title, author, date, description, sections };

  // Sections of this issue alone (a Summit spotlight, a member story), then the reading order.
  const own: SectionConfig[] = [];
  const taken = (v: string) => sections.includes(v) || own.some((s) => s.id === v) || config.sections.some((s) => s.id === v);
  for (let n = 1; n <= MAX_OWN_SECTIONS; n++) {
    const wanted = String(
      await ctx.prompt({
        name: `section-${n}`,
        message: n === 1 ? 'Add a section of this issue alone? Its id, such as summit-spotlight (Enter: none)' : 'Another? Its id (Enter: no more)',
        default: '',
        validate: (v) =>
          v.trim() === '' || (isSectionId(v.trim()) && !taken(v.trim()))
            ? true
            : taken(v.trim())
              ? `${v.trim()} is a section already; tick it above, or give another id.`
              : 'Lower-case words joined by hyphens, such as summit-spotlight.',
      }),
    ).trim();
    if (!wanted) break;
    const heading = String(await ctx.prompt({ name: `section-${n}-heading`, message: 'Its heading', default: ownSection(wanted).heading })).trim();
    const tagline = String(
      await ctx.prompt({ name: `section-${n}-tagline`, message: 'Its tagline, shown where headings carry taglines (Enter: none)', default: '' }),
    ).trim();
    const owner = String(await ctx.prompt({ name: `section-${n}-owner`, message: 'Who writes it (Enter: nobody yet)', default: '' })).trim();
    const required = String(
      await ctx.prompt({
        name: `section-${n}-required`,
        message: 'Must it be written before the issue ships? (y/N)',
        default: 'n',
        validate: (v) => (/^(?:y|yes|n|no|)$/i.test(v.trim()) ? true : 'Answer y or n.'),
      }),
    ).trim();
    own.push(ownSection(wanted, heading, owner || undefined, { tagline, required: /^y/i.test(required) }));
  }
  const ids = [
    ...config.sections.map((s) => s.id).filter((sid) => sections.includes(sid) && sid !== EVENTS_SECTION),
    ...own.map((s) => s.id),
    ...(sections.includes(EVENTS_SECTION) ? [EVENTS_SECTION] : []),
  ];
  if (ids.length < 2) return { title, author, date, description, sections, ownSections: own };
  const sameSet = (list: string[]) => list.length === ids.length && ids.every((sid) => list.includes(sid));
  const order = String(
    await ctx.prompt({
      name: 'order',
      message: 'Reading order (issue.md keeps it as sections:)',
      default: ids.join(', '),
      validate: (v) =>
        sameSet(
          v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        )
          ? true
          : `Name each of ${ids.join(', ')} once, in the order readers should see them.`,
    }),
  )
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const changed = own.length > 0 || order.join(',') !== ids.join(',');
  return { title, author, date, description, sections, ownSections: own, ...(changed ? { order } : {}) };
}

/** Sections of its own an issue is offered at most, one prompt each. */
const MAX_OWN_SECTIONS = 10;

function parseSectionList(list: string, known: string[]): string[] {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (!known.includes(id)) {
      const near = closest(id, known);
      throw usageError(`--sections names "${id}", which is not a section.`, `${near ? `Did you mean ${near}? ` : ''}Sections: ${known.join(', ')}.`);
    }
  }
  if (ids.length === 0) throw usageError('--sections names no section.', `Sections: ${known.join(', ')}.`);
  return [...new Set(ids)];
}

/** Today when today falls in the issue's month; otherwise the first of that month. */
function defaultPublishDate(id: IssueId, now: Date): string {
  if (now.getUTCFullYear() === id.year && now.getUTCMonth() + 1 === id.month) return now.toISOString().slice(0, 10);
  return `${id.year}-${String(id.month).padStart(2, '0')}-01`;
}
