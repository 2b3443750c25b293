import { describe, expect, it } from 'vitest';
import { datedSiteEvents, parseDaysPage, parseProseDate, parseUpcomingSummits } from '../../src/core/site/site-events.js';
import { DAYS_PAGE, UPCOMING_SUMMITS } from '../../scripts/site-checkout.mjs';

const AUGUST_2026 = new Date('2026-09-02T00:00:00Z');

describe('dates as the site writes them', () => {
  it.each([
    ['July 25, 2026', '2026-07-25', '2026-07-25', 'day'],
    ['November 3-4, 2026', '2026-11-03', '2026-11-04', 'day'],
    ['October 22\u201325, 2026', '2026-10-22', '2026-10-25', 'day'],
    ['March 23\u201326, 2026', '2026-03-23', '2026-03-26', 'day'],
    ['September 4 & 5, 2026', '2026-09-04', '2026-09-05', 'day'],
    ['September 30 - October 2, 2026', '2026-09-30', '2026-10-02', 'day'],
    ['December 30 - January 2, 2026', '2026-12-30', '2027-01-02', 'day'],
    ['17-19 October 2025', '2025-10-17', '2025-10-19', 'day'],
    ['6 & 7 March 2026', '2026-03-06', '2026-03-07', 'day'],
    ['Sept. 8th, 2026', '2026-09-08', '2026-09-08', 'day'],
    ['2026-10-12', '2026-10-12', '2026-10-12', 'day'],
    ['August-September 2026', '2026-08-01', '2026-09-30', 'month'],
    ['October 2026', '2026-10-01', '2026-10-31', 'month'],
    // No year, read against the issue's date: October 12-16 after a September issue is this October.
    ['October 12-16', '2026-10-12', '2026-10-16', 'day'],
  ])('reads "%s" as %s to %s (%s)', (text, start, end, precision) => {
    expect(parseProseDate(text, AUGUST_2026)).toEqual({ start, end, precision });
  });

  it.each(['TBD', 'Coming soon', 'February 30, 2026', 'October 19-17, 2026', 'March 5', 'Q3 2026', ''])('leaves "%s" undated rather than guess', (text) => {
    // "March 5" without a year is six months from a September issue either way: not certain.
    expect(parseProseDate(text, AUGUST_2026)).toBeUndefined();
  });
});

describe("the site's event list", () => {
  it('reads the days page and the summits: names out of their HTML, links, dates as written, past meetups left out', () => {
    const entries = [...parseDaysPage(DAYS_PAGE, 'src/pages/days/index.md'), ...parseUpcomingSummits(UPCOMING_SUMMITS, 'src/content/upcoming-summits.json')];
    expect(entries.map((e) => [e.name, e.url ?? null, e.dateText])).toEqual([
      ['Community Day x OpenInfra Day Vietnam', 'https://days.example.org/vietnam/', 'July 25, 2026'],
      ['OpenInfra Day Kenya', null, 'September 4 & 5, 2026'],
      ['OpenInfra Day Korea', 'https://days.example.org/korea/', 'September 29, 2026'],
      ['OpenInfra Day Korea 2025', 'https://days.example.org/korea/', 'September 30, 2025'],
      ['Ceph Day x OpenInfra Day North America', null, 'TBD'],
      ['Cloud Operator Days Tokyo', 'https://days.example.org/tokyo/', 'August-September 2026'],
      ['OpenInfra Track at Sovereign Cloud Days', 'https://sovereign.example.org/en', 'October 22\u201325, 2026'],
      ['OpenInfra Track at ALASCA Summit', 'https://alasca.example.org/summit-2026/', 'November 3-4, 2026'],
      ['Project Teams Gathering', 'https://openinfra.org/ptg/', 'October 12-16'],
      ['Sovereign Cloud Days Germany', 'https://sovereign.example.org/en/', 'October 22\u201325, 2026'],
      ['A conference long gone', 'https://past.example.org/', 'March 23-26, 2026'],
      ['OpenInfra Summit', 'https://summit.example.org/asia/', 'December 8-9, 2026'],
    ]);
  });

  it('dates what it can, each edition once (a link in a year, the entry with a place), and says why it left the rest', () => {
    const { dated, undated } = datedSiteEvents(
      [...parseDaysPage(DAYS_PAGE, 'days.md'), ...parseUpcomingSummits(UPCOMING_SUMMITS, 'summits.json')],
      AUGUST_2026,
    );
    expect(dated.map((e) => `${e.start} ${e.name}${e.location ? ` (${e.location})` : ''}`)).toEqual([
      // Last year's edition at this year's link, kept by the site: an edition of its own.
      '2025-09-30 OpenInfra Day Korea 2025 (Seoul, South Korea)',
      '2026-03-23 A conference long gone (Amsterdam, NL)',
      '2026-07-25 Community Day x OpenInfra Day Vietnam (Hanoi, Vietnam)',
      '2026-09-29 OpenInfra Day Korea (Seoul, South Korea)',
      '2026-10-12 Project Teams Gathering',
      '2026-10-22 Sovereign Cloud Days Germany (Saarbr\u00fccken, Germany)',
      '2026-11-03 OpenInfra Track at ALASCA Summit',
      '2026-12-08 OpenInfra Summit (Shanghai, China)',
    ]);
    expect(undated.map((e) => `${e.name}: ${e.reason}`)).toEqual([
      'OpenInfra Day Kenya: no link',
      'Ceph Day x OpenInfra Day North America: no link',
      'Cloud Operator Days Tokyo: months, not days',
    ]);
  });
});
