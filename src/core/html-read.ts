import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/*
 * HTML read as a browser reads it (parse5, already the tokenizer of raw-html.ts), for the few
 * places that take something out of HTML they did not write: the words and first link of the
 * site's event list, the images of a rendered email. Entities come decoded, tags are tags.
 */

type Node = DefaultTreeAdapterMap['node'];

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, visit);
  // A <template>'s content is a fragment of its own, not among its children.
  if (node.nodeName === 'template' && 'content' in node) walk(node.content as Node, visit);
}

function attribute(node: Node, name: string): string | undefined {
  return 'attrs' in node ? node.attrs.find((a) => a.name === name)?.value : undefined;
}

/** The words an HTML fragment shows, spaces made single; undefined when it shows none. */
export function htmlWords(html: string): string | undefined {
  const parts: string[] = [];
  walk(parseFragment(html), (node) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    else if ('tagName' in node) parts.push(' ');
  });
  const words = parts.join('').replace(/\s+/g, ' ').trim();
  return words === '' ? undefined : words;
}

/** The first link an HTML fragment holds (`<a href>`), as written. */
export function firstHref(html: string): string | undefined {
  let href: string | undefined;
  walk(parseFragment(html), (node) => {
    if (href === undefined && node.nodeName === 'a') href = attribute(node, 'href');
  });
  return href;
}

/** The `src` of every image of an HTML document, in order, entities decoded. */
export function imageSources(html: string): string[] {
  const sources: string[] = [];
  walk(parse(html), (node) => {
    const src = node.nodeName === 'img' ? attribute(node, 'src') : undefined;
    if (src !== undefined) sources.push(src);
  });
  return sources;
}
