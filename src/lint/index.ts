import { brandName } from './rules/brand-name.js';
import { carriedOver } from './rules/carried-over.js';
import { emailCompat } from './rules/email-compat.js';
import { emailSize } from './rules/email-size.js';
import { deadLink } from './rules/dead-link.js';
import { dateStyle } from './rules/date-style.js';
import { dateWithoutYear } from './rules/date-without-year.js';
import { linkSyntax } from './rules/link-syntax.js';
import { listCase } from './rules/list-case.js';
import { paragraphHeading } from './rules/paragraph-heading.js';
import { relativeDate } from './rules/relative-date.js';
import { repeatedWords } from './rules/repeated-words.js';
import { trailingSpace } from './rules/trailing-space.js';
import { draftSection } from './rules/draft-section.js';
import { emptyLink } from './rules/empty-link.js';
import { emptySection } from './rules/empty-section.js';
import { frontMatter } from './rules/front-matter.js';
import { headingStyle } from './rules/heading-style.js';
import { hiddenPost } from './rules/hidden-post.js';
import { imageAlt } from './rules/image-alt.js';
import { imageFormat } from './rules/image-format.js';
import { imageSize } from './rules/image-size.js';
import { internalLink } from './rules/internal-link.js';
import { linkText } from './rules/link-text.js';
import { localImage } from './rules/local-image.js';
import { movedUrl } from './rules/moved-url.js';
import { mjml } from './rules/mjml.js';
import { pasteResidue } from './rules/paste-residue.js';
import { pastDate } from './rules/past-date.js';
import { eventData } from './rules/event-data.js';
import { eventDates } from './rules/event-dates.js';
import { placeholder } from './rules/placeholder.js';
import { relativeUrl } from './rules/relative-url.js';
import { requiredSection } from './rules/required-section.js';
import { siteImage } from './rules/site-image.js';
import { siteAuthor } from './rules/site-author.js';
import { siteEvent } from './rules/site-event.js';
import { siteCategory } from './rules/site-category.js';
import { siteConvention } from './rules/site-convention.js';
import { siteFields } from './rules/site-fields.js';
import { routeCollision } from './rules/route-collision.js';
import { spelling } from './rules/spelling.js';
import { titleMismatch } from './rules/title-mismatch.js';
import { trackingLink } from './rules/tracking-link.js';
import { twitterHandle } from './rules/twitter-handle.js';
import { unknownSection } from './rules/unknown-section.js';
import { unsafeHtml } from './rules/unsafe-html.js';
import { unsafeTemplate } from './rules/unsafe-template.js';
import { unsubscribe } from './rules/unsubscribe.js';
import type { Rule } from './types.js';
import type { Config } from '../core/config.js';
import { closest } from '../core/suggest.js';
import { CliError } from '../errors.js';

/** Every rule, by the id that configs and inline comments name. Ids are part of the contract. */
export const RULES: readonly Rule[] = [
  frontMatter, requiredSection, draftSection, emptySection, unknownSection, hiddenPost, placeholder, imageAlt, emptyLink, linkText, unsafeHtml, unsafeTemplate, internalLink, trackingLink,
  linkSyntax, pasteResidue, spelling, repeatedWords, trailingSpace, headingStyle, paragraphHeading, listCase, eventData, eventDates, pastDate, dateWithoutYear, dateStyle, relativeDate, carriedOver, titleMismatch, twitterHandle, brandName, relativeUrl,
  localImage, siteImage, siteAuthor, siteCategory, siteFields, routeCollision, movedUrl, siteConvention, siteEvent, imageSize, imageFormat, unsubscribe, deadLink, emailCompat, emailSize, mjml,
];

export const RULE_IDS = RULES.map((rule) => rule.id);

/**
 * Checks config's `rules` against the registry: an unknown rule id, an option a rule does not
 * take and a value of the wrong type are config errors (exit 2), with "did you mean".
 */
export function validateRuleSettings(config: Config, file: string): void {
  const fail = (key: string, message: string, near?: string): never => {
    throw new CliError(`rules.${key}: ${message}${near ? `; did you mean ${near}?` : '.'}`, {
      file, kind: 'usage', hint: `Fix rules.${key} in ${file}; the rules and their options are listed in the README.`,
    });
  };
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = RULES.find((r) => r.id === id);
    if (!rule) fail(id, 'no rule has this id', closest(id, RULE_IDS));
    for (const [name, value] of Object.entries(setting.options)) {
      const option = rule!.options?.[name];
      if (!option) fail(`${id}.${name}`, rule!.options ? `${id} takes no option "${name}"` : `${id} takes no options`, closest(name, Object.keys(rule!.options ?? {})));
      if (option!.type === 'count' && !(Number.isInteger(value) && (value as number) >= 0)) fail(`${id}.${name}`, `expected a whole number, such as ${option!.default}`);
      if (option!.type === 'string[]' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) fail(`${id}.${name}`, 'expected a list of words, such as [docs.google.com, wiki.example.org]');
      if (option!.type === 'choice' && !option!.values.includes(value as string)) fail(`${id}.${name}`, `expected one of ${option!.values.join(', ')}`, typeof value === 'string' ? closest(value, option!.values) : undefined);
    }
  }
}
