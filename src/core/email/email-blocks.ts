import type { Element, Root as HastRoot, Nodes as HastNodes } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Image, Link, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { absoluteUrl, isMergeTag, tagUrl, type Campaign } from '../markdown/urls.js';
import { checkUrl } from '../markdown/url-policy.js';
import { HTML_ALLOWLIST } from '../markdown/raw-html.js';

/** A piece of a section in the email: flowing HTML text, or an image that spans the column. */
export interface EmailBlock {
  html: string | null;
  image: { src: string; alt: string; href: string | null } | null;
}

export interface UrlContext {
  site: string;
  postUrl: string;
  /** Campaign tagging for links (never for image sources); undefined when off. */
  campaign?: Campaign;
  /** Where an image is published (an issue's own image moves to the site); as written by default. */
  imageUrl?: (url: string) => string;
}

/** The column's content width: 600 px less the 24 px padding on each side. */
export const CONTENT_WIDTH = 552;

/**
 * Splits a section's Markdown (comments already removed) into email blocks: an image alone
 * in its paragraph becomes a full-width image; everything else flows as sanitised HTML.
 */
export function renderEmailBlocks(tree: Root, urls: UrlContext, fallbackAlt: string): EmailBlock[] {
  const blocks: EmailBlock[] = [];
  let pending: RootContent[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    blocks.push({ html: renderEmailHtml({ type: 'root', children: pending }, urls, fallbackAlt), image: null });
    pending = [];
  };
  for (const node of tree.children) {
    const image = standaloneImage(node);
    if (image) {
      flush();
      // An image whose source the URL policy refuses is not shown at all; a refused link leaves the image unlinked.
      const src = emailImageSrc(image.image.url, urls);
      const href = image.link ? emailHref(image.link.url, urls) : undefined;
      if (src) blocks.push({ html: null, image: { src, alt: image.image.alt?.trim() || fallbackAlt, href: href ?? null } });
    } else {
      pending.push(node);
    }
  }
  flush();
  return blocks;
}

function standaloneImage(node: RootContent): { image: Image; link: Link | undefined } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const visible = (node as Paragraph).children.filter((c) => !(c.type === 'text' && c.value.trim() === '') && c.type !== 'break');
  if (visible.length !== 1) return undefined;
  const only = visible[0]!;
  if (only.type === 'image' && only.url.trim() !== '') return { image: only, link: undefined };
  if (only.type === 'link' && only.children.length === 1 && only.children[0]!.type === 'image' && only.children[0].url.trim() !== '') {
    return { image: only.children[0], link: only };
  }
  return undefined;
}

/** Markdown to HTML that is safe to send: raw HTML parsed, then allowlisted; URLs made absolute. */
export function renderEmailHtml(tree: Root | Nodes, urls: UrlContext, fallbackAlt: string): string {
  const clean = safeHtmlTree(tree.type === 'root' ? tree : { type: 'root', children: [tree as RootContent] });
  rewriteElements(clean, urls, fallbackAlt);
  return toHtml(clean).trim();
}

/**
 * Markdown as an HTML tree that is safe to show: its raw HTML parsed, then allowlisted; task
 * items marked in text. The tree given is changed (its task items), and not used again.
 */
export function safeHtmlTree(root: Root): HastRoot {
  markTaskItems(root);
  const converted = toHast(root, { allowDangerousHtml: true }) as HastRoot;
  const hast = needsReparse(root) ? (raw(converted) as HastRoot) : converted;
  return sanitize(hast, HTML_ALLOWLIST) as HastRoot;
}

/**
 * Whether the tree holds HTML written in the Markdown, which only a pass through an HTML parser
 * (hast-util-raw, the costliest step here) turns into elements. Without any, that pass gives back
 * the same HTML, except for footnotes: their boolean attributes come back as empty strings.
 */
function needsReparse(node: Nodes): boolean {
  if (node.type === 'html' || node.type === 'footnoteReference' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && (node.children as Nodes[]).some(needsReparse);
}

function rewriteElements(node: HastNodes, urls: UrlContext, fallbackAlt: string): void {
  if (!('children' in node)) return;
  node.children = node.children.filter((child) => child.type !== 'element' || fixElement(child, urls, fallbackAlt));
  for (const child of node.children) rewriteElements(child as HastNodes, urls, fallbackAlt);
}

/** A link's href for the email: absolute and campaign-tagged, or undefined when the URL policy refuses it. */
function emailHref(url: string, urls: UrlContext): string | undefined {
  // Markdown to HTML percent-encodes `|` and braces; a merge tag must reach the platform as written.
  const written = decoded(url);
  if (isMergeTag(written)) return written;
  const allowed = checkUrl(url, 'link');
  return allowed === undefined || allowed === '' ? undefined : tagUrl(absoluteUrl(allowed, urls.site, urls.postUrl), urls.campaign);
}

/** An image's src for the email: absolute and https, or undefined when the URL policy refuses it. */
function emailImageSrc(url: string, urls: UrlContext): string | undefined {
  const allowed = checkUrl(urls.imageUrl ? urls.imageUrl(url) : url, 'image');
  return allowed === undefined || allowed === '' ? undefined : emailImageAddress(allowed, urls);
}

/** Where the email loads an image from: its URL made absolute, over https. */
export function emailImageAddress(url: string, urls: Pick<UrlContext, 'site' | 'postUrl'>): string {
  return secureImage(absoluteUrl(url, urls.site, urls.postUrl));
}

/**
 * Rewrites an element's URLs and styles for the email; false for an element to remove: an image
 * whose source is refused (or none), and a link with nothing in it, which readers cannot see and
 * screen readers announce as a nameless link (lint's empty-link reports it where it was written).
 */
function fixElement(element: Element, urls: UrlContext, fallbackAlt: string): boolean {
  const props = element.properties;
  if (element.tagName === 'a' && !holdsContent(element)) return false;
  if (typeof props.href === 'string') {
    const href = emailHref(props.href, urls);
    if (href === undefined) delete props.href;
    else props.href = href;
  }
  if (typeof props.src === 'string') props.src = emailImageSrc(props.src, urls);
  if (element.tagName === 'img') {
    // An image the URL policy refuses is removed, not shown broken.
    if (props.src === undefined) return false;
    if (typeof props.alt !== 'string' || props.alt.trim() === '') props.alt = fallbackAlt;
    // Outlook sizes images by the attribute; other clients by the style, which keeps small
    // images small and never lets one be wider than the column on a phone.
    props.width = String(CONTENT_WIDTH);
    props.style = 'width:auto;max-width:100%;height:auto;';
  }
  // Styled here, not in the template's CSS, which MJML would inline into its own layout tables too.
  if (element.tagName === 'table') {
    props.style = 'border-collapse:collapse;margin:0 0 12px 0;';
    // The template stacks it on a phone, each cell under its column's name (labelCells).
    props.className = ['nl-table'];
    labelCells(element);
  }
  // Words stay whole in a cell: a column is at least its longest word wide (the text's own
  // "anywhere" wrapping would let a narrow table cut "Release" into "Relea se").
  if (element.tagName === 'td' || element.tagName === 'th') {
    props.style = 'border:1px solid #cbd2d9;padding:4px 8px;word-break:normal;overflow-wrap:break-word;';
    keepHyphenatedWhole(element);
  }
  return true;
}

/** Short words with a hyphen (2026-08-20, x86-64) never split at it: a date read over two lines is misread. */
function keepHyphenatedWhole(node: Element): void {
  node.children = node.children.flatMap((child): Element['children'] => {
    if (child.type === 'element') {
      keepHyphenatedWhole(child);
      return [child];
    }
    if (child.type !== 'text' || !/\S-\S/.test(child.value)) return [child];
    return child.value
      .split(/(\S+-\S+)/)
      .filter((part) => part !== '')
      .map((part) =>
        /^\S+-\S+$/.test(part) && part.length <= 30
          ? { type: 'element', tagName: 'span', properties: { style: 'white-space:nowrap;' }, children: [{ type: 'text', value: part }] }
          : { type: 'text', value: part },
      );
  });
}

/** Each body cell of a table, named by its column's header (data-label), for the stacked layout on a phone. */
function labelCells(table: Element): void {
  const rows: Element[] = [];
  const collect = (node: HastNodes): void => {
    if (node.type === 'element' && node.tagName === 'tr') rows.push(node);
    else if ('children' in node) for (const child of node.children as HastNodes[]) collect(child);
  };
  collect(table);
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  const header = rows[0] && cellsOf(rows[0]).every((c) => c.tagName === 'th') ? cellsOf(rows[0]).map((c) => textOfHast(c).trim()) : undefined;
  if (!header) return;
  for (const row of rows.slice(1)) {
    cellsOf(row).forEach((cell, i) => {
      if (header[i]) cell.properties.dataLabel = header[i];
    });
  }
}

function textOfHast(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as HastNodes[]).map(textOfHast).join('') : '';
}

/** Whether an element shows something: text other than spaces, or an image. */
function holdsContent(node: HastNodes): boolean {
  if (node.type === 'text') return node.value.trim() !== '';
  if (node.type === 'element' && node.tagName === 'img') return true;
  return 'children' in node && (node.children as HastNodes[]).some(holdsContent);
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Mail clients block images served over http:; ask for https (lint's relative-url reports them). */
function secureImage(src: string): string {
  return src.replace(/^http:\/\//i, 'https://');
}

/** Task list items ("- [x] done") show their state as a character, not a form control. */
function markTaskItems(node: Nodes): void {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') {
    const mark = node.checked ? '☑ ' : '☐ ';
    node.checked = null;
    const first = node.children[0];
    if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: mark });
    else node.children.unshift({ type: 'paragraph', children: [{ type: 'text', value: mark }] });
  }
  if ('children' in node) for (const child of node.children as Nodes[]) markTaskItems(child);
}
