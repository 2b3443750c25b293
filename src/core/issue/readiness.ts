import type { Config } from '../config/config.js';
import { sectionHeading } from '../config/config.js';
import type { Diagnostic } from '../diagnostic.js';
import { issueDayShown, type Fragment, type Issue } from './issue.js';
import { parseInline, textOf, visit } from '../markdown/markdown.js';
import { plural } from '../text.js';

/*
 * Whether an issue can ship, and who still owes what. "Ready" means one thing everywhere
 * (status, publish, send): no lint error, no draft section, every required section present
 * and written, and hidePost false. This is the one place that decides it.
 */

export type SectionState = 'missing' | 'empty' | 'draft' | 'ready';

export interface SectionStatus {
  id: string;
  /** The heading readers see, as plain text (a link in it gives its text). */
  heading: string;
  /** The fragment's `owner`, else the section's in config. */
  owner: string | undefined;
  state: SectionState;
  required: boolean;
  /** Words a reader sees in the section's body. */
  words: number;
  errors: number;
  warnings: number;
  /** The fragment, relative to the workspace; for a missing section, where it belongs. */
  file: string;
}

export interface IssueStatus {
  issue: string;
  /** The publish date, YYYY-MM-DD. */
  date: string;
  /** Whole days from today (UTC) to the publish date; negative once it has passed; null when the date is not a date. */
  daysLeft: number | null;
  subject: string;
  preheader: string;
  ready: boolean;
  /** What stands in the way, most structural first; empty when ready. */
  blockers: string[];
  sections: SectionStatus[];
  /** Every diagnostic of the issue, issue.md's included. */
  errors: number;
  warnings: number;
  words: number;
}

/** The rules whose errors the section states already name as blockers (so that none is named twice). */
const STATE_RULES = new Set(['required-section', 'draft-section', 'hidden-post']);

const DAY_MS = 86_400_000;

/** The status of an issue from its model and its diagnostics (lint's, from the pipeline or the cache). */
export function issueStatus(issue: Issue, diagnostics: readonly Diagnostic[], config: Config, today: Date): IssueStatus {
  const folder = `sections/${issue.id.slug}`;
  const count = (file: string, severity: Diagnostic['severity']) => diagnostics.filter((d) => d.file === file && d.severity === severity).length;
  const sections: SectionStatus[] = issue.fragments.map((fragment) => ({
    id: fragment.id,
    heading: parseInline(fragment.heading).map(textOf).join('').trim() || fragment.id,
    owner: fragment.owner ?? fragment.section?.owner,
    state: fragmentState(fragment),
    required: fragment.section?.required ?? false,
    words: wordCount(fragment),
    errors: count(fragment.path, 'error'),
    warnings: count(fragment.path, 'warn'),
    file: fragment.path,
  }));
  for (const section of config.sections) {
    if (!section.required || issue.fragments.some((f) => f.id === section.id)) continue;
    sections.push({
      id: section.id,
      heading: sectionHeading(section),
      owner: section.owner,
      state: 'missing',
      required: true,
      words: 0,
      errors: 0,
      warnings: 0,
      file: `${folder}/${section.id}.md`,
    });
  }

  const blockers: string[] = [];
  for (const s of sections) {
    const owner = s.owner ? ` (owner: ${s.owner})` : '';
    if (s.state === 'missing') blockers.push(`the required section "${s.heading}" is missing: add ${s.file}${owner}`);
    else if (s.state === 'empty' && s.required) blockers.push(`the required section "${s.heading}" is empty: ${s.file}${owner}`);
  }
  for (const s of sections) {
    if (isDraft(issue, s)) blockers.push(`the section "${s.heading}" is a draft: ${s.file}${s.owner ? ` (owner: ${s.owner})` : ''}`);
  }
  if (issue.meta.hidePost)
    blockers.push(
      `hidePost is true in ${issue.path ?? `${folder}/issue.md`}: the post would be hidden from the blog's lists, though its page is built and the RSS feed lists it`,
    );
  for (const d of diagnostics) {
    if (d.severity === 'error' && !STATE_RULES.has(d.ruleId ?? '')) blockers.push(`${d.file}:${d.line}: ${d.message}${d.ruleId ? ` (${d.ruleId})` : ''}`);
  }

  return {
    issue: issue.id.slug,
    date: issueDayShown(issue),
    daysLeft: daysBetween(today, issueDayShown(issue)),
    subject: issue.subject,
    preheader: issue.preheader,
    ready: blockers.length === 0,
    blockers,
    sections,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warn').length,
    words: sections.reduce((n, s) => n + s.words, 0),
  };
}

/** An empty section says more than its draft mark: nothing is written yet. */
function fragmentState(fragment: Fragment): SectionState {
  if (fragment.empty && !fragment.hasOwnTitle) return 'empty';
  return fragment.status === 'draft' ? 'draft' : 'ready';
}

/** A section its writer marked draft, written or not: its writer has not said it is done. */
function isDraft(issue: Issue, section: SectionStatus): boolean {
  return issue.fragments.some((f) => f.path === section.file && f.status === 'draft');
}

/** The words a reader sees in Markdown: text, inline code and image descriptions (not raw HTML, comments or URLs). */
function wordCount(fragment: Fragment): number {
  let words = 0;
  const add = (text: string) => {
    words += text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  };
  visit(fragment.doc.tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') add(node.value);
    else if (node.type === 'image') add(node.alt ?? '');
  });
  return words;
}

/** The publish date as a person says it: "in 3 days", "today", "2 days ago". */
export function whenDue(daysLeft: number | null): string {
  if (daysLeft === null) return 'no valid date';
  if (daysLeft === 0) return 'today';
  return daysLeft > 0 ? `in ${plural(daysLeft, 'day')}` : `${plural(-daysLeft, 'day')} ago`;
}

/** Whole UTC days from `today` to an ISO date (or date-time); the time of day does not count. */
function daysBetween(today: Date, isoDate: string): number | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!parts) return null;
  const target = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  if (Number.isNaN(target)) return null;
  const from = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((target - from) / DAY_MS);
}
