import { isMergeTag } from './urls.js';
import { trimEndOf, trimStartOf } from '../text.js';

/**
 * The one URL policy. Every href and src written into any output (blog post, email HTML,
 * plain text) passes through `checkUrl`; what fails it is not written. Links may go to the web,
 * to a mail address or a phone number; images only come from the web. Anything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`...) is dropped, however it is spelt: the URL is
 * first read as a browser reads it (controls and spaces at the ends cut, tabs and newlines
 * inside removed, character references decoded), so `java&#9;script:` is `javascript:`.
 */
export type UrlUse = 'link' | 'image';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

/** What a browser removes before reading a URL (WHATWG URL: C0 controls and space at the ends, tab and newline anywhere). */
const isEnd = (c: string): boolean => c <= '\u0020';
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** A URL as a browser reads it, before any base is applied. */
export function normalizeUrl(url: string): string {
  return trimEndOf(trimStartOf(url, isEnd), isEnd).replace(TAB_OR_NEWLINE, '');
}

/**
 * Whether a URL may be written as a link or image source. Relative URLs pass (outputs resolve
 * them against the site); merge tags pass as links (the mail platform fills them in).
 */
export function isAllowedUrl(url: string, use: UrlUse): boolean {
  if (use === 'link' && isMergeTag(url)) return true;
  const normal = normalizeUrl(url);
  // A character reference or a control in the scheme part is never a web link: refuse it.
  const head = normal.split(/[/?#]/, 1)[0]!;
  if (/[&\u0000-\u001f\\]/.test(head)) return false;
  const scheme = SCHEME.exec(normal)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  return (use === 'link' ? LINK_SCHEMES : IMAGE_SCHEMES).has(scheme);
}

/** The URL as it should be written (normalised), or undefined when the policy refuses it. */
export function checkUrl(url: string, use: UrlUse): string | undefined {
  if (use === 'link' && isMergeTag(url)) return url.trim();
  return isAllowedUrl(url, use) ? normalizeUrl(url) : undefined;
}

/**
 * A URL a config file sets (the site, the post's address, the unsubscribe link, the font): it
 * reaches every output and the List-Unsubscribe header as written, so it is held tighter than
 * a writer's link: absolute, one of `schemes`, printable ASCII with no space, quote, angle
 * bracket or backslash, and read by WHATWG URL as a host (or, for mailto:, an address).
 */
export function isConfigUrl(url: string, schemes: readonly string[]): boolean {
  if (!/^[\x21-\x7e]+$/.test(url) || /["'<>\\`{}|^]/.test(url)) return false;
  try {
    const parsed = new URL(url);
    const scheme = parsed.protocol.slice(0, -1);
    return schemes.includes(scheme) && (scheme === 'mailto' ? parsed.pathname.includes('@') : parsed.hostname !== '');
  } catch {
    return false;
  }
}
