import { textOf } from '../../core/markdown/markdown.js';
import { defineRule } from '../rule.js';
import type { ListItem, Nodes, Paragraph } from 'mdast';
import { nodeRange } from '../source.js';

/** Words that point and say nothing, wherever they stand: "click here". */
const POINTERS = new Set(['here', 'click here', 'click', 'this', 'this link', 'link', 'go', 'this page', 'click this link']);
/** Calls to see more, which say where they go when the words around them do ("* Kata 3.14 is out. [Learn more](...)"). */
const CALLS = new Set(['read more', 'more', 'learn more', 'see more', 'more info', 'more information', 'info', 'details', 'website']);

// A whole address as a link's text; one with a path or a query is read out character by character.
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const HOST_ONLY = /^(?:https?:\/\/)?(?:www\.)?[\w.-]+\/?\.?$/i;

export const linkText = defineRule({
  id: 'link-text',
  defaultSeverity: 'warn',
  description:
    'Link text that tells a screen-reader user nothing of where it goes: "here", "click here" and the like anywhere; "learn more", "read more" and the like where the words around them (their sentence or list item, or the item a line of links stands under) name nothing and no link of the section names the same page in words; an address with a path or a query, read out character by character (a bare host name such as www.openinfra.dev reads as words); a linked image with no alt text.',
  examples: {
    ok: [
      {
        files: {
          'kata.md':
            'Read [the Kata 3.14 release notes](https://github.com/kata-containers/kata-containers/releases/tag/3.14.0). [![The Kata logo](/img/kata.png)](https://katacontainers.io/)\n\n* OpenInfra Day Kenya | 4 & 5 September\n  * [Learn More](https://days.example.org/kenya/) | [Register](https://tickets.example.org/kenya)\n\nJoin at [www.openinfra.dev](https://www.openinfra.dev).',
        },
      },
    ],
    notOk: [
      {
        files: { 'kata.md': 'Kata 3.14 is out: [click here](https://github.com/kata-containers/kata-containers/releases).' },
        messages: ['kata.md:1:19 the link text "click here" says nothing of where it goes; use words that do, such as the page\'s title.'],
      },
      {
        files: { 'kata.md': '* [Learn more](https://katacontainers.io/)' },
        messages: [
          'kata.md:1:3 the link text "Learn more" says nothing of where it goes, and no words around it do; use words that do, such as the page\'s title.',
        ],
      },
      {
        files: { 'kata.md': 'Notes: [https://katacontainers.io/docs/](https://katacontainers.io/docs/)' },
        messages: ['kata.md:1:8 the link text is a bare URL, which a screen reader spells out; name the page instead (its title).'],
      },
      {
        files: { 'kata.md': '[![](/img/kata.png)](https://katacontainers.io/)' },
        messages: ["kata.md:1:1 this linked image has no alt text, so the link has no name; describe where it goes in the image's alt text."],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc, at } of docs) {
      if (at) continue;
      // Pages the fragment names in words elsewhere: a call to see more of one repeats a link readers have read.
      const named = new Set<string>();
      visitParents(doc.tree, (node) => {
        if (node.type === 'link' && !CALLS.has(vagueText(node)) && !POINTERS.has(vagueText(node)) && !BARE_URL.test(textOf(node).trim())) named.add(node.url);
      });
      visitParents(doc.tree, (node, parents) => {
        if (node.type !== 'link') return;
        const link = node;
        const text = textOf(link).replace(/\s+/g, ' ').trim();
        const range = { file, ...nodeRange(link) };
        const images = link.children.filter((c) => c.type === 'image');
        const vague = vagueText(link);
        if (images.length > 0 && text === '' && images.every((image) => !image.alt?.trim())) {
          report({ ...range, message: "this linked image has no alt text, so the link has no name; describe where it goes in the image's alt text." });
        } else if (POINTERS.has(vague)) {
          report({ ...range, message: `the link text "${text}" says nothing of where it goes; use words that do, such as the page's title.` });
        } else if (CALLS.has(vague) && !namedAround(parents) && !named.has(link.url)) {
          report({
            ...range,
            message: `the link text "${text}" says nothing of where it goes, and no words around it do; use words that do, such as the page's title.`,
          });
        } else if (BARE_URL.test(text) && !HOST_ONLY.test(text)) {
          report({ ...range, message: 'the link text is a bare URL, which a screen reader spells out; name the page instead (its title).' });
        }
      });
    }
  },
});

/**
 * Whether the words around a link name what it is about: its block (paragraph or heading) or,
 * for a line of links in a list, the item it stands under, holds words beyond calls to see more.
 */
function namedAround(parents: readonly Nodes[]): boolean {
  const items = parents.filter((p): p is ListItem => p.type === 'listItem');
  const block = [...parents].reverse().find((p) => p.type === 'paragraph' || p.type === 'heading' || p.type === 'tableCell');
  const contexts: Nodes[] = [
    ...(block ? [block] : []),
    ...items
      .slice(0, -1)
      .map((item) => item.children.find((c) => c.type === 'paragraph'))
      .filter((p): p is Paragraph => p !== undefined),
  ];
  return contexts.some(
    (context) =>
      ownWords(context)
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w)).length >= 2,
  );
}

/** A block's words without the text of its links that only call to see more. */
function ownWords(node: Nodes): string {
  if (node.type === 'link' && CALLS.has(vagueText(node))) return ' ';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(ownWords).join(' ') : ' ';
}

/** Every node under `node`, with the nodes it stands in, outermost first. */
function visitParents(node: Nodes, enter: (node: Nodes, parents: readonly Nodes[]) => void, parents: Nodes[] = []): void {
  enter(node, parents);
  if ('children' in node) for (const child of node.children as Nodes[]) visitParents(child, enter, [...parents, node]);
}

/** A link's words as the lists above hold them: lower case, without a trailing arrow or stop ("READ MORE >>" is "read more"). */
function vagueText(link: Nodes): string {
  return textOf(link)
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.!:\u2026\u00bb\u203a>\s]+$/u, '');
}
