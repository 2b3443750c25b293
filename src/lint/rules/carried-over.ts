import type { Nodes } from 'mdast';
import { textOf, visit } from '../../core/markdown.js';
import type { MarkdownDoc } from '../../core/markdown.js';
import type { Rule } from '../types.js';
import { lintDocs, nodeRange } from '../source.js';

const MIN_LENGTH = 40;
const RECURRING = /<!--\s*recurring\s*-->/i;

export const carriedOver: Rule = {
  id: 'carried-over',
  defaultSeverity: 'warn',
  description: 'A paragraph or list item (40 characters or more) identical to one in the previous issue. Mark a block that recurs on purpose with <!-- recurring --> in it or on the line before.',
  examples: {
    ok: [
      { files: { 'kata.md': '* Kata 3.15 is now available, with many fixes and a new Rust runtime.' }, slug: 'may-2025', previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' } },
      { files: { 'events.md': 'For more information about OpenInfra community events, please contact us. <!-- recurring -->' }, slug: 'may-2025', previous: { 'events.md': 'For more information about OpenInfra community events, please contact us.' } },
    ],
    notOk: [
      { files: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' }, slug: 'may-2025', previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' }, messages: ['kata.md:1:1 this item is the same as in april-2025; update it, remove it, or mark it <!-- recurring -->.'] },
    ],
  },
  check({ issue, previous, report }) {
    if (!previous) return;
    const before = new Set<string>();
    for (const { doc } of lintDocs(previous)) for (const block of blocksOf(doc)) before.add(block.text);
    for (const { file, doc } of lintDocs(issue)) {
      for (const block of blocksOf(doc)) {
        if (!before.has(block.text) || block.recurring) continue;
        report({ file, ...nodeRange(block.node), message: `this ${block.node.type === 'listItem' ? 'item' : 'paragraph'} is the same as in ${previous.id.slug}; update it, remove it, or mark it <!-- recurring -->.` });
      }
    }
  },
};

interface Block {
  node: Nodes;
  text: string;
  recurring: boolean;
}

/** Paragraphs and list items by their own text (an item without its nested lists). */
function blocksOf(doc: MarkdownDoc): Block[] {
  const blocks: Block[] = [];
  const lines = doc.source.split('\n');
  const walk = (node: Nodes, inItem: boolean): void => {
    if (node.type === 'listItem') {
      const own = node.children.filter((c) => c.type !== 'list');
      add(node, own.map((c) => textOf(c)).join(' '), own);
    } else if (node.type === 'paragraph' && !inItem) {
      add(node, textOf(node), [node]);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child, inItem || node.type === 'listItem');
  };
  const add = (node: Nodes, raw: string, parts: Nodes[]): void => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text.length < MIN_LENGTH) return;
    const line = node.position?.start.line ?? 1;
    const marked = parts.some(hasRecurringMarker) || RECURRING.test(lines[line - 2] ?? '');
    blocks.push({ node, text, recurring: marked });
  };
  walk(doc.tree, false);
  return blocks;
}

function hasRecurringMarker(node: Nodes): boolean {
  let found = false;
  visit(node, (child) => {
    if (child.type === 'html' && RECURRING.test(child.value)) found = true;
  });
  return found;
}
