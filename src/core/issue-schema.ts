import { CliError } from '../errors.js';
import { isPlainObject, type Config } from './config.js';
import { closest } from './suggest.js';
import { frontMatterKeyLine, parseIsoDate, type SourceParts } from './front-matter.js';

/** One thing wrong with front matter; `build` stops on errors, `lint` reports all of them. */
export interface FrontMatterProblem {
  file: string;
  line: number;
  column?: number;
  hint?: string;
  severity: 'error' | 'warn';
  /** The key at fault (dotted for nested keys), or '' for the whole block. */
  key: string;
  message: string;
}

export function problemToError(problem: FrontMatterProblem): CliError {
  return new CliError(problem.message, {
    file: problem.file,
    line: problem.line,
    column: problem.column,
    hint: problem.hint ?? (problem.key ? `Fix "${problem.key}" in the front matter, or remove it to use the default.` : undefined),
  });
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' ? undefined : 'must be text');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const isIsoDate: Check = (v) =>
  parseIsoDate(v) ? undefined : 'must be a real ISO 8601 date, such as 2025-04-21 or 2025-04-21T17:11:25.697Z';
const isCategory: Check = (v) =>
  Array.isArray(v) && v.every((c) => isPlainObject(c) && typeof c.value === 'string' && typeof c.label === 'string')
    ? undefined
    : 'must be a list of {value, label} entries, as the blog config defines them';
const isIdList: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? undefined : 'must be a list of section ids, such as [spotlight, foundation]';

const ISSUE_KEYS: Record<string, Check> = {
  templateKey: (v) => (v === 'blog-post' ? undefined : 'must be blog-post, the site\'s template for posts'),
  title: isString,
  author: isString,
  date: isIsoDate,
  category: isCategory,
  hidePost: isBoolean,
  seo: (v) => (isPlainObject(v) ? undefined : 'must be a mapping with title, url, twitterUsername and description'),
  subject: isString,
  preheader: isString,
  sections: isIdList,
};
const SEO_KEYS: Record<string, Check> = {
  title: isString,
  url: (v) => (typeof v === 'string' && /^https?:\/\/\S+$/.test(v) ? undefined : 'must be the post\'s absolute URL'),
  twitterUsername: isString,
  description: isString,
};
const FRAGMENT_KEYS: Record<string, Check> = {
  title: isString,
  owner: isString,
  status: (v) => (v === 'draft' || v === 'ready' ? undefined : 'must be draft or ready'),
  order: (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number'),
};

/** Checks issue.md's front matter: wrong types and impossible dates are errors, unknown keys warnings. */
export function validateIssueFrontMatter(parts: SourceParts, file: string, config: Config): FrontMatterProblem[] {
  const problems = checkKeys(parts, file, ISSUE_KEYS, '');
  if (isPlainObject(parts.data.seo)) problems.push(...checkKeys({ ...parts, data: parts.data.seo }, file, SEO_KEYS, 'seo.'));
  if (Array.isArray(parts.data.sections)) {
    const known = new Set(config.sections.map((s) => s.id));
    for (const id of parts.data.sections) {
      if (typeof id === 'string' && !known.has(id) && !/^[a-z0-9-]+$/.test(id)) {
        problems.push({ file, line: frontMatterKeyLine(parts.matter, 'sections'), severity: 'error', key: 'sections', message: `"sections" names "${id}", which is not a section id.` });
      }
    }
  }
  return problems;
}

export function validateFragmentFrontMatter(parts: SourceParts, file: string): FrontMatterProblem[] {
  return checkKeys(parts, file, FRAGMENT_KEYS, '');
}

/**
 * Unknown keys in issue.md are kept in the blog post as written (the site may know them), so
 * they are only warnings; in fragments they are probably typos.
 */
function checkKeys(parts: SourceParts, file: string, schema: Record<string, Check>, prefix: string): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  for (const [key, value] of Object.entries(parts.data)) {
    const path = `${prefix}${key}`;
    // Finding a key's line parses the YAML again: only for keys that have a problem.
    const check = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!check) {
      const known = Object.keys(schema);
      const near = closest(key, known);
      problems.push({
        file, line: frontMatterKeyLine(parts.matter, path), severity: 'warn', key: path,
        message: near ? `unknown front matter key "${path}"; did you mean "${prefix}${near}"?` : `unknown front matter key "${path}" (known: ${known.join(', ')}).`,
      });
      continue;
    }
    const reason = value === null ? 'has no value' : check(value);
    if (reason) problems.push({ file, line: frontMatterKeyLine(parts.matter, path), severity: 'error', key: path, message: `"${path}" ${reason}.` });
  }
  return problems;
}
