import type { Root } from 'mdast';
import { fillPattern, type Config } from '../config/config.js';
import { emailImageAddress, renderEmailBlocks, renderEmailHtml, type EmailBlock, type UrlContext } from './email-blocks.js';
import { blocksWithEvents, imageUrlOf, renderedFragments, shownLocalImages, type Issue, type LocalImage } from '../issue/issue.js';
import { parseInline, withoutComments } from '../markdown/markdown.js';
import { monthName } from '../issue/slug.js';
import type { Template } from '../templates.js';
import { AA_TEXT, readableShade } from './color.js';
import { unsubscribeUrlOf } from './platforms.js';
import { absoluteUrl, tagUrl, type Campaign } from '../markdown/urls.js';

export interface EmailSectionView {
  id: string;
  /** Inline HTML: a heading may hold a link or emphasis. */
  heading: string;
  tagline: string | null;
  blocks: EmailBlock[];
}

/** The view the MJML template receives; everything in it is data, escaped or sanitised. */
export interface EmailView {
  lang: string;
  title: string;
  preheader: string;
  /** Invisible characters that keep the body text out of the inbox preview line. */
  preheaderPadding: string;
  name: string;
  issueLabel: string;
  postUrl: string;
  siteUrl: string;
  fontFamily: string;
  fontUrl: string | null;
  /** The configured accent, for decoration only: no text is drawn in it. */
  accentColor: string;
  /** The accent's shade for links: 4.5 to 1 on the white card and the grey bars (WCAG 2.1 AA). */
  linkColor: string;
  /** Its shade for links in dark mode, on the dark card and bars. */
  linkColorDark: string;
  /** The accent's shade under the header's white text. */
  bannerColor: string;
  intro: EmailBlock[];
  sections: EmailSectionView[];
  contactEmail: string;
  postalAddress: string;
  unsubscribeUrl: string;
}

/** Gmail clips messages over about 102 KB (and then drops their styles); warn while there is room. */
export const EMAIL_CLIP_BYTES = 102 * 1024;
export const EMAIL_WARN_BYTES = 90 * 1024;

/** The backgrounds text sits on in the built-in template: the card and the bars, light and dark. */
const LIGHT_BACKGROUNDS = ['#ffffff', '#eef1f4'];
const DARK_BACKGROUNDS = ['#1f2937', '#111827'];

const PREHEADER_LENGTH = 200;
/** Inboxes show about this much of a preheader; past it, cut at a word. */
const PREHEADER_SHOWN = 100;
const PREHEADER_PAD = '&#847;&zwnj;&nbsp;';

/**
 * The issue's own images that the email shows, each with the address the email loads it from
 * (on the site, where publish puts it): what the preview and the screenshots serve in its place.
 */
export function localImagesInEmail(issue: Issue, config: Config): { address: string; image: LocalImage }[] {
  return shownLocalImages(issue).map((image) => ({ address: emailImageAddress(image.sitePath, { site: config.site, postUrl: issue.meta.seo.url }), image }));
}

export function buildEmailView(issue: Issue, config: Config): EmailView {
  const issueLabel = `${monthName(issue.id.month)} ${issue.id.year}`;
  const campaign = campaignOf(issue, config);
  const urls: UrlContext = { site: config.site, postUrl: issue.meta.seo.url, campaign, imageUrl: (url) => imageUrlOf(issue, url) };
  const preheader = shorten(issue.preheader.replace(/\s+/g, ' ').trim(), PREHEADER_SHOWN);
  return {
    lang: config.lang,
    title: issue.subject,
    preheader,
    preheaderPadding: PREHEADER_PAD.repeat(Math.max(0, PREHEADER_LENGTH - preheader.length)),
    name: config.name,
    issueLabel,
    postUrl: tagUrl(issue.meta.seo.url, campaign),
    siteUrl: config.site,
    fontFamily: config.email.fontFamily,
    fontUrl: config.email.fontUrl ?? null,
    accentColor: config.email.accentColor,
    linkColor: readableShade(config.email.accentColor, LIGHT_BACKGROUNDS, AA_TEXT),
    linkColorDark: readableShade(config.email.accentColor, DARK_BACKGROUNDS, AA_TEXT, true),
    bannerColor: readableShade(config.email.accentColor, ['#ffffff'], AA_TEXT),
    intro: renderEmailBlocks(withoutComments(issue.intro.tree), urls, issue.meta.title),
    sections: renderedFragments(issue).map((fragment) => ({
      id: fragment.id,
      heading: renderInlineHtml(fragment.heading, urls),
      tagline: fragment.tagline ? renderInlineHtml(fragment.tagline, urls) : null,
      blocks: renderEmailBlocks(blocksWithEvents(fragment), urls, fragment.heading),
    })),
    contactEmail: config.email.contactEmail,
    postalAddress: config.email.postalAddress,
    // Empty when no platform or URL is set: the footer then says how to unsubscribe in words.
    unsubscribeUrl: absoluteUrl(unsubscribeUrlOf(config) ?? '', config.site, issue.meta.seo.url),
  };
}

/** A heading's Markdown (such as `[OpenStack](url)` or `**Events**`) as inline HTML. */
function renderInlineHtml(markdown: string, urls: UrlContext): string {
  const inline: Root = { type: 'root', children: parseInline(markdown) };
  return renderEmailHtml(inline, urls, '');
}

export function campaignOf(issue: Issue, config: Config): Campaign | undefined {
  const utm = config.email.utm;
  if (!utm) return undefined;
  return { source: utm.source, medium: utm.medium, campaign: fillPattern(utm.campaign, issue.id, monthName(issue.id.month)) };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

export function renderEmailMjml(issue: Issue, config: Config, template: Template): string {
  return `${template(buildEmailView(issue, config)).trim()}\n`;
}
