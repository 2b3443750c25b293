import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/core/dates.js';

const april21 = new Date('2025-04-21T17:11:25.697Z');
const found = (text: string) => findDates(text, april21).map((d) => [d.text, d.last.toISOString().slice(0, 10)]);

describe('dates in prose', () => {
  it.each([
    ['will take place on March 6 & 7, SCaLE will continue until March 9.', [['March 6 & 7', '2025-03-07'], ['March 9', '2025-03-09']]],
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
