import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { joinLines } from '../text.js';
import type { Config } from '../config/config.js';
import { blocksWithEvents, fragmentHeadingText, renderedFragments, type Issue } from '../issue/issue.js';
import { parseInline, stripComments, withoutComments } from '../markdown/markdown.js';
import { monthName } from '../issue/slug.js';
import type { Template } from '../templates.js';
import { unsubscribeUrlOf } from './platforms.js';
import { absoluteUrl, tagUrl, type Campaign } from '../markdown/urls.js';
import { checkUrl } from '../markdown/url-policy.js';
import { campaignOf } from './render-email.js';

const WIDTH = 72;

interface TextContext {
  site: string;
  postUrl: string;
  campaign: Campaign | undefined;
}

/** The view the plain-text template receives: every part already laid out as text. */
export interface TextView {
  name: string;
  title: string;
  issueLabel: string;
  postUrl: string;
  intro: string;
  sections: { id: string; heading: string; body: string }[];
  contactEmail: string;
  postalAddress: string;
  unsubscribeUrl: string;
}

/** The plain-text part of the email, laid out from the same Markdown as the HTML part. */
export function renderEmailText(issue: Issue, config: Config, template: Template): string {
  const campaign = campaignOf(issue, config);
  const ctx: TextContext = { site: config.site, postUrl: issue.meta.seo.url, campaign };
  const view: TextView = {
    name: config.name,
    title: underline(issue.subject, '='),
    issueLabel: `${monthName(issue.id.month)} ${issue.id.year}`,
    postUrl: tagUrl(issue.meta.seo.url, campaign),
    intro: renderBlocks(withoutComments(issue.intro.tree).children, ctx),
    sections: renderedFragments(issue).map((fragment) => ({
      id: fragment.id,
      heading: underline(inlineText(fragmentHeadingText(fragment), ctx), '-'),
      body: renderBlocks(blocksWithEvents(fragment).children, ctx),
    })),
    contactEmail: config.email.contactEmail,
    postalAddress: config.email.postalAddress,
    // Empty when no platform or URL is set: the footer then says how to unsubscribe in words.
    unsubscribeUrl: absoluteUrl(unsubscribeUrlOf(config) ?? '', config.site, issue.meta.seo.url),
  };
  const text = template(view)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${text}\n`;
}

function underline(text: string, mark: string): string {
  const longest = Math.max(...text.split('\n').map((l) => l.length));
  return `${text}\n${mark.repeat(Math.min(longest, WIDTH))}`;
}

/** A heading's inline Markdown as text, links shown with their URLs. */
function inlineText(markdown: string, ctx: TextContext): string {
  return phrasing(parseInline(markdown), ctx);
}

function renderBlocks(nodes: RootContent[], ctx: TextContext, width = WIDTH, separator = '\n\n'): string {
  return nodes
    .map((node) => renderBlock(node, ctx, width))
    .filter((text) => text !== '')
    .join(separator);
}

function renderBlock(node: RootContent, ctx: TextContext, width: number): string {
  switch (node.type) {
    case 'heading':
      return underline(phrasing(node.children, ctx), node.depth <= 2 ? '=' : '-');
    case 'paragraph':
      return wrap(phrasing(node.children, ctx), width);
    case 'list':
      return renderList(node, ctx, width);
    case 'blockquote':
      return renderBlocks(node.children, ctx, width - 2)
        .split('\n')
        .map((l) => `> ${l}`.trimEnd())
        .join('\n');
    case 'code':
      return node.value
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n');
    case 'thematicBreak':
      return '-'.repeat(20);
    case 'table':
      return renderTable(node, ctx);
    case 'html':
      return wrap(htmlToText(node.value), width);
    default:
      return 'children' in node ? renderBlocks(node.children as RootContent[], ctx, width) : '';
  }
}

function renderList(list: List, ctx: TextContext, width: number): string {
  const start = list.start ?? 1;
  return list.children
    .map((item: ListItem, index) => {
      const marker = list.ordered ? `${start + index}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      // A tight list keeps an item's paragraph and its nested list together.
      const body = renderBlocks(item.children, ctx, width - marker.length, item.spread ? '\n\n' : '\n');
      const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
      return (check + body)
        .split('\n')
        .map((line, i) => (i === 0 ? marker + line : line === '' ? '' : indent + line))
        .join('\n');
    })
    .join(list.spread ? '\n\n' : '\n');
}

function renderTable(table: Table, ctx: TextContext): string {
  return table.children.map((row) => row.children.map((cell) => phrasing(cell.children, ctx)).join(' | ')).join('\n');
}

/** Inline content as text: emphasis dropped, each link's URL after its text, hard breaks kept. */
function phrasing(nodes: PhrasingContent[], ctx: TextContext): string {
  return nodes.map((node) => phrase(node, ctx)).join('');
}

function phrase(node: PhrasingContent | Nodes, ctx: TextContext): string {
  switch (node.type) {
    case 'text':
      return joinLines(node.value);
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image': {
      // Text readers get what the picture says; an image without alt text is decoration, and says nothing.
      const alt = joinLines(node.alt ?? '').trim();
      return alt ? `[Image: ${alt}]` : '';
    }
    case 'html':
      return htmlToText(node.value);
    case 'link': {
      const written = phrasing(node.children, ctx);
      const text = written.trim();
      const allowed = checkUrl(node.url, 'link');
      const url = allowed === undefined ? '' : tagUrl(absoluteUrl(allowed, ctx.site, ctx.postUrl), ctx.campaign);
      if (url === '') return written;
      const bare = url.replace(/^mailto:/, '');
      // A link with no text still shows its URL, set apart from the words around it.
      if (text === '') return ` ${bare} `;
      if (text === url || text === bare) return bare;
      return `${text} (${bare})${/\s$/.test(written) ? ' ' : ''}`;
    }
    default:
      return 'children' in node ? phrasing(node.children as PhrasingContent[], ctx) : '';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Raw HTML in a fragment, as the text a reader would see of it. */
function htmlToText(html: string): string {
  return stripComments(html)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

/** Wraps at word boundaries; a word longer than the line (a URL) stands whole on its own line. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        if (word === '') continue;
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
