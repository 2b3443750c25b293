/** Merge tags a mail platform fills in per reader: *|UNSUB|*, {{unsubscribe}}, [unsubscribe], %%unsub%%. */
const MERGE_TAG = /^(?:\*\|[^|]+\|\*|\{\{[^}]+\}\}|\{[%$][^}]+\}|\[[A-Za-z_%][^\]]*\]|%%[^%]+%%|\$[A-Za-z_]+\$)$/;

export function isMergeTag(url: string): boolean {
  return MERGE_TAG.test(url.trim());
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function hasScheme(url: string): boolean {
  return SCHEME.test(url);
}

/**
 * An absolute URL for an email, where nothing is relative to anything: `/img/x.png` and
 * `img/x.png` resolve against the site, `//host/x` gets https, `#part` points into the post.
 * URLs with a scheme and merge tags are returned as they are.
 */
export function absoluteUrl(url: string, site: string, postUrl: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || isMergeTag(trimmed) || hasScheme(trimmed)) return trimmed;
  if (trimmed.startsWith('#')) return postUrl + trimmed;
  try {
    return new URL(trimmed, `${site}/`).href;
  } catch {
    return trimmed;
  }
}

/** Campaign parameters for web links in the email, or undefined when tagging is off. */
export interface Campaign {
  source: string;
  medium: string;
  campaign: string;
}

/**
 * Adds utm_ parameters to a web link, keeping the rest of the URL as written (no
 * re-encoding). Leaves alone mailto:, merge tags, anything not http(s), and links that carry
 * utm_ parameters already: someone chose those.
 */
export function tagUrl(url: string, campaign: Campaign | undefined): string {
  if (!campaign || !/^https?:\/\//i.test(url) || isMergeTag(url) || isCalendarLink(url)) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const query = base.includes('?') ? base.slice(base.indexOf('?') + 1) : '';
  if (/(?:^|&)utm_[a-z]+=/i.test(query)) return url;
  const params = `utm_source=${encodeURIComponent(campaign.source)}&utm_medium=${encodeURIComponent(campaign.medium)}&utm_campaign=${encodeURIComponent(campaign.campaign)}`;
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${params}${hash}`;
}

/** An add-to-calendar form or an invite file: a campaign's tags would only end up in readers' calendars. */
function isCalendarLink(url: string): boolean {
  return url.startsWith('https://calendar.google.com/calendar/render?') || /\.ics(?:[?#]|$)/i.test(url);
}

/**
 * Whether a host name or address is this machine's loopback: `localhost` (and its subdomains,
 * which resolve to loopback by RFC 6761), 127.0.0.0/8, or ::1 (with or without brackets).
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '::1';
}

/** What `lint --online` found at a URL: it answers (perhaps at a new address), what is wrong, or why it was not asked. */
export type LinkStatus =
  | { ok: true; movedTo?: string }
  | { ok: false; problem: string }
  /** Not asked: its address is private, or the time for link checks ran out. */
  | { ok: 'unchecked'; reason: string };

/**
 * What is wrong with an address written by hand in a way no browser repairs, and the address
 * meant when that is certain: "https//x" (no colon), "http:/x" (one slash), "https://https://x"
 * (the scheme twice), a host holding a space or %20.
 */
export function brokenAddress(url: string): { problem: string; meant?: string } | undefined {
  const trimmed = url.trim();
  let m = /^(https?):?\/\/(?:https?:?\/\/)+(.*)$/i.exec(trimmed);
  if (m) return { problem: 'has its scheme twice', meant: `${m[1]!.toLowerCase()}://${m[2]}` };
  m = /^(https?)\/\/(.*)$/i.exec(trimmed);
  if (m) return { problem: `lacks the colon after ${m[1]}`, meant: `${m[1]!.toLowerCase()}://${m[2]}` };
  m = /^(https?):\/(?!\/)(.*)$/i.exec(trimmed);
  if (m) return { problem: 'has one slash after the scheme, not two', meant: `${m[1]!.toLowerCase()}://${m[2]}` };
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(?:%20|\s)/i.test(trimmed)) return { problem: 'has a space in its host' };
  return undefined;
}
