import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import {
  eventIcs,
  eventsMarkdown,
  foldIcs,
  formatDayRange,
  googleCalendarUrl,
  instantOf,
  readEvents,
  zoneLabel,
  type IssueEvent,
} from '../../src/core/events/events.js';

const read = (yaml: string, timezone = 'UTC') => readEvents(parseSourceParts(`---\n${yaml}---\n`, 'events.md'), 'events.md', timezone);

const SUMMIT = `events:
  - name: OpenInfra Summit Europe
    url: https://summit2025.openinfra.org/
    start: 2025-10-17
    end: 2025-10-19
    location: Paris-Saclay, France
    deadlines:
      - label: Become a sponsor
        date: 2025-09-26
      - label: Submit a talk
        url: https://summit2025.openinfra.org/cfp/
        date: 2025-06-13T23:59
        timezone: America/Los_Angeles
`;

function summit(): IssueEvent {
  const { events, problems } = read(SUMMIT);
  expect(problems).toEqual([]);
  return events[0]!;
}

describe('events as data', () => {
  it('reads an event: its days inclusive, its deadlines by the moment they pass, in their time zone', () => {
    const event = summit();
    expect(event).toMatchObject({
      name: 'OpenInfra Summit Europe',
      start: '2025-10-17',
      end: '2025-10-19',
      location: 'Paris-Saclay, France',
      slug: 'openinfra-summit-europe-2025-10-17',
      line: 3,
      startLine: 5,
      endLine: 6,
    });
    // 23:59 in Los Angeles in June (PDT, UTC-7) is 06:59 UTC the next day; a day alone lasts until its end, in config's zone.
    expect(event.deadlines.map((d) => [d.label, new Date(d.at).toISOString(), d.line])).toEqual([
      ['Submit a talk', '2025-06-14T06:59:00.000Z', 13],
      ['Become a sponsor', '2025-09-26T23:59:59.999Z', 10],
    ]);
  });

  it("takes a deadline's time zone from config when it names none, and orders events by their dates", () => {
    const { events } = read(
      'events:\n  - { name: B, url: "https://b.example.org/", start: 2025-07-01, deadlines: [{ label: Register, date: "2025-06-01T12:00" }] }\n  - { name: A, url: "https://a.example.org/", start: 2025-06-20 }\n',
      'Europe/Paris',
    );
    expect(events.map((e) => e.name)).toEqual(['A', 'B']);
    expect(new Date(events[1]!.deadlines[0]!.at).toISOString()).toBe('2025-06-01T10:00:00.000Z');
  });

  it('finds the wall time across a change of daylight saving time', () => {
    expect(new Date(instantOf('2025-03-09', '03:30', 'America/New_York')).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(new Date(instantOf('2025-11-02', '12:00', 'America/New_York')).toISOString()).toBe('2025-11-02T17:00:00.000Z');
    expect(new Date(instantOf('2025-07-01', '09:00', 'Asia/Tokyo')).toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect([zoneLabel('America/Los_Angeles', Date.UTC(2025, 5, 1)), zoneLabel('UTC', 0), zoneLabel('Europe/Paris', Date.UTC(2025, 5, 1))]).toEqual([
      'PT',
      'UTC',
      'GMT+2',
    ]);
  });

  it('leaves out what it cannot read, saying why at the line of the key', () => {
    const { events, problems } = read(
      'events:\n  - name: X\n    url: javascript:alert(1)\n    start: 2025-13-01\n  - name: Y\n    url: https://y.example.org/\n    start: 2025-06-01\n    deadlines:\n      - { label: Z, date: 2025-06-31 }\n      - { label: W, date: "2025-05-01T25:00" }\n',
    );
    expect(events.map((e) => [e.name, e.deadlines.length])).toEqual([['Y', 0]]);
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '4 X url "javascript:alert(1)" must be an absolute web address (https://...), with no spaces.',
      '5 X: start 2025-13-01 is not a day of the calendar (there is no month 13).',
      '10 Z: 2025-06-31 is not a day of the calendar (June 2025 has 30 days).',
      '11 W: 25:00 is not a time of day; write 00:00 to 23:59.',
    ]);
    expect(read('events: soon\n').problems[0]!.message).toBe('events must be a list of events, each with a name, a url and a start date.');
  });

  it('writes day ranges as the issue writes dates', () => {
    const cases: [string, string, string, string][] = [
      ['2025-10-17', '2025-10-17', '17 October 2025', 'October 17, 2025'],
      ['2025-10-17', '2025-10-19', '17-19 October 2025', 'October 17-19, 2025'],
      ['2025-09-30', '2025-10-02', '30 September - 2 October 2025', 'September 30 - October 2, 2025'],
      ['2025-12-30', '2026-01-02', '30 December 2025 - 2 January 2026', 'December 30, 2025 - January 2, 2026'],
    ];
    for (const [start, end, dayFirst, monthFirst] of cases) {
      expect(formatDayRange(start, end, 'day-first')).toBe(dayFirst);
      expect(formatDayRange(start, end, 'month-first')).toBe(monthFirst);
    }
  });

  it("renders one list per event, with the deadlines still open on the issue's date and the calendar links", () => {
    const markdown = eventsMarkdown([summit()], {
      issueDate: new Date('2025-06-20T00:00:00Z'),
      style: 'day-first',
      inviteUrl: (e) => `https://openinfra.org/invites/${e.slug}.ics`,
    });
    expect(markdown).toBe(
      [
        '**[OpenInfra Summit Europe](https://summit2025.openinfra.org/)**',
        '',
        '* 17-19 October 2025 | Paris-Saclay, France',
        '* Become a sponsor by 26 September',
        `* [Add to Google Calendar](${googleCalendarUrl(summit())}) | [Download the invite (.ics)](https://openinfra.org/invites/openinfra-summit-europe-2025-10-17.ics)`,
      ].join('\n'),
    );
    expect(
      eventsMarkdown([summit()], { issueDate: new Date('2025-06-01T00:00:00Z'), style: 'month-first', inviteUrl: () => 'https://x.example.org/i.ics' }),
    ).toContain('* [Submit a talk](https://summit2025.openinfra.org/cfp/) by June 13, 23:59 PT');
  });

  it('links Google Calendar to the whole days, the end exclusive', () => {
    const url = new URL(googleCalendarUrl(summit()));
    expect(`${url.origin}${url.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'OpenInfra Summit Europe',
      dates: '20251017/20251020',
      details: 'https://summit2025.openinfra.org/',
      location: 'Paris-Saclay, France',
    });
  });

  it('writes an invite that ical.js reads back: all-day dates, the end exclusive, a UID stable across builds, folded lines', () => {
    const long = read(
      `events:\n  - name: "Ceph Days Düsseldorf, with a name long enough to fold; twice over, and then some more words for it"\n    url: https://ceph.io/en/community/events/2026/ceph-days-dusseldorf/\n    start: 2026-12-31\n    end: 2027-01-01\n    location: Düsseldorf, Germany\n`,
    ).events[0]!;
    for (const event of [summit(), long]) {
      const ics = eventIcs(event, new Date('2025-05-20T00:00:00Z'), new Date('2025-05-20T00:00:00Z'));
      expect(ics.endsWith('\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
      const parsed = new ICAL.Event(vevent);
      expect(parsed.summary).toBe(event.name);
      expect(parsed.location).toBe(event.location);
      expect(parsed.startDate.isDate).toBe(true);
      expect(parsed.startDate.toString()).toBe(event.start);
      expect(parsed.endDate.toString()).toBe(new Date(Date.parse(`${event.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
      expect(vevent.getFirstPropertyValue('url')).toBe(event.url);
      // The same event gives the same UID whenever it is built; another event another.
      expect(parsed.uid).toBe(
        new ICAL.Event(
          new ICAL.Component(ICAL.parse(eventIcs(event, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')))).getFirstSubcomponent('vevent')!,
        ).uid,
      );
    }
    expect(eventIcs(summit(), new Date(0), new Date(0))).not.toContain(
      new ICAL.Event(new ICAL.Component(ICAL.parse(eventIcs(long, new Date(0), new Date(0)))).getFirstSubcomponent('vevent')!).uid,
    );
  });

  it('folds at 75 octets without splitting a character', () => {
    const folded = foldIcs(`SUMMARY:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((line, i) => (i === 0 ? line : line.slice(1)))
        .join(''),
    ).toBe(`SUMMARY:${'é'.repeat(80)}`);
  });
});
