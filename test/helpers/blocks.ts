import type { Nodes } from 'mdast';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { parseMarkdown, textOf, withoutComments } from '../../src/core/markdown/markdown.js';

/**
 * A post's body as the sequence a reader meets: headings' and paragraphs' text, list items,
 * links and images. Heading levels and emphasis are left out: they may change on a rebuild.
 */
export function readingBlocks(markdown: string): string[] {
  const { body, bodyLine } = parseSourceParts(markdown, 'post.md');
  const tree = withoutComments(parseMarkdown(body, bodyLine).tree);
  const blocks: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        if (textOf(node).trim()) blocks.push(`text: ${normalise(textOf(node))}`);
        break;
      case 'link':
        blocks.push(`link: ${normalise(textOf(node))} -> ${node.url}`);
        break;
      case 'image':
        blocks.push(`image: ${normalise(node.alt ?? '')} -> ${node.url}`);
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return blocks;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
