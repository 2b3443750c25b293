import { describe, expect, it } from 'vitest';
import { findDates, isTimeZone, restyleDate, yearIsCertain } from '../../src/core/dates/dates.js';

const april21 = new Date('2025-04-21T17:11:25.697Z');
const found = (text: string) => findDates(text, april21).map((d) => [d.text, d.last.toISOString().slice(0, 10)]);

describe('dates in prose', () => {
  it.each([
    [
      'will take place on March 6 & 7, SCaLE will continue until March 9.',
      [
        ['March 6 & 7', '2025-03-07'],
        ['March 9', '2025-03-09'],
      ],
    ],
    ['17-19 October 2025 | Paris-Saclay', [['17-19 October 2025', '2025-10-19']]],
    ['The deadline is 13 June at 23:59 PT', [['13 June', '2025-06-13']]],
    ['29 & 30 April: Erlangen', [['29 & 30 April', '2025-04-30']]],
    ['on Friday June 5, 2026 at 1600 UTC', [['June 5, 2026', '2026-06-05']]],
    ['On September 8-9, the Summit', [['September 8-9', '2025-09-09']]],
    ['at the end of March.', [['March', '2025-03-31']]],
    ['published 2025-03-01', [['2025-03-01', '2025-03-01']]],
    // Three months back and nine ahead: January is next year's, not this one's past.
    ['Save the date: 12 January', [['12 January', '2026-01-12']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reads "may" and "march" as verbs when not capitalised, and refuses impossible days', () => {
    expect(found('You may march on. 31 February is no date.')).toEqual([['February', '2025-02-28']]);
  });
});

describe('a date written the other way', () => {
  it.each([
    ['June 18th, 2025', 'day-first', '18th June 2025'],
    ['March 6 & 7', 'day-first', '6 & 7 March'],
    ['Apr 28, 2025', 'day-first', '28 Apr 2025'],
    ['November 10\u201313', 'day-first', '10\u201313 November'],
    ['6 September', 'month-first', 'September 6'],
    ['17-19 October 2025', 'month-first', 'October 17-19, 2025'],
    ['3 & 4 November', 'month-first', 'November 3 & 4'],
  ] as const)('%s as %s: %s', (text, style, expected) => expect(restyleDate(text, style)).toBe(expected));
  it('gives nothing for what is not one date', () => {
    expect(restyleDate('2025-04-21', 'day-first')).toBeUndefined();
    expect(restyleDate('March', 'day-first')).toBeUndefined();
  });
});

describe('whether a date without a year is certain', () => {
  const issue = new Date('2025-12-02T00:00:00Z');
  const mention = (text: string) => findDates(text, issue)[0]!;
  it('is, from two months before the issue to six after', () => {
    expect(yearIsCertain(mention('15 October'), issue)).toBe(true);
    expect(yearIsCertain(mention('May 20'), issue)).toBe(true);
  });
  it("is not further back (September in a December issue: last year's, or next?) nor further ahead", () => {
    expect(yearIsCertain(mention('September 8-9'), issue)).toBe(false);
    expect(yearIsCertain(mention('July 20'), issue)).toBe(false);
  });
  it('is whenever the year is written', () => {
    expect(yearIsCertain(mention('September 8-9, 2025'), issue)).toBe(true);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['UTC', true],
    ['America/Los_Angeles', true],
    ['US/Pacific', true],
    ['utc', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%s: %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
  it('takes what a formatter takes: every zone the runtime lists, and UTC, make one', () => {
    for (const zone of ['UTC', ...Intl.supportedValuesOf('timeZone')]) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
  });
});
