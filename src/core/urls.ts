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
