import { describe, expect, it, vi } from 'vitest';
import type { PromptQuestion } from '../../src/context.js';
import { siteFiles } from '../helpers/site.js';
import { git, initRepository, commitAll } from '../helpers/git.js';
import { read, readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

// What the real prompts were asked to show: the terminal prompter's test takes them from here, no terminal needed.
const shownByPrompts = vi.hoisted(() => [] as { message: string; default?: string; choices?: { name: string }[] }[]);
vi.mock('@inquirer/prompts', () => ({
  input: async (options: { message: string; default?: string; validate?: (value: string) => true | string }) => {
    shownByPrompts.push(options);
    // The person presses Enter: the default, as shown, is the answer.
    const valid = options.validate?.(options.default ?? '') ?? true;
    if (valid !== true) throw new Error(valid);
    return options.default ?? '';
  },
  checkbox: async (options: { message: string; choices: { name: string; value: string }[] }) => {
    shownByPrompts.push(options);
    return options.choices.map((choice) => choice.value);
  },
}));

/*
 * Issue #36, case 4: what a pull request writes (a fragment's line, an event's name, a site's
 * values) reaches the terminal of whoever runs the CLI, and CI's log. Every printer shows a
 * control character as `?`: an escape sequence never sets a title, recolours, clears the screen,
 * nor does a line break from content start a line of its own.
 */

/** A title set, the screen cleared, a colour changed, a line overwritten, a bell, a C1 CSI, a bidi override. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u001b[31m\rX\u009b31m\u202e';
/** The same, as a YAML double-quoted string writes it. */
const HOSTILE_YAML = '\\e]0;owned\\a\\e[2J\\e[31m\\rX\\x9b31m\\u202e';
/** What a printer shows of it. */
const SHOWN = '?]0;owned??[2J?[31m?X?31m?';
/** What a line of prose can hold without a CR or brackets, which Markdown reads: a terminal's reset (RIS), a bell, a C1 CSI, a bidi override. */
const INLINE = '\u001bc\u0007\u009b2J\u202e';
const INLINE_SHOWN = '?c??2J?';
/** Bidirectional overrides and isolates (which reorder what a terminal shows) and a line separator, as YAML writes them. */
const BIDI_YAML = '\\u202eevil\\u202c\\u2066X\\u2028Y';

/** Any control character a terminal acts on, but the line breaks that end each printed line. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

function expectPrintable(output: { stdout: string; stderr: string }): void {
  expect(output.stdout).not.toMatch(RAW);
  expect(output.stderr).not.toMatch(RAW);
}

describe('terminal escape sequences in content print as ? (#36, case 4)', () => {
  it("lint --fix-dry-run shows a fragment's control characters as ? in the patch, and says the patch no longer applies", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/spotlight.md': `---\ntitle: A lead story\n---\nAnother productive Another productive week${HOSTILE} at the PTG.\nThe rest${HOSTILE}.\n`,
    });
    const result = await runMain(['lint', '--fix-dry-run'], { cwd });
    expectPrintable(result);
    // paste-residue deletes the C0 and C1 controls too; the carriage return and the bidi override stay, shown as ?.
    expect(result.stdout).toContain(
      `-Another productive Another productive week${SHOWN} at the PTG.\n-The rest${SHOWN}.\n+Another productive week]0;owned[2J[31m?X31m? at the PTG.\n+The rest]0;owned[2J[31m?X31m?.\n`,
    );
    expect(result.stderr).toContain(
      'note the patch shows 18 control characters of the files as ?; git apply will not take this patch as printed (newsletter lint --fix makes the change).',
    );
  });

  it('lint --fix-dry-run leaves a patch with nothing to replace as git applies it, tabs and CRLF line ends kept, with no note', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/spotlight.md': '---\r\ntitle: A lead story\r\n---\r\nAnother productive Another productive week\tat the PTG.\r\n',
    });
    initRepository(cwd);
    commitAll(cwd, 'the issue');
    const result = await runMain(['lint', '--fix-dry-run'], { cwd });
    expect(result.stdout).toContain('-Another productive Another productive week\tat the PTG.\r\n+Another productive week\tat the PTG.\r\n');
    expect(result.stderr).not.toContain('git apply');
    await writeFiles(cwd, { 'fix.patch': result.stdout });
    git(cwd, 'apply', 'fix.patch');
    expect(await read(cwd, 'sections/may-2025/spotlight.md')).toBe('---\r\ntitle: A lead story\r\n---\r\nAnother productive week\tat the PTG.\r\n');
  });

  it("events lists an event's name and location with ? for their control characters", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      // Lint's event-data leaves out an event whose values hold C0 or C1 controls; these it keeps.
      'sections/may-2025/events.md': `---\nevents:\n  - name: "Summit${BIDI_YAML}"\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n    location: "Paris${BIDI_YAML}"\n---\n`,
    });
    const result = await runMain(['events', 'may-2025'], { cwd });
    expectPrintable(result);
    expect(result.stdout).toContain('Summit?evil??X?Y, Paris?evil??X?Y');
  });

  it('events --to-data names prose events with ? for their control characters', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/events.md': [
        '---',
        'status: ready',
        '---',
        'Join us at these events.',
        '',
        `**[OpenInfra Summit${INLINE}](https://summit2025.openinfra.org/)**`,
        '',
        '* 17-19 October 2025 | Paris-Saclay, France',
        '',
        `[Another${INLINE}](https://example.org/another/)`,
        '',
        `* 22 May: Stockholm${INLINE}`,
        '',
      ].join('\n'),
    });
    const result = await runMain(['events', 'may-2025', '--to-data', '--dry-run'], { cwd });
    expectPrintable(result);
    expect(result.stdout).toContain(`line 6: OpenInfra Summit${INLINE_SHOWN}, 17-19 October 2025\n  line 10: Another${INLINE_SHOWN}, 22 May 2025\n`);
  });

  it("new --site --verbose shows the site's values (the latest post, its author, the days page) with ? for their control characters, each on its own line", async () => {
    const cwd = await tempDir();
    const siteDir = await tempDir();
    const site = siteFiles();
    const latest = 'src/pages/blog/inside-open-infrastructure-june-2026-1.md';
    site[latest] = (site[latest] as string).replace('author: Allison Price', `author: "Allison${HOSTILE_YAML}\\nPrice"`);
    site['src/pages/author/hostile.md'] = `---\ntemplateKey: tags\nauthorName: "Allison${HOSTILE_YAML}\\nPrice"\n---\n`;
    site['src/pages/days/index.md'] = (site['src/pages/days/index.md'] as string)
      .replace('title: OpenInfra Day Kenya', `title: "OpenInfra Day Kenya${HOSTILE_YAML}"`)
      .replace('date: TBD', `date: "TBD${HOSTILE_YAML}"`);
    // A file name is a site value too.
    site[`src/pages/blog/inside-open-infrastructure-august-2026${'\u001b[2J'}\n.md`] = (site[latest] as string).replace(
      /date: .*/,
      'date: 2026-09-01T10:00:00.000Z',
    );
    await writeFiles(cwd, { 'newsletter.config.yaml': 'email:\n  unsubscribeUrl: https://openinfra.org/unsubscribe\n' });
    await writeFiles(siteDir, site);
    const result = await runMain(
      ['new', 'august-2026', '--yes', '--site', siteDir, '--date', '2026-09-02', '--sections', 'spotlight,foundation,events', '--verbose'],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    expectPrintable(result);
    // The site's reader made the CR a space already; the rest is shown as ?.
    expect(result.stdout).toContain('OpenInfra Day Kenya?]0;owned??[2J?[31m X?31m?');
    expect(result.stdout).toContain('author           Allison?]0;owned??[2J?[31m?X?31m? Price');
    expect(result.stdout).toContain("As the site's latest newsletter post does: src/pages/blog/inside-open-infrastructure-august-2026?[2J .md");
  });

  it('status and lint print JSON with C1 controls and bidi overrides as \\u escapes, the same JSON', async () => {
    const cwd = await tempDir();
    const title = 'A lead\u009b2J story\u202e';
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/spotlight.md': '---\ntitle: "A lead\\x9b2J story\\u202e"\nowner: "@jdoe\\u2066"\n---\nThe story, told well.\n',
    });
    for (const args of [['status', '--format', 'json'], ['lint', '--format', 'json'], ['status']]) {
      const result = await runMain(args, { cwd });
      expectPrintable(result);
    }
    const status = await runMain(['status', '--format', 'json'], { cwd });
    expect(status.stdout).toContain('A lead\\u009b2J story\\u202e');
    expect(JSON.parse(status.stdout).sections.find((s: { id: string }) => s.id === 'spotlight').heading).toBe(title);
  });

  it('import names the headings no section claims with ? for their control characters', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'post.md': `---\ntemplateKey: blog-post\ntitle: "Inside Open Infrastructure: June 2025"\nauthor: Someone\ndate: 2025-06-20T10:00:00.000Z\n---\n### A heading no one claims${INLINE}\n\nIts words.\n`,
    });
    const result = await runMain(['import', 'post.md'], { cwd });
    expectPrintable(result);
    expect(result.stdout).toContain(`"A heading no one claims${INLINE_SHOWN}"`);
  });

  it("the terminal's prompts show a default from the site as ?, and taking it takes the value as it was", async () => {
    const { terminalPrompter } = await import('../../src/ui/prompts.js');
    const author = `Allison${INLINE}\nPrice`;
    const asked: PromptQuestion = {
      name: 'author',
      message: `Author (the site's: ${author})`,
      default: author,
      validate: (value) => (value === author ? true : `${value} is no author`),
    };
    expect(await terminalPrompter(asked)).toBe(author);
    expect(await terminalPrompter({ name: 'sections', message: 'Sections', choices: [{ value: 'promo', name: `Promo${INLINE}`, checked: true }] })).toEqual([
      'promo',
    ]);
    const shown = JSON.stringify(shownByPrompts);
    expect(JSON.parse(shown)).toEqual([
      expect.objectContaining({ message: `Author (the site's: Allison${INLINE_SHOWN} Price)`, default: `Allison${INLINE_SHOWN} Price` }),
      expect.objectContaining({ message: 'Sections', choices: [expect.objectContaining({ name: `Promo${INLINE_SHOWN}` })] }),
    ]);
  });
});

describe('control characters in a fragment reach no output (#36)', () => {
  it('lint reports each at its line as paste-residue, and build writes the post, the email and the text without them', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/foundation.md': `* The foundation's news.\u0007\n* A title\u001b]0;owned\u0007 set, a DEL\u007f and a C1 CSI\u009b2J.\n`,
    });
    const lint = await runMain(['lint', '--format', 'json'], { cwd });
    const files = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    const residue = files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'paste-residue');
    expect(residue.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      '1:25 a control character left from pasting: U+0007; delete it.',
      '2:10 a control character left from pasting: U+001B; delete it.',
      '2:19 a control character left from pasting: U+0007; delete it.',
      '2:31 a control character left from pasting: U+007F; delete it.',
      '2:45 a control character left from pasting: U+009B; delete it.',
    ]);
    expect(lint.code).toBe(1);
    const build = await runMain(['build'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    for (const file of ['email.txt', 'email.html', 'email.mjml', 'inside-open-infrastructure-may-2025.md']) {
      const text = await read(cwd, `dist/may-2025/${file}`);
      expect(text, file).toContain('owned');
      expect(text, file).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    }
  });
});
