import { usageError } from '../../errors.js';
import { closest } from '../suggest.js';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/** One monthly edition's identity. `month` is 1-12. */
export interface IssueId {
  slug: string;
  year: number;
  month: number;
}

// Years are written with four digits and no leading zero: may-0999 would name the folder may-999.
const NAMED = /^([a-z]+)-([1-9]\d{3})$/;
const NUMERIC = /^([1-9]\d{3})-(\d{1,2})$/;

/** Returns the issue a slug names, or undefined when it names none. Pure, never throws. */
export function tryParseIssueSlug(input: string): IssueId | undefined {
  const text = input.trim().toLowerCase();
  const named = NAMED.exec(text);
  if (named) {
    const index = MONTHS.indexOf(named[1] as (typeof MONTHS)[number]);
    if (index < 0) return undefined;
    return makeIssueId(Number(named[2]), index + 1);
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const month = Number(numeric[2]);
    if (month < 1 || month > 12) return undefined;
    return makeIssueId(Number(numeric[1]), month);
  }
  return undefined;
}

export function makeIssueId(year: number, month: number): IssueId {
  return { slug: `${MONTHS[month - 1]}-${year}`, year, month };
}

/** Like tryParseIssueSlug, but a refusal is a usage error that shows the right form. */
export function parseIssueSlug(input: string): IssueId {
  const id = tryParseIssueSlug(input);
  if (id) return id;
  throw usageError(`"${printable(input)}" is not an issue name.`, suggestSlug(input));
}

function suggestSlug(input: string): string {
  const text = input.trim().toLowerCase();
  const year = /([1-9]\d{3})/.exec(text)?.[1];
  const word = /[a-z]{3,}/.exec(text)?.[0];
  const month = word ? (MONTHS.find((name) => name.startsWith(word.slice(0, 3))) ?? closest(word, MONTHS)) : undefined;
  if (month && year) return `Did you mean "${month}-${year}"? Issues are named month-year, such as april-2025 (or 2025-04).`;
  return 'Name an issue by month and year, such as april-2025 (or 2025-04).';
}

const MONTH_YEAR_WORDS = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i');
const MONTH_YEAR_SLUG = new RegExp(`(${MONTHS.join('|')})-(\\d{4})`, 'i');

/** The issue a text names in words ("Inside Open Infrastructure: June 2025"), and the words. */
export function findIssueInWords(text: string): { id: IssueId; words: string } | undefined {
  return found(MONTH_YEAR_WORDS.exec(text));
}

/** The issue a URL or file name names as a slug (".../openinfra-newsletter-june-2025"). */
export function findIssueInSlug(text: string): { id: IssueId; words: string } | undefined {
  return found(MONTH_YEAR_SLUG.exec(text));
}

function found(match: RegExpExecArray | null): { id: IssueId; words: string } | undefined {
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.toLowerCase() as (typeof MONTHS)[number]) + 1;
  return { id: makeIssueId(Number(match[2]), month), words: match[0] };
}

export function monthName(month: number): string {
  const name = MONTHS[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Compares issues by date, oldest first. */
export function compareIssueIds(a: IssueId, b: IssueId): number {
  return a.year - b.year || a.month - b.month;
}

/** Keeps control characters and runaway input out of one-line messages. */
export function printable(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Words as a file or URL name: ASCII lower case and hyphens, accents dropped, at most 60 characters; '' when none is left. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
