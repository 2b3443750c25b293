import { parse, parseFragment, type Tokenizer, type DefaultTreeAdapterMap } from 'parse5';
import { contentMode, tokenizerWith } from './raw-html.js';

/*
 * HTML read as a browser reads it (parse5, already the tokenizer of raw-html.ts), for the few
 * places that take something out of HTML they did not write: the words and first link of the
 * site's event list, the images of a rendered email. Entities come decoded, tags are tags.
 */

type Node = DefaultTreeAdapterMap['node'];

/** Each node in document order, with a stack of its own: no depth of HTML can exhaust the call stack. */
function walk(root: Node, visit: (node: Node) => void): void {
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    // A <template>'s content is a fragment of its own, not among its children: visited after them.
    if (node.nodeName === 'template' && 'content' in node) pending.push(node.content as Node);
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
  }
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const DEEPER = Symbol('deeper');

/**
 * Whether HTML nests elements more than `limit` in each other, counted on its tokens, before
 * any tree is built or walked (linear, and it stops at the first element too deep): a start tag
 * opens an element unless it is void or self-closing, an end tag closes the innermost open one
 * of its name. What is left unclosed stays open, so HTML whose elements a browser would close
 * for it (`<p>` after `<p>`) counts at least as deep as it is.
 */
export function htmlNestingOver(html: string, limit: number): boolean {
  // Each element opened is a start tag, and the tokenizer starts one only at a `<` followed by
  // an ASCII letter: with no more of those than the limit, nothing can be too deep, and the
  // tokenizer (which a cold process runs slowly: 27 ms on a 16 KB email's MJML) is not needed.
  if (possibleStartTagsAtMost(html, limit)) return false;
  const open: string[] = [];
  const tokenizer: Tokenizer = tokenizerWith(
    {
      onStartTag(token) {
        const mode = contentMode(token.tagName);
        if (mode !== undefined) tokenizer.state = mode as typeof tokenizer.state;
        // `<https://…>` and `<a@b.org>` are Markdown's links, not elements, where Markdown holds HTML.
        if (token.selfClosing || VOID_ELEMENTS.has(token.tagName) || !/^[a-z][a-z0-9-]*$/.test(token.tagName)) return;
        open.push(token.tagName);
        if (open.length > limit) throw DEEPER;
      },
      onEndTag(token) {
        const at = open.lastIndexOf(token.tagName);
        if (at !== -1) open.length = at;
      },
    },
    false,
  );
  try {
    tokenizer.write(html, true);
  } catch (error) {
    if (error === DEEPER) return true;
    throw error;
  }
  return false;
}

/** Whether `html` has at most `most` places where a start tag could begin (`<` and an ASCII letter). */
function possibleStartTagsAtMost(html: string, most: number): boolean {
  let found = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && ++found > most) return false;
  }
  return true;
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
