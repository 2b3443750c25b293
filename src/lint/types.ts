import type { Config } from '../core/config.js';
import type { Fragment, Issue } from '../core/issue.js';
import type { CompatCheck } from '../core/email-compat.js';
import type { ImageFile } from '../core/images.js';
import type { TemplateSource } from '../core/templates.js';
import type { RefusedPiece } from '../core/raw-html.js';
import type { MarkdownDoc } from '../core/markdown.js';
import type { LinkStatus } from '../core/urls.js';
import type { WordList } from '../core/spelling.js';
import type { SiteModel } from '../core/site.js';

export type { Severity } from '../core/diagnostic.js';
import type { Severity } from '../core/diagnostic.js';

/** A message in ESLint's shape, for the json formatter and the cache: severity 1 is a warning, 2 an error. */
export interface LintMessage {
  /** null for a problem with an inline comment itself, as ESLint does. */
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** ESLint's counts of the problems `--fix` would fix. */
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** What a rule reports: a Diagnostic without its rule id and severity, which the runner adds. */
export interface Report {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
  /** A rule may report some findings as warnings only; never raises the configured severity. */
  severity?: 'warn';
  /**
   * For a rule that is `fixable`: the text that replaces the reported range, and the text the
   * rule saw there. Only for a fix that is certain and changes no meaning.
   */
  fix?: {
    original: string;
    text: string;
    /** The range it replaces, when not the reported one (a front matter value's whole scalar). */
    at?: { line: number; column: number; endLine: number; endColumn: number };
  };
}

/** One Markdown body the writer edits: the issue's intro or a fragment. */
export interface LintDoc {
  file: string;
  doc: MarkdownDoc;
  fragment: Fragment | undefined;
  /**
   * For a front matter value: the line and column where the value starts in the file, and the
   * front matter's text and the value's key, against which a fix is checked (lint/front-matter-fix.ts).
   */
  at?: { line: number; column: number; matter?: string; key?: string };
}

/** The email as rendered in memory, for the rules that need it. */
export interface RenderedEmail {
  mjml: string;
  html: string;
  errors: { line: number; message: string; tagName: string }[];
  /** The MJML's size when it was too large to compile: html is empty. */
  notCompiled?: number;
  /** What a workspace's own email template put in the email that no email may hold (left out of html). */
  refused?: RefusedPiece[];
}

export interface RuleContext {
  issue: Issue;
  config: Config;
  options: Record<string, unknown>;
  /** The issue before this one in the workspace, when there is one. */
  previous: Issue | undefined;
  docs: LintDoc[];
  renderEmail: () => Promise<RenderedEmail>;
  /**
   * A file of the site checkout (relative to it, as siteImageFile gives): the image, or null
   * when the checkout lacks it. Undefined when no checkout is known (lint --site, config siteRepo).
   */
  siteImage?: (file: string) => Promise<ImageFile | null>;
  /** What the site checkout knows (its CMS fields, authors, categories, posts). Undefined when no checkout is known. */
  site?: SiteModel;
  /** Checks HTML or CSS against mail clients (caniemail); undefined where no one asked for it. */
  compat?: CompatCheck;
  /** The email template the issue is rendered with (the workspace's own, or the built-in). */
  emailTemplate?: TemplateSource;
  /** The blog post template, and what the workspace's own put in the post that no post may hold. */
  blogTemplate?: TemplateSource;
  refusedInBlog?: () => RefusedPiece[];
  /** The English dictionary (spelling); undefined where none is given, as in a bare lintIssue. */
  dictionary?: () => WordList;
  /** With `lint --online`: what each URL answers, checked all at once. Undefined offline. */
  checkLinks?: (urls: string[]) => Promise<ReadonlyMap<string, LinkStatus>>;
  report(report: Report): void;
}

/** An issue given as files, as the rule documentation examples write it. */
export interface RuleExample {
  files: Record<string, string>;
  /** For a not-ok example: exactly what the rule reports, as `file:line:column message`. */
  messages?: string[];
  /** For a fixable rule's not-ok example: each file as `lint --fix` leaves it. */
  fixed?: Record<string, string>;
  slug?: string;
  previous?: Record<string, string>;
  config?: Record<string, unknown>;
  /** The workspace's own templates, by name (`email.mjml.hbs`), in place of the built-in ones. */
  templates?: Record<string, string>;
  /** Image files in the issue's folder, by their path in it, as read from the disk (anything left out: a small PNG). */
  images?: Record<string, Partial<Omit<ImageFile, 'path'>>>;
  /** Files of a checkout of the site, by their path in it; given, the checkout is known. */
  site?: Record<string, Partial<Omit<ImageFile, 'path'>>>;
  /**
   * Text files of that checkout, by their path in it, read into its model as a real checkout's
   * are (static/admin/config.yml, src/pages/author/*.md, src/content/blog-config.json,
   * src/pages/blog/*.md); given, the checkout is known.
   */
  siteFiles?: Record<string, string>;
}

/** An option a rule takes in config (`rules: { id: [severity, { option: value }] }`): a list of words (hosts, names, section ids), a whole number (a limit) or one of a few words. */
export type RuleOption =
  | { type: 'string[]'; default: readonly string[]; description: string }
  | { type: 'count'; default: number; description: string }
  | { type: 'choice'; values: readonly string[]; default: string | undefined; description: string };

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** The options config may give it; config naming any other, or of another type, is refused. */
  options?: Record<string, RuleOption>;
  /** Examples double as tests: every `notOk` must fire the rule and every `ok` must not. */
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
  /** Whether some of its reports carry a fix that `lint --fix` applies. */
  fixable?: boolean;
  /** Whether the rule renders the email (and so loads MJML). */
  needsEmail?: boolean;
  check(context: RuleContext): void | Promise<void>;
}
