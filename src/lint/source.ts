import type { Nodes, Parents, Text } from 'mdast';
import type { Issue } from '../core/issue/issue.js';
import type { UrlUse } from '../core/markdown/url-policy.js';
import { rawHtmlUrls } from '../core/markdown/raw-html.js';
import { parseMarkdown, stripComments, visit, type MarkdownDoc } from '../core/markdown/markdown.js';
import { frontMatterKeyLine, frontMatterLineText, type SourceParts } from '../core/issue/front-matter.js';
import { frontMatterFix } from './front-matter-fix.js';
import type { LintDoc, Report } from './types.js';

/**
 * Front matter values that readers see (a fragment's own title; the issue's title, subject,
 * preheader, SEO title and description), each as a one-line Markdown doc at its line. Their
 * `file` is the real file and the key, apart: the runner moves what rules report in them to
 * the value's own column (see placeFrontMatterReport).
 */
export function frontMatterDocs(issue: Issue): LintDoc[] {
  const docs: LintDoc[] = [];
  const add = (file: string, parts: SourceParts, key: string, value: unknown): void => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const line = frontMatterKeyLine(parts, key);
    const lineText = frontMatterLineText(parts, line);
    const lead = /^\s*(?:[\w-]+|"[^"]*"|'[^']*')\s*:\s*["']?/.exec(lineText)?.[0].length ?? 0;
    docs.push({
      file: `${file}${KEY_MARK}${key}`,
      doc: parseMarkdown(value.split('\n')[0]!, line),
      fragment: undefined,
      at: { line, column: lead + 1, matter: parts.matter, key },
    });
  };
  if (issue.path && issue.introParts) {
    const data = issue.introParts.data;
    const seo = (typeof data.seo === 'object' && data.seo !== null ? data.seo : {}) as Record<string, unknown>;
    for (const key of ['title', 'subject', 'preheader']) add(issue.path, issue.introParts, key, data[key]);
    for (const key of ['title', 'description']) add(issue.path, issue.introParts, `seo.${key}`, seo[key]);
  }
  for (const fragment of issue.fragments) if (fragment.hasOwnTitle) add(fragment.path, fragment.parts, 'title', fragment.heading);
  return docs;
}

const KEY_MARK = '\u0000';

/**
 * A report made in a front matter doc, placed in its real file at the value's column; its fix,
 * if any, made one that keeps what the front matter means, or dropped (see frontMatterFix).
 */
export function placeFrontMatterReport<T extends { file: string; line: number; column?: number; endLine?: number; endColumn?: number; fix?: Report['fix'] }>(
  report: T,
  docs: LintDoc[],
): T {
  if (!report.file.includes(KEY_MARK)) return report;
  const doc = docs.find((d) => d.file === report.file);
  const file = report.file.slice(0, report.file.indexOf(KEY_MARK));
  const { fix, ...rest } = report;
  if (!doc?.at) return { ...rest, file } as T;
  const at = doc.at;
  const shift = (line: number | undefined, column: number | undefined) => (line === at.line && column !== undefined ? column + at.column - 1 : column);
  const placed = { ...rest, file, column: shift(report.line, report.column ?? 1), endColumn: shift(report.endLine, report.endColumn) };
  const kept =
    fix && at.matter !== undefined && at.key !== undefined && placed.column !== undefined && placed.endLine !== undefined && placed.endColumn !== undefined
      ? frontMatterFix(at.matter, at.key, at.column, { line: placed.line, column: placed.column, endLine: placed.endLine, endColumn: placed.endColumn }, fix)
      : undefined;
  return (kept ? { ...placed, fix: kept } : placed) as T;
}

/** The issue's intro and every fragment, as the files their writers edit. */
export function lintDocs(issue: Issue): LintDoc[] {
  const docs: LintDoc[] = [];
  if (issue.path) docs.push({ file: issue.path, doc: issue.intro, fragment: undefined });
  for (const fragment of issue.fragments) docs.push({ file: fragment.path, doc: fragment.doc, fragment });
  return docs;
}

const lineStarts = new WeakMap<MarkdownDoc, number[]>();

/** Line and column (both 1-based) of an offset in the doc's padded source, which are the file's. */
export function positionAt(doc: MarkdownDoc, offset: number): { line: number; column: number } {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    for (let i = doc.source.indexOf('\n'); i !== -1; i = doc.source.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(doc, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** Start and end positions of a node, for a report. */
export function nodeRange(node: Nodes): { line: number; column: number; endLine?: number; endColumn?: number } {
  const p = node.position;
  if (!p) return { line: 1, column: 1 };
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

export interface TextHit {
  node: Text;
  parents: Parents[];
  value: string;
}

/** Every text node a reader sees (not code, not HTML), with its ancestors. */
export function textNodes(doc: MarkdownDoc): TextHit[] {
  const hits: TextHit[] = [];
  const walk = (node: Nodes, parents: Parents[]): void => {
    if (node.type === 'text') hits.push({ node, parents, value: node.value });
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child, [...parents, node]);
  };
  walk(doc.tree, []);
  return hits;
}

/**
 * The source range of `match` found at `index` in a text node's value. Text values differ from
 * the source where Markdown escapes or entities were used; the match is then looked up in the
 * node's source, and the node's start is the fallback.
 */
export function matchRange(doc: MarkdownDoc, node: Nodes, index: number, match: string) {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const slice = doc.source.slice(start, end);
  let at = slice.slice(index, index + match.length) === match ? index : slice.indexOf(match);
  if (at < 0) at = 0;
  const from = positionAt(doc, start + at);
  const to = positionAt(doc, start + at + match.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** Every node of a given type in a doc. */
export function nodesOfType<T extends Nodes['type']>(doc: MarkdownDoc, type: T): Extract<Nodes, { type: T }>[] {
  const found: Nodes[] = [];
  visit(doc.tree, (node) => {
    if (node.type === type) found.push(node);
  });
  return found as Extract<Nodes, { type: T }>[];
}

/** The host (and path) of a URL, or undefined when it has none. */
export function parseUrl(url: string): URL | undefined {
  try {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? new URL(url.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a URL matches `host` or `host/path-prefix` (subdomains included). */
export function urlMatches(url: URL, pattern: string): boolean {
  const [host, ...rest] = pattern.toLowerCase().split('/');
  const hostname = url.hostname.toLowerCase();
  if (hostname !== host && !hostname.endsWith(`.${host}`)) return false;
  const path = rest.length ? `/${rest.join('/')}` : '';
  return url.pathname.toLowerCase().startsWith(path);
}

/** Links, images and definitions of a doc, and URLs in its raw HTML, each with a range. */
export function urlsOf(doc: MarkdownDoc): { url: string; kind: 'link' | 'image' | 'html'; use: UrlUse; node: Nodes; range: ReturnType<typeof nodeRange> }[] {
  const found: ReturnType<typeof urlsOf> = [];
  visit(doc.tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') found.push({ url: node.url, kind: 'link', use: 'link', node, range: nodeRange(node) });
    if (node.type === 'image') found.push({ url: node.url, kind: 'image', use: 'image', node, range: nodeRange(node) });
    if (node.type === 'html') {
      const html = stripComments(node.value);
      for (const { url, offset, use } of rawHtmlUrls(html))
        found.push({ url, kind: 'html', use, node, range: matchRange(doc, node, offset, html.slice(offset, offset + 4)) });
    }
  });
  return found;
}
