import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { Issue } from '../issue/issue.js';
import { unsubscribeUrlOf } from './platforms.js';

/** At most this many recipients: a test send; bulk sending is the mail platform's job. */
export const MAX_TEST_RECIPIENTS = 10;

/** A single mailbox, as a test recipient is written. */
const ADDRESS = /^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$/;

export function isAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/** The address of a `Name <address>` sender. */
export function addressOf(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
}

/** The name a `Name <address>` sender shows in an inbox, or undefined for a bare address. */
export function displayNameOf(from: string): string | undefined {
  const name = from
    .slice(0, Math.max(0, from.indexOf('<')))
    .trim()
    .replace(/^"|"$/g, '');
  return name || undefined;
}

/** Everything a test message is made of; composing it into RFC 5322 bytes is io's job. */
export interface TestMessage {
  /** The sender's name and address apart, for the composer to quote and encode: a name may hold `,`, `:` or `(`. */
  from: { name?: string; address: string };
  to: string[];
  subject: string;
  text: string;
  html: string;
  date: Date;
  messageId: string;
  headers: Record<string, string>;
  /** Seeds the MIME boundaries, so that the same message composes to the same bytes. */
  baseBoundary: string;
  /** Images carried in the message, which its HTML names by `cid:`. */
  attachments: InlineImage[];
}

/** An image sent inside the message (an inline part), named in the HTML as `cid:` + its cid. */
export interface InlineImage {
  cid: string;
  filename: string;
  content: Uint8Array;
}

/**
 * The email's HTML with each image given here named by `cid:` instead of its address, and the
 * parts that carry them: a test message then shows the issue's own images before the site's
 * pull request is merged and deployed. The cid is the image's content hash, so the same images
 * give the same message. An image the HTML does not show is not carried.
 */
export function inlineImages(
  html: string,
  images: readonly { address: string; name: string; content: Uint8Array }[],
): { html: string; attachments: InlineImage[] } {
  const attachments: InlineImage[] = [];
  let out = html;
  for (const image of images) {
    const attribute = `src="${image.address.replaceAll('&', '&amp;')}"`;
    if (!out.includes(attribute)) continue;
    const cid = `${createHash('sha256').update(image.content).digest('hex').slice(0, 24)}@newsletter`;
    out = out.replaceAll(attribute, `src="cid:${cid}"`);
    if (!attachments.some((a) => a.cid === cid)) attachments.push({ cid, filename: image.name, content: image.content });
  }
  return { html: out, attachments };
}

/**
 * The test message of an issue: the built HTML and text as they are, the subject marked
 * `[TEST] ` unless asked otherwise, and the headers inboxes ask of bulk mail: a List-Unsubscribe
 * (one-click, RFC 8058, when the link is an https URL; else a mailto to the contact address).
 * Pure: the same inputs give the same message, Message-ID and boundaries included.
 */
export function testMessage(
  issue: Issue,
  config: Config,
  body: { html: string; text: string; attachments?: InlineImage[] },
  options: { from: string; to: string[]; testPrefix: boolean; date: Date },
): TestMessage {
  const subject = `${options.testPrefix ? '[TEST] ' : ''}${issue.subject}`;
  const digest = createHash('sha256')
    .update(`${subject}\0${body.html}\0${body.text}\0${options.date.toISOString()}\0${options.to.join(',')}`)
    .digest('hex');
  const domain = /@([^>\s]+)>?$/.exec(options.from)?.[1] ?? 'newsletter.invalid';
  const unsubscribe = unsubscribeUrlOf(config);
  const headers: Record<string, string> = {};
  if (unsubscribe && /^https:\/\//i.test(unsubscribe)) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  } else if (unsubscribe && /^mailto:/i.test(unsubscribe)) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
  } else {
    // A merge tag is the platform's to fill in when it sends; a test says where to write instead.
    headers['List-Unsubscribe'] = `<mailto:${config.email.contactEmail}?subject=Unsubscribe>`;
  }
  const name = displayNameOf(options.from);
  return {
    from: { ...(name ? { name } : {}), address: addressOf(options.from) },
    to: options.to,
    subject,
    text: body.text,
    html: body.html,
    date: options.date,
    messageId: `<${issue.id.slug}.${digest.slice(0, 24)}@${domain}>`,
    headers,
    baseBoundary: digest.slice(24, 40),
    attachments: body.attachments ?? [],
  };
}
