import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { png } from '../helpers/images.js';
import { BIN } from '../helpers/bin.js';
import { read, readyMayIssue, REPO, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * Where the editor is (#29): the folder a command runs in names the issue, an argument may be
 * an issue's folder or a file in it, and the little things a new editor's month ran into.
 */

/** A workspace with an August issue being written and a September one just scaffolded. */
async function twoIssues(): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, {
    'newsletter.config.yaml': 'email:\n  unsubscribeUrl: https://openinfra.org/unsubscribe\n',
    'sections/august-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\n---\n',
    'sections/august-2026/foundation.md': '* The board met.\n',
    'sections/august-2026/img/chart.png': png(400, 200),
    'sections/september-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: September 2026"\ndate: 2026-10-01\n---\n',
  });
  return cwd;
}

describe('the issue from where you stand', () => {
  it('takes the issue whose folder a command runs in, however deep, and says so', async () => {
    const cwd = await twoIssues();
    for (const at of ['sections/august-2026', 'sections/august-2026/img']) {
      const result = await runMain(['status', '--format', 'json'], { cwd: join(cwd, at) });
      expect(JSON.parse(result.stdout).issue, at).toBe('august-2026');
      expect(result.stderr).toBe('Issue: august-2026 (the folder you are in)\n');
    }
    // Elsewhere in the workspace, the latest, and it says that too.
    const latest = await runMain(['status', '--format', 'json'], { cwd: join(cwd, 'sections') });
    expect(JSON.parse(latest.stdout).issue).toBe('september-2026');
    expect(latest.stderr).toBe('Issue: september-2026 (the latest)\n');
  });

  it('takes an issue named by its folder, a file in it or a day of its month, as tab completion gives them', async () => {
    const cwd = await twoIssues();
    for (const named of ['sections/august-2026', 'sections/august-2026/', 'sections/august-2026/foundation.md', '2026-08-15', 'august-2026', '2026-08']) {
      const result = await runMain(['status', named, '--format', 'json'], { cwd });
      expect(result.code, `${named}: ${result.stderr}`).toBe(0);
      expect(JSON.parse(result.stdout).issue, named).toBe('august-2026');
      // Named, it needs no word about which it took.
      expect(result.stderr, named).toBe('');
    }
    const fromInside = await runMain(['lint', '.', '--format', 'json'], { cwd: join(cwd, 'sections/august-2026') });
    expect((JSON.parse(fromInside.stdout) as { filePath: string }[]).every((r) => r.filePath.includes('august-2026'))).toBe(true);
    const elsewhere = await runMain(['build', 'docs/notes.md'], { cwd });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr.split('\n')[0]).toBe("error docs/notes.md is not an issue's folder nor a file in one.");
  });

  it('says in one line, outside any workspace, that none was found from here and how to start one', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-workspace-'));
    try {
      const result = await runMain(['status'], { cwd: outside });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error no newsletter workspace found from ${outside}: no folder from here up holds newsletter.config.yaml or sections/.\n  Run it in your workspace (or with --cwd DIR); to start a new workspace here, run newsletter init (then newsletter new <month-year>, such as newsletter new april-2025).\n`,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('honest, quiet output', () => {
  it('lint --quiet says how many warnings it hides, never "no problems"', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...readyMayIssue(), 'sections/may-2025/foundation.md': "---\nstatus: draft\n---\n* The foundation's news.  \n  More of it.\n" });
    const quiet = await runMain(['lint', '--quiet'], { cwd });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('✔ may-2025: no errors (2 warnings hidden by --quiet).\n');
    const loud = await runMain(['lint'], { cwd });
    expect(loud.stdout).toContain('(0 errors, 2 warnings)');
  });

  it("keeps an image's alt text in the text part, as [Image: ...], and says nothing of a decorative one", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/foundation.md': '* Members grew by a third.\n\n![Members by year: 120 in 2024, 160 in 2025](/img/members.png)\n\n![](/img/rule.png)\n',
    });
    expect((await runMain(['build', '--text'], { cwd })).code).toBe(0);
    const text = await read(cwd, 'dist/may-2025/email.txt');
    expect(text).toContain('[Image: Members by year: 120 in 2024, 160 in 2025]');
    expect(text).not.toContain('[Image: ]');
  });

  it("says why a date is not one, in new's prompt and in lint, with the date as written", async () => {
    const cwd = await tempDir();
    const asked = await runMain(['new', 'february-2026'], {
      cwd,
      interactive: true,
      answers: { title: 'T', author: 'A', date: '2026-02-30', description: 'D', sections: ['foundation'] },
    });
    expect(asked.stderr).toContain('prompt "date" refused 2026-02-30: That is not a day of the calendar: February 2026 has 28 days (2026-02-30).');
    await writeFiles(cwd, {
      'sections/september-2026/issue.md': '---\ndate: 02/09/2026\n---\n',
      'sections/september-2026/events.md': '* 1-2 September 2026 | Nairobi\n',
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.stdout).toMatch(
      /2:1\s+error\s+"date" can be read two ways \(02\/09\/2026: day or month first\?\); write it YYYY-MM-DD, such as 2025-04-21\.\s+front-matter/,
    );
    // The rules read the issue's first day meanwhile, and say that day, not the text that is no date.
    expect(linted.stdout).not.toMatch(/issue's date \(02\/09/);
  });

  it("tells a newcomer, on the sample's first build, that its flaws are on purpose", async () => {
    const out = await tempDir();
    const result = await runMain(['build', '--out', out], { cwd: REPO });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'The sample issue keeps the flaws of the real draft it was made from, on purpose, so that lint has work to show: the install is fine, and the outputs were written.',
    );
    // Anywhere else, an issue's errors are its own.
    const cwd = await tempDir();
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* TBD\n' });
    expect((await runMain(['build'], { cwd })).stderr).not.toContain('on purpose');
  });
});

describe('newsletter section add', () => {
  it("writes the fragment with its owner and puts it in the reading order issue.md holds, from inside the issue's folder", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/issue.md':
        '---\ntitle: "Inside Open Infrastructure: May 2025"\n# the order: spotlight first\ndate: 2025-05-20\n---\n![Hero](/img/hero.png)\n',
    });
    const added = await runMain(['section', 'add', 'summit-spotlight', '--heading', 'Summit Spotlight', '--owner', '@events-team'], {
      cwd: join(cwd, 'sections/may-2025'),
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(
      'Added sections/may-2025/summit-spotlight.md, a section of this issue alone\nReading order (issue.md, sections:): spotlight, foundation, summit-spotlight, events\n',
    );
    expect(added.stderr).toBe('Issue: may-2025 (the folder you are in)\n');
    expect(await read(cwd, 'sections/may-2025/issue.md')).toBe(
      '---\ntitle: "Inside Open Infrastructure: May 2025"\n# the order: spotlight first\ndate: 2025-05-20\nsections: [spotlight, foundation, summit-spotlight, events]\n---\n![Hero](/img/hero.png)\n',
    );
    expect(parseSourceParts(await read(cwd, 'sections/may-2025/summit-spotlight.md'), 'x').data).toEqual({
      title: 'Summit Spotlight',
      owner: '@events-team',
      status: 'draft',
    });

    // A configured section takes config's heading and guide; --after places it, and the one list is rewritten.
    const zuul = await runMain(['section', 'add', 'zuul', 'may-2025', '--after', 'spotlight'], { cwd });
    expect(zuul.stdout).toContain('Reading order (issue.md, sections:): spotlight, zuul, foundation, summit-spotlight, events\n');
    expect((await read(cwd, 'sections/may-2025/issue.md')).match(/^sections:/gm)).toHaveLength(1);
    expect(await read(cwd, 'sections/may-2025/zuul.md')).toContain('Zuul news as a bulleted list.');

    // The new sections render where the list puts them.
    await writeFiles(cwd, {
      'sections/may-2025/zuul.md': '* Zuul 12 is out.\n',
      'sections/may-2025/summit-spotlight.md': '---\ntitle: Summit Spotlight\nstatus: ready\n---\nThe schedule is out.\n',
    });
    await runMain(['build', '--blog'], { cwd });
    const post = await read(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md');
    expect([...post.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual([
      'A lead story',
      'Zuul',
      'OpenInfra Foundation News',
      'Summit Spotlight',
      'Community Events',
    ]);
  });

  it("gives a section of the issue's own a tagline where the issue's headings carry them, and makes it required when asked", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...readyMayIssue(),
      'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\ntaglines: true\n---\n',
    });
    expect(
      (await runMain(['section', 'add', 'member-story', '--heading', 'Member Story', '--tagline', 'How Example Corp runs OpenStack', '--required'], { cwd }))
        .code,
    ).toBe(0);
    expect(parseSourceParts(await read(cwd, 'sections/may-2025/member-story.md'), 'x').data).toEqual({
      title: 'Member Story',
      tagline: 'How Example Corp runs OpenStack',
      required: true,
      status: 'draft',
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.stdout).toMatch(/error\s+the required section "Member Story" holds nothing yet; write it, or ask its owner\.\s+required-section/);
    await writeFiles(cwd, {
      'sections/may-2025/member-story.md':
        '---\ntitle: Member Story\ntagline: How Example Corp runs OpenStack\nrequired: true\nstatus: ready\n---\nTheir story.\n',
    });
    await runMain(['build', '--blog'], { cwd });
    expect(await read(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md')).toContain(
      '\n### Member Story: How Example Corp runs OpenStack\n\nTheir story.\n',
    );
  });

  it('refuses a section that is there, an id that names no file, and a place that is no section, each in one line, writing nothing', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, readyMayIssue());
    const before = await read(cwd, 'sections/may-2025/issue.md');
    for (const [args, code, message] of [
      // A fragment is never replaced: as new refuses an issue that is there (exit 1).
      [
        ['section', 'add', 'foundation'],
        1,
        /^error sections\/may-2025\/foundation\.md: sections\/may-2025\/foundation\.md is there already; nothing was changed\.$/,
      ],
      [['section', 'add', 'Summit Spotlight'], 2, /^error "Summit Spotlight" is not a section id\.$/],
      [['section', 'add', 'member-story', '--before', 'event'], 2, /^error --before event: this issue has no such section\.$/],
      [['section', 'remove', 'foundation'], 2, /^error newsletter section remove: the only action is add\.$/],
    ] as const) {
      const result = await runMain([...args], { cwd });
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr.split('\n')[0], args.join(' ')).toMatch(message);
    }
    expect(await read(cwd, 'sections/may-2025/issue.md')).toBe(before);
  });
});

/** A shell's output as sorted lines. */
const lines = (output: string) => output.split('\n').filter(Boolean).sort();

function hasShell(name: string): boolean {
  try {
    execFileSync(name, ['-c', 'true']);
    return true;
  } catch {
    return false;
  }
}

describe('shell completion', () => {
  it("completes commands, options and the workspace's issue names in a real bash", async () => {
    const cwd = await twoIssues();
    const script = await runMain(['completion', 'bash'], { cwd });
    expect(script.code).toBe(0);
    const bin = await tempDir();
    writeFileSync(join(bin, 'newsletter'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    writeFileSync(join(bin, 'completion.bash'), script.stdout);
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source completion.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _newsletter; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        {
          cwd,
          env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
          encoding: 'utf8',
        },
      )
        .split('\n')
        .filter(Boolean)
        .sort();
    writeFileSync(join(cwd, 'completion.bash'), script.stdout);
    expect(complete('newsletter', 'pu')).toEqual(['publish']);
    expect(complete('newsletter', 'build', '--e')).toEqual(['--email', '--eml']);
    expect(complete('newsletter', 'lint', 'aug')).toEqual(['august-2026']);
    expect(complete('newsletter', 'status', 'se')).toEqual(['sections', 'september-2026']);
  });

  it("offers section's add, completion's shells, and files (not issues) after a flag that takes a path, in bash, zsh and fish", async () => {
    const cwd = await twoIssues();
    const bin = await tempDir();
    writeFileSync(join(bin, 'newsletter'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const script: Record<string, string> = {};
    for (const shell of ['bash', 'zsh', 'fish']) {
      script[shell] = (await runMain(['completion', shell], { cwd })).stdout;
      writeFileSync(join(cwd, `completion.${shell}`), script[shell]);
    }
    const files = ['completion.bash', 'completion.fish', 'completion.zsh', 'newsletter.config.yaml', 'sections'];
    // Each case: the words typed, the last one being completed, and what the shell offers.
    const cases: [string[], string[]][] = [
      [['section', ''], ['add']],
      [
        ['completion', ''],
        ['bash', 'fish', 'zsh'],
      ],
      [['build', '--out', ''], files],
      [['build', '--out', 'se'], ['sections']],
      [['lint', '--site', 'se'], ['sections']],
      [['status', '--cwd', 'se'], ['sections']],
      [
        ['lint', '--format', ''],
        ['github', 'json', 'stylish'],
      ],
      [['new', '--title', ''], []],
      [['section', 'add', 'zuul', 'aug'], ['august-2026']],
    ];
    const bash = (words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source completion.bash; COMP_WORDS=(newsletter ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}; _newsletter; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { cwd, env, encoding: 'utf8' },
      );
    for (const [words, offered] of cases) expect(lines(bash(words)), `bash: ${words.join(' ')}`).toEqual(offered);
    // zsh runs the same function through its bashcompinit, whose compgen reads the word being
    // completed from PREFIX and leaves -W's words to zsh to match against it, as done here.
    expect(script.zsh!.split('\n').slice(2).join('\n')).toBe(script.bash);
    if (hasShell('zsh')) {
      const inZsh = (words: string[]) =>
        execFileSync(
          'zsh',
          [
            '-c',
            `autoload -U compinit && compinit -u -D; source completion.zsh; emulate sh -c 'COMP_WORDS=(newsletter ${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length}; PREFIX="${words.at(-1)}"; _newsletter; printf "%s\\n" "\${COMPREPLY[@]}"'`,
          ],
          { cwd, env, encoding: 'utf8' },
        );
      for (const [words, offered] of cases)
        expect(
          lines(inZsh(words)).filter((w) => w.startsWith(words.at(-1)!)),
          `zsh: ${words.join(' ')}`,
        ).toEqual(offered);
    } else console.warn('zsh is not installed: its completion is checked as text only.');
    const fish = script.fish!;
    expect(fish).toContain("complete -c newsletter -n '__fish_seen_subcommand_from section; and not __fish_seen_subcommand_from add' -a 'add'\n");
    expect(fish).toContain(
      "complete -c newsletter -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish' -a 'bash zsh fish'\n",
    );
    expect(fish).toContain("complete -c newsletter -n '__fish_seen_subcommand_from build' -l out -r -F -d ");
    expect(fish).toContain('complete -c newsletter -l cwd -r -F -d ');
    if (hasShell('fish')) {
      // fish shows folders with a slash, and offers the issue names too where a word may be a path.
      const inFish = (words: string[]) =>
        execFileSync('fish', ['-c', `source completion.fish; complete -C 'newsletter ${words.join(' ')}'`], { cwd, env, encoding: 'utf8' });
      for (const [words, offered] of cases)
        expect(
          lines(inFish(words)).map((l) => l.split('\t')[0]!.replace(/\/$/, '')),
          `fish: ${words.join(' ')}`,
        ).toEqual(offered);
    } else console.warn('fish is not installed: its completion is checked as text only.');
  });

  it('writes zsh and fish scripts from the same table, and lists the issue names it completes', async () => {
    const cwd = await twoIssues();
    const zsh = await runMain(['completion', 'zsh'], { cwd });
    expect(zsh.stdout.split('\n').slice(0, 2)).toEqual(['#compdef newsletter', 'autoload -U +X bashcompinit && bashcompinit']);
    const fish = await runMain(['completion', 'fish'], { cwd });
    expect(fish.stdout).toContain("complete -c newsletter -n '__fish_seen_subcommand_from build' -l strict -d ");
    expect(fish.stdout).toContain("-a '(newsletter completion --issues 2>/dev/null)'");
    expect((await runMain(['completion', '--issues'], { cwd: join(cwd, 'sections') })).stdout).toBe('august-2026\nseptember-2026\n');
    const none = await runMain(['completion', 'tcsh'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('error completion needs a shell: bash, zsh, fish.');
  });
});
