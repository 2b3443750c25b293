import { isPlainObject } from '../config/config.js';
import { daysInMonth, isRealDay, YEAR_CERTAIN_DAYS_BEFORE } from '../dates/dates.js';
import { parseSourceParts } from '../issue/front-matter.js';
import { firstHref, htmlNestingOver, htmlWords } from '../markdown/html-read.js';
import { LIMITS } from '../limits.js';
import { siteFileError } from './site-error.js';

/*
 * The site's own list of upcoming events (osf-website's days page and upcoming summits), whose
 * dates are prose in many shapes ("November 3-4, 2026", "October 22–25, 2026",
 * "August-September 2026", "October 12-16", "TBD"). A date is read only when it is certain: a
 * shape this parser knows, a real day, and a year that is written or beyond doubt. Anything else
 * is left undated and said so, never guessed.
 */

/** An event as the site lists it, its date as written. */
export interface SiteEventEntry {
  name: string;
  url: string | undefined;
  dateText: string;
  location: string | undefined;
  /** The file of the checkout it is listed in. */
  file: string;
}

/** Days read from prose: exact days, or whole months where the prose names no day. */
export interface ProseDates {
  start: string;
  end: string;
  precision: 'day' | 'month';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const JOIN = '\\s*(?:-|&|and|to)\\s*';
const Y = '(?:,?\\s+(\\d{4}))?';

const SHAPES: { regex: RegExp; read: (m: string[]) => { sm: string; sd?: string; em?: string; ed?: string; year?: string } }[] = [
  // July 25, 2026 / November 3-4, 2026 / September 4 & 5, 2026 / October 12-16
  { regex: new RegExp(`^${MONTH}\\s+${D}(?:${JOIN}${D})?${Y}$`, 'i'), read: (m) => ({ sm: m[1]!, sd: m[2], ed: m[3] ?? m[2], year: m[4] }) },
  // September 30 - October 2, 2026
  { regex: new RegExp(`^${MONTH}\\s+${D}${JOIN}${MONTH}\\s+${D}${Y}$`, 'i'), read: (m) => ({ sm: m[1]!, sd: m[2], em: m[3], ed: m[4], year: m[5] }) },
  // 17-19 October 2025 / 6 & 7 March / 25 July 2026
  { regex: new RegExp(`^${D}(?:${JOIN}${D})?\\s+(?:of\\s+)?${MONTH}${Y}$`, 'i'), read: (m) => ({ sm: m[3]!, sd: m[1], ed: m[2] ?? m[1], year: m[4] }) },
  // 30 September - 2 October 2026
  { regex: new RegExp(`^${D}\\s+${MONTH}${JOIN}${D}\\s+${MONTH}${Y}$`, 'i'), read: (m) => ({ sm: m[2]!, sd: m[1], em: m[4], ed: m[3], year: m[5] }) },
  // August-September 2026 / October 2026: months, no day
  { regex: new RegExp(`^${MONTH}(?:${JOIN}${MONTH})?,?\\s+(\\d{4})$`, 'i'), read: (m) => ({ sm: m[1]!, em: m[2] ?? m[1], year: m[3] }) },
];

/**
 * The days a prose date names, or undefined when they are not certain. `reference`: the day a
 * year-less date is read against; its year is taken only when a single year puts the date from
 * 60 days before the reference to six months after it, as a reader would read it; `daysAhead`
 * widens what comes after (an events section lists the coming year's events).
 */
export function parseProseDate(text: string, reference: Date, daysAhead = 183): ProseDates | undefined {
  const said = text
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(said);
  if (iso) return isRealDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? { start: said, end: said, precision: 'day' } : undefined;
  for (const { regex, read } of SHAPES) {
    const match = regex.exec(said);
    if (!match) continue;
    const parts = read([...match].map((v) => v ?? undefined) as string[]);
    const sm = monthOf(parts.sm);
    const em = parts.em ? monthOf(parts.em) : sm;
    const years = parts.year ? [Number(parts.year)] : candidateYears(sm, Number(parts.sd ?? 1), reference, daysAhead);
    if (years.length !== 1) return undefined;
    const startYear = years[0]!;
    // A range that runs into the next year (December 30 - January 2) ends in the year after.
    const endYear = em < sm ? startYear + 1 : startYear;
    if (parts.sd === undefined) {
      return { start: day(startYear, sm, 1), end: day(endYear, em, daysInMonth(endYear, em)), precision: 'month' };
    }
    const sd = Number(parts.sd);
    const ed = Number(parts.ed);
    if (!isRealDay(startYear, sm, sd) || !isRealDay(endYear, em, ed)) return undefined;
    const start = day(startYear, sm, sd);
    const end = day(endYear, em, ed);
    return end < start ? undefined : { start, end, precision: 'day' };
  }
  return undefined;
}

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function day(year: number, month: number, date: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The years in which a year-less day falls where a reader would read it, around `reference`. */
function candidateYears(month: number, date: number, reference: Date, daysAhead: number): number[] {
  const ref = reference.getTime();
  return [reference.getUTCFullYear() - 1, reference.getUTCFullYear(), reference.getUTCFullYear() + 1].filter((year) => {
    const days = (Date.UTC(year, month - 1, date) - ref) / 86_400_000;
    return days >= -YEAR_CERTAIN_DAYS_BEFORE && days <= daysAhead;
  });
}

/**
 * The events the days page lists (its front matter: upcomingDaysEvents, upcomingMeetups,
 * communityEvents; past meetups left out), each with its name, link, date as written and place.
 * Names and links may be HTML (`<a href="...">Name</a>`), folded over lines.
 */
export function parseDaysPage(text: string, file: string, shown = file): SiteEventEntry[] {
  let data: Record<string, unknown>;
  try {
    data = parseSourceParts(text, shown).data;
  } catch (error) {
    const at = error as { line?: number; column?: number };
    throw siteFileError(shown, `cannot be read: ${(error as Error).message}`, at.line, at.column);
  }
  const list = (group: string, key: string): Record<string, unknown>[] => {
    const holder = data[group];
    const items = isPlainObject(holder) ? holder[key] : undefined;
    return Array.isArray(items) ? items.filter(isPlainObject) : [];
  };
  const textOf = siteTextOf(shown);
  const hrefOf = siteHrefOf(shown);
  const entries: SiteEventEntry[] = [];
  for (const item of list('upcomingDaysEvents', 'events')) {
    const name = textOf(item.title);
    if (name)
      entries.push({ name, url: hrefOf(item.title) ?? hrefOf(item.registration), dateText: textOf(item.date) ?? '', location: textOf(item.location), file });
  }
  for (const item of list('upcomingMeetups', 'meetups')) {
    // A meetup's card names it in its location ("OpenInfra Track at ALASCA Summit").
    const name = textOf(item.name) ?? textOf(item.location);
    if (name) entries.push({ name, url: textOf(item.link), dateText: textOf(item.date) ?? '', location: undefined, file });
  }
  for (const item of list('communityEvents', 'events')) {
    const name = textOf(item.name);
    if (name) entries.push({ name, url: textOf(item.link), dateText: textOf(item.date) ?? '', location: textOf(item.location), file });
  }
  return entries;
}

/** The summits of upcoming-summits.json: the list's title names them, their card links them. */
export function parseUpcomingSummits(text: string, file: string, shown = file): SiteEventEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw siteFileError(shown, `is not valid JSON: ${(error as Error).message.split('\n')[0]}.`);
  }
  if (!isPlainObject(data) || !Array.isArray(data.summits)) return [];
  const textOf = siteTextOf(shown);
  const title = textOf(data.title)?.replace(/^Upcoming\s+/i, '') ?? 'OpenInfra Summit';
  return data.summits.filter(isPlainObject).map((summit) => {
    const notification = isPlainObject(summit.notification) ? summit.notification : {};
    const button = isPlainObject(notification.button) ? notification.button : {};
    return { name: title, url: textOf(button.link) ?? textOf(summit.imageLink), dateText: textOf(summit.date) ?? '', location: textOf(summit.location), file };
  });
}

/** A value's words, its HTML read as a browser would, spaces made single; `shown`: the site file it is in. */
function siteTextOf(shown: string): (value: unknown) => string | undefined {
  return (value) => (typeof value === 'string' ? htmlWords(boundedHtml(value, shown)) : undefined);
}

/** The web page a value's first link names. */
function siteHrefOf(shown: string): (value: unknown) => string | undefined {
  return (value) => {
    const href = typeof value === 'string' ? firstHref(boundedHtml(value, shown)) : undefined;
    return href && /^https?:\/\//i.test(href) ? href : undefined;
  };
}

/** A site value's HTML, refused before it is parsed when it nests deeper than any page's title does. */
function boundedHtml(html: string, shown: string): string {
  if (htmlNestingOver(html, LIMITS.htmlNesting)) throw siteFileError(shown, `holds HTML that nests elements more than ${LIMITS.htmlNesting} levels deep.`);
  return html;
}

/** The same page, however its address is written: no trailing slash, host in lower case, no fragment. */
export function sameEventUrl(a: string, b: string): boolean {
  const norm = (url: string) => {
    try {
      const u = new URL(url);
      return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    } catch {
      return url;
    }
  };
  return norm(a) === norm(b);
}

/** A site event read with certain days, ready for an issue's `events:`. */
export interface DatedSiteEvent {
  name: string;
  url: string;
  start: string;
  end: string;
  location: string | undefined;
  file: string;
}

/**
 * The site's events with certain days, each edition once (a link in a year: the site keeps last
 * year's edition at this year's link; the entry with a place preferred), and those it cannot
 * date or link, with why (and the last day of the months they name, when they name months).
 * `reference`: the date.
 */
export function datedSiteEvents(
  entries: readonly SiteEventEntry[],
  reference: Date,
): { dated: DatedSiteEvent[]; undated: (SiteEventEntry & { reason: string; end?: string })[] } {
  const dated: DatedSiteEvent[] = [];
  const undated: (SiteEventEntry & { reason: string; end?: string })[] = [];
  for (const entry of entries) {
    const days = parseProseDate(entry.dateText, reference);
    if (!entry.url) undated.push({ ...entry, reason: 'no link', ...(days ? { end: days.end } : {}) });
    else if (!days) undated.push({ ...entry, reason: entry.dateText === '' ? 'no date' : 'a date that cannot be read with certainty' });
    else if (days.precision === 'month') undated.push({ ...entry, reason: 'months, not days', end: days.end });
    else {
      const same = dated.findIndex((d) => sameEventUrl(d.url, entry.url!) && d.start.slice(0, 4) === days.start.slice(0, 4));
      const event = { name: entry.name, url: entry.url, start: days.start, end: days.end, location: entry.location, file: entry.file };
      if (same === -1) dated.push(event);
      else if (!dated[same]!.location && entry.location) dated[same] = event;
    }
  }
  return { dated: dated.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)), undated };
}
