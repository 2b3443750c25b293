import { isMergeTag } from './urls.js';
import { trimEndOf, trimStartOf } from './text.js';

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

const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?/g;

/**
 * An attribute value of raw HTML as a browser decodes it, for the policy's eyes: numeric
 * references decoded; a named one in the scheme part makes the URL fail the policy anyway.
 */
export function decodeAttributeUrl(value: string): string {
  return value.replace(NUMERIC_REFERENCE, (_, hex: string | undefined, dec: string | undefined) => {
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** href and src attributes in raw HTML, each with where its value stands. Linear: no nested quantifiers. */
const URL_ATTRIBUTE = /\b(href|src)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

export interface HtmlUrl {
  attribute: 'href' | 'src';
  value: string;
  /** Offset of the whole `name=value` in the HTML. */
  index: number;
  length: number;
}

export function findHtmlUrls(html: string): HtmlUrl[] {
  return [...html.matchAll(URL_ATTRIBUTE)].map((m) => ({
    attribute: m[1]!.toLowerCase() as 'href' | 'src',
    value: m[3] ?? m[4] ?? m[5] ?? '',
    index: m.index ?? 0,
    length: m[0].length,
  }));
}

/** Raw HTML with every href or src that fails the policy emptied (`href=""`), the rest as written. */
export function applyUrlPolicyToHtml(html: string): string {
  let out = '';
  let from = 0;
  for (const found of findHtmlUrls(html)) {
    if (isAllowedUrl(decodeAttributeUrl(found.value), found.attribute === 'src' ? 'image' : 'link')) continue;
    out += `${html.slice(from, found.index)}${found.attribute}=""`;
    from = found.index + found.length;
  }
  return from === 0 ? html : out + html.slice(from);
}
