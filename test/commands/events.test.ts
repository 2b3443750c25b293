import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * Events as data, through the commands: an issue with `events:` builds the three outputs and
 * the invites and lints clean; a past event or deadline is an error at its line; publish puts
 * the invites where the site serves them, and the post links them there.
 */

const EVENTS = `---
status: ready
events:
  - name: OpenInfra Summit Europe
    url: https://summit2025.openinfra.org/
    start: 2025-10-17
    end: 2025-10-19
    location: Paris-Saclay, France
    deadlines:
      - label: Submit a talk
        url: https://summit2025.openinfra.org/cfp/
        date: 2025-06-13T23:59
        timezone: America/Los_Angeles
  - name: OpenStack Day Japan
    url: https://openstack.jp/days/2025/
    start: 2025-06-26
    location: Tokyo, Japan
---
More events on [the community calendar](https://openinfra.org/community/events/).
`;

async function issueWithEvents(events = EVENTS): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...readyMayIssue(), 'sections/may-2025/events.md': events });
  return cwd;
}

describe('events as data', () => {
  it("builds the post, the email and the text with the events after the section's words, and an invite per event, the same bytes every time", async () => {
    const cwd = await issueWithEvents();
    const linted = await runMain(['lint'], { cwd });
    expect(linted.stdout + linted.stderr).toContain('no problems');
    expect(linted.code).toBe(0);

    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { outputs, invites } = JSON.parse(built.stdout) as { outputs: Record<string, string>; invites: string[] };
    expect(invites.map((path) => path.slice(cwd.length + 1))).toEqual([
      'dist/may-2025/invites/openstack-day-japan-2025-06-26.ics',
      'dist/may-2025/invites/openinfra-summit-europe-2025-10-17.ics',
    ]);

    const post = await readFile(outputs.blog!, 'utf8');
    expect(post).toContain(
      [
        'More events on [the community calendar](https://openinfra.org/community/events/).',
        '',
        '**[OpenStack Day Japan](https://openstack.jp/days/2025/)**',
        '',
        '* 26 June 2025 | Tokyo, Japan',
      ].join('\n'),
    );
    expect(post).toContain('* [Submit a talk](https://summit2025.openinfra.org/cfp/) by 13 June, 23:59 PT\n');
    expect(post).toContain('[Download the invite (.ics)](https://openinfra.org/invites/openinfra-summit-europe-2025-10-17.ics)');
    expect(post).toContain('(https://calendar.google.com/calendar/render?action=TEMPLATE&text=OpenInfra+Summit+Europe&dates=20251017%2F20251020&');

    const html = (await readFile(outputs.html!, 'utf8')).replaceAll('&amp;', '&').replaceAll('&#x26;', '&');
    expect(html).toContain('17-19 October 2025 | Paris-Saclay, France');
    expect(html).toContain('by 13 June, 23:59 PT');
    // Calendar links carry no campaign tags; the event's own page does.
    expect(html).toContain('href="https://openinfra.org/invites/openinfra-summit-europe-2025-10-17.ics"');
    expect(html).toMatch(
      /href="https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=OpenInfra\+Summit\+Europe&dates=20251017%2F20251020&details=[^"]*location=Paris-Saclay%2C\+France"/,
    );
    expect(html).toContain('href="https://summit2025.openinfra.org/?utm_source=newsletter');
    const text = await readFile(outputs.text!, 'utf8');
    expect(text).toContain('- 17-19 October 2025 | Paris-Saclay, France');

    const invite = await readFile(invites[1]!, 'utf8');
    expect(invite).toContain('DTSTART;VALUE=DATE:20251017\r\nDTEND;VALUE=DATE:20251020\r\n');
    const before = await Promise.all([outputs.blog!, outputs.html!, outputs.text!, ...invites].map((path) => readFile(path)));
    await runMain(['build'], { cwd });
    const after = await Promise.all([outputs.blog!, outputs.html!, outputs.text!, ...invites].map((path) => readFile(path)));
    expect(after.every((bytes, i) => bytes.equals(before[i]!))).toBe(true);
  });

  it("writes the events' days as the issue's prose writes dates (month first here), and puts them at the section's <!-- events --> line, its closing words after them", async () => {
    const cwd = await issueWithEvents(EVENTS.replace('More events on', 'Meet us in person on May 28 or on June 4, 2025.\n\n<!-- events -->\n\nMore events on'));
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* The board met on May 6 and will meet again on June 17.\n' });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.stdout + linted.stderr).not.toContain('date-style');
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { outputs } = JSON.parse(built.stdout) as { outputs: Record<string, string> };
    const post = await readFile(outputs.blog!, 'utf8');
    expect(post).toContain(
      [
        'Meet us in person on May 28 or on June 4, 2025.',
        '',
        '**[OpenStack Day Japan](https://openstack.jp/days/2025/)**',
        '',
        '* June 26, 2025 | Tokyo, Japan',
      ].join('\n'),
    );
    expect(post).toContain('* October 17-19, 2025 | Paris-Saclay, France\n');
    expect(post).toContain('* [Submit a talk](https://summit2025.openinfra.org/cfp/) by June 13, 23:59 PT\n');
    expect(post).not.toContain('<!-- events -->');
    // The closing words come after the list, in every output.
    expect(post.indexOf('More events on')).toBeGreaterThan(post.indexOf('Download the invite'));
    const text = await readFile(outputs.text!, 'utf8');
    expect(text.indexOf('More events on')).toBeGreaterThan(text.lastIndexOf('Download the invite'));
    expect(text.indexOf('Meet us in person')).toBeLessThan(text.indexOf('OpenStack Day Japan'));
    expect(text).toContain('June 26, 2025 | Tokyo, Japan');
    const html = await readFile(outputs.html!, 'utf8');
    expect(html.indexOf('More events on')).toBeGreaterThan(html.lastIndexOf('Download the invite'));
    expect(html.indexOf('Meet us in person')).toBeLessThan(html.indexOf('OpenStack Day Japan'));
  });

  it("reports an event over and a deadline passed on the issue's date at their lines, and leaves the deadline out", async () => {
    const cwd = await issueWithEvents(
      EVENTS.replace('start: 2025-10-17\n    end: 2025-10-19', 'start: 2025-10-17\n    end: 2025-10-19')
        .replace('date: 2025-06-13T23:59', 'date: 2025-05-13T23:59')
        .replace('start: 2025-06-26', 'start: 2025-05-02\n    end: 2025-05-03'),
    );
    const linted = await runMain(['lint'], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(
      /12:1\s+error\s+"Submit a talk" closed on 13 May 2025, 23:59 PT, before the issue's date \(2025-05-20\); it is left out of the outputs: remove it, or give its new date\.\s+event-dates/,
    );
    expect(linted.stdout).toMatch(/17:1\s+error\s+OpenStack Day Japan ended on 3 May 2025, before the issue's date \(2025-05-20\); remove it\.\s+event-dates/);
    await runMain(['build'], { cwd });
    expect(await read(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md')).not.toContain('Submit a talk');
  });

  it('warns of what starts or closes within three days, and refuses impossible dates', async () => {
    const cwd = await issueWithEvents(
      EVENTS.replace('start: 2025-06-26', 'start: 2025-05-22')
        .replace('start: 2025-10-17\n', 'start: 2025-10-17\n    strat: 2025-10-17\n')
        .replace('end: 2025-10-19', 'end: 2025-09-31'),
    );
    const linted = await runMain(['lint'], { cwd });
    expect(linted.stdout).toMatch(/7:1\s+warning\s+an event has no key "strat"; did you mean "start"\?\s+event-data/);
    expect(linted.stdout).toMatch(
      /8:1\s+error\s+OpenInfra Summit Europe: end 2025-09-31 is not a day of the calendar \(September 2025 has 30 days\)\.\s+event-data/,
    );
    expect(linted.stdout).toMatch(
      /17:1\s+warning\s+OpenStack Day Japan starts on 22 May 2025, within 3 days of the issue's date \(2025-05-20\): readers may see it too late\.\s+event-dates/,
    );
  });

  it('publishes the invites where the site serves its own, and the post links them there', async () => {
    const cwd = await issueWithEvents();
    const site = await tempDir();
    await writeFiles(site, { 'src/pages/blog/.keep': '', 'static/invites/openinfra-days-2024.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' });
    const published = await runMain(['publish', '--site', site], { cwd });
    expect(published.code, published.stderr).toBe(0);
    expect((await readdir(join(site, 'static/invites'))).sort()).toEqual([
      'openinfra-days-2024.ics',
      'openinfra-summit-europe-2025-10-17.ics',
      'openstack-day-japan-2025-06-26.ics',
    ]);
    expect(published.stdout).toContain('static/invites/openinfra-summit-europe-2025-10-17.ics');
    await runMain(['build'], { cwd });
    const invite = await read(site, 'static/invites/openinfra-summit-europe-2025-10-17.ics');
    expect(invite).toBe(await read(cwd, 'dist/may-2025/invites/openinfra-summit-europe-2025-10-17.ics'));
    expect(invite).toContain('SUMMARY:OpenInfra Summit Europe\r\n');
    expect(await read(site, 'src/pages/blog/inside-open-infrastructure-may-2025.md')).toContain(
      '(https://openinfra.org/invites/openinfra-summit-europe-2025-10-17.ics)',
    );
    // Run again, it changes nothing.
    const again = await runMain(['publish', '--site', site], { cwd });
    expect(again.stdout).toContain('is already published');
    expect(await read(site, 'static/invites/openinfra-summit-europe-2025-10-17.ics')).toBe(invite);
  });
});

describe('newsletter events --to-data', () => {
  const PROSE = [
    '---',
    'status: ready',
    '---',
    'Join us at these events.',
    '',
    '**[OpenInfra Summit Europe](https://summit2025.openinfra.org/)**',
    '',
    '* 17-19 October 2025 | Paris-Saclay, France',
    '* [Submit a Talk](https://summit2025.openinfra.org/cfp/) | The deadline is 13 June at 23:59 PT',
    '* [Become a Sponsor](https://summit2025.openinfra.org/sponsor/) by 26 September',
    '',
    "[Celebrate OpenStack's 15th Birthday](https://www.openstack.org/blog/celebrating-15-years-of-openstack/)",
    '',
    '* 29 & 30 April: [Erlangen, Germany](https://www.meetup.com/x/)',
    '* 22 May: Stockholm',
    '',
  ].join('\n');

  it('turns what it reads with certainty into events:, leaves the rest as prose and says why, and writes nothing with --dry-run', async () => {
    const cwd = await issueWithEvents(PROSE);
    const dry = await runMain(['events', '--to-data', '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'Would turn 1 event of sections/may-2025/events.md into events: data (--dry-run: nothing was written):\n  line 6: OpenInfra Summit Europe, 17-19 October 2025, 2 deadlines\n',
    );
    expect(await read(cwd, 'sections/may-2025/events.md')).toBe(PROSE);

    const done = await runMain(['events', '--to-data'], { cwd });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(
      'Left as prose (1), to turn into data by hand if you wish:\n  line 12: Celebrate OpenStack\'s 15th Birthday: the line "22 May: Stockholm" is no deadline it can read\n',
    );
    const text = await read(cwd, 'sections/may-2025/events.md');
    expect(text).toContain(
      'events:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n    end: 2025-10-19\n    location: Paris-Saclay, France\n    deadlines:\n      - label: Submit a Talk\n        url: https://summit2025.openinfra.org/cfp/\n        date: 2025-06-13T23:59\n        timezone: America/Los_Angeles\n',
    );
    expect(text).toContain("---\nJoin us at these events.\n\n<!-- events -->\n\n[Celebrate OpenStack's 15th Birthday]");
    expect(text).not.toContain('**[OpenInfra Summit Europe]');
    expect(done.stdout).toMatch(/17-19 October 2025\s+OpenInfra Summit Europe, Paris-Saclay, France; 2 deadlines open/);

    // The same facts reach readers, now from the data.
    await runMain(['build'], { cwd });
    const post = await read(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md');
    expect(post).toContain(
      '* [Submit a Talk](https://summit2025.openinfra.org/cfp/) by 13 June, 23:59 PT\n* [Become a Sponsor](https://summit2025.openinfra.org/sponsor/) by 26 September\n',
    );

    const again = await runMain(['events', '--to-data'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr.split('\n')[0]).toBe(
      'error sections/may-2025/events.md:1: this section already has events: as data; --to-data adds to a section without any.',
    );
  });

  it("reads the site's 2025-2026 format, an event a list item with its links and deadlines under it, and keeps the section's closing words after the events", async () => {
    // As the June 2026 post writes its events (names linked or not, no year, Emma's tracking links).
    const JUNE = [
      '---',
      'status: ready',
      '---',
      '* [OpenStack Booth at KubeCon + CloudNativeCon India](https://events.linuxfoundation.org/kubecon-india/)  | 18-19 June',
      '',
      '  * Booth # SU4',
      '  * [Register](https://forms.example.org/meetup_india) for the evening event',
      '* [OpenInfra + KCD Vietnam ](https://2026.vietopeninfra.org/vi/)| 25 July',
      '',
      '  * [Learn More](https://t.e2ma.net/click/el3ini/ulijjyje/elr9z8) | [Register](https://t.e2ma.net/click/el3ini/ulijjyje/uds9z8)',
      '* [OpenInfra Track at the ALASCA Summit](https://alasca.cloud/en/alasca-summit-2026/) | 3 & 4 November',
      '',
      '  * [CFP open until 31 July](https://alasca.cloud/en/alasca-summit-2026/cfp/)',
      '* OpenInfra Day Kenya | 4 & 5 September | Nairobi, Kenya',
      '',
      '  * [Learn More](https://days.example.org/kenya/) | [Register](https://tickets.example.org/kenya) | [Sponsor](https://days.example.org/kenya/sponsor)',
      '* Cloud Operator Days Tokyo | August-September',
      '',
      'Visit [2026 OpenInfra events](https://openinfra.org/events/) for a full list of gatherings.',
      '',
    ].join('\n');
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'newsletter.config.yaml': readyMayIssue()['newsletter.config.yaml']!,
      'sections/june-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: June 2026"\ndate: 2026-06-02\n---\n',
      'sections/june-2026/foundation.md': '* The board met on 12 May.\n',
      'sections/june-2026/events.md': JUNE,
    });
    const done = await runMain(['events', 'june-2026', '--to-data'], { cwd });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(
      'Left as prose (2), to turn into data by hand if you wish:\n  line 4: OpenStack Booth at KubeCon + CloudNativeCon India: the line "Booth # SU4" is neither links nor a deadline it can read\n  line 17: Cloud Operator Days Tokyo: its days "August-September" cannot be read with certainty\n',
    );
    const text = await read(cwd, 'sections/june-2026/events.md');
    expect(text).toContain(
      [
        '  - name: OpenInfra Day Kenya',
        '    url: https://days.example.org/kenya/',
        '    start: 2026-09-04',
        '    end: 2026-09-05',
        '    location: Nairobi, Kenya',
        '    links:',
        '      - label: Register',
        '        url: https://tickets.example.org/kenya',
        '      - label: Sponsor',
        '        url: https://days.example.org/kenya/sponsor',
      ].join('\n'),
    );
    expect(text).toContain('    deadlines:\n      - label: CFP open\n        url: https://alasca.cloud/en/alasca-summit-2026/cfp/\n        date: 2026-07-31\n');
    // The events stand where the first of them stood, before the event left as prose and the closing words.
    expect(text).toContain('for the evening event\n\n<!-- events -->\n\n* Cloud Operator Days Tokyo | August-September\n\nVisit [2026 OpenInfra events]');

    const built = await runMain(['build', 'june-2026'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const post = await read(cwd, 'dist/june-2026/inside-open-infrastructure-june-2026.md');
    expect(post).toContain(
      '**[OpenInfra Day Kenya](https://days.example.org/kenya/)**\n\n* 4-5 September 2026 | Nairobi, Kenya\n* [Register](https://tickets.example.org/kenya) | [Sponsor](https://days.example.org/kenya/sponsor)\n* [Add to Google Calendar]',
    );
    expect(post).toContain('* [CFP open](https://alasca.cloud/en/alasca-summit-2026/cfp/) by 31 July\n');
    expect(post.indexOf('Visit [2026 OpenInfra events]')).toBeGreaterThan(post.lastIndexOf('Download the invite'));
  });

  it('reads a year-less day in the year ahead an events section lists, and never turns a deadline it cannot read into a link', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'newsletter.config.yaml': readyMayIssue()['newsletter.config.yaml']!,
      'sections/january-2027/issue.md': '---\ntitle: "Inside Open Infrastructure: January 2027"\ndate: 2027-01-12\n---\n',
      'sections/january-2027/events.md': [
        '---',
        'status: ready',
        '---',
        '* [OpenInfra + KCD Vietnam](https://2027.vietopeninfra.org/) | 25 July',
        '',
        '  * [Learn More](https://2027.vietopeninfra.org/about/) | [Register](https://2027.vietopeninfra.org/register/)',
        '* [OpenInfra Track at the ALASCA Summit](https://alasca.example.org/) | 3 & 4 November',
        '',
        '  * [CFP open until 31 June](https://alasca.example.org/cfp/)',
        '',
        '**[OpenInfra Days Europe](https://days.example.org/europe/)**',
        '',
        '* 17-19 October | Paris-Saclay',
        '* Booth 12, in the main hall',
        '',
      ].join('\n'),
    });
    const done = await runMain(['events', 'january-2027', '--to-data'], { cwd });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('line 4: OpenInfra + KCD Vietnam, 25 July 2027');
    // "31 June" is no day: the item stays prose, its deadline not made a link named "CFP open until 31 June".
    expect(done.stdout).toContain(
      'line 7: OpenInfra Track at the ALASCA Summit: the line "CFP open until 31 June" is neither links nor a deadline it can read',
    );
    expect(await read(cwd, 'sections/january-2027/events.md')).not.toContain('label: CFP open until');
    // An older block left as prose is listed once, its list never read again as events of their own.
    expect(done.stdout).toContain('Left as prose (2)');
    expect(done.stdout).toContain('line 11: OpenInfra Days Europe: the line "Booth 12, in the main hall" is no deadline it can read');
  });
});
