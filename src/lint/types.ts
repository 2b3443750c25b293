import type { Fragment } from '../core/issue/issue.js';
import type { ImageFile } from '../core/images/images.js';
import type { RefusedPiece } from '../core/markdown/raw-html.js';
import type { MarkdownDoc } from '../core/markdown/markdown.js';

export type { Severity } from '../core/diagnostic.js';

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
  /**
   * A checkout laid out as the example site of the tests (test/helpers/site-example.ts: its CMS
   * config, two authors, three categories), with these files added or in place of its own: a
   * text, or a post in the CMS's format made from a few fields; given, the checkout is known.
   */
  exampleSite?: Record<string, string | ExamplePost>;
}

/** A post of the example site: the fields that differ from a newsletter post's, and its body. */
export interface ExamplePost {
  post: { title?: string; date?: string; url?: string; author?: string; handle?: string; category?: string };
  body?: string;
}
