import { CliError } from '../../errors.js';
import { isTimeZone } from '../dates/dates.js';
import { trimEndOf } from '../text.js';
import { closest } from '../suggest.js';
import { DEFAULT_CONFIG_VALUES, DEFAULT_SECTIONS } from './config-defaults.js';
import { PLATFORMS } from '../email/platforms.js';
import { isConfigUrl } from '../markdown/url-policy.js';
import { isMergeTag } from '../markdown/urls.js';

export type { Config, EmailConfig, RuleSetting, RuleSeverity, SectionConfig, SmtpConfig } from './config-types.js';
import type { Config, EmailConfig, RuleSetting, RuleSeverity, SectionConfig } from './config-types.js';

export const CONFIG_FILE = 'newsletter.config.yaml';
/** The names a workspace's config may have; one of them at most. */
export const CONFIG_FILES = [CONFIG_FILE, 'newsletter.config.yml'] as const;

const TOP_KEYS = [
  'name',
  'site',
  'title',
  'postUrl',
  'blogFile',
  'author',
  'description',
  'twitterUsername',
  'category',
  'hidePost',
  'headingLevel',
  'taglines',
  'timezone',
  'lang',
  'sections',
  'email',
  'rules',
  'imagePath',
  'siteRepo',
  'siteLayout',
  'words',
];
const SITE_LAYOUT_KEYS = ['blogDir', 'imageDir', 'imageUrl', 'authorDir', 'cmsConfig', 'blogConfig', 'inviteDir', 'inviteUrl', 'eventsPage', 'summits'];
const SECTION_KEYS = ['id', 'heading', 'tagline', 'owner', 'required', 'inNewIssue', 'aliases', 'guide'];
const EMAIL_KEYS = Object.keys(DEFAULT_CONFIG_VALUES.email);
const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The section that lists events: new fills it from the site's list, events --to-data reads it, a section added goes before it. */
export const EVENTS_SECTION = 'events';

/** Whether a word may name a section (and so its file): lower-case words joined by hyphens, never `issue`. */
export function isSectionId(id: string): boolean {
  return SECTION_ID.test(id) && id !== 'issue';
}

export function defaultConfig(): Config {
  return validateConfig(undefined, undefined);
}

/**
 * Checks a parsed config file and merges it over the defaults. Pure: `raw` is what YAML gave.
 * Every refusal names the file, the key and what is allowed, with exit code 2.
 */
export function validateConfig(raw: unknown, file: string | undefined): Config {
  const fail = (key: string, allowed: string): never => {
    throw new CliError(`${key}: ${allowed}.`, {
      file: file ?? CONFIG_FILE,
      kind: 'usage',
      hint: `Fix ${key} in ${file ?? CONFIG_FILE}, or remove it to use the default.`,
    });
  };
  const input = raw ?? {};
  if (!isPlainObject(input)) return fail('(top level)', 'expected a mapping of settings');
  rejectUnknown(input, TOP_KEYS, '', fail);
  const d = DEFAULT_CONFIG_VALUES;

  const text = (key: string, fallback: string, pattern?: RegExp, allowed?: string): string => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || value.trim() === '') return fail(key, 'expected a non-empty string');
    if (pattern && !pattern.test(value)) return fail(key, allowed ?? `expected ${pattern}`);
    return value;
  };

  const site = text('site', d.site);
  if (!isConfigUrl(site, ['https'])) fail('site', 'expected an https:// URL such as https://openinfra.dev');
  const siteRoot = trimEndOf(site, (c) => c === '/');
  const headingLevel = input.headingLevel ?? d.headingLevel;
  if (!Number.isInteger(headingLevel) || (headingLevel as number) < 1 || (headingLevel as number) > 4) {
    fail('headingLevel', 'expected a whole number from 1 to 4');
  }
  const hidePost = input.hidePost ?? d.hidePost;
  if (typeof hidePost !== 'boolean') fail('hidePost', 'expected true or false');
  const taglines = input.taglines ?? d.taglines;
  if (typeof taglines !== 'boolean') fail('taglines', 'expected true or false');
  const timezone = input.timezone ?? d.timezone;
  if (typeof timezone !== 'string' || !isTimeZone(timezone)) fail('timezone', 'expected an IANA time zone, such as America/Los_Angeles or UTC');

  return {
    file,
    given: Object.keys(input).sort(),
    name: text('name', d.name),
    site: siteRoot,
    title: text('title', d.title),
    postUrl: urlPattern('postUrl', text('postUrl', d.postUrl), fail),
    blogFile: text('blogFile', d.blogFile, /^[^/\\]+\.md$/, 'expected a file name ending in .md, without folders'),
    author: text('author', d.author),
    description: text('description', d.description),
    twitterUsername: text('twitterUsername', d.twitterUsername, /^@\w{1,15}$/, 'expected a handle such as @OpenInfraDev'),
    category: validateCategory(input.category, d.category, fail),
    hidePost: hidePost as boolean,
    headingLevel: headingLevel as number,
    taglines: taglines as boolean,
    timezone: timezone as string,
    lang: text('lang', d.lang, /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'expected a language tag such as en or en-US'),
    sections: validateSections(input.sections, fail),
    email: validateEmail(input.email, fail),
    rules: validateRules(input.rules, fail),
    words: validateWords(input.words, fail),
    ...validateSite(input, fail),
  };
}

/** The workspace's own words for the spelling rule: each a single word as it is spelt (no spaces). */
function validateWords(value: unknown, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail('words', 'expected a list of words, such as [Bifrost, Vexxhost]');
  value.forEach((word, i) => {
    if (typeof word !== 'string' || !/^[\p{L}\p{M}][\p{L}\p{M}'\u2019.-]*$/u.test(word)) {
      fail(`words[${i}]`, `expected one word of letters (it may hold ' . or -), not ${JSON.stringify(word)}`);
    }
  });
  return value as string[];
}

/** Where images go on the site, and where a checkout of the site keeps posts and images. */
function validateSite(input: Record<string, unknown>, fail: Fail): Pick<Config, 'imagePath' | 'siteRepo' | 'siteLayout'> {
  const d = DEFAULT_CONFIG_VALUES.siteLayout;
  const layout = input.siteLayout ?? {};
  if (!isPlainObject(layout)) return fail('siteLayout', 'expected a mapping with blogDir, imageDir, imageUrl, authorDir, cmsConfig and blogConfig');
  rejectUnknown(layout, SITE_LAYOUT_KEYS, 'siteLayout.', fail);
  const folder = (key: 'blogDir' | 'imageDir' | 'authorDir' | 'cmsConfig' | 'blogConfig' | 'inviteDir' | 'eventsPage' | 'summits'): string => {
    const value = layout[key] ?? d[key];
    const what = key.endsWith('Dir') ? 'a folder' : 'a file';
    if (typeof value !== 'string' || !isFolderInside(value)) return fail(`siteLayout.${key}`, `expected ${what} inside the site checkout, such as ${d[key]}`);
    return value.replace(/\/+$/, '');
  };
  const imageUrl = layout.imageUrl ?? d.imageUrl;
  if (typeof imageUrl !== 'string' || !/^\/(?:[^\s/]+\/)*$/.test(imageUrl))
    return fail('siteLayout.imageUrl', 'expected the site path the image folder is served at, such as /img/');
  const inviteUrl = layout.inviteUrl ?? d.inviteUrl;
  if (typeof inviteUrl !== 'string' || !/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(inviteUrl) || inviteUrl.includes('/../') || inviteUrl.includes('/./'))
    return fail('siteLayout.inviteUrl', 'expected the site path the invite folder is served at, such as /invites/');
  const imagePath = input.imagePath ?? DEFAULT_CONFIG_VALUES.imagePath;
  if (typeof imagePath !== 'string' || !imagePath.startsWith(imageUrl) || !imagePath.endsWith('/') || /\s|\.\./.test(imagePath)) {
    return fail('imagePath', `expected a site path under ${imageUrl} ending in /, such as ${DEFAULT_CONFIG_VALUES.imagePath} ({slug} stands for the issue)`);
  }
  const siteRepo = input.siteRepo;
  if (siteRepo !== undefined && (typeof siteRepo !== 'string' || siteRepo.trim() === ''))
    return fail('siteRepo', 'expected the folder of a checkout of the site, such as ../osf-website');
  return {
    imagePath,
    siteRepo,
    siteLayout: {
      blogDir: folder('blogDir'),
      imageDir: folder('imageDir'),
      imageUrl,
      authorDir: folder('authorDir'),
      cmsConfig: folder('cmsConfig'),
      blogConfig: folder('blogConfig'),
      inviteDir: folder('inviteDir'),
      inviteUrl,
      eventsPage: folder('eventsPage'),
      summits: folder('summits'),
    },
  };
}

/**
 * A relative folder that names a place inside the checkout, part by part: no `..` or `.`, no
 * hidden folder, no backslash, no control or line-separating character (a pattern's `.` stops
 * at those, which is how `static\u2028/../..` once passed). publish resolves it again on disk.
 */
function isFolderInside(value: string): boolean {
  const parts = value.replace(/\/+$/, '').split('/');
  return value.trim() !== '' && parts.every((part) => part !== '' && !part.startsWith('.') && !/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(part));
}

/** A URL pattern ({slug}, {month}, {Month}, {year} stand for the issue) that is a web address for every issue. */
function urlPattern(key: string, pattern: string, fail: Fail): string {
  const sample = fillPattern(pattern, { slug: 'may-2025', year: 2025, month: 5 }, 'May');
  if (!isConfigUrl(sample, ['https', 'http'])) return fail(key, 'expected an absolute https:// URL; {slug} stands for the issue');
  return pattern;
}

type Fail = (key: string, allowed: string) => never;

function validateCategory(value: unknown, fallback: Config['category'], fail: Fail): Config['category'] {
  if (value === undefined) return fallback.map((c) => ({ ...c }));
  if (!Array.isArray(value) || value.length === 0) return fail('category', 'expected a list of {value, label}');
  return value.map((entry, i) => {
    if (!isPlainObject(entry) || typeof entry.value !== 'string' || typeof entry.label !== 'string') {
      return fail(`category[${i}]`, "expected {value: category-id, label: name} as in the site's blog-config.json");
    }
    return { value: entry.value, label: entry.label };
  });
}

function validateSections(value: unknown, fail: Fail): SectionConfig[] {
  if (value === undefined) return DEFAULT_SECTIONS.map((s) => ({ ...s, aliases: [...s.aliases] }));
  if (!Array.isArray(value) || value.length === 0) return fail('sections', 'expected a list of sections, each with an id and a heading');
  const seen = new Set<string>();
  return value.map((entry, i) => {
    const key = `sections[${i}]`;
    if (!isPlainObject(entry)) return fail(key, 'expected a mapping with id and heading');
    rejectUnknown(entry, SECTION_KEYS, `${key}.`, fail);
    const id = entry.id;
    if (typeof id !== 'string' || !SECTION_ID.test(id) || id === 'issue') {
      return fail(`${key}.id`, 'expected lower-case letters, digits and dashes, such as kata (and not "issue")');
    }
    if (seen.has(id)) return fail(`${key}.id`, `"${id}" is used twice; each section needs its own id`);
    seen.add(id);
    const base = DEFAULT_SECTIONS.find((s) => s.id === id);
    const str = (k: string, fallback: string | undefined): string | undefined => {
      const v = entry[k];
      if (v === undefined) return fallback;
      if (typeof v !== 'string') return fail(`${key}.${k}`, 'expected a string');
      return v;
    };
    const bool = (k: string, fallback: boolean): boolean => {
      const v = entry[k];
      if (v === undefined) return fallback;
      if (typeof v !== 'boolean') return fail(`${key}.${k}`, 'expected true or false');
      return v;
    };
    const heading = str('heading', base?.heading);
    if (!heading) return fail(`${key}.heading`, 'expected the heading readers see, such as "Kata Containers"');
    const aliases = entry.aliases ?? base?.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
      return fail(`${key}.aliases`, 'expected a list of headings');
    }
    const section: SectionConfig = {
      id,
      heading,
      required: bool('required', base?.required ?? false),
      inNewIssue: bool('inNewIssue', base?.inNewIssue ?? true),
      aliases: aliases as string[],
      guide: str('guide', base?.guide) ?? `Write the ${heading} section here.`,
    };
    const tagline = str('tagline', base?.tagline);
    if (tagline) section.tagline = tagline;
    const owner = str('owner', undefined)?.trim();
    if (owner) section.owner = owner;
    return section;
  });
}

function validateEmail(value: unknown, fail: Fail): EmailConfig {
  const d = DEFAULT_CONFIG_VALUES.email;
  if (value === undefined) return { ...d };
  if (!isPlainObject(value)) return fail('email', 'expected a mapping');
  rejectUnknown(value, EMAIL_KEYS, 'email.', fail);
  const str = (k: keyof EmailConfig, fallback: string | undefined): string | undefined => {
    const v = value[k];
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || v.trim() === '') return fail(`email.${k}`, 'expected a non-empty string');
    return v;
  };
  const fontUrl = str('fontUrl', d.fontUrl);
  if (fontUrl !== undefined && !isConfigUrl(fontUrl, ['https'])) fail('email.fontUrl', 'expected an https:// stylesheet URL');
  const unsubscribeUrl = str('unsubscribeUrl', d.unsubscribeUrl);
  if (unsubscribeUrl !== undefined && !isMergeTag(unsubscribeUrl) && !isConfigUrl(unsubscribeUrl.trim(), ['https', 'http', 'mailto'])) {
    fail('email.unsubscribeUrl', "expected an https:// or mailto: address (ASCII, no spaces), or the mail platform's merge tag such as *|UNSUB|*");
  }
  const accentColor = str('accentColor', d.accentColor) as string;
  if (!/^#[0-9a-fA-F]{6}$/.test(accentColor)) fail('email.accentColor', 'expected a colour such as #f15b3e');
  return {
    utm: validateUtm(value.utm, d.utm, fail),
    contactEmail: str('contactEmail', d.contactEmail) as string,
    postalAddress: str('postalAddress', d.postalAddress) as string,
    platform: validatePlatform(value.platform, fail),
    unsubscribeUrl,
    from: validateFrom(str('from', d.from), fail),
    smtp: validateSmtp(value.smtp, fail),
    fontFamily: str('fontFamily', d.fontFamily) as string,
    fontUrl,
    accentColor,
  };
}

function validatePlatform(value: unknown, fail: Fail): EmailConfig['platform'] {
  if (value === undefined) return 'none';
  if (typeof value === 'string' && Object.hasOwn(PLATFORMS, value)) return value as EmailConfig['platform'];
  return fail(
    'email.platform',
    `expected one of ${Object.keys(PLATFORMS).join(', ')} (for another platform, set email.unsubscribeUrl to its unsubscribe merge tag)`,
  );
}

/** `Name <address>` or a bare address: what a From header takes. */
const FROM = /^(?:[^<>\r\n"]+ <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

function validateFrom(value: string | undefined, fail: Fail): string | undefined {
  if (value !== undefined && !FROM.test(value.trim()))
    fail('email.from', 'expected the sender as Name <address>, such as "OpenInfra Foundation <newsletter@openinfra.dev>"');
  return value?.trim();
}

const SMTP_KEYS = ['host', 'port', 'secure', 'user'];

function validateSmtp(value: unknown, fail: Fail): EmailConfig['smtp'] {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) return fail('email.smtp', 'expected a mapping with host, port, secure and user');
  for (const secret of ['pass', 'password']) {
    if (secret in value)
      fail(`email.smtp.${secret}`, 'a password never goes in a file of the workspace; set NEWSLETTER_SMTP_PASSWORD in the environment instead');
  }
  rejectUnknown(value, SMTP_KEYS, 'email.smtp.', fail);
  const host = value.host;
  if (typeof host !== 'string' || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return fail('email.smtp.host', 'expected a host name, such as smtp.example.org');
  const secure = value.secure ?? false;
  if (typeof secure !== 'boolean') return fail('email.smtp.secure', 'expected true (TLS from the start, port 465) or false (STARTTLS)');
  const port = value.port ?? (secure ? 465 : 587);
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) return fail('email.smtp.port', 'expected a port number, such as 587');
  const user = value.user;
  if (user !== undefined && (typeof user !== 'string' || user === '')) return fail('email.smtp.user', 'expected the user name to log in with');
  return { host, port: port as number, secure, user: user as string | undefined };
}

function validateUtm(value: unknown, fallback: EmailConfig['utm'], fail: Fail): EmailConfig['utm'] {
  if (value === undefined) return fallback === false ? false : { ...fallback };
  if (value === false) return false;
  if (!isPlainObject(value) || fallback === false) return fail('email.utm', 'expected false, or {source, medium, campaign}');
  for (const key of Object.keys(value)) {
    if (!['source', 'medium', 'campaign'].includes(key)) fail(`email.utm.${key}`, 'unknown setting; expected source, medium or campaign');
    if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') fail(`email.utm.${key}`, 'expected a non-empty string');
  }
  return { ...fallback, ...(value as Partial<{ source: string; medium: string; campaign: string }>) };
}

const SEVERITIES: RuleSeverity[] = ['error', 'warn', 'off'];

/** `rules: { placeholder: error, internal-link: [error, { hosts: [...] }] }`, as ESLint does it. */
function validateRules(value: unknown, fail: Fail): Record<string, RuleSetting> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return fail('rules', 'expected a mapping of rule id to error, warn or off');
  const rules = Object.create(null) as Record<string, RuleSetting>;
  for (const [id, setting] of Object.entries(value)) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (!SEVERITIES.includes(severity as RuleSeverity)) {
      fail(`rules.${id}`, 'expected error, warn or off, or [severity, {options}]');
    }
    if (options !== undefined && !isPlainObject(options)) fail(`rules.${id}`, 'expected options as a mapping');
    rules[id] = { severity: severity as RuleSeverity, options: (options as Record<string, unknown>) ?? {} };
  }
  return rules;
}

function rejectUnknown(value: Record<string, unknown>, known: string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const near = closest(key, known);
      fail(`${prefix}${key}`, near ? `unknown setting; did you mean ${prefix}${near}?` : `unknown setting; expected one of ${known.join(', ')}`);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills `{slug}`, `{Month}`, `{month}` and `{year}` in a config pattern. */
export function fillPattern(pattern: string, id: { slug: string; year: number; month: number }, monthName: string): string {
  return pattern
    .replaceAll('{slug}', id.slug)
    .replaceAll('{Month}', monthName)
    .replaceAll('{month}', monthName.toLowerCase())
    .replaceAll('{year}', String(id.year));
}

export function sectionHeading(section: Pick<SectionConfig, 'heading' | 'tagline'>): string {
  return section.tagline ? `${section.heading}: ${section.tagline}` : section.heading;
}
