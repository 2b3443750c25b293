import { monthName } from '../issue/slug.js';

/**
 * Finds calendar dates in prose: "17-19 October 2025", "March 6 & 7", "29 & 30 April",
 * "June 5, 2026", "2025-04-21", and months alone ("at the end of March"). Each hit gives the
 * last day it covers, since an event is over only when its last day is.
 */
export interface DateMention {
  text: string;
  index: number;
  /** The last day covered, at 23:59:59 UTC; for a month alone, its last day. */
  last: Date;
  monthOnly: boolean;
  yearGiven: boolean;
  /** How a day and month are written: "6 September" (day-first) or "September 6" (month-first); none for an ISO date or a month alone. */
  style?: 'day-first' | 'month-first';
  month: number;
  year: number;
}

/**
 * Without a year, a reader reads a date in the recent past or the coming half year: within this
 * many days before the issue's date, or six months after it. Outside, the year is a guess
 * ("September 8-9" in a December issue: last September, or next?).
 */
export const YEAR_CERTAIN_DAYS_BEFORE = 60;
const YEAR_CERTAIN_DAYS_AFTER = 183;

/** Whether a mention's year is beyond doubt: written, or a date in the window a reader reads it in. */
export function yearIsCertain(mention: DateMention, reference: Date): boolean {
  const days = (mention.last.getTime() - reference.getTime()) / 86_400_000;
  return mention.yearGiven || (days >= -YEAR_CERTAIN_DAYS_BEFORE && days <= YEAR_CERTAIN_DAYS_AFTER);
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Capitalised names only: "may" and "march" are also verbs.
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
// At most a few days in one mention ("1, 2, 3 & 4 May"): a bounded repeat keeps the match linear.
const DAYS = `${DAY}(?:\\s{0,3}(?:-|–|—|to|&|and|,)\\s{0,3}${DAY}){0,6}`;
const YEAR = '(?:,?\\s+(\\d{4}))?';

/**
 * A day and month written the other way, year and all: "June 18th, 2025" as "18th June 2025",
 * "6 & 7 March" as "March 6 & 7". Undefined when the text is not one date of those shapes.
 */
export function restyleDate(text: string, style: 'day-first' | 'month-first'): string | undefined {
  const year = '(?:,?\\s+(?<year>\\d{4}))?';
  const shape = style === 'day-first' ? `^(?<month>${MONTH})\\s+(?<days>${DAYS})${year}$` : `^(?<days>${DAYS})\\s+(?:of\\s+)?(?<month>${MONTH})${year}$`;
  const parts = new RegExp(shape).exec(text)?.groups;
  if (!parts) return undefined;
  return style === 'day-first'
    ? `${parts.days} ${parts.month}${parts.year ? ` ${parts.year}` : ''}`
    : `${parts.month} ${parts.days}${parts.year ? `, ${parts.year}` : ''}`;
}

const PATTERNS: { regex: RegExp; style?: DateMention['style']; read: (m: RegExpExecArray) => { month: number; day?: number; year?: number } }[] = [
  // 2025-04-21
  { regex: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  // 17-19 October 2025, 6 & 7 March, 22 May
  {
    regex: new RegExp(`\\b${DAYS}\\s+(?:of\\s+)?${MONTH}\\b${YEAR}`, 'g'),
    style: 'day-first',
    read: (m) => ({ day: lastNumber(m[0]), month: monthOf(m), year: yearOf(m[0]) }),
  },
  // March 6 & 7, October 17-19, 2025, June 5, 2026
  {
    regex: new RegExp(`\\b${MONTH}\\s+${DAYS}\\b${YEAR}`, 'g'),
    style: 'month-first',
    read: (m) => ({ day: lastDay(m[0]), month: monthOf(m), year: yearOf(m[0]) }),
  },
  // July - September, August-September 2026: a range of months, over when its last month is
  {
    regex: new RegExp(`\\b${MONTH}\\s{0,3}(?:-|–|—|to|through)\\s{0,3}${MONTH}\\b(?:,?\\s+(\\d{4}))?`, 'g'),
    read: (m) => ({ month: lastMonthOf(m[0]), year: m[0].match(/\d{4}$/) ? Number(m[0].slice(-4)) : undefined }),
  },
  // March 2025, the end of March
  {
    regex: new RegExp(`\\b${MONTH}\\b(?:\\s+(\\d{4}))?`, 'g'),
    read: (m) => ({ month: monthOf(m), year: m[0].match(/\d{4}$/) ? Number(m[0].slice(-4)) : undefined }),
  },
];

function monthOf(m: RegExpExecArray): number {
  const word = m[0].match(/[A-Z][a-z]+/)![0].toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
}

/** The month a range of months ends with: the last month name in the text. */
function lastMonthOf(text: string): number {
  const word = text
    .match(/[A-Z][a-z]+/g)!
    .at(-1)!
    .toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
}

function yearOf(text: string): number | undefined {
  const year = /\b(\d{4})$/.exec(text.trim());
  return year ? Number(year[1]) : undefined;
}

/** The last day number in "17-19 October": the number just before the month. */
function lastNumber(text: string): number {
  const beforeMonth = text.split(/[A-Z]/)[0]!;
  const numbers = beforeMonth.match(/\d{1,2}/g) ?? [];
  return Number(numbers.at(-1));
}

/** The last day number in "March 6 & 7, 2025": numbers after the month, the year left out. */
function lastDay(text: string): number {
  const afterMonth = text.replace(/^[A-Za-z.]+\s+/, '').replace(/,?\s+\d{4}$/, '');
  const numbers = afterMonth.match(/\d{1,2}/g) ?? [];
  return Number(numbers.at(-1));
}

/**
 * Every date mentioned in the text. Without a year, a date is read in the year that puts it
 * between three months before and nine months after `reference` (the issue's date).
 */
export function findDates(text: string, reference: Date): DateMention[] {
  const found: DateMention[] = [];
  // What the earlier patterns took, disjoint and sorted: a pattern's matches come left to right,
  // so one cursor walks past the ranges that end before each (a scan of them all per match made
  // a paragraph of month names quadratic). A pattern's own matches never overlap each other.
  let taken: [number, number][] = [];
  for (const { regex, read, style } of PATTERNS) {
    regex.lastIndex = 0;
    const takenNow: [number, number][] = [];
    let next = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      while (next < taken.length && taken[next]![1] <= start) next++;
      if (next < taken.length && taken[next]![0] < end) continue;
      const { month, day, year } = read(m);
      if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
      const resolvedYear = year ?? yearNear(month, day ?? 1, reference);
      const last = day === undefined ? new Date(Date.UTC(resolvedYear, month, 0, 23, 59, 59)) : new Date(Date.UTC(resolvedYear, month - 1, day, 23, 59, 59));
      if (day !== undefined && last.getUTCDate() !== day) continue;
      takenNow.push([start, end]);
      found.push({
        text: m[0].trim(),
        index: start,
        last,
        monthOnly: day === undefined,
        yearGiven: year !== undefined,
        month,
        year: resolvedYear,
        ...(style ? { style } : {}),
      });
    }
    taken = mergeSorted(taken, takenNow);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Two lists of disjoint ranges, each sorted, as one sorted list. */
function mergeSorted(a: [number, number][], b: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]![0] < b[j]![0]) ? a[i++]! : b[j++]!);
  return merged;
}

function yearNear(month: number, day: number, reference: Date): number {
  const from = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - 3, reference.getUTCDate());
  for (const year of [reference.getUTCFullYear() - 1, reference.getUTCFullYear(), reference.getUTCFullYear() + 1]) {
    const at = Date.UTC(year, month - 1, day);
    if (at >= from && at < Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + 9, reference.getUTCDate())) return year;
  }
  return reference.getUTCFullYear();
}

/** Whether a time zone is one the runtime knows (an IANA name, such as America/Los_Angeles, or UTC). */
export function isTimeZone(zone: string): boolean {
  // Every config is checked at start, and a process's first formatter costs 40 ms (ICU loads its
  // date patterns): UTC, the default, is valid in every runtime (ECMA-402), and so is every zone
  // the runtime lists, which it tells in 2 ms; only another name (an alias, other case) needs one.
  if (zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Why a date is not a day: the month's length, or the month's number. */
export function calendarReason(year: number, month: number, day: number): string {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return 'days start at 1';
  return `${monthName(month)} ${year} has ${daysInMonth(year, month)} days`;
}
