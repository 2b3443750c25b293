/** The shape of a workspace's configuration, after validation (see config.ts for the rules and config-defaults.ts for the values). */

export interface SectionConfig {
  id: string;
  heading: string;
  tagline?: string;
  /** Who writes it, unless a fragment names its own `owner`: `new` writes it into the fragment, `status` shows it. */
  owner?: string;
  /** `lint` reports an issue that lacks it. */
  required: boolean;
  /** Whether `newsletter new` scaffolds it by default. */
  inNewIssue: boolean;
  /** Other headings that mean this section in published posts (used by import). */
  aliases: string[];
  /** Written into a new fragment as an HTML comment for its writer. */
  guide: string;
}

/** Where `send` delivers its test message; the password comes only from the environment. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS, required off loopback. */
  secure: boolean;
  user: string | undefined;
}

export interface EmailConfig {
  contactEmail: string;
  postalAddress: string;
  /** The mail platform that sends the issue; it names the merge tags of its footer. */
  platform: 'mailchimp' | 'emma' | 'none';
  /** A URL or merge tag that overrides the platform's; none with platform none. */
  unsubscribeUrl: string | undefined;
  /** The sender of test messages, `Name <address>`; `send` needs it. */
  from: string | undefined;
  smtp: SmtpConfig | undefined;
  fontFamily: string;
  /** A web font stylesheet; none is fetched unless this is set. */
  fontUrl: string | undefined;
  accentColor: string;
  utm: { source: string; medium: string; campaign: string } | false;
}

export type RuleSeverity = 'error' | 'warn' | 'off';
export interface RuleSetting {
  severity?: RuleSeverity;
  options: Record<string, unknown>;
}

/** Where a checkout of the site keeps posts and images, and the path its images are served at. */
export interface SiteLayout {
  blogDir: string;
  imageDir: string;
  imageUrl: string;
  /** One Markdown file per author (authorName). */
  authorDir: string;
  /** The Decap CMS config whose `blog` collection declares a post's fields. */
  cmsConfig: string;
  /** The blog config (JSON) that lists the categories. */
  blogConfig: string;
  /** Where publish puts the events' calendar invites, and the path they are served at. */
  inviteDir: string;
  inviteUrl: string;
  /** The site's own lists of upcoming events: the days page's front matter, and the summits. */
  eventsPage: string;
  summits: string;
}

export interface Config {
  /** Where the config came from, for messages; undefined when the defaults apply. */
  file: string | undefined;
  /** The top-level keys the config file sets: where it says so, a value departing from the site's conventions is deliberate. */
  given: string[];
  name: string;
  site: string;
  title: string;
  postUrl: string;
  blogFile: string;
  author: string;
  description: string;
  twitterUsername: string;
  category: { value: string; label: string }[];
  hidePost: boolean;
  /** The time zone of an event deadline that names none (IANA, such as America/Los_Angeles). */
  timezone: string;
  /** The level of a section's heading in the post (an issue's own headingLevel overrides it). */
  headingLevel: number;
  /** Whether a section's heading carries its tagline ("OpenStack: Open source software for..."); an issue's own taglines overrides it. */
  taglines: boolean;
  lang: string;
  sections: SectionConfig[];
  email: EmailConfig;
  rules: Record<string, RuleSetting>;
  /** Words the spelling rule accepts besides its dictionary and house list (the workspace's own names). */
  words: string[];
  /** The site path an issue's own images are published under; {slug} stands for the issue. */
  imagePath: string;
  /** A checkout of the site, relative to the workspace (lint checks site images in it; publish's default --site). */
  siteRepo: string | undefined;
  siteLayout: SiteLayout;
}
