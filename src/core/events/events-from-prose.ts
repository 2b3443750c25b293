import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { parseMarkdown, textOf } from '../markdown/markdown.js';
import { parseProseDate } from '../site/site-events.js';
import { zoneMeant } from './events.js';
import { EVENTS_MARKER } from '../issue/issue.js';

/*
 * `newsletter events --to-data`: the archive's events are prose, an event's name (linked, often
 * bold) and then a list of its facts. A block is turned into data only when every line of it is
 * read with certainty: its days (parseProseDate), its place, and each deadline's label, link,
 * day and time in a zone named as readers name them (PT, ET, UTC...). A block with any other
 * line stays prose, whole, and is listed with the line that kept it: nothing is guessed or lost.
 * Since 2025 the archive writes an event as one list item instead, "[Name](url) | 25 July" (or
 * the name unlinked), with a nested line of its links ("[Learn More](…) | [Register](…)") or
 * deadlines ("[CFP open until 31 July](…)"): read the same way, item by item.
 */

export interface ProseEvent {
  name: string;
  url: string;
  start: string;
  end?: string;
  location?: string;
  deadlines?: { label: string; url?: string; date: string; timezone?: string }[];
  links?: { label: string; url: string }[];
}

export interface ProseConversion {
  /** The body with the converted blocks taken out. */
  body: string;
  events: (ProseEvent & { line: number })[];
  /** Event-like blocks left as prose, and why. */
  left: { line: number; name: string; reason: string }[];
}

/**
 * An events section lists what comes in the year ahead: a year-less day is read in the year
 * that puts it from 60 days before the date to 300 after (one year, never a guess).
 */
const EVENTS_AHEAD_DAYS = 300;

function readDays(text: string, reference: Date) {
  return parseProseDate(text, reference, EVENTS_AHEAD_DAYS);
}

/**
 * Reads the events of a fragment's body. `bodyLine`: the file line the body starts on;
 * `reference`: the date, which a year-less date is read against.
 */
export function eventsFromProse(body: string, bodyLine: number, reference: Date): ProseConversion {
  const doc = parseMarkdown(body, bodyLine);
  const nodes = doc.tree.children;
  const events: ProseConversion['events'] = [];
  const left: ProseConversion['left'] = [];
  const cuts: [number, number][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const title = nodes[i]!;
    const list = nodes[i + 1];
    const named = title.type === 'paragraph' ? linkedName(title) : undefined;
    if (title.type === 'list') {
      listedEvents(title, reference, events, left, cuts);
      continue;
    }
    if (!named || list?.type !== 'list') continue;
    const line = title.position!.start.line;
    const read = readBlock(named, list, reference);
    // The block's list is its own, read or left with it: never read again as events of their own.
    i++;
    if ('reason' in read) {
      left.push({ line, name: named.name, reason: read.reason });
      continue;
    }
    events.push({ ...read, line });
    cuts.push([title.position!.start.offset!, list.position!.end.offset!]);
  }
  // Cut from the end, so that earlier offsets stay true; the padding of parseMarkdown comes off last.
  let source = doc.source;
  const ordered = [...cuts].sort((a, b) => a[0] - b[0]);
  // Words after the events ("Visit ... for the full list") stay after them: the first event's place gets the marker.
  const wordsAfter = ordered.length > 0 && source.slice(ordered.at(-1)![1]).trim() !== '';
  for (const [from, to] of [...ordered].reverse()) {
    // A block of its own, never a line of the list before it.
    const marker = wordsAfter && from === ordered[0]![0] ? `\n${EVENTS_MARKER}\n\n` : '';
    source = source.slice(0, from) + marker + source.slice(to).replace(/^\n+/, '\n');
  }
  const rest = source.slice(bodyLine - 1).replace(/\n{3,}/g, '\n\n');
  return { body: rest.trim() === '' ? '' : `${rest.trim()}\n`, events, left };
}

/**
 * The events of a list written one item an event, "[Name](url) | 25 July | Place" with nested
 * lines of links and deadlines: each item read whole is an event (its range cut, or the whole
 * list's when every item is), each item that reads as an event's first line but not whole is left.
 */
function listedEvents(list: List, reference: Date, events: ProseConversion['events'], left: ProseConversion['left'], cuts: [number, number][]): void {
  const read = (list.children as ListItem[]).map((item) => ({ item, read: readListedEvent(item, reference) }));
  for (const { item, read: event } of read) {
    if (event === undefined) continue;
    const line = item.position!.start.line;
    if ('reason' in event) left.push({ line, name: event.name, reason: event.reason });
    else events.push({ ...event, line });
  }
  if (read.every(({ read: event }) => event !== undefined && !('reason' in event))) {
    cuts.push([list.position!.start.offset!, list.position!.end.offset!]);
    return;
  }
  for (const { item, read: event } of read)
    if (event !== undefined && !('reason' in event)) cuts.push([item.position!.start.offset!, item.position!.end.offset!]);
}

const DEADLINE_WORDS = /\s(?:until|by|closes(?: on)?|due(?: on)?)\s+\S/i;
const PAGE_LABEL = /^(?:learn more|more info(?:rmation)?|details|website|event page)$/i;

/** One item of such a list: an event, why it stays prose, or undefined when it is no event's line (no "| day" after a name). */
function readListedEvent(item: ListItem, reference: Date): ProseEvent | { name: string; reason: string } | undefined {
  const [first, nested, ...rest] = item.children;
  if (first?.type !== 'paragraph') return undefined;
  const bar = first.children.findIndex((c) => c.type === 'text' && c.value.includes('|'));
  if (bar === -1) return undefined;
  // What stands before the first bar is the name: a link (bold or not), or words.
  const barText = first.children[bar] as Extract<RootContent, { type: 'text' }>;
  const cut = barText.value.indexOf('|');
  const before = [...first.children.slice(0, bar), { ...barText, value: barText.value.slice(0, cut) }];
  const named = linkedName({ ...first, children: before });
  const plainName = before.every((c) => c.type === 'text')
    ? before
        .map((c) => textOf(c as Nodes))
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
  const afterBar =
    barText.value.slice(cut) +
    first.children
      .slice(bar + 1)
      .map((c) => textOf(c as Nodes))
      .join('');
  const [, dateText = '', ...place] = afterBar.split(/\s*\|\s*/);
  const days = readDays(dateText, reference);
  const name = named?.name ?? plainName;
  if (!name || !days)
    return name && dateText.trim() !== '' ? { name, reason: `its days "${dateText.trim().slice(0, 40)}" cannot be read with certainty` } : undefined;
  if (days.precision !== 'day') return { name, reason: `"${dateText.trim()}" names months, not days` };
  if (first.children.slice(bar + 1).some((c) => c.type !== 'text')) return { name, reason: 'its first line holds more than a name, days and a place' };
  if (rest.length > 0 || (nested !== undefined && nested.type !== 'list')) return { name, reason: 'it holds more than a line of links or deadlines under it' };
  const event: ProseEvent = { name, url: named?.url ?? '', start: days.start, ...(days.end !== days.start ? { end: days.end } : {}) };
  const location = place.join(', ').trim();
  if (location) event.location = location;
  const deadlines: NonNullable<ProseEvent['deadlines']> = [];
  const links: NonNullable<ProseEvent['links']> = [];
  for (const sub of nested?.type === 'list' ? (nested.children as ListItem[]) : []) {
    const deadline = readDeadline(sub, reference) ?? labelDeadline(sub, reference);
    if (deadline) {
      deadlines.push(deadline);
      continue;
    }
    const line = linksLine(sub);
    // "[CFP open until 31 July]" whose day cannot be read is a deadline still, never a mere link.
    if (!line || line.some((link) => DEADLINE_WORDS.test(link.label)))
      return { name, reason: `the line "${itemText(sub).slice(0, 60)}" is neither links nor a deadline it can read` };
    links.push(...line);
  }
  // Unlinked, the event's page is its "Learn More" link.
  if (!event.url) {
    const page = links.findIndex((link) => PAGE_LABEL.test(link.label));
    if (page === -1) return { name, reason: 'it links no page of its own (its name, or a "Learn More" under it)' };
    event.url = links.splice(page, 1)[0]!.url;
  }
  if (deadlines.length > 0) event.deadlines = deadlines;
  if (links.length > 0) event.links = links;
  return event;
}

/** "[CFP open until 31 July](url)": a deadline whose link says it all. */
function labelDeadline(item: ListItem, reference: Date): NonNullable<ProseEvent['deadlines']>[number] | undefined {
  const paragraph = item.children.length === 1 && item.children[0]!.type === 'paragraph' ? item.children[0] : undefined;
  const visible = paragraph?.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (!visible || visible.length !== 1 || visible[0]!.type !== 'link') return undefined;
  const match = /^(.+?)\s+(?:until|by|closes(?: on)?|due(?: on)?)\s+(.+?)\.?$/i.exec(textOf(visible[0]).replace(/\s+/g, ' ').trim());
  const days = match ? readDays(match[2]!, reference) : undefined;
  if (!match || !days || days.precision !== 'day' || days.start !== days.end) return undefined;
  return { label: match[1]!, url: visible[0].url, date: days.start };
}

/** "[Learn More](…) | [Register](…) | [Sponsor](…)": links and bars, nothing else. */
function linksLine(item: ListItem): { label: string; url: string }[] | undefined {
  const paragraph = item.children.length === 1 && item.children[0]!.type === 'paragraph' ? item.children[0] : undefined;
  if (!paragraph) return undefined;
  const links: { label: string; url: string }[] = [];
  for (const child of paragraph.children) {
    if (child.type === 'text' && /^[\s|]*$/.test(child.value)) continue;
    if (child.type !== 'link' || !/^https?:\/\//.test(child.url)) return undefined;
    const label = textOf(child).replace(/\s+/g, ' ').trim();
    if (!label) return undefined;
    links.push({ label, url: child.url });
  }
  return links.length > 0 ? links : undefined;
}

/** A paragraph that is only a link (bold or not): an event's name and page. */
function linkedName(paragraph: Paragraph): { name: string; url: string } | undefined {
  const visible = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const inner =
    visible.length === 1 && visible[0]!.type === 'strong' ? visible[0].children.filter((c) => !(c.type === 'text' && c.value.trim() === '')) : visible;
  if (inner.length !== 1 || inner[0]!.type !== 'link') return undefined;
  const name = textOf(inner[0]).replace(/\s+/g, ' ').trim();
  return name && /^https?:\/\//.test(inner[0].url) ? { name, url: inner[0].url } : undefined;
}

function readBlock(named: { name: string; url: string }, list: List, reference: Date): ProseEvent | { reason: string } {
  const items = list.children as ListItem[];
  const first = itemText(items[0]!);
  const [dateText, ...place] = first.split(/\s*\|\s*|:\s+/);
  const days = dateText ? readDays(dateText, reference) : undefined;
  if (!days || days.precision !== 'day') return { reason: `its first line holds no day it can read with certainty ("${first.slice(0, 60)}")` };
  const event: ProseEvent = { name: named.name, url: named.url, start: days.start, ...(days.end !== days.start ? { end: days.end } : {}) };
  const location = place.join(', ').trim();
  if (location) event.location = location;
  const deadlines: NonNullable<ProseEvent['deadlines']> = [];
  for (const item of items.slice(1)) {
    const deadline = readDeadline(item, reference);
    if (!deadline) return { reason: `the line "${itemText(item).slice(0, 60)}" is no deadline it can read` };
    deadlines.push(deadline);
  }
  if (deadlines.length > 0) event.deadlines = deadlines;
  return event;
}

/** "[Submit a Talk](url) | The deadline is 13 June at 23:59 PT", "[Register](url) by 1 June": a label, its link, a day, a time in a named zone. */
function readDeadline(item: ListItem, reference: Date): NonNullable<ProseEvent['deadlines']>[number] | undefined {
  const paragraph = item.children.length === 1 && item.children[0]!.type === 'paragraph' ? item.children[0] : undefined;
  const link = paragraph?.children.find((c): c is Extract<RootContent, { type: 'link' }> => c.type === 'link' && textOf(c).trim() !== '');
  if (!paragraph || !link) return undefined;
  const label = textOf(link).replace(/\s+/g, ' ').trim();
  const after = paragraph.children
    .slice(paragraph.children.indexOf(link) + 1)
    .map((c) => textOf(c as Nodes))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const match =
    /^(?:\|\s*)?(?:the )?(?:deadline is|deadline:|by|closes(?: on)?|until|due(?: on)?)\s+(.+?)(?:,?\s+at\s+|,\s+)?(?:(\d{1,2}):(\d{2})\s*([A-Z]{2,4}))?\.?$/i.exec(
      after,
    );
  if (!match) return undefined;
  const days = readDays(match[1]!.replace(/,$/, ''), reference);
  if (!days || days.precision !== 'day' || days.start !== days.end) return undefined;
  if (match[2] === undefined) return { label, url: link.url, date: days.start };
  const zone = zoneMeant(match[4]!);
  if (!zone || Number(match[2]) > 23) return undefined;
  return { label, url: link.url, date: `${days.start}T${match[2]!.padStart(2, '0')}:${match[3]}`, timezone: zone };
}

function itemText(item: ListItem): string {
  return textOf(item as Nodes)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The fragment's new text: its front matter as written with the events added as `events:` (it
 * must have none yet), then the body without the converted blocks.
 */
export function withEventsData(matter: string, hasFrontMatter: boolean, events: readonly ProseEvent[], body: string): string {
  const yaml = stringify(
    { events: events.map(({ deadlines, links, ...event }) => ({ ...event, ...(deadlines ? { deadlines } : {}), ...(links ? { links } : {}) })) },
    { lineWidth: 0 },
  );
  const head = hasFrontMatter ? matter.replace(/^\n/, '').replace(/\n*$/, '\n') : '';
  return `---\n${head}${yaml}---\n${body}`;
}
