import type { Tokenizer } from 'parse5';
import { contentMode, tokenizerWith } from '../markdown/raw-html.js';

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
export const EXPORT_PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * An exported email's policy: the live preview's (its inline styles, no script at all, as in an
 * inbox) without anything remote: images of the folder alone, no web fonts, no remote style.
 */
export const EXPORT_EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const DARK_QUERY = /prefers-color-scheme\s*:\s*dark/i;

/**
 * The email's HTML for an export's frames, light and dark: each image `images` maps shown from
 * there, every other one (but data:) as `otherImages` (a remote image is never asked for); the
 * policy and a new tab for links at the head's start; in the dark one, the email's own
 * `prefers-color-scheme: dark` rules applied, as the live preview's switch applies them (Apple
 * Mail's way). Every other byte as rendered: the places edited are found by the parser, not by a
 * pattern, in one parse for both (an email's parse costs more than the rest of an export).
 */
export function exportedEmails(html: string, options: { images: Readonly<Record<string, string>>; otherImages: string }): { light: string; dark: string } {
  const both: Edit[] = [];
  const dark: Edit[] = [];
  let opening: number | undefined;
  let closing: number | undefined;
  let style: number | undefined;
  // The tokenizer alone, with positions: the places edited need no tree (and a tree of an email costs as much again).
  const tokenizer: Tokenizer = tokenizerWith({
    onStartTag(token) {
      const mode = contentMode(token.tagName);
      if (mode !== undefined) tokenizer.state = mode as typeof tokenizer.state;
      if (token.tagName === 'head') opening ??= token.location?.endOffset;
      if (token.tagName === 'style') style = token.location?.endOffset;
      if (token.tagName !== 'img') return;
      const src = token.attrs.find((attr) => attr.name === 'src')?.value;
      const at = token.location?.attrs?.src;
      if (src === undefined || at === undefined || src.startsWith('data:')) return;
      const shown = Object.hasOwn(options.images, src) ? options.images[src]! : options.otherImages;
      both.push({ at: at.startOffset, end: at.endOffset, text: `src="${shown.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` });
    },
    onEndTag(token) {
      const at = token.location?.startOffset;
      if (token.tagName === 'head') closing ??= at;
      if (token.tagName === 'style' && style !== undefined && at !== undefined) {
        dark.push({ at: style, end: at, text: darkRules(html.slice(style, at)) });
        style = undefined;
      }
    },
  });
  tokenizer.write(html, true);
  opening ??= 0;
  closing ??= opening;
  both.push({ at: opening, end: opening, text: `<meta http-equiv="Content-Security-Policy" content="${EXPORT_EMAIL_POLICY}"><base target="_blank">` });
  dark.push({ at: closing, end: closing, text: '<style>:root { color-scheme: dark; }</style>' });
  return { light: edited(html, both), dark: edited(html, [...both, ...dark]) };
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

/** The text with each edit's span replaced; the spans do not overlap (an insertion at one place is one edit). */
function edited(text: string, edits: Edit[]): string {
  let out = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.at - b.at || a.end - b.end)) {
    out += text.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  return out + text.slice(from);
}

/**
 * A style sheet's `@media` rules for dark mode made to apply always (their prelude becomes
 * `all`), every other byte kept. A linear scan of each at-rule's prelude, up to its brace.
 */
function darkRules(css: string): string {
  return css.replace(/@media([^{;]*)\{/gi, (rule, prelude: string) => (DARK_QUERY.test(prelude) ? '@media all {' : rule));
}
