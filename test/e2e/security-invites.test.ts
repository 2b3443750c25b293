import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventIcs, type IssueEvent } from '../../src/core/events/events.js';
import { read, readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * Issue #36, cases 3, 9 and 10: what a hostile pull request puts in `events:` never shapes the
 * calendar invites. A control character is refused at its line and the event left out; the
 * invite escapes what remains; two events of one name and day get an invite each; a build
 * leaves no invite of an earlier build; a year outside 1970-2100 is refused at its line.
 */

const EVENT = (name: string, extra = '') => `  - name: ${name}
    url: https://summit2025.openinfra.org/
    start: 2025-10-17
    end: 2025-10-19${extra}
`;

async function issueWithEvents(files: Record<string, string>): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...readyMayIssue(), ...files });
  return cwd;
}

/** The VEVENT and VALARM components ical.js reads in an invite, by name. */
function components(ics: string): string[] {
  const names: string[] = [];
  const walk = (component: ICAL.Component): void => {
    names.push(component.name);
    component.getAllSubcomponents().forEach(walk);
  };
  walk(new ICAL.Component(ICAL.parse(ics)));
  return names;
}

/** Control characters other than the CRLF that ends each content line. */
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)|(?<!\r)\n/;

describe('#36 case 3: control characters in events never reach an invite', () => {
  const INJECTION = 'END:VEVENT\\rBEGIN:VEVENT\\rSUMMARY:Injected\\rBEGIN:VALARM\\rACTION:DISPLAY\\rEND:VALARM';

  it("refuses a control character in a name, a location, a deadline's label or a link's label at its line, an error of event-data, and leaves it out", async () => {
    const cwd = await issueWithEvents({
      'sections/may-2025/events.md': `---\nstatus: ready\nevents:\n${EVENT(`"Summit\\r${INJECTION}"`)}${EVENT('Located', '\n    location: "Paris\\rATTENDEE:mailto:x@evil.example"')}${EVENT('Deadline', '\n    deadlines:\n      - label: "Talk\\rBEGIN:VALARM"\n        date: 2025-06-13')}${EVENT('Escaped', '\n    links:\n      - label: "Reg\\u001b]0;owned\\u0007"\n        url: https://summit2025.openinfra.org/register/')}${EVENT('"Nul\\0name"')}---\nOur events.\n`,
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/4:1\s+error\s+events\[0\]: name holds a control character \(U\+000D\); write it as text on one line\.\s+event-data/);
    expect(linted.stdout).toMatch(/12:1\s+error\s+Located: location holds a control character \(U\+000D\); write it as text on one line\.\s+event-data/);
    expect(linted.stdout).toMatch(
      /18:1\s+error\s+Deadline: deadlines\[0\]\.label holds a control character \(U\+000D\); write it as text on one line\.\s+event-data/,
    );
    expect(linted.stdout).toMatch(
      /25:1\s+error\s+Escaped: links\[0\]\.label holds a control character \(U\+001B\); write it as text on one line\.\s+event-data/,
    );
    expect(linted.stdout).toMatch(/27:1\s+error\s+events\[4\]: name holds a control character \(U\+0000\); write it as text on one line\.\s+event-data/);

    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { outputs, invites } = JSON.parse(built.stdout) as { outputs: Record<string, string>; invites: string[] };
    // The events named with a control character, or placed with one, are left out; the others lose only the deadline or link.
    expect(invites.map((path) => path.slice(cwd.length + 1)).sort()).toEqual([
      'dist/may-2025/invites/deadline-2025-10-17.ics',
      'dist/may-2025/invites/escaped-2025-10-17.ics',
    ]);
    for (const path of [...invites, outputs.blog!, outputs.html!, outputs.text!]) {
      const text = await readFile(path, 'utf8');
      expect(text, path).not.toMatch(/[\u0000\u001b\u0007]|BEGIN:VALARM|Injected|ATTENDEE|owned/);
    }
    for (const path of invites) expect(components(await readFile(path, 'utf8'))).toEqual(['vcalendar', 'vevent']);
  });

  it("escapes a lone CR, a line feed and other control characters in an invite's values, so that no parser reads another line", () => {
    const event: IssueEvent = {
      name: 'Summit\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected\r\nBEGIN:VALARM\nACTION:DISPLAY\u0085END:VALARM\u0000\u001b[2J',
      url: 'https://summit2025.openinfra.org/',
      start: '2025-10-17',
      end: '2025-10-19',
      location: 'Paris\rORGANIZER:mailto:x@evil.example',
      deadlines: [
        { label: 'Talk\rBEGIN:VALARM', url: undefined, date: '2025-10-01', time: undefined, timezone: 'UTC', at: Date.UTC(2025, 9, 1, 23, 59, 59), line: 9 },
      ],
      links: [],
      file: 'events.md',
      line: 3,
      startLine: 5,
      endLine: 6,
      slug: 'summit-2025-10-17',
    };
    const ics = eventIcs(event, new Date('2025-05-20T00:00:00Z'), new Date('2025-05-20T00:00:00Z'));
    expect(ics.replaceAll('\r\n', '')).not.toMatch(STRAY_CONTROL);
    expect(
      ics
        .replaceAll('\r\n ', '')
        .split('\r\n')
        .filter((line) => /^(?:BEGIN|END|ORGANIZER|ATTENDEE|ACTION|SUMMARY)[:;]/.test(line)),
    ).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Summit\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injected\\nBEGIN:VALARM\\nACTION:DISPLAY\\nEND:VALARM[2J',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(components(ics)).toEqual(['vcalendar', 'vevent']);
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('location')).toBe('Paris\nORGANIZER:mailto:x@evil.example');
    expect(String(vevent.getFirstPropertyValue('description'))).toContain('Talk\nBEGIN:VALARM: by 2025-10-01');
  });
});

describe('#36 case 9: one invite per event of the issue, and none left of an earlier build', () => {
  const SAME = `---\nstatus: ready\nevents:\n${EVENT('OpenInfra Summit Europe')}---\n`;

  it('gives two events of the same name and day in different fragments an invite each, and links each to its own', async () => {
    const cwd = await issueWithEvents({
      'sections/may-2025/events.md': `${SAME}Our events.\n`,
      'sections/may-2025/community.md': `${SAME.replace('summit2025.openinfra.org/', 'summit2025.openinfra.org/community/')}The community's events.\n`,
    });
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { outputs, invites } = JSON.parse(built.stdout) as { outputs: Record<string, string>; invites: string[] };
    expect(invites.map((path) => path.slice(cwd.length + 1))).toEqual([
      'dist/may-2025/invites/openinfra-summit-europe-2025-10-17.ics',
      'dist/may-2025/invites/openinfra-summit-europe-2025-10-17-2.ics',
    ]);
    const [first, second] = await Promise.all(invites.map((path) => readFile(path, 'utf8')));
    expect(first).toContain('URL:https://summit2025.openinfra.org/\r\n');
    expect(second).toContain('URL:https://summit2025.openinfra.org/community/\r\n');
    const post = await readFile(outputs.blog!, 'utf8');
    expect(post).toContain('(https://openinfra.org/invites/openinfra-summit-europe-2025-10-17.ics)');
    expect(post).toContain('(https://openinfra.org/invites/openinfra-summit-europe-2025-10-17-2.ics)');

    const site = await tempDir();
    await writeFiles(site, { 'src/pages/blog/.keep': '' });
    const published = await runMain(['publish', '--json', '--site', site], { cwd });
    expect(published.code, published.stdout + published.stderr).toBe(0);
    const { written } = JSON.parse(published.stdout) as { written: string[] };
    expect(written.filter((path) => path.endsWith('.ics'))).toEqual([
      'static/invites/openinfra-summit-europe-2025-10-17.ics',
      'static/invites/openinfra-summit-europe-2025-10-17-2.ics',
    ]);
    expect(await read(site, 'static/invites/openinfra-summit-europe-2025-10-17-2.ics')).toBe(second);
  });

  it('removes the invites an earlier build wrote that this one does not, and nothing else of the folder', async () => {
    const cwd = await issueWithEvents({ 'sections/may-2025/events.md': `${SAME}Our events.\n` });
    expect((await runMain(['build'], { cwd })).code).toBe(0);
    const folder = join(cwd, 'dist/may-2025/invites');
    expect(await readdir(folder)).toEqual(['openinfra-summit-europe-2025-10-17.ics']);
    await writeFiles(folder, { 'notes.txt': 'mine', 'someone-else.ics': 'BEGIN:VCALENDAR\r\nPRODID:-//Someone//EN\r\nEND:VCALENDAR\r\n' });
    await writeFiles(cwd, { 'sections/may-2025/events.md': `${SAME.replace('OpenInfra Summit Europe', 'OpenInfra Summit Asia')}Our events.\n` });
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', 'openinfra-summit-asia-2025-10-17.ics', 'someone-else.ics']);
    // A build that writes no invite (the text alone) leaves those of the last full build.
    expect((await runMain(['build', '--text'], { cwd })).code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', 'openinfra-summit-asia-2025-10-17.ics', 'someone-else.ics']);
  });
});

describe('#36 case 10: years an event is read in', () => {
  it('refuses a start, an end or a deadline outside 1970-2100 at its line, and writes no invite for it', async () => {
    const cwd = await issueWithEvents({
      'sections/may-2025/events.md': [
        '---',
        'status: ready',
        'events:',
        '  - name: Far',
        '    url: https://summit2025.openinfra.org/',
        '    start: 9999-12-31',
        '  - name: Old',
        '    url: https://summit2025.openinfra.org/',
        '    start: 0099-12-31',
        '  - name: Ending',
        '    url: https://summit2025.openinfra.org/',
        '    start: 2025-10-17',
        '    end: 2101-01-01',
        '  - name: Closing',
        '    url: https://summit2025.openinfra.org/',
        '    start: 2025-10-17',
        '    deadlines:',
        '      - label: Submit a talk',
        '        date: 1969-12-31T23:59',
        '---',
        'Our events.',
        '',
      ].join('\n'),
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/6:1\s+error\s+Far: start 9999-12-31 is outside the years events are read in \(1970 to 2100\)\.\s+event-data/);
    expect(linted.stdout).toMatch(/9:1\s+error\s+Old: start 0099-12-31 is outside the years events are read in \(1970 to 2100\)\.\s+event-data/);
    expect(linted.stdout).toMatch(/13:1\s+error\s+Ending: end 2101-01-01 is outside the years events are read in \(1970 to 2100\)\.\s+event-data/);
    expect(linted.stdout).toMatch(/19:1\s+error\s+Submit a talk: 1969-12-31 is outside the years events are read in \(1970 to 2100\)\.\s+event-data/);
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { invites } = JSON.parse(built.stdout) as { invites: string[] };
    expect(invites.map((path) => path.slice(cwd.length + 1))).toEqual(['dist/may-2025/invites/closing-2025-10-17.ics']);
    expect(await readFile(invites[0]!, 'utf8')).not.toContain('Submit a talk');
  });
});
