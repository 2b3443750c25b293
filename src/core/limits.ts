/**
 * Every bound on the work an input can ask for, in one place; the README's "Limits and safety"
 * table lists the same numbers. A real issue is about 10 KB in 8 files of 20 to 60 lines: each
 * limit is many times what a newsletter needs and small enough that no command, on the
 * slowest input within them, runs longer than a few seconds.
 */
export const LIMITS = {
  /** One fragment, issue.md or template, checked before it is read. */
  fragmentBytes: 128 * 1024,
  /** Lines of one fragment, and of a whole issue: the Markdown parser's cost grows with lines and list items. */
  fragmentLines: 2000,
  issueLines: 4000,
  /** List and quote markers in one fragment, counted on every line (a line 3 levels deep counts 3). */
  nestingMarks: 4000,
  /** All the text of one issue. */
  issueBytes: 256 * 1024,
  /** Fragments in one issue folder, counted before any is read. */
  fragmentsPerIssue: 40,
  /** Image files in one issue folder (its subfolders included), counted before any is read. */
  imagesPerIssue: 100,
  /** One image file, checked before it is read (lint's image-size errs far below this). */
  imageBytes: 25 * 1024 * 1024,
  /** The config file. */
  configBytes: 64 * 1024,
  /** A published post given to `import`, and each post or author file of a site checkout. */
  postBytes: 256 * 1024,
  /** The site checkout's CMS config (osf-website's is about 70 KB) and its blog config. */
  siteConfigBytes: 1024 * 1024,
  /** Markdown files of one of the checkout's post or author folders (osf-website has about 125 posts and 40 authors). */
  sitePosts: 5000,
  /** Lists and block quotes nested in each other. */
  nesting: 40,
  /** HTML elements nested in each other in a fragment's raw HTML, and in a value of the site (a days page's title). */
  htmlNesting: 100,
  /** HTML elements nested in each other in what a workspace's own email or blog template makes of an issue. */
  templateNesting: 500,
  /** `[` in one paragraph: link brackets make the parser's work grow with their number times the paragraph's length. */
  bracketsPerBlock: 100,
  /** Runs of `*`, `_` or `~` in one paragraph: the same for emphasis. */
  delimitersPerBlock: 50,
  /** Backtick runs in one paragraph (code spans are matched by scanning ahead). */
  backticksPerBlock: 100,
  /** `|` on one line: table rows are parsed cell by cell, and an email table has a few columns. */
  tableCells: 100,
  /** `|` in one fragment: a table of 10 columns and 200 rows. */
  tableCellsPerFragment: 2000,
  /**
   * Words of one file for which the speller asks whether a common word is one edit away, to
   * tell a name or a compound from a typo ("Recieve", "datacentre"): each of the archive's
   * issues asks five times at most. Past this, each such word of the file is taken as a name.
   */
  spellingNearQuestions: 100,
  /** MJML source that MJML is asked to compile: past this, the email is several times Gmail's clip, never sendable. */
  mjmlBytes: 256 * 1024,
} as const;
