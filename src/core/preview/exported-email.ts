import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { imageSources, withImageSources } from '../markdown/html-read.js';

/*
 * The email as an exported preview's frames show it. An export is opened from file:// or any
 * static host: no server sends a policy, the page cannot reach into its frames (from file://
 * every file is an origin of its own), and nothing may be asked of anyone outside the folder.
 * So each frame's file carries all of it: its policy, its images from the folder, links that
 * open in a new tab, and dark mode as a file of its own.
 */

/**
 * An exported page's policy: its own script and style, files of the folder, nothing inline and
 * nothing outside ('self' is the folder's files from file://, the site's own on a static host).
 */
export const EXPORT_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * An exported email's policy: the live preview's (its inline styles, no script at all, as in an
 * inbox) without anything remote: images of the folder alone, no web fonts, no remote style.
 */
export const EXPORT_EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const DARK_QUERY = /prefers-color-scheme\s*:\s*dark/i;

/**
 * The email's HTML for an export's frame: each image `images` maps shown from there, every other
 * one (but data:) as `otherImages` (a remote image is never asked for); the policy and a new tab
 * for links at the head's start; with `dark`, the email's own `prefers-color-scheme: dark` rules
 * applied, as the live preview's switch applies them (Apple Mail's way). Every other byte as
 * rendered: the places edited are found by the parser, not by a pattern.
 */
export function exportedEmail(html: string, options: { images: Readonly<Record<string, string>>; otherImages: string; dark: boolean }): string {
  const addresses: Record<string, string> = { ...options.images };
  for (const src of imageSources(html)) {
    if (!Object.hasOwn(addresses, src) && !src.startsWith('data:')) addresses[src] = options.otherImages;
  }
  const shown = withImageSources(html, addresses);
  const edits: { at: number; end: number; text: string }[] = [];
  let head: Element | undefined;
  walk(parse(shown, { sourceCodeLocationInfo: true }), (node) => {
    if (node.nodeName === 'head' && !head) head = node as Element;
    if (options.dark && node.nodeName === 'style' && 'childNodes' in node) {
      for (const child of node.childNodes) {
        const at = child.sourceCodeLocation;
        if (child.nodeName === '#text' && 'value' in child && at) edits.push({ at: at.startOffset, end: at.endOffset, text: darkRules(child.value) });
      }
    }
  });
  const opening = head?.sourceCodeLocation?.startTag?.endOffset ?? 0;
  const policy = `<meta http-equiv="Content-Security-Policy" content="${EXPORT_EMAIL_POLICY}"><base target="_blank">`;
  edits.push({ at: opening, end: opening, text: policy });
  if (options.dark) {
    const closing = head?.sourceCodeLocation?.endTag?.startOffset ?? opening;
    edits.push({ at: closing, end: closing, text: '<style>:root { color-scheme: dark; }</style>' });
  }
  let out = shown;
  // From the end, so that each edit's offsets still hold; at one place, the later-pushed goes after.
  for (const edit of edits.sort((a, b) => b.at - a.at || b.end - a.end)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * A style sheet's `@media` rules for dark mode made to apply always (their prelude becomes
 * `all`), every other byte kept. A linear scan of each at-rule's prelude, up to its brace.
 */
function darkRules(css: string): string {
  return css.replace(/@media([^{;]*)\{/gi, (rule, prelude: string) => (DARK_QUERY.test(prelude) ? '@media all {' : rule));
}

/** Each node in document order, with a stack of its own: no depth of HTML can exhaust the call stack. */
function walk(root: Node, visit: (node: Node) => void): void {
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!);
  }
}
