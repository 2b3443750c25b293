import type { Nodes } from 'mdast';
import { textOf, visit } from '../../core/markdown.js';
import type { MarkdownDoc } from '../../core/markdown.js';
import type { Rule } from '../types.js';
import { lintDocs, nodeRange } from '../source.js';
import { frontMatterKeyLine } from '../../core/front-matter.js';

const MIN_LENGTH = 40;
// What readers see first of an issue, which a copied issue.md carries over unnoticed.
const FRONT_MATTER_KEYS = ['subject', 'preheader', 'seo.title', 'seo.description'];

function valueAt(data: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined), data);
}
const RECURRING = /<!--\s*recurring\s*-->/i;

export const carriedOver: Rule = {
  id: 'carried-over',
  defaultSeverity: 'warn',
  description: 'A paragraph or list item (40 characters or more) identical to one in the previous issue, and a subject, preheader, SEO title or SEO description written the same as the previous issue\'s. Mark a block that recurs on purpose with <!-- recurring --> in it or on the line before.',
  examples: {
    ok: [
      { files: { 'kata.md': '* Kata 3.15 is now available, with many fixes and a new Rust runtime.' }, slug: 'may-2025', previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' } },
      { files: { 'events.md': 'For more information about OpenInfra community events, please contact us. <!-- recurring -->' }, slug: 'may-2025', previous: { 'events.md': 'For more information about OpenInfra community events, please contact us.' } },
    ],
    notOk: [
      { files: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' }, slug: 'may-2025', previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' }, messages: ['kata.md:1:1 this item is the same as in april-2025; update it, remove it, or mark it <!-- recurring -->.'] },
      { files: { 'issue.md': '---\nsubject: Summit news\nseo:\n  description: The Summit, Kata 3.14 and the PTG.\n---\n' }, slug: 'may-2025', previous: { 'issue.md': '---\nsubject: April news\nseo:\n  description: The Summit, Kata 3.14 and the PTG.\n---\n' }, messages: ['issue.md:4:1 seo.description is the same as in april-2025; write this issue\'s.'] },
    ],
  },
  check({ issue, previous, report }) {
    if (!previous) return;
    if (issue.path && issue.introParts && previous.introParts) {
      for (const key of FRONT_MATTER_KEYS) {
        const value = valueAt(issue.introParts.data, key);
        if (typeof value === 'string' && value.trim() !== '' && value === valueAt(previous.introParts.data, key)) {
          report({ file: issue.path, line: frontMatterKeyLine(issue.introParts, key), message: `${key} is the same as in ${previous.id.slug}; write this issue's.` });
        }
      }
    }
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
