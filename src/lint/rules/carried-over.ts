import type { Nodes } from 'mdast';
import { textOf, visit } from '../../core/markdown/markdown.js';
import type { MarkdownDoc } from '../../core/markdown/markdown.js';
import { defineRule } from '../rule.js';
import { lintDocs, nodeRange } from '../source.js';
import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { findDates, yearIsCertain } from '../../core/dates/dates.js';
import { issueDateOf } from '../../core/issue/issue.js';

const MIN_LENGTH = 40;
// What readers see first of an issue, which a copied issue.md carries over unnoticed.
const FRONT_MATTER_KEYS = ['subject', 'preheader', 'seo.title', 'seo.description'];

function valueAt(data: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((value, part) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined), data);
}
const RECURRING = /<!--\s*recurring\s*-->/i;

export const carriedOver = defineRule({
  id: 'carried-over',
  defaultSeverity: 'warn',
  needs: ['previous'],
  description:
    "What the previous issue said and this one repeats where readers would be misled: a paragraph or list item (40 characters or more) identical to one of the previous issue that names a day past on this issue's date (\"CFP open until 31 July\" in an August issue); a section whose every item (or, without items, every paragraph) is the previous issue's, news repeated as news; and a subject, preheader, SEO title or SEO description written the same as the previous issue's (unless it is config's own default). Standing items (surveys, membership, contact lines, upcoming events) repeat by design and are left alone; mark a block that recurs on purpose with <!-- recurring --> to leave it out of the section count too.",
  examples: {
    ok: [
      {
        files: { 'kata.md': '* Kata 3.15 is now available, with many fixes and a new Rust runtime.' },
        slug: 'may-2025',
        previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' },
      },
      {
        files: {
          'events.md':
            '* Join us at the OpenInfra Summit Europe, 17-19 October 2025, in Paris-Saclay.\n* A new event of this month, announced for the first time today.',
        },
        slug: 'may-2025',
        previous: { 'events.md': '* Join us at the OpenInfra Summit Europe, 17-19 October 2025, in Paris-Saclay.' },
      },
    ],
    notOk: [
      {
        files: {
          'events.md':
            '* The call for proposals is open until 30 April, submit your talk now.\n* A new event of this month, announced for the first time today.',
        },
        slug: 'may-2025',
        previous: { 'events.md': '* The call for proposals is open until 30 April, submit your talk now.' },
        messages: ['events.md:1:1 this item is the same as in april-2025, and "30 April" is past on this issue\'s date; update it or remove it.'],
      },
      {
        files: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' },
        slug: 'may-2025',
        previous: { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' },
        messages: ["kata.md:1:1 every item of this section is the same as in april-2025: last month's news; write this month's, or remove the section."],
      },
      {
        files: { 'issue.md': '---\nsubject: Summit news\nseo:\n  description: The Summit, Kata 3.14 and the PTG.\n---\n' },
        slug: 'may-2025',
        previous: { 'issue.md': '---\nsubject: April news\nseo:\n  description: The Summit, Kata 3.14 and the PTG.\n---\n' },
        messages: ["issue.md:4:1 seo.description is the same as in april-2025; write this issue's."],
      },
    ],
  },
  check({ issue, previous, config, report }) {
    if (issue.path && issue.introParts && previous.introParts) {
      // What `new --yes` writes into every issue is the workspace's choice, not a copy.
      const defaults: Record<string, string> = { 'seo.description': config.description, preheader: config.description };
      for (const key of FRONT_MATTER_KEYS) {
        const value = valueAt(issue.introParts.data, key);
        if (typeof value === 'string' && value.trim() !== '' && value === valueAt(previous.introParts.data, key) && value !== defaults[key]) {
          report({
            file: issue.path,
            line: frontMatterKeyLine(issue.introParts, key),
            message: `${key} is the same as in ${previous.id.slug}; write this issue's.`,
          });
        }
      }
    }
    const before = new Set<string>();
    for (const { doc } of lintDocs(previous)) for (const block of blocksOf(doc)) before.add(block.text);
    const issueDate = issueDateOf(issue);
    for (const { file, doc, fragment } of lintDocs(issue)) {
      const blocks = blocksOf(doc).filter((block) => !block.recurring);
      // A section whose news is all last month's, every item of it however short, none added or dropped: one report, at its first block.
      const news = sectionNews(doc);
      const was = fragment ? previous.fragments.find((f) => f.id === fragment.id) : undefined;
      const wasNews = was ? sectionNews(was.doc) : [];
      if (fragment && news.length > 0 && news.length === wasNews.length && news.every((text) => wasNews.includes(text))) {
        const first = blocksOf(doc, 0).find((block) => !block.recurring);
        report({
          file,
          ...nodeRange(first!.node),
          message: `every ${first!.node.type === 'listItem' ? 'item' : 'paragraph'} of this section is the same as in ${previous.id.slug}: last month's news; write this month's, or remove the section.`,
        });
        continue;
      }
      for (const block of blocks) {
        if (!before.has(block.text)) continue;
        const past = findDates(block.text, issueDate).find((mention) => mention.last < issueDate && yearIsCertain(mention, issueDate));
        if (!past) continue;
        report({
          file,
          ...nodeRange(block.node),
          message: `this ${block.node.type === 'listItem' ? 'item' : 'paragraph'} is the same as in ${previous.id.slug}, and "${past.text}" is past on this issue's date; update it or remove it.`,
        });
      }
    }
  },
});

interface Block {
  node: Nodes;
  text: string;
  recurring: boolean;
}

/** A section's news: its list items, else its paragraphs, however short, by their text (those marked recurring left out). */
function sectionNews(doc: MarkdownDoc): string[] {
  const blocks = blocksOf(doc, 0).filter((block) => !block.recurring);
  const items = blocks.filter((block) => block.node.type === 'listItem');
  return (items.length > 0 ? items : blocks).map((block) => block.text);
}

/** Paragraphs and list items by their own text (an item without its nested lists), of `minLength` characters or more. */
function blocksOf(doc: MarkdownDoc, minLength = MIN_LENGTH): Block[] {
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
    if (text.length < minLength || text === '') return;
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
