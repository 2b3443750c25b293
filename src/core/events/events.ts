import { createHash } from 'node:crypto';
import { isPlainObject } from '../config/config.js';
import { frontMatterKeyLine, type SourceParts } from '../issue/front-matter.js';
import { monthName, slugOf } from '../issue/slug.js';
import { closest } from '../suggest.js';
import { calendarReason, isRealDay, isTimeZone } from '../dates/dates.js';
import { isAllowedUrl } from '../markdown/url-policy.js';

/*
 * Events as data: a fragment's `events:` front matter, read into exact dates and deadlines,
 * rendered the same way into the post, the email and the text, and given calendar links and
 * invites. Every date is a calendar day (YYYY-MM-DD); a deadline may have a time, read in its
 * time zone. Pure: the clock never enters; the issue's date is what "past" is measured from.
 */

export interface EventDeadline {
  label: string;
  url: string | undefined;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, or undefined for the whole day (until its end). */
  time: string | undefined;
  timezone: string;
  /** The moment it passes, in ms since the epoch. */
  at: number;
  /** The line of its `date`. */
  line: number;
}

export interface IssueEvent {
  name: string;
  url: string;
  /** YYYY-MM-DD, inclusive both. */
  start: string;
  end: string;
  location: string | undefined;
  deadlines: EventDeadline[];
  /** Its other pages, as the archive lists them under an event: Register, Sponsor, Learn More. */
  links: { label: string; url: string }[];
  /** The fragment, and the lines of the event's entry (its `- name:`), its start and its end (its start when it has none), for messages. */
  file: string;
  line: number;
  startLine: number;
  endLine: number;
  /** The invite's file name without .ics: the name and first day, unique within the fragment here and within the issue once assignInviteSlugs has run. */
  slug: string;
}

export interface EventProblem {
  line: number;
  message: string;
  severity?: 'warn';
}

const EVENT_KEYS = ['name', 'url', 'start', 'end', 'location', 'deadlines', 'links'];
const LINK_KEYS = ['label', 'url'];
const DEADLINE_KEYS = ['label', 'url', 'date', 'timezone'];
/** The years an event is read in: Date.UTC maps years 0 to 99 into the 1900s, and an invite's DTEND must stay four digits. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;
const yearOutside = (date: string) => `${date} is outside the years events are read in (${FIRST_YEAR} to ${LAST_YEAR}).`;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The events of a fragment's front matter, and what is wrong with them (each at the line of its
 * key). An event or deadline that cannot be read is left out of the list, never guessed.
 * `timezone`: config's, for deadlines that name none.
 */
export function readEvents(parts: Pick<SourceParts, 'data' | 'keyLines'>, file: string, timezone: string): { events: IssueEvent[]; problems: EventProblem[] } {
  const problems: EventProblem[] = [];
  const events: IssueEvent[] = [];
  const list = parts.data.events;
  if (list === undefined) return { events, problems };
  const line = (path: string) => frontMatterKeyLine(parts, path);
  if (!Array.isArray(list))
    return { events, problems: [{ line: line('events'), message: 'events must be a list of events, each with a name, a url and a start date.' }] };
  const slugs = new Set<string>();
  list.forEach((entry, i) => {
    const at = `events.${i}`;
    const problem = (key: string, message: string, severity?: 'warn') =>
      problems.push({ line: line(key ? `${at}.${key}` : at), message, ...(severity ? { severity } : {}) });
    // A control character (a lone CR that calendar parsers read as a line break, ESC, NUL) leaves the event out, reported once at its key.
    let refused = false;
    const held = (value: unknown, key: string, who: string): boolean => {
      const found = controlIn(value);
      if (found)
        problem(key, `${who}: ${key.replace(/^(deadlines|links)\.(\d+)\./, '$1[$2].')} holds a control character (${found}); write it as text on one line.`);
      return !!found;
    };
    if (!isPlainObject(entry)) return problem('', `events[${i}] must be an event: name, url, start (and end, location, deadlines).`);
    for (const key of Object.keys(entry)) {
      if (!EVENT_KEYS.includes(key)) {
        const near = nearKey(key, EVENT_KEYS);
        problem(key, `an event has no key "${key}"${near ? `; did you mean "${near}"?` : ` (keys: ${EVENT_KEYS.join(', ')}).`}`, 'warn');
      }
    }
    const nameHeld = held(entry.name, 'name', `events[${i}]`);
    const name = nameHeld ? undefined : text(entry.name);
    if (!name && !nameHeld) problem(entry.name === undefined ? '' : 'name', `events[${i}] needs a name: the event's name as readers know it.`);
    const who = name ?? `events[${i}]`;
    for (const key of ['url', 'start', 'end', 'location']) if (held(entry[key], key, who)) refused = true;
    const url = text(entry.url);
    const urlProblem = url === undefined ? "needs a url: the event's page." : eventUrlProblem(url);
    if (urlProblem && !controlIn(entry.url)) problem(entry.url === undefined ? '' : 'url', `${who} ${urlProblem}`);
    const start = controlIn(entry.start) ? undefined : readDay(entry.start, 'start', (key, message) => problem(key, `${who}: ${message}`), true);
    // An end written but unreadable leaves the event out, as its start would: never a one-day event guessed from its start.
    const end =
      entry.end === undefined || entry.end === null
        ? start
        : controlIn(entry.end)
          ? undefined
          : readDay(entry.end, 'end', (key, message) => problem(key, `${who}: ${message}`), false);
    if (start && end && end < start) problem('end', `${name}: end ${end} is before start ${start}.`);
    const location = entry.location === undefined ? undefined : text(entry.location);
    if (entry.location !== undefined && !location) problem('location', `${name}: location must be text, such as Paris-Saclay, France.`);
    const deadlines: EventDeadline[] = [];
    if (entry.deadlines !== undefined && !Array.isArray(entry.deadlines))
      problem('deadlines', `${name}: deadlines must be a list, each with a label and a date.`);
    (Array.isArray(entry.deadlines) ? entry.deadlines : []).forEach((d, j) => {
      const key = `deadlines.${j}`;
      const say = (sub: string, message: string, severity?: 'warn') => problem(sub ? `${key}.${sub}` : key, message, severity);
      if (!isPlainObject(d)) return say('', `${name}: deadlines[${j}] must be a deadline: label, date (and url, timezone).`);
      for (const k of Object.keys(d)) {
        if (!DEADLINE_KEYS.includes(k)) {
          const near = nearKey(k, DEADLINE_KEYS);
          say(k, `a deadline has no key "${k}"${near ? `; did you mean "${near}"?` : ` (keys: ${DEADLINE_KEYS.join(', ')}).`}`, 'warn');
        }
      }
      // Each value with a control character is reported; the deadline is then left out, unread further.
      if (DEADLINE_KEYS.map((k) => held(d[k], `${key}.${k}`, who)).includes(true)) return;
      const label = text(d.label);
      if (!label) say(d.label === undefined ? '' : 'label', `${name}: deadlines[${j}] needs a label, such as "Submit a talk".`);
      const deadlineUrl = text(d.url);
      const deadlineUrlProblem = d.url === undefined ? undefined : deadlineUrl === undefined ? 'needs a url that is text.' : eventUrlProblem(deadlineUrl);
      if (deadlineUrlProblem) say('url', `${label ?? `deadlines[${j}]`} ${deadlineUrlProblem}`);
      const zone = d.timezone === undefined ? timezone : text(d.timezone);
      if (d.timezone !== undefined && (!zone || !isTimeZone(zone))) {
        const near = zone ? zoneMeant(zone) : undefined;
        say(
          'timezone',
          `${label ?? `deadlines[${j}]`}: "${String(d.timezone)}" is not a time zone${near ? `; did you mean ${near}?` : '; use an IANA name, such as America/Los_Angeles or Europe/Paris.'}`,
        );
      }
      const when = readDeadlineDate(d.date, (message) => say(d.date === undefined ? '' : 'date', `${label ?? `deadlines[${j}]`}: ${message}`));
      if (when && end && when.date > end) say('date', `${label}: the deadline ${when.date} is after ${name} ends (${end}).`);
      if (!label || !when || deadlineUrlProblem || !zone || !isTimeZone(zone)) return;
      deadlines.push({
        label,
        url: deadlineUrl,
        date: when.date,
        time: when.time,
        timezone: zone,
        at: instantOf(when.date, when.time ?? '23:59', zone) + (when.time ? 0 : 59_999),
        line: line(`${at}.${key}.date`),
      });
    });
    const links: IssueEvent['links'] = [];
    if (entry.links !== undefined && !Array.isArray(entry.links)) problem('links', `${name}: links must be a list, each with a label and a url.`);
    (Array.isArray(entry.links) ? entry.links : []).forEach((l, j) => {
      const key = `links.${j}`;
      if (!isPlainObject(l)) return problem(key, `${name}: links[${j}] must be a link: label and url.`);
      for (const k of Object.keys(l)) if (!LINK_KEYS.includes(k)) problem(`${key}.${k}`, `a link has no key "${k}" (keys: ${LINK_KEYS.join(', ')}).`, 'warn');
      if (LINK_KEYS.map((k) => held(l[k], `${key}.${k}`, who)).includes(true)) return;
      const label = text(l.label);
      if (!label) return problem(l.label === undefined ? key : `${key}.label`, `${name}: links[${j}] needs a label, such as "Register".`);
      const linkUrl = text(l.url);
      const linkProblem = linkUrl === undefined ? 'needs a url: the page it opens.' : eventUrlProblem(linkUrl);
      if (linkProblem) return problem(l.url === undefined ? key : `${key}.url`, `${label} ${linkProblem}`);
      links.push({ label, url: linkUrl! });
    });
    if (refused || !name || !url || urlProblem || !start || !end || end < start) return;
    const base = slugBase(name, start);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    events.push({
      name,
      url,
      start,
      end,
      location,
      deadlines: deadlines.sort((a, b) => a.at - b.at),
      links,
      file,
      slug,
      line: line(at),
      startLine: line(`${at}.start`),
      endLine: line(entry.end === undefined ? `${at}.start` : `${at}.end`),
    });
  });
  return { events: events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.name < b.name ? -1 : 1)), problems };
}

/**
 * Gives each event an invite name unique within the issue, in the order given (the issue's
 * reading order): two events of one name and first day, in one fragment or two, would
 * otherwise share one file and one link, and one of them would be lost.
 */
export function assignInviteSlugs(events: Iterable<IssueEvent>): void {
  const taken = new Set<string>();
  for (const event of events) {
    const base = slugBase(event.name, event.start);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    event.slug = slug;
  }
}

function slugBase(name: string, start: string): string {
  return `${slugOf(name) || 'event'}-${start}`;
}

/** C0, DEL and C1 controls: no value of an event is meant to hold one, and a calendar or a terminal reads some as commands. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The first control character of a string value, as U+XXXX; surrounding whitespace is trimmed as values are, and not counted. */
function controlIn(value: unknown): string | undefined {
  const found = typeof value === 'string' ? CONTROL.exec(value.trim()) : null;
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An event's and a deadline's link: an absolute web address the URL policy allows. */
function eventUrlProblem(url: string): string | undefined {
  // Written into Markdown as <url>, into .ics as a value, and into a calendar link: no space, angle bracket, quote or backslash.
  if (!/^https?:\/\/[^\s<>"\\]+$/i.test(url) || !isAllowedUrl(url, 'link'))
    return `url "${url.slice(0, 60)}" must be an absolute web address (https://...), with no spaces.`;
  return undefined;
}

function readDay(value: unknown, key: string, problem: (key: string, message: string) => void, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) problem('', `${key} is missing: the first day, as YYYY-MM-DD.`);
    return undefined;
  }
  const day = typeof value === 'string' ? DAY.exec(value.trim()) : null;
  if (!day) return (problem(key, `${key} "${String(value)}" is not a date; write it as YYYY-MM-DD, such as 2025-10-17.`), undefined);
  if (!isRealDay(Number(day[1]), Number(day[2]), Number(day[3])))
    return (problem(key, `${key} ${day[0]} is not a day of the calendar (${calendarReason(Number(day[1]), Number(day[2]), Number(day[3]))}).`), undefined);
  if (Number(day[1]) < FIRST_YEAR || Number(day[1]) > LAST_YEAR) return (problem(key, `${key} ${yearOutside(day[0])}`), undefined);
  return day[0];
}

function readDeadlineDate(value: unknown, problem: (message: string) => void): { date: string; time: string | undefined } | undefined {
  if (value === undefined || value === null) return (problem('date is missing: YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time.'), undefined);
  const match = typeof value === 'string' ? DAY_TIME.exec(value.trim()) : null;
  if (!match) return (problem(`date "${String(value)}" is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM, such as 2025-06-13T23:59.`), undefined);
  const [, y, m, d, hh, mm] = match;
  if (!isRealDay(Number(y), Number(m), Number(d)))
    return (problem(`${y}-${m}-${d} is not a day of the calendar (${calendarReason(Number(y), Number(m), Number(d))}).`), undefined);
  if (Number(y) < FIRST_YEAR || Number(y) > LAST_YEAR) return (problem(yearOutside(`${y}-${m}-${d}`)), undefined);
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59)) return (problem(`${hh}:${mm} is not a time of day; write 00:00 to 23:59.`), undefined);
  return { date: `${y}-${m}-${d}`, time: hh === undefined ? undefined : `${hh}:${mm}` };
}

/** A key mistyped: one edit away, or its letters swapped ("strat" for "start"). */
function nearKey(key: string, keys: readonly string[]): string | undefined {
  const letters = (word: string) => [...word.toLowerCase()].sort().join('');
  return closest(key, keys) ?? keys.find((k) => letters(k) === letters(key));
}

/**
 * The names and abbreviations people write for the zones of the community's events, and the
 * IANA zone each means: a writer's "Pacific Time", a deadline's "23:59 PT". None that two
 * places share (IST: India, Israel or Ireland?).
 */
const ZONE_NAMES: Record<string, string> = {
  'pacific time': 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  'mountain time': 'America/Denver',
  mt: 'America/Denver',
  'central time': 'America/Chicago',
  ct: 'America/Chicago',
  'eastern time': 'America/New_York',
  et: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  'central european time': 'Europe/Paris',
  cet: 'Europe/Paris',
  cest: 'Europe/Paris',
  utc: 'UTC',
  gmt: 'UTC',
  'british time': 'Europe/London',
  bst: 'Europe/London',
  'china time': 'Asia/Shanghai',
  'japan time': 'Asia/Tokyo',
  jst: 'Asia/Tokyo',
  kst: 'Asia/Seoul',
};

/** The IANA zone a name probably means: a common name, or the zone it is with another case. */
export function zoneMeant(zone: string): string | undefined {
  const said = zone.trim().toLowerCase();
  return ZONE_NAMES[said] ?? Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === said);
}

/** The moment a wall-clock time in a time zone is, in ms since the epoch. */
export function instantOf(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset at that moment, found from the wall time itself, then checked once (a DST change in between).
  let at = wall - offsetOf(wall, zone);
  at = wall - offsetOf(at, zone);
  return at;
}

function offsetOf(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** A time zone as readers know it at a moment: PT, ET, UTC, else the offset (GMT+2). */
export function zoneLabel(zone: string, at: number): string {
  const name = (style: 'shortGeneric' | 'short') =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const generic = name('shortGeneric');
  if (/^[A-Z]{2,4}$/.test(generic)) return generic;
  return name('short').replace(/^GMT\+0$/, 'UTC');
}

export type DateStyle = 'day-first' | 'month-first';

/** A range of days as the issue writes dates: "17-19 October 2025", "30 September - 2 October 2025", or month first. */
export function formatDayRange(start: string, end: string, style: DateStyle, withYear = true): string {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  const month = (m: number) => monthName(m);
  if (style === 'day-first') {
    const year = (y: number) => (withYear ? ` ${y}` : '');
    if (start === end) return `${sd} ${month(sm)}${year(sy)}`;
    if (sy === ey && sm === em) return `${sd}-${ed} ${month(sm)}${year(sy)}`;
    if (sy === ey) return `${sd} ${month(sm)} - ${ed} ${month(em)}${year(sy)}`;
    return `${sd} ${month(sm)} ${sy} - ${ed} ${month(em)} ${ey}`;
  }
  const year = (y: number) => (withYear ? `, ${y}` : '');
  if (start === end) return `${month(sm)} ${sd}${year(sy)}`;
  if (sy === ey && sm === em) return `${month(sm)} ${sd}-${ed}${year(sy)}`;
  if (sy === ey) return `${month(sm)} ${sd} - ${month(em)} ${ed}${year(sy)}`;
  return `${month(sm)} ${sd}, ${sy} - ${month(em)} ${ed}, ${ey}`;
}

/** Where the invites are served on the site, and how the issue writes dates. */
export interface EventRendering {
  /** The day the issue goes out: deadlines passed by then are left out. */
  issueDate: Date;
  style: DateStyle;
  /** The absolute address of an event's invite. */
  inviteUrl: (event: IssueEvent) => string;
}

/** The deadlines still open on the issue's date. */
export function openDeadlines(event: IssueEvent, issueDate: Date): EventDeadline[] {
  return event.deadlines.filter((d) => d.at >= issueDate.getTime());
}

/**
 * The events as Markdown in the archive's style: the name, linked, in bold; then one item per
 * fact (the days and the place, each deadline still open, the calendar links), so that each
 * stands on a line of its own in the post, the email and the text alike.
 */
export function eventsMarkdown(events: readonly IssueEvent[], rendering: EventRendering): string {
  return events
    .map((event) => {
      const lines = [`**[${escapeText(event.name)}](${destination(event.url)})**`, ''];
      lines.push(`* ${formatDayRange(event.start, event.end, rendering.style)}${event.location ? ` | ${escapeText(event.location)}` : ''}`);
      for (const deadline of openDeadlines(event, rendering.issueDate)) {
        const label = deadline.url ? `[${escapeText(deadline.label)}](${destination(deadline.url)})` : escapeText(deadline.label);
        const sameYear = deadline.date.slice(0, 4) === event.start.slice(0, 4);
        const day = formatDayRange(deadline.date, deadline.date, rendering.style, !sameYear);
        lines.push(`* ${label} by ${day}${deadline.time ? `, ${deadline.time} ${zoneLabel(deadline.timezone, deadline.at)}` : ''}`);
      }
      if (event.links.length > 0) lines.push(`* ${event.links.map((link) => `[${escapeText(link.label)}](${destination(link.url)})`).join(' | ')}`);
      lines.push(
        `* [Add to Google Calendar](${destination(googleCalendarUrl(event))}) | [Download the invite (.ics)](${destination(rendering.inviteUrl(event))})`,
      );
      return lines.join('\n');
    })
    .join('\n\n');
}

/** A link destination as written in Markdown: in angle brackets only where a parenthesis would end it early. */
function destination(url: string): string {
  return /[()]/.test(url) ? `<${url}>` : url;
}

/** Markdown's own characters in a name or a label are text, never markup. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!]/g, (c) => `\\${c}`);
}

/** A Google Calendar "add event" link: all-day, the end exclusive, as Google reads `dates`. */
export function googleCalendarUrl(event: IssueEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.name,
    dates: `${compact(event.start)}/${compact(nextDay(event.end))}`,
    details: event.url,
    ...(event.location ? { location: event.location } : {}),
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

function compact(day: string): string {
  return day.replaceAll('-', '');
}

export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** How every invite this tool writes begins, by which build knows the invites it wrote before. */
export const INVITE_HEAD = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OpenInfra Foundation//newsletter//EN\r\n';

/**
 * An RFC 5545 invite for one event: an all-day VEVENT (VALUE=DATE, DTEND the day after the last),
 * a UID derived from the event (the same across builds, another for another event), its URL,
 * place and open deadlines, lines folded at 75 octets, CRLF. `stamp`: DTSTAMP, the issue's date,
 * so that the same sources give the same bytes.
 */
export function eventIcs(event: IssueEvent, stamp: Date, issueDate: Date): string {
  const uid = `${createHash('sha256').update(`${event.name}\0${event.start}\0${event.url}`).digest('hex').slice(0, 32)}@newsletter.openinfra`;
  const description = [
    event.url,
    ...openDeadlines(event, issueDate).map((d) => `${d.label}: by ${d.date}${d.time ? ` ${d.time} (${d.timezone})` : ''}${d.url ? ` ${d.url}` : ''}`),
  ].join('\n');
  const lines = [
    ...INVITE_HEAD.split('\r\n').slice(0, -1),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`,
    `DTSTART;VALUE=DATE:${compact(event.start)}`,
    `DTEND;VALUE=DATE:${compact(nextDay(event.end))}`,
    `SUMMARY:${escapeIcs(event.name)}`,
    `URL:${event.url}`,
    ...(event.location ? [`LOCATION:${escapeIcs(event.location)}`] : []),
    `DESCRIPTION:${escapeIcs(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcs).join('\r\n')}\r\n`;
}

/**
 * TEXT values: backslash, semicolon and comma escaped, line ends as \n (RFC 5545 3.3.11). A lone
 * CR or NEL is a line end too, as some parsers read it one; other controls are no TEXT at all
 * (3.3.11's TSAFE-CHAR, HTAB apart) and are dropped, whatever readEvents let through.
 */
function escapeIcs(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u0085]/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '');
}

/** Content lines longer than 75 octets, folded: CRLF and a space, never inside a UTF-8 character (RFC 5545 3.1). */
export function foldIcs(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
