import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { CORPUS, read, runMain, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

const execFileAsync = promisify(execFile);

const CLEAN_ISSUE = {
  'newsletter.config.yaml': 'email: { platform: mailchimp }\n', // a mail platform: the footer's unsubscribe link
  'sections/may-2025/issue.md':
    '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\nseo:\n  description: Kata 3.15 and the Summit in Paris\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\nowner: "@aprice"\nstatus: ready\n---\nThe story, told well.\n',
  'sections/may-2025/foundation.md': '---\nowner: Jimmy McArthur\n---\n* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
};

const MAY_10 = new Date('2025-05-10T23:30:00Z');

describe('newsletter status', () => {
  it("names the sample's draft section, hidePost and past events among the blockers, and exits 0", async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['status'], { cwd, now: new Date('2025-04-14T08:00:00Z') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Issue: april-2025 (the latest)\n');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('april-2025');
    expect(lines[1]).toMatch(/^ {2}section\s+heading\s+owner\s+state\s+words\s+errors\s+warnings$/);
    expect(lines).toContain('  spotlight   OpenDev: Free Software Needs Free Tools  Allison Price  draft      2       1         1');
    expect(lines).toContain('  kata        Kata Containers                          -              ready     39       0         0');
    expect(result.stdout).toContain('  date       2025-04-21 (in 7 days)\n');
    expect(result.stdout).toContain('  subject    Inside Open Infrastructure: April 2025\n');
    expect(result.stdout).toMatch(/\nnot ready: \d+ things in the way\n/);
    expect(result.stdout).toContain(
      '  - the section "OpenDev: Free Software Needs Free Tools" is a draft: sections/april-2025/spotlight.md (owner: Allison Price)\n',
    );
    expect(result.stdout).toContain(
      "  - hidePost is true in sections/april-2025/issue.md: the post would be hidden from the blog's lists, though its page is built and the RSS feed lists it\n",
    );
    expect(result.stdout).toContain(
      '  - sections/april-2025/events.md:26: "March 6 & 7" is already past on the issue\'s date (2025-04-21); remove it or say what happened. (past-date)\n',
    );
    // Ten problems are listed; the rest are counted, and lint shows them all.
    expect(result.stdout).toContain('  and 1 more: run newsletter lint april-2025 to see every problem.\n');
  });

  it('names every missing required section, and --check exits 1 while the issue is not ready', async () => {
    const cwd = await sampleWorkspace();
    await rm(join(cwd, 'sections/april-2025/events.md'));
    await rm(join(cwd, 'sections/april-2025/foundation.md'));
    const result = await runMain(['status', '--check'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}foundation\s+OpenInfra Foundation News\s+-\s+missing\s+0\s+0\s+0$/m);
    expect(result.stdout).toContain('  - the required section "OpenInfra Foundation News" is missing: add sections/april-2025/foundation.md\n');
    expect(result.stdout).toContain('  - the required section "Community Events" is missing: add sections/april-2025/events.md\n');
    // Without --check, status informs and exits 0 on the same issue.
    expect((await runMain(['status'], { cwd })).code).toBe(0);
  });

  it('holds an issue whose section file is misnamed (startingx.md, and no starlingx.md) as not ready', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/startingx.md': '* StarlingX 11.0 is out.\n' });
    const result = await runMain(['status', '--check'], { cwd, now: MAY_10 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  - sections/may-2025/startingx.md:1: no section is named "startingx", so this file would be published as a section of its own, at the end of the post; did you mean starlingx.md? (unknown-section)\n',
    );
    // Beside the real starlingx.md, the same file is a stray: a warning, the issue still ships.
    await writeFiles(cwd, { 'sections/may-2025/starlingx.md': '* StarlingX 11.0 is out.\n', 'sections/may-2025/startingx.md': '* Notes for next month.\n' });
    expect((await runMain(['status', '--check'], { cwd, now: MAY_10 })).code).toBe(0);
  });

  it('says ready, and --check exits 0, when nothing stands in the way', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, CLEAN_ISSUE);
    const result = await runMain(['status', '--check'], { cwd, now: MAY_10 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  date       2025-05-20 (in 10 days)\n');
    expect(result.stdout).toContain('  total      16 words, 0 errors, 0 warnings\n');
    expect(result.stdout.endsWith('\nready: may-2025 can ship.\n')).toBe(true);
  });

  it('prints the JSON contract', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...CLEAN_ISSUE,
      'sections/may-2025/kata.md': '---\nstatus: draft\n---\n* Kata 3.15 is out.\n',
      'sections/may-2025/zuul.md': '<!-- Zuul news here -->\n',
    });
    const result = await runMain(['status', 'may-2025', '--format', 'json'], { cwd, now: new Date('2025-05-25T00:00:00Z') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      issue: 'may-2025',
      date: '2025-05-20',
      daysLeft: -5,
      subject: 'Inside Open Infrastructure: May 2025',
      preheader: 'Kata 3.15 and the Summit in Paris',
      ready: false,
      blockers: ['the section "Kata Containers" is a draft: sections/may-2025/kata.md'],
      sections: [
        {
          id: 'spotlight',
          heading: 'A lead story',
          owner: '@aprice',
          state: 'ready',
          words: 4,
          errors: 0,
          warnings: 0,
          file: 'sections/may-2025/spotlight.md',
        },
        {
          id: 'foundation',
          heading: 'OpenInfra Foundation News',
          owner: 'Jimmy McArthur',
          state: 'ready',
          words: 7,
          errors: 0,
          warnings: 0,
          file: 'sections/may-2025/foundation.md',
        },
        { id: 'kata', heading: 'Kata Containers', owner: null, state: 'draft', words: 4, errors: 0, warnings: 1, file: 'sections/may-2025/kata.md' },
        { id: 'zuul', heading: 'Zuul', owner: null, state: 'empty', words: 0, errors: 0, warnings: 1, file: 'sections/may-2025/zuul.md' },
        { id: 'events', heading: 'Community Events', owner: null, state: 'ready', words: 5, errors: 0, warnings: 0, file: 'sections/may-2025/events.md' },
      ],
      errors: 0,
      warnings: 2,
      words: 20,
    });
  });

  it('prints Markdown for a job summary: a table, @handles kept as mentions, other owners as plain text', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/foundation.md': '---\nowner: "Jo | the *editor*"\n---\n* TODO\n' });
    const result = await runMain(['status', '--format', 'markdown'], { cwd, now: MAY_10 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### may-2025: not ready\n\n| Section | Owner | State | Words | Errors | Warnings |\n|---|---|---|---:|---:|---:|\n');
    expect(result.stdout).toContain('| A lead story (`spotlight`) | @aprice | ready | 4 | 0 | 0 |\n');
    expect(result.stdout).toContain('| OpenInfra Foundation News (`foundation`) | Jo \\| the \\*editor\\* | ready | 1 | 1 | 0 |\n');
    expect(result.stdout).toMatch(/\*\*In the way:\*\*\n\n- sections\/may-2025\/foundation\.md:4: placeholder "TODO" .*\(placeholder\)\n/);
  });

  it('keeps no mention but an owner written exactly @handle: not in an owner, a title or a problem', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...CLEAN_ISSUE,
      'sections/may-2025/foundation.md': '---\nowner: "Team @octocat"\ntitle: "News for @someone and @org/team"\n---\n* TODO @stranger\n',
    });
    const result = await runMain(['status', '--format', 'markdown'], { cwd, now: MAY_10 });
    expect(result.stdout).toContain('| @aprice |');
    // A mention is @ then a name: every other @ is followed by a zero-width space, which GitHub leaves alone.
    const mentions = [...result.stdout.matchAll(/@(?=[A-Za-z0-9])/g)].length;
    expect(mentions).toBe(1);
    expect(result.stdout).toContain('Team @\u200boctocat');
    expect(result.stdout).toContain('News for @\u200bsomeone and @\u200borg/team');
  });

  it('takes owners from config, which new writes into the fragments', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'newsletter.config.yaml':
        'sections:\n  - { id: spotlight, required: true, owner: Allison Price }\n  - { id: kata, owner: "@kata-writer" }\n  - { id: events, required: true }\n',
    });
    expect((await runMain(['new', 'june-2025', '--yes'], { cwd })).code).toBe(0);
    expect(await read(cwd, 'sections/june-2025/kata.md')).toMatch(/^---\n# title: .*\nowner: "@kata-writer"\nstatus: draft\n---\n/);
    await writeFiles(cwd, { 'sections/june-2025/spotlight.md': '---\nstatus: ready\n---\nA story.\n' });
    const result = await runMain(['status', '--format', 'json'], { cwd });
    const sections = JSON.parse(result.stdout).sections as { id: string; owner: string | null; state: string }[];
    expect(sections.map((s) => [s.id, s.owner, s.state])).toEqual([
      ['spotlight', 'Allison Price', 'ready'],
      ['kata', '@kata-writer', 'empty'],
      ['events', null, 'empty'],
    ]);
  });

  it("reuses lint's results: the email is rendered only when the email rules must run again", async () => {
    const cwd = await sampleWorkspace();
    const dir = await tempDir();
    const probe = join(dir, 'probe.mjs');
    await writeFiles(dir, {
      'probe.mjs':
        "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); process.on('exit', () => { process.stderr.write(Object.keys(r('node:module')._cache).some((k) => k.includes('mjml-core')) ? 'MJML-LOADED' : 'MJML-NOT-LOADED'); });",
    });
    const statusLoadsMjml = async () => {
      const { stderr } = await execFileAsync(process.execPath, ['--import', probe, BIN, 'status', '--format', 'json'], {
        cwd,
        env: { ...process.env, CI: 'true', XDG_CACHE_HOME: join(dir, 'cache') },
      });
      return stderr.includes('MJML-LOADED');
    };
    expect(await statusLoadsMjml()).toBe(true);
    expect(await statusLoadsMjml()).toBe(false);
    await writeFiles(cwd, { 'sections/april-2025/kata.md': '* Kata 3.15 is out.\n' });
    expect(await statusLoadsMjml()).toBe(true);
    const lint = await execFileAsync(process.execPath, [BIN, 'lint', '--all'], {
      cwd,
      env: { ...process.env, CI: 'true', XDG_CACHE_HOME: join(dir, 'cache') },
    }).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(lint).toBe(1);
    expect(await statusLoadsMjml()).toBe(false);
  });

  it("shows an imported issue's sections as published", async () => {
    const post = join(CORPUS, 'inside-open-infrastructure-may-2025.md');
    const cwd = await tempDir();
    expect((await runMain(['import', post], { cwd })).code).toBe(0);
    const status = JSON.parse((await runMain(['status', '--format', 'json'], { cwd })).stdout) as {
      issue: string;
      sections: { id: string; state: string; words: number }[];
    };
    expect(status.issue).toBe('may-2025');
    expect(status.sections.map((s) => s.state).every((state) => state === 'ready')).toBe(true);
    expect(status.sections.every((s) => s.words > 0)).toBe(true);
  });

  it('exits 2 on a format it does not know', async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['status', '--format', 'html'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are text, markdown, json/);
  });
});
