import type { Nodes, Parents } from 'mdast';
import type { MarkdownDoc } from '../markdown/markdown.js';
import { findDates, type DateMention } from './dates.js';
import type { DateStyle } from '../events/events.js';

/*
 * Prose as readers read it: the paragraphs, headings and table cells of a Markdown doc, each as
 * one sentence of text, and the dates in it. Lint's prose rules and the issue model (which
 * writes its events' dates as its prose writes dates) read the same blocks.
 */

/**
 * A paragraph, heading or table cell as the sentence a reader reads, with a way back from a
 * character of that text to a position in the file.
 */
export interface Prose {
  block: Parents;
  text: string;
  /** Where each text node's value starts in `text`. */
  pieces: { start: number; node: Nodes; value: string }[];
}

const blocksOf = new WeakMap<MarkdownDoc, Prose[]>();
const datesOf = new WeakMap<Prose, { at: number; dates: DateMention[] }>();

/** The dates of a prose block, found once however many rules ask (past-date, date-style...). */
export function proseDates(prose: Prose, reference: Date): DateMention[] {
  const known = datesOf.get(prose);
  if (known && known.at === reference.getTime()) return known.dates;
  const dates = findDates(prose.text, reference);
  datesOf.set(prose, { at: reference.getTime(), dates });
  return dates;
}

/** The doc's paragraphs, headings and table cells, found once per doc however many rules ask. */
export function proseBlocks(doc: MarkdownDoc): Prose[] {
  const known = blocksOf.get(doc);
  if (known) return known;
  const blocks: Prose[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const prose: Prose = { block: node, text: '', pieces: [] };
      collect(node, prose);
      blocks.push(prose);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(doc.tree);
  blocksOf.set(doc, blocks);
  return blocks;
}

function collect(node: Nodes, prose: Prose): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    prose.pieces.push({ start: prose.text.length, node, value: node.value });
    prose.text += node.value;
  } else if (node.type === 'break') {
    prose.text += ' ';
  } else if ('children' in node) {
    for (const child of node.children as Nodes[]) collect(child, prose);
  }
}

/** Whether `length` characters at `index` of a prose block's text are all of one text node (so its file range is certain, for a fix). */
export function inOnePiece(prose: Prose, index: number, length: number): boolean {
  return prose.pieces.some((p) => p.start <= index && index + length <= p.start + p.value.length);
}

/**
 * The style an issue writes dates in, as date-style holds it to: the one config names, else
 * the one most of its prose dates take (a tie goes to the first date's); undefined when it has
 * none written either way.
 */
export function issueDateStyle(docs: readonly MarkdownDoc[], reference: Date, configured: DateStyle | undefined): DateStyle | undefined {
  if (configured) return configured;
  const styles = docs.flatMap((doc) => proseBlocks(doc).flatMap((prose) => proseDates(prose, reference).flatMap((m) => (m.style ? [m.style] : []))));
  const monthFirst = styles.filter((style) => style === 'month-first').length;
  const dayFirst = styles.length - monthFirst;
  return monthFirst === dayFirst ? styles[0] : monthFirst > dayFirst ? 'month-first' : 'day-first';
}

/**
 * Words of a sentence about what happened: a recap's past tense. A date in such a sentence is
 * history, never stale, and the most recent one of its name.
 */
export const PAST_TENSE =
  /\b(?:was|were|took place|happened|released|held|has been|have been|had|recap|recaps|summary|ago|completed|concluded|announced|launched|published|met|elected|wrapped up|brought|came|became|gave|took|saw|made|led|hosted|gathered|welcomed|celebrated|discussed|presented|shared|showcased|featured|joined|attended|spoke|kicked off|officially)\b/gi;

/** The sentence of `text` around `index`: from the end of the one before to its own end. */
export function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n')) + 1;
  const rest = text.slice(index).search(/[.!?](?:\s|$)/);
  return text.slice(start, rest === -1 ? text.length : index + rest + 1);
}

/** The block's text with the words of its links blanked: a linked page's title ("How to start contributing") is not the sentence's own tense. */
export function textOutsideLinks(prose: Prose): string {
  const chars = prose.text.split(''); // UTF-16 units, as the pieces' offsets count
  const inLink = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const piece = prose.pieces.find((p) => p.node === node);
      if (piece) for (let i = piece.start; i < piece.start + piece.value.length; i++) chars[i] = ' ';
    } else if ('children' in node) for (const child of node.children as Nodes[]) inLink(child);
  };
  const walk = (node: Nodes): void => {
    if (node.type === 'link') inLink(node);
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(prose.block);
  return chars.join('');
}
