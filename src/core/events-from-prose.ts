import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { parseMarkdown, textOf } from './markdown.js';
import { parseProseDate } from './site-events.js';
import { zoneMeant } from './events.js';

/*
 * `newsletter events --to-data`: the archive's events are prose, an event's name (linked, often
 * bold) and then a list of its facts. A block is turned into data only when every line of it is
 * read with certainty: its days (parseProseDate), its place, and each deadline's label, link,
 * day and time in a zone named as readers name them (PT, ET, UTC...). A block with any other
 * line stays prose, whole, and is listed with the line that kept it: nothing is guessed or lost.
 */

export interface ProseEvent {
  name: string;
  url: string;
  start: string;
  end?: string;
  location?: string;
  deadlines?: { label: string; url?: string; date: string; timezone?: string }[];
}

export interface ProseConversion {
  /** The body with the converted blocks taken out. */
  body: string;
  events: (ProseEvent & { line: number })[];
  /** Event-like blocks left as prose, and why. */
  left: { line: number; name: string; reason: string }[];
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
  for (let i = 0; i < nodes.length - 1; i++) {
    const title = nodes[i]!;
    const list = nodes[i + 1]!;
    const named = title.type === 'paragraph' ? linkedName(title) : undefined;
    if (!named || list.type !== 'list') continue;
    const line = title.position!.start.line;
    const read = readBlock(named, list, reference);
    if ('reason' in read) {
      left.push({ line, name: named.name, reason: read.reason });
      continue;
    }
    events.push({ ...read, line });
    cuts.push([title.position!.start.offset!, list.position!.end.offset!]);
    i++;
  }
  // Cut from the end, so that earlier offsets stay true; the padding of parseMarkdown comes off last.
  let source = doc.source;
  for (const [from, to] of [...cuts].reverse()) source = source.slice(0, from) + source.slice(to).replace(/^\n+/, '\n');
  const rest = source.slice(bodyLine - 1).replace(/\n{3,}/g, '\n\n');
  return { body: rest.trim() === '' ? '' : `${rest.trim()}\n`, events, left };
}

/** A paragraph that is only a link (bold or not): an event's name and page. */
function linkedName(paragraph: Paragraph): { name: string; url: string } | undefined {
  const visible = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const inner = visible.length === 1 && visible[0]!.type === 'strong' ? visible[0].children.filter((c) => !(c.type === 'text' && c.value.trim() === '')) : visible;
  if (inner.length !== 1 || inner[0]!.type !== 'link') return undefined;
  const name = textOf(inner[0]).replace(/\s+/g, ' ').trim();
  return name && /^https?:\/\//.test(inner[0].url) ? { name, url: inner[0].url } : undefined;
}

function readBlock(named: { name: string; url: string }, list: List, reference: Date): ProseEvent | { reason: string } {
  const items = list.children as ListItem[];
  const first = itemText(items[0]!);
  const [dateText, ...place] = first.split(/\s*\|\s*|:\s+/);
  const days = dateText ? parseProseDate(dateText, reference) : undefined;
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
  const after = paragraph.children.slice(paragraph.children.indexOf(link) + 1).map((c) => textOf(c as Nodes)).join('').replace(/\s+/g, ' ').trim();
  const match = /^(?:\|\s*)?(?:the )?(?:deadline is|deadline:|by|closes(?: on)?|until|due(?: on)?)\s+(.+?)(?:,?\s+at\s+|,\s+)?(?:(\d{1,2}):(\d{2})\s*([A-Z]{2,4}))?\.?$/i.exec(after);
  if (!match) return undefined;
  const days = parseProseDate(match[1]!.replace(/,$/, ''), reference);
  if (!days || days.precision !== 'day' || days.start !== days.end) return undefined;
  if (match[2] === undefined) return { label, url: link.url, date: days.start };
  const zone = zoneMeant(match[4]!);
  if (!zone || Number(match[2]) > 23) return undefined;
  return { label, url: link.url, date: `${days.start}T${match[2]!.padStart(2, '0')}:${match[3]}`, timezone: zone };
}

function itemText(item: ListItem): string {
  return textOf(item as Nodes).replace(/\s+/g, ' ').trim();
}

/**
 * The fragment's new text: its front matter as written with the events added as `events:` (it
 * must have none yet), then the body without the converted blocks.
 */
export function withEventsData(matter: string, hasFrontMatter: boolean, events: readonly ProseEvent[], body: string): string {
  const yaml = stringify({ events: events.map(({ deadlines, ...event }) => ({ ...event, ...(deadlines ? { deadlines } : {}) })) }, { lineWidth: 0 });
  const head = hasFrontMatter ? matter.replace(/^\n/, '').replace(/\n*$/, '\n') : '';
  return `---\n${head}${yaml}---\n${body}`;
}
