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

export interface EmailConfig {
  contactEmail: string;
  postalAddress: string;
  unsubscribeUrl: string;
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

export interface Config {
  /** Where the config came from, for messages; undefined when the defaults apply. */
  file: string | undefined;
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
  headingLevel: number;
  lang: string;
  sections: SectionConfig[];
  email: EmailConfig;
  rules: Record<string, RuleSetting>;
}
