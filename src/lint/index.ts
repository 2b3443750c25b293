import { brandName } from './rules/brand-name.js';
import { carriedOver } from './rules/carried-over.js';
import { emailSize } from './rules/email-size.js';
import { draftSection } from './rules/draft-section.js';
import { emptyLink } from './rules/empty-link.js';
import { emptySection } from './rules/empty-section.js';
import { frontMatter } from './rules/front-matter.js';
import { headingStyle } from './rules/heading-style.js';
import { hiddenPost } from './rules/hidden-post.js';
import { imageAlt } from './rules/image-alt.js';
import { internalLink } from './rules/internal-link.js';
import { mjml } from './rules/mjml.js';
import { pasteResidue } from './rules/paste-residue.js';
import { pastDate } from './rules/past-date.js';
import { placeholder } from './rules/placeholder.js';
import { relativeUrl } from './rules/relative-url.js';
import { requiredSection } from './rules/required-section.js';
import { titleMismatch } from './rules/title-mismatch.js';
import { trackingLink } from './rules/tracking-link.js';
import { twitterHandle } from './rules/twitter-handle.js';
import { unknownSection } from './rules/unknown-section.js';
import { unsafeHtml } from './rules/unsafe-html.js';
import type { Rule } from './types.js';

/** Every rule, by the id that configs and inline comments name. Ids are part of the contract. */
export const RULES: readonly Rule[] = [
  frontMatter, requiredSection, draftSection, emptySection, unknownSection, hiddenPost, placeholder, imageAlt, emptyLink, unsafeHtml, internalLink, trackingLink,
  pasteResidue, headingStyle, pastDate, carriedOver, titleMismatch, twitterHandle, brandName, relativeUrl,
  emailSize, mjml,
];

export const RULE_IDS = RULES.map((rule) => rule.id);
