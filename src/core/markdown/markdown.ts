import type { Html, Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { LIMITS } from '../limits.js';
import { checkRawHtml } from './raw-html.js';
import { isAllowedUrl } from './url-policy.js';

/**
 * Markdown parsed once, with positions in the file the writer edits.
 * Every reader of Markdown (build, lint, import) goes through parseMarkdown, so they agree.
 */
export interface MarkdownDoc {
  /** The body padded with blank lines so that node positions are the file's own lines. */
  source: string;
  tree: Root;
}

/** One container marker at the start of what is left of a line, after any indentation. */
const CONTAINER = /^[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const INDENT = /^[ \t]*/;
/** A line that starts a new paragraph: a list item or a heading. */
const STARTS_BLOCK = /^[ \t]*(?:[*+-][ \t]|\d{1,9}[.)][ \t]|#)/;
// An underscore inside a word (snake_case, utm_source) can neither open nor close emphasis, and costs the parser nothing.
const DELIMITER_RUN = /\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|~+/gu;
const PIPE = /\|/g;
const BACKTICK_RUN = /`+/g;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Where Markdown is built to make the parser work without end: its line and what is wrong. */
export interface Pathology {
  line: number;
  reason: string;
}

const count = (text: string, pattern: RegExp): number => {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
};

/**
 * The first line (1-based, within `body`) of Markdown no newsletter means, or undefined. Each
 * check counts something whose number makes the parser or the renderers work more than
 * linearly (or recurse deeper), in one pass over the lines.
 */
export function findPathologicalMarkdown(body: string, maxLines: number = LIMITS.fragmentLines): Pathology | undefined {
  const lines = body.split('\n');
  if (lines.length > maxLines) {
    return { line: maxLines + 1, reason: `this file has ${lines.length} lines; a section is a few dozen, and at most ${maxLines} are read.` };
  }
  let blockStart = 0;
  let brackets = 0;
  let delimiters = 0;
  let backticks = 0;
  let htmlDepth = 0;
  let nestingMarks = 0;
  let pipes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || STARTS_BLOCK.test(line)) {
      blockStart = line.trim() === '' ? i + 1 : i;
      brackets = 0;
      delimiters = 0;
      backticks = 0;
      if (line.trim() === '') continue;
    }
    for (let at = line.indexOf('['); at !== -1; at = line.indexOf('[', at + 1)) brackets++;
    if (brackets > LIMITS.bracketsPerBlock) {
      return { line: blockStart + 1, reason: `this paragraph holds more than ${LIMITS.bracketsPerBlock} [ brackets (links or references).` };
    }
    delimiters += count(line, DELIMITER_RUN);
    if (delimiters > LIMITS.delimitersPerBlock) {
      return { line: blockStart + 1, reason: `this paragraph holds more than ${LIMITS.delimitersPerBlock} runs of *, _ or ~ (emphasis marks).` };
    }
    backticks += count(line, BACKTICK_RUN);
    if (backticks > LIMITS.backticksPerBlock) {
      return { line: blockStart + 1, reason: `this paragraph holds more than ${LIMITS.backticksPerBlock} runs of backticks.` };
    }
    const pipesHere = count(line, PIPE);
    pipes += pipesHere;
    if (pipesHere > LIMITS.tableCells || pipes > LIMITS.tableCellsPerFragment) {
      const reason =
        pipesHere > LIMITS.tableCells
          ? `this line holds more than ${LIMITS.tableCells} | (table cells)`
          : `this file holds more than ${LIMITS.tableCellsPerFragment} | (table cells)`;
      return { line: i + 1, reason: `${reason}; a table in an email has a few columns and rows.` };
    }
    let rest = line;
    let depth = Math.floor(INDENT.exec(line)![0].replace(/\t/g, '    ').length / 2);
    for (let m = CONTAINER.exec(rest); m && m[0] !== '' && depth <= LIMITS.nesting; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > LIMITS.nesting) {
      return { line: i + 1, reason: `the Markdown here nests lists or quotes more than ${LIMITS.nesting} levels deep.` };
    }
    nestingMarks += depth;
    if (nestingMarks > LIMITS.nestingMarks) {
      return {
        line: i + 1,
        reason: `this file nests lists or quotes deeper, over more lines, than a newsletter does (over ${LIMITS.nestingMarks} levels counted line by line).`,
      };
    }
    HTML_TAG.lastIndex = 0;
    for (let tag = HTML_TAG.exec(line); tag; tag = HTML_TAG.exec(line)) {
      if (tag[1]) htmlDepth = Math.max(0, htmlDepth - 1);
      else if (!tag[3] && !VOID_ELEMENTS.has(tag[2]!.toLowerCase())) htmlDepth++;
      if (htmlDepth > LIMITS.htmlNesting) {
        return { line: i + 1, reason: `the HTML here nests elements more than ${LIMITS.htmlNesting} levels deep.` };
      }
    }
  }
  return undefined;
}

// Made once: the extensions are configuration, with no state of their own.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
/**
 * The same, without GFM's one tree transform, which walks every text node of the tree with four
 * patterns to find bare URLs (`www.`, `http://`) and e-mail addresses written in text: a fifth of
 * the parse of a long paragraph of short text nodes. It can find none in a source that holds no
 * `@`, `www` or `http` (letters are never escaped) and no `&` (a character reference could spell
 * one), and then it changes nothing.
 */
const GFM_NO_LITERAL_LINKS = { extensions: GFM.extensions, mdastExtensions: gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] })) };
const MAY_HOLD_LITERAL_LINK = /[@&]|www|http/i;

export function parseMarkdown(body: string, bodyLine = 1): MarkdownDoc {
  // Padding (rather than shifting positions afterwards) keeps offsets, lines and columns consistent.
  const padding = Math.max(0, bodyLine - 1);
  const source = '\n'.repeat(padding) + body;
  const tree = isPlainLine(body) ? plainLineTree(body, padding) : fromMarkdown(source, MAY_HOLD_LITERAL_LINK.test(source) ? GFM : GFM_NO_LITERAL_LINKS);
  return { source, tree };
}

/**
 * One line that the parser reads as one paragraph of the text as written (a test holds the two
 * to the same tree): it starts with a letter, ends with no space, and holds no character that
 * can open a construct (no backslash, `&`, backtick, `*`, `_`, `~`, brackets, `<`, `>`, `#`,
 * `|`, `@`, tab or control character), and no `://` or `www.` that GFM would make a link. Most
 * front matter values lint reads (titles, subjects, descriptions) are such a line, and the
 * parser's start-up is most of the cost of parsing one.
 */
const PLAIN_LINE = /^\p{L}[\p{L}\p{M}\p{N} ,;:'"?()/.!%+=$\u2013\u2014\u2018\u2019\u201c\u201d-]*$/u;
const GFM_LINK_START = /:\/\/|www\./i;

function isPlainLine(text: string): boolean {
  return PLAIN_LINE.test(text) && !text.endsWith(' ') && !GFM_LINK_START.test(text);
}

/** The tree the parser makes of a plain line after `padding` blank lines: a root, a paragraph, a text. */
function plainLineTree(text: string, padding: number): Root {
  const at = () => ({
    start: { line: padding + 1, column: 1, offset: padding },
    end: { line: padding + 1, column: text.length + 1, offset: padding + text.length },
  });
  return {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position: at() }], position: at() }],
    position: { start: { line: 1, column: 1, offset: 0 }, end: at().end },
  };
}

/**
 * One line that Markdown reads as the text it is: starting and ending with a letter or digit,
 * holding no ASCII punctuation that could open a construct (no `.`, `:` or `@` either, which
 * GFM's bare links need), so no list, link, emphasis, entity or escape can be in it.
 */
const PLAIN_INLINE = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} ,;'"?()/\u2013\u2014\u2019\u201c\u201d-]*[\p{L}\p{N}\p{M}])?$/u;

/**
 * Inline Markdown, such as a heading's `[OpenStack](url): tagline`, as phrasing nodes. Text that
 * Markdown would read as a block (`1. Introduction` is a list) stays the text as written.
 */
export function parseInline(markdown: string): PhrasingContent[] {
  // Most headings are words ("Kata Containers"): text as it stands, without a parser's start-up.
  if (PLAIN_INLINE.test(markdown)) return [{ type: 'text', value: markdown }];
  const first = parseMarkdown(markdown).tree.children[0];
  if (first?.type === 'paragraph' || first?.type === 'heading') return first.children;
  return markdown.trim() === '' ? [] : [{ type: 'text', value: markdown.trim() }];
}

// As a browser ends a comment: `<!-->` and `<!--->` are whole (empty) comments, and `--!>` closes one too.
const COMMENT = /<!--(?:-?>|[\s\S]*?(?:--!?>|$))/g;

/** HTML with its comments taken out: comments are notes for writers and never reach readers. */
export function stripComments(html: string): string {
  return html.replace(COMMENT, '');
}

/**
 * The Markdown source with every HTML comment removed and everything else exactly as written,
 * so that the blog post carries the writer's Markdown through unchanged; except what the URL
 * policy refuses: such a link keeps its text, such an image or definition goes (and so does an
 * image with no source); raw HTML the allowlist refuses is written anew without what it refuses
 * (core/markdown/raw-html.ts). `imageUrl` gives the URL an image is published at (an issue's own image
 * moves to the site); only its destination changes.
 */
export function renderMarkdownWithoutComments(doc: MarkdownDoc, imageUrl: (url: string) => string = (url) => url): string {
  let out = cutOnce(doc, imageUrl);
  // What is cut out may join what stood around it into something new (`<scr<!-- -->ipt>` is
  // `<script>` without its comment): the result is read again, until nothing is left to cut.
  for (let round = 0; out.changed && round < SETTLE_ROUNDS; round++) out = cutOnce(parseMarkdown(out.text), (url) => url);
  // Past that, only hostile input: none of it may be read as HTML.
  return out.changed ? out.text.replace(/</g, '&lt;') : out.text;
}

const SETTLE_ROUNDS = 4;

/** One pass of renderMarkdownWithoutComments; `changed` when it changed anything but whole lines it took out. */
function cutOnce(doc: MarkdownDoc, imageUrl: (url: string) => string): { text: string; changed: boolean } {
  const cuts: { start: number; end: number; text: string }[] = [];
  const range = (node: Nodes) => ({ start: node.position?.start.offset, end: node.position?.end.offset });
  visit(doc.tree, (node) => {
    const { start, end } = range(node);
    if (start === undefined || end === undefined) return;
    if (node.type === 'html') {
      cuts.push({ start, end, text: blogRawHtml(node.value, stripComments(doc.source.slice(start, end))) });
    } else if (
      (node.type === 'image' || node.type === 'definition') &&
      (!isAllowedUrl(node.url, node.type === 'image' ? 'image' : 'link') || (node.type === 'image' && node.url.trim() === ''))
    ) {
      // An image with no source would show broken: it goes, as a refused one does.
      cuts.push({ start, end, text: '' });
    } else if ((node.type === 'image' || node.type === 'definition') && imageUrl(node.url) !== node.url) {
      const written = doc.source.slice(start, end);
      // The destination as written, last in the node (a title may follow, never the URL itself).
      const at = written.lastIndexOf(node.url);
      const moved = imageUrl(node.url);
      // Written with escapes, the URL is not found as it reads: the node is written anew.
      const anew = node.type === 'image' ? `![${(node.alt ?? '').replace(/[[\]\\]/g, '\\$&')}](${moved})` : `[${node.label ?? node.identifier}]: ${moved}`;
      // A destination in angle brackets (a file name with spaces) loses them once its new address needs none.
      const bracketed = at > 0 && written[at - 1] === '<' && written[at + node.url.length] === '>' && !/[\s()<>]/.test(moved);
      cuts.push({
        start,
        end,
        text:
          at === -1
            ? anew
            : bracketed
              ? written.slice(0, at - 1) + moved + written.slice(at + node.url.length + 1)
              : written.slice(0, at) + moved + written.slice(at + node.url.length),
      });
    } else if (node.type === 'link' && !isAllowedUrl(node.url, 'link')) {
      const first = node.children[0] && range(node.children[0]).start;
      const last = node.children.at(-1) && range(node.children.at(-1)!).end;
      cuts.push({ start, end, text: first !== undefined && last !== undefined ? doc.source.slice(first, last) : '' });
    }
  });
  let out = '';
  let from = 0;
  for (const cut of cuts.sort((a, b) => a.start - b.start)) {
    // A cut inside one already made (an html node within a refused link) is part of it.
    if (cut.start < from) continue;
    out += doc.source.slice(from, cut.start) + cut.text;
    from = cut.end;
  }
  out += doc.source.slice(from);
  const changed = cuts.some((cut) => cut.text !== doc.source.slice(cut.start, cut.end) && (cut.text !== '' || !standsAlone(doc.source, cut.start, cut.end)));
  return { text: tidyBlankLines(out), changed };
}

/** Whether the text at start..end fills its lines, so that cutting it joins nothing. */
function standsAlone(source: string, start: number, end: number): boolean {
  const before = source.lastIndexOf('\n', start - 1);
  const after = source.indexOf('\n', end);
  return source.slice(before + 1, start).trim() === '' && source.slice(end, after === -1 ? source.length : after).trim() === '';
}

/**
 * Raw HTML as the blog post carries it: as written when the allowlist passes it, else its
 * rewrite. It is checked as a browser will read it, the node's value (without the `> ` or list
 * indentation that Markdown removes from the lines after its first), comments out.
 */
function blogRawHtml(value: string, written: string): string {
  const checked = checkRawHtml(stripComments(value));
  return checked.problems.length === 0 ? written : checked.safe;
}

/** Drops blank lines that removed comments leave behind, and the padding, and trailing space. */
function tidyBlankLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A copy of the tree without comments: html nodes lose their comments, and empty ones go.
 * Every parent is a new object with a children array of its own, so that a renderer may
 * change them (the email marks task items); leaves are shared, and no renderer writes to one.
 * (A deep copy of the tree, positions and all, cost more than the rest of this.)
 */
export function withoutComments(tree: Root): Root {
  const prune = <T extends Parents>(parent: T): T => {
    const kept: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'html') {
        const value = stripComments(child.value);
        if (value.trim() === '') continue;
        kept.push(value === child.value ? child : ({ ...child, value } satisfies Html));
        continue;
      }
      const copy = 'children' in child ? prune(child) : child;
      // A paragraph that held only a comment would otherwise leave an empty <p>.
      if (copy.type === 'paragraph' && copy.children.every((c) => c.type === 'text' && c.value.trim() === '')) continue;
      kept.push(copy);
    }
    return { ...parent, children: kept };
  };
  return prune(tree);
}

/** Depth-first walk over every node, parents before children. */
export function visit(node: Nodes, enter: (node: Nodes, parent: Parents | undefined) => void, parent?: Parents): void {
  enter(node, parent);
  if ('children' in node) {
    for (const child of node.children as Nodes[]) visit(child, enter, node);
  }
}

/** The plain text a node holds (link text, heading text), images by their alt text. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/**
 * True when the body holds nothing a reader would see (only whitespace and comments); with
 * `afterUrlPolicy`, nothing but what every output leaves out as well: an image or definition
 * the URL policy refuses, raw HTML the allowlist refuses all of.
 */
export function isEmptyMarkdown(tree: Root, afterUrlPolicy = false): boolean {
  // The same question withoutComments answers, without copying the tree.
  const visible = (node: Nodes): boolean => {
    if (node.type === 'html') {
      const html = stripComments(node.value);
      return (afterUrlPolicy ? checkRawHtml(html).safe : html).trim() !== '';
    }
    if (node.type === 'text') return node.value.trim() !== '';
    if (afterUrlPolicy && node.type === 'image') return node.url.trim() !== '' && isAllowedUrl(node.url, 'image');
    if (afterUrlPolicy && node.type === 'definition') return isAllowedUrl(node.url, 'link');
    // A link with no text is still content (and lint's empty-link needs it kept).
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') return true;
    if ('children' in node) return (node.children as Nodes[]).some(visible);
    return true;
  };
  return !tree.children.some(visible);
}
