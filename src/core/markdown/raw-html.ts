import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import { find, html as htmlSpace } from 'property-information';
import { isAllowedUrl, normalizeUrl, type UrlUse } from './url-policy.js';

/**
 * The one allowlist of raw HTML, for every output: the email and the preview sanitise their HTML
 * tree with it (hast-util-sanitize), and the blog post, whose raw HTML the site renders as it is,
 * is checked against it token by token (checkRawHtml). It is GitHub's, narrowed: the published
 * archive holds no raw HTML but comments, so nothing a writer needs is lost. No form controls or
 * form attributes, no `srcset` (not one URL but a list, which browsers read their own way), links
 * only to the web, mail and phone, images and citations only from the web. Ids and names keep
 * their value (no `user-content-` prefix): an email has nothing for them to clobber.
 */
const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);

export const HTML_ALLOWLIST: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => tag !== 'input' && tag !== 'source')),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((entry) => typeof entry !== 'string' || !FORM_ATTRIBUTES.has(entry)),
  },
  required: {},
  clobberPrefix: '',
  protocols: { cite: ['http', 'https'], href: ['http', 'https', 'mailto', 'tel'], longDesc: ['http', 'https'], src: ['http', 'https'] },
};

/** Where a URL attribute's value goes, by its property: links follow the link policy, the rest are fetched like images. */
const URL_PROPERTIES: Record<string, UrlUse> = { href: 'link', cite: 'image', longDesc: 'image', src: 'image' };

/**
 * Elements whose content the tokenizer reads as text (or never ends): after one, the bytes that
 * follow mean something else to a browser than to a tokenizer that did not switch state, so
 * nothing after it is kept. None is allowed.
 */
const OPAQUE_CONTENT = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'noscript', 'xmp', 'textarea', 'title', 'plaintext']);

/** parse5's tokenizer (with positions unless told not), calling the handlers given; the tokens of the rest are let go. */
export function tokenizerWith(handler: Partial<TokenHandler>, positions = true): Tokenizer {
  const ignore = () => {};
  return new Tokenizer(
    { sourceCodeLocationInfo: positions },
    {
      onStartTag: ignore,
      onEndTag: ignore,
      onCharacter: ignore,
      onWhitespaceCharacter: ignore,
      onNullCharacter: ignore,
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      ...handler,
    },
  );
}

export interface RawHtmlProblem {
  /** Offset in the HTML given, and the length of what is refused there. */
  offset: number;
  length: number;
  message: string;
}

/** A piece of an output that was refused there: its text as written, and why. */
export interface RefusedPiece {
  text: string;
  message: string;
}

/** The problems of `html` as refused pieces of it. */
export function refusedPieces(html: string, problems: RawHtmlProblem[]): RefusedPiece[] {
  return problems.map((problem) => ({ text: html.slice(problem.offset, problem.offset + problem.length), message: problem.message }));
}

export interface CheckedHtml {
  problems: RawHtmlProblem[];
  /** The HTML given when it has no problem (the writer's bytes); else a rewrite that keeps only what the allowlist allows. */
  safe: string;
}

const allowedTags = new Set(HTML_ALLOWLIST.tagNames ?? []);

/** The attribute entries for a tag: its own and those of every tag. */
function attributeRules(tag: string): NonNullable<Schema['attributes']>[string] {
  return [...(HTML_ALLOWLIST.attributes?.[tag] ?? []), ...(HTML_ALLOWLIST.attributes?.['*'] ?? [])];
}

/** Why an attribute may not stand on an element, or undefined when it may. */
function attributeProblem(tag: string, name: string, value: string): string | undefined {
  if (/^on/i.test(name)) return `the ${name} attribute runs script; every output leaves it out. Remove it.`;
  const info = find(htmlSpace, name);
  // A namespaced name (xlink:href) or one HTML does not know as given is never a known property.
  const property = info.attribute === name.toLowerCase() || info.attribute === name ? info.property : undefined;
  const rule = property === undefined ? undefined : attributeRules(tag).find((entry) => (typeof entry === 'string' ? entry : entry[0]) === property);
  if (rule === undefined) return `the ${name} attribute is not allowed on <${tag}> in a newsletter; every output leaves it out.`;
  if (Array.isArray(rule) && rule.length > 1) {
    const allowed = rule.slice(1);
    const tokens = property === 'className' ? value.split(/\s+/).filter(Boolean) : [value];
    const fits = (token: string) => allowed.some((a) => (a instanceof RegExp ? a.test(token) : a === true ? true : String(a) === token));
    if (tokens.length === 0 || !tokens.every(fits))
      return `the ${name}="${printable(value)}" attribute is not allowed on <${tag}>; every output leaves it out.`;
  }
  const use = URL_PROPERTIES[property!];
  if (use && !isAllowedUrl(value, use)) {
    const allowed = use === 'image' ? 'images come from https:// addresses' : 'links go to https://, mailto: or tel:';
    return `"${printable(normalizeUrl(value))}" is not a URL a newsletter may hold (${allowed}); it is left out of every output.`;
  }
  return undefined;
}

/** A value shown in a message: cut short, controls made visible. */
function printable(value: string): string {
  return value
    .trim()
    .slice(0, 40)
    .replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** Text as HTML that no Markdown or HTML reader takes for anything but text, on one line. */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;' };
function escapeText(text: string): string {
  // Markdown's punctuation too: a rewrite that no longer starts an HTML block is read as Markdown.
  return text.replace(/[&<>"\n]|[!#()*[\\\]_`|~]/g, (c) => TEXT_ESCAPES[c] ?? `&#${c.codePointAt(0)};`);
}

function serializeStartTag(tag: string, attributes: { name: string; value: string }[], selfClosing: boolean): string {
  const written = attributes.map(({ name, value }) => ` ${name}="${value.replace(/[&"\n]/g, (c) => TEXT_ESCAPES[c]!)}"`).join('');
  return `<${tag}${written}${selfClosing ? ' /' : ''}>`;
}

/**
 * Raw HTML from a fragment, read as a browser's tokenizer reads it (parse5, the WHATWG
 * algorithm; so a `>` or an `href=` inside a quoted value is what it is), and held to the
 * allowlist: every element, attribute and URL it refuses is a problem, and `safe` is the HTML
 * with those left out. The HTML is read from the data state, as a browser reads it after the
 * text the site renders around it; a rewrite ends in that state too.
 */
export function checkRawHtml(html: string): CheckedHtml {
  // Most raw HTML is a comment, gone by now: with no tag left, there is nothing to read.
  if (!html.includes('<')) return { problems: [], safe: html };
  const problems: RawHtmlProblem[] = [];
  const pieces: string[] = [];
  let stopped = false;
  let unfinished = false;
  const refuse = (token: Token.TagToken | Token.CommentToken | Token.DoctypeToken, message: string) => {
    const offset = token.location?.startOffset ?? 0;
    problems.push({ offset, length: (token.location?.endOffset ?? offset) - offset, message });
  };
  const handler = {
    onStartTag(token: Token.TagToken) {
      if (stopped) return;
      const tag = token.tagName;
      if (!allowedTags.has(tag)) {
        const rest = OPAQUE_CONTENT.has(tag) ? ', with the rest of this HTML' : '';
        refuse(token, `<${tag}> is not allowed in a newsletter; every output leaves it out${rest}. Link to the content instead.`);
        if (OPAQUE_CONTENT.has(tag)) stopped = true;
        return;
      }
      const kept: { name: string; value: string }[] = [];
      for (const attribute of token.attrs) {
        const name = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
        const problem = attributeProblem(tag, name, attribute.value);
        if (problem === undefined) {
          kept.push({ name, value: attribute.value });
          continue;
        }
        const at = token.location?.attrs?.[attribute.name];
        const offset = at?.startOffset ?? token.location?.startOffset ?? 0;
        problems.push({ offset, length: (at?.endOffset ?? offset) - offset, message: problem });
      }
      pieces.push(serializeStartTag(tag, kept, token.selfClosing));
    },
    onEndTag(token: Token.TagToken) {
      // An end tag's attributes mean nothing to a browser; an end tag of a refused element goes with it.
      if (!stopped && allowedTags.has(token.tagName)) pieces.push(`</${token.tagName}>`);
    },
    onCharacter(token: Token.CharacterToken) {
      if (!stopped) pieces.push(escapeText(token.chars));
    },
    onWhitespaceCharacter(token: Token.CharacterToken) {
      if (!stopped) pieces.push(token.chars.includes('\n') ? escapeText(token.chars) : token.chars);
    },
    onDoctype(token: Token.DoctypeToken) {
      if (!stopped) refuse(token, '<!DOCTYPE> has no place in a section; every output leaves it out.');
    },
    onParseError(error: { code: string; startOffset: number }) {
      if (!stopped && error.code.startsWith('eof-in-')) unfinished = true;
    },
  };
  tokenizerWith(handler).write(html, true);
  if (unfinished) {
    const offset = html.lastIndexOf('<');
    problems.push({
      offset: Math.max(0, offset),
      length: html.length - Math.max(0, offset),
      message: 'this HTML ends inside a tag, comment or quoted value; every output leaves the unfinished part out. Close it.',
    });
  }
  return { problems: problems.sort((a, b) => a.offset - b.offset), safe: problems.length === 0 ? html : pieces.join('') };
}

/** URLs in raw HTML as a browser reads them (references decoded), each with the offset of its attribute. */
export function rawHtmlUrls(html: string): { url: string; offset: number; use: UrlUse }[] {
  const found: { url: string; offset: number; use: UrlUse }[] = [];
  if (!html.includes('<')) return found;
  let stopped = false;
  tokenizerWith({
    onStartTag(token) {
      if (stopped) return;
      if (OPAQUE_CONTENT.has(token.tagName)) stopped = true;
      for (const attribute of token.attrs) {
        if (attribute.prefix) continue;
        const use = URL_PROPERTIES[find(htmlSpace, attribute.name).property];
        if (use)
          found.push({ url: attribute.value.trim(), offset: token.location?.attrs?.[attribute.name]?.startOffset ?? token.location?.startOffset ?? 0, use });
      }
    },
  }).write(html, true);
  return found;
}

/** What no email may hold, whoever wrote it: elements that run, load, frame or submit. */
const EMAIL_REFUSED = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'svg',
  'math',
  'portal',
  'noscript',
  'template',
]);
/** Attributes that run script, frame content or send requests on their own. */
const EMAIL_REFUSED_ATTRIBUTES = new Set(['srcdoc', 'formaction', 'action', 'ping', 'xlink:href', 'data']);
/** URL attributes of an email document, by what they load. */
const EMAIL_URL_ATTRIBUTES: Record<string, UrlUse> = { href: 'link', src: 'image', background: 'image', poster: 'image', cite: 'image', longdesc: 'image' };
const SCRIPT_IN_STYLE = /javascript:|vbscript:|expression\s*\(|-moz-binding|behavior\s*:/i;

/** How the tokenizer reads an element's content, as a browser's tree builder tells it to. */
export function contentMode(tag: string): number | undefined {
  if (tag === 'script') return TokenizerMode.SCRIPT_DATA;
  if (tag === 'title' || tag === 'textarea') return TokenizerMode.RCDATA;
  if (tag === 'plaintext') return TokenizerMode.PLAINTEXT;
  if (['style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'].includes(tag)) return TokenizerMode.RAWTEXT;
  return undefined;
}

/** One pass over an email document: what it refuses, and the spans to cut out. */
function emailDocumentPass(html: string): { problems: RawHtmlProblem[]; cuts: { start: number; end: number }[] } {
  const problems: RawHtmlProblem[] = [];
  const cuts: { start: number; end: number }[] = [];
  let dropping: { tag: string; start: number } | undefined;
  const refuse = (start: number, end: number, message: string) => {
    problems.push({ offset: start, length: end - start, message });
    cuts.push({ start, end });
  };
  const tokenizer: Tokenizer = tokenizerWith({
    onStartTag(token) {
      const location = token.location!;
      const tag = token.tagName;
      const mode = contentMode(tag);
      if (mode !== undefined) tokenizer.state = mode as typeof tokenizer.state;
      if (dropping) return;
      const refusedMeta = tag === 'meta' && token.attrs.some((a) => a.name === 'http-equiv' && a.value.trim().toLowerCase() === 'refresh');
      const refusedLink = tag === 'link' && !token.attrs.some((a) => a.name === 'href' && isAllowedUrl(a.value, 'image') && /^https:/i.test(a.value.trim()));
      if (EMAIL_REFUSED.has(tag) || refusedMeta || refusedLink) {
        const message = `<${tag}> is not allowed in an email; it is left out.`;
        if (mode !== undefined && !token.selfClosing) {
          dropping = { tag, start: location.startOffset };
          problems.push({ offset: location.startOffset, length: location.endOffset - location.startOffset, message });
        } else refuse(location.startOffset, location.endOffset, message);
        return;
      }
      for (const { start, end, message } of refusedAttributes(token)) refuse(start, end, message);
    },
    onComment(token) {
      if (dropping) return;
      // Outlook's conditional comments: a comment to every other client, markup that Word's engine
      // renders. It runs no script (and MJML itself puts <noscript> there), so their elements stand;
      // their attributes are held to the document's rules, or a template could hide a URL there.
      const inner = conditionalContent(token.data);
      if (!inner) return;
      const at = token.location!.startOffset + '<!--'.length + inner.offset;
      const nested = tokenizerWith({
        onStartTag(tag) {
          for (const { start, end, message } of refusedAttributes(tag)) refuse(at + start, at + end, message);
        },
      });
      nested.write(inner.html, true);
    },
    onEndTag(token) {
      if (dropping && token.tagName === dropping.tag) {
        cuts.push({ start: dropping.start, end: token.location!.endOffset });
        dropping = undefined;
      }
    },
  });
  tokenizer.write(html, true);
  if (dropping) cuts.push({ start: dropping.start, end: html.length });
  return { problems, cuts };
}

/** The attributes of a start tag that no email may hold, each with its place and why. */
function refusedAttributes(token: Token.TagToken): { start: number; end: number; message: string }[] {
  const refused: { start: number; end: number; message: string }[] = [];
  for (const attribute of token.attrs) {
    const at = token.location!.attrs?.[attribute.name];
    if (!at) continue;
    const name = attribute.name;
    const use = EMAIL_URL_ATTRIBUTES[name];
    let why: string | undefined;
    if (/^on/.test(name)) why = `the ${name} attribute runs script; it is left out.`;
    else if (EMAIL_REFUSED_ATTRIBUTES.has(name)) why = `the ${name} attribute is not allowed in an email; it is left out.`;
    else if (use && !isAllowedUrl(attribute.value, use)) why = `"${printable(normalizeUrl(attribute.value))}" is not a URL an email may hold; it is left out.`;
    else if (name === 'srcset' && attribute.value.split(',').some((candidate) => !isAllowedUrl(candidate.trim().split(/\s+/)[0] ?? '', 'image')))
      why = 'a srcset URL the URL policy refuses; it is left out.';
    else if (name === 'style' && SCRIPT_IN_STYLE.test(attribute.value)) why = 'a style attribute that runs script in old mail clients; it is left out.';
    if (why) refused.push({ start: at.startOffset, end: at.endOffset, message: why });
  }
  return refused;
}

/** The markup inside a downlevel-hidden conditional comment (`<!--[if mso]>...<![endif]-->`, given its data), and where it starts in the data. */
function conditionalContent(data: string): { offset: number; html: string } | undefined {
  const open = /^\[if [^\]]*\]>/.exec(data);
  if (!open) return undefined;
  const end = data.lastIndexOf('<![endif]');
  return { offset: open[0].length, html: data.slice(open[0].length, end >= open[0].length ? end : data.length) };
}

/**
 * A whole email document (as MJML compiles a template) held to what no email may hold: script
 * and the elements that run, frame or submit, event handlers, and URLs the URL policy refuses.
 * Unlike a writer's HTML, a document is the template's own markup (tables, styles, conditional
 * comments), so only what is refused is cut out, and the rest keeps its bytes; what the cuts
 * join is read again. `problems` are those of the document as given.
 */
export function checkEmailDocument(html: string): CheckedHtml {
  const first = emailDocumentPass(html);
  let safe = html;
  let pass = first;
  for (let round = 0; pass.cuts.length > 0; round++) {
    if (round === SETTLE_ROUNDS) return { problems: first.problems, safe: '' };
    let out = '';
    let from = 0;
    for (const cut of pass.cuts.sort((a, b) => a.start - b.start)) {
      if (cut.start < from) continue;
      out += safe.slice(from, cut.start);
      from = cut.end;
    }
    safe = out + safe.slice(from);
    pass = emailDocumentPass(safe);
  }
  return { problems: first.problems, safe };
}

const SETTLE_ROUNDS = 4;
