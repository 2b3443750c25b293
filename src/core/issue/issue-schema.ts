import { CliError } from '../../errors.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { isPlainObject, type Config } from '../config/config.js';
import { closest } from '../suggest.js';
import { frontMatterKeyLine, parseIsoDate, whyNotIsoDate, type SourceParts } from './front-matter.js';

/**
 * A problem with front matter, as the front-matter rule reports it. Errors are fatal: an issue
 * whose front matter cannot be understood is not rendered (lint still reports everything).
 */
export function frontMatterDiagnostic(file: string, line: number, severity: Severity, message: string, key = '', column?: number, hint?: string): Diagnostic {
  return {
    file,
    line,
    column: column ?? 1,
    ruleId: 'front-matter',
    severity,
    message,
    hint: hint ?? (key ? `Fix "${key}" in the front matter, or remove it to use the default.` : undefined),
    fatal: severity === 'error' || undefined,
  };
}

/** A diagnostic as the error that stops a command, one line with its hint. */
export function diagnosticToError(diagnostic: Diagnostic): CliError {
  return new CliError(diagnostic.message, {
    file: diagnostic.file,
    line: diagnostic.line,
    column: diagnostic.column > 1 ? diagnostic.column : undefined,
    hint: diagnostic.hint,
  });
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : 'must be text');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const isIsoDate: Check = (v) => (parseIsoDate(v) ? undefined : whyNotIsoDate(v));
const isCategory: Check = (v) =>
  Array.isArray(v) && v.every((c) => isPlainObject(c) && typeof c.value === 'string' && typeof c.label === 'string')
    ? undefined
    : 'must be a list of {value, label} entries, as the blog config defines them';
const isIdList: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? undefined : 'must be a list of section ids, such as [spotlight, foundation]';

const ISSUE_KEYS: Record<string, Check> = {
  templateKey: (v) => (v === 'blog-post' ? undefined : "must be blog-post, the site's template for posts"),
  title: isString,
  author: isString,
  date: isIsoDate,
  category: isCategory,
  hidePost: isBoolean,
  seo: (v) => (isPlainObject(v) ? undefined : 'must be a mapping with title, url, twitterUsername and description'),
  subject: isString,
  preheader: isString,
  sections: isIdList,
  headingLevel: (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4 ? undefined : 'must be a whole number from 1 to 4'),
  taglines: isBoolean,
};
const SEO_KEYS: Record<string, Check> = {
  title: isString,
  url: (v) => (typeof v === 'string' && /^https?:\/\/\S+$/.test(v) ? undefined : "must be the post's absolute URL"),
  twitterUsername: isString,
  description: isString,
};
const FRAGMENT_KEYS: Record<string, Check> = {
  title: isString,
  owner: isString,
  status: (v) => (v === 'draft' || v === 'ready' ? undefined : 'must be draft or ready'),
  order: (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number'),
  // Read and checked, entry by entry, by core/events/events.ts (the event-data rule).
  events: () => undefined,
  // A section this issue alone has: its tagline, and whether lint requires it written.
  tagline: isString,
  required: isBoolean,
};

/** Checks issue.md's front matter: wrong types and impossible dates are errors, unknown keys warnings. */
export function validateIssueFrontMatter(parts: SourceParts, file: string, config: Config): Diagnostic[] {
  const problems = checkKeys(parts, file, ISSUE_KEYS, '');
  if (isPlainObject(parts.data.seo)) problems.push(...checkKeys({ ...parts, data: parts.data.seo }, file, SEO_KEYS, 'seo.'));
  if (Array.isArray(parts.data.sections)) {
    const known = new Set(config.sections.map((s) => s.id));
    for (const id of parts.data.sections) {
      if (typeof id === 'string' && !known.has(id) && !/^[a-z0-9-]+$/.test(id)) {
        problems.push(
          frontMatterDiagnostic(file, frontMatterKeyLine(parts, 'sections'), 'error', `"sections" names "${id}", which is not a section id.`, 'sections'),
        );
      }
    }
  }
  return problems;
}

export function validateFragmentFrontMatter(parts: SourceParts, file: string): Diagnostic[] {
  return checkKeys(parts, file, FRAGMENT_KEYS, '');
}

/**
 * Unknown keys in issue.md are kept in the blog post as written (the site may know them), so
 * they are only warnings; in fragments they are probably typos.
 */
function checkKeys(parts: SourceParts, file: string, schema: Record<string, Check>, prefix: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [key, value] of Object.entries(parts.data)) {
    const path = `${prefix}${key}`;
    // Finding a key's line parses the YAML again: only for keys that have a problem.
    const check = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!check) {
      const known = Object.keys(schema);
      const near = closest(key, known);
      const message = near
        ? `unknown front matter key "${path}"; did you mean "${prefix}${near}"?`
        : `unknown front matter key "${path}" (known: ${known.join(', ')}).`;
      problems.push(frontMatterDiagnostic(file, frontMatterKeyLine(parts, path), 'warn', message, path));
      continue;
    }
    const reason = value === null ? 'has no value' : check(value);
    if (reason) problems.push(frontMatterDiagnostic(file, frontMatterKeyLine(parts, path), 'error', `"${path}" ${reason}.`, path));
  }
  return problems;
}
