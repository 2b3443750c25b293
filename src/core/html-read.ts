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

/**
 * The document with each image's `src` that `addresses` maps replaced, and every other byte as
 * it was: the attribute is found by the parser (with its place in the source), not by a pattern.
 */
export function withImageSources(html: string, addresses: Readonly<Record<string, string>>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walk(parse(html, { sourceCodeLocationInfo: true }), (node) => {
    if (node.nodeName !== 'img' || !('attrs' in node)) return;
    const src = attribute(node, 'src');
    const at = node.sourceCodeLocation?.attrs?.src;
    if (src === undefined || at === undefined || !Object.hasOwn(addresses, src)) return;
    edits.push({ start: at.startOffset, end: at.endOffset, text: `src="${escapeAttribute(addresses[src]!)}"` });
  });
  let out = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
