import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, REPO, runMain, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';
import { png } from '../helpers/images.js';

const CLEAN_ISSUE = {
  'newsletter.config.yaml': 'email: { platform: mailchimp }\n', // a mail platform: the footer's unsubscribe link
  'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told well.\n',
  'sections/may-2025/foundation.md': '* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
};

describe('newsletter lint', () => {
  it("finds the sample's seeded defects and exits 1", async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['lint'], { cwd });
    expect(result.code).toBe(1);
    for (const expected of [
      /sections\/april-2025\/spotlight\.md\n\s+4:1\s+warning\s+section "spotlight" is still marked draft.*draft-section\n\s+6:1\s+error\s+placeholder "Insert Spotlight" left in the text.*placeholder/,
      /sections\/april-2025\/issue\.md\n\s+1:1\s+error\s+the email has no unsubscribe link.*unsubscribe\n\s+9:1\s+warning\s+hidePost is true: the post would not be listed on the blog.*hidden-post/,
      /20:1\s+error\s+the image \/img\/graphics-for-su-1-\.png has no alt text.*image-alt/,
      /4:44\s+error\s+a link with no text to https:\/\/www\.socallinuxexpo\.org.*empty-link/,
      /26:51\s+error\s+"March 6 & 7" is already past on the issue's date \(2025-04-21\).*past-date/,
      /26:51\s+warning\s+"March 6 & 7" is written month first, and the issue's other dates day first; write "6 & 7 March".*date-style/,
    ])
      expect(result.stdout).toMatch(expected);
    expect(result.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)\n {2}0 errors, \d+ warnings potentially fixable with the `--fix` option\.\n$/);
  });

  it("prints ESLint's JSON shape", async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['lint', 'april-2025', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as unknown[];
    expect(results).toHaveLength(7);
    const spotlight = results.find((r) => (r as { filePath: string }).filePath.endsWith('spotlight.md'));
    expect(spotlight).toEqual({
      filePath: join(cwd, 'sections/april-2025/spotlight.md'),
      messages: [
        { ruleId: 'draft-section', severity: 1, message: 'section "spotlight" is still marked draft; set status: ready when it is done.', line: 4, column: 1 },
        {
          ruleId: 'placeholder',
          severity: 2,
          message: 'placeholder "Insert Spotlight" left in the text; write the real content or remove it.',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 17,
        },
      ],
      errorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    const kata = results.find((r) => (r as { filePath: string }).filePath.endsWith('kata.md'));
    expect(kata).toEqual({
      filePath: join(cwd, 'sections/april-2025/kata.md'),
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
  });

  it('prints GitHub workflow annotations', async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['lint', '--format', 'github'], { cwd });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=sections/april-2025/spotlight.md,line=6,col=1,endLine=6,endColumn=17,title=placeholder::placeholder "Insert Spotlight" left in the text; write the real content or remove it.',
    );
    expect(lines).toContain(
      '::error file=sections/april-2025/events.md,line=26,col=51,endLine=26,endColumn=62,title=past-date::"March 6 & 7" is already past on the issue\'s date (2025-04-21); remove it or say what happened.',
    );
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::.+$/);
  });

  it('exits 0 on a clean issue, and says so', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, CLEAN_ISSUE);
    const result = await runMain(['lint'], { cwd });
    expect(result.stdout).toBe('✔ may-2025: no problems found.\n');
    expect(result.code).toBe(0);
  });

  it('lets a writer silence one rule on one line, and config change severities', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...CLEAN_ISSUE,
      'sections/may-2025/foundation.md': '<!-- newsletter-lint-disable-next-line placeholder -->\n* Wording TBD with legal.\n* Also TODO here.\n',
    });
    const lines = (await runMain(['lint', '--format', 'json'], { cwd })).stdout;
    const messages = (JSON.parse(lines) as { messages: { line: number; ruleId: string }[] }[]).flatMap((r) => r.messages);
    expect(messages).toEqual([expect.objectContaining({ line: 3, ruleId: 'placeholder' })]);

    await writeFiles(cwd, { 'newsletter.config.yaml': 'email: { platform: mailchimp }\nrules:\n  placeholder: warn\n' });
    const warned = await runMain(['lint', '--format', 'json'], { cwd });
    expect(warned.code).toBe(0);
    const counts = (JSON.parse(warned.stdout) as { errorCount: number; warningCount: number }[]).reduce(
      (a, r) => [a[0]! + r.errorCount, a[1]! + r.warningCount],
      [0, 0],
    );
    expect(counts).toEqual([0, 1]);

    await writeFiles(cwd, { 'newsletter.config.yaml': 'email: { platform: mailchimp }\nrules:\n  placeholder: off\n' });
    expect((await runMain(['lint'], { cwd })).code).toBe(0);
  });

  it('fails on more warnings than --max-warnings, and --quiet shows errors only', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/kata.md': '* Openstack news.\n' });
    expect((await runMain(['lint'], { cwd })).code).toBe(0);
    const strict = await runMain(['lint', '--max-warnings', '0'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warnings, more than --max-warnings 0 allows.');
    const quiet = await runMain(['lint', '--quiet'], { cwd });
    expect(quiet.stdout).not.toContain('brand-name');
    expect((await runMain(['lint', '--max-warnings', 'none'], { cwd })).code).toBe(2);
  });

  it('lints every issue with --all, each against the one before it', async () => {
    const cwd = await sampleWorkspace();
    const events = await read(cwd, 'sections/april-2025/events.md');
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/events.md': events });
    const result = await runMain(['lint', '--all', '--format', 'json'], { cwd });
    const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(new Set(results.map((r) => r.filePath.split('/').at(-2)))).toEqual(new Set(['april-2025', 'may-2025']));
    const mayEvents = results.find((r) => r.filePath.endsWith('may-2025/events.md'))!;
    expect(mayEvents.messages.map((m) => m.ruleId)).toContain('carried-over');
  });

  it('reports front matter that does not parse and goes on with the rest', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/kata.md': '---\ntitle: [oops\n---\nInsert Kata news\n' });
    const result = await runMain(['lint', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    const kata = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).find((r) =>
      r.filePath.endsWith('kata.md'),
    )!;
    expect(kata.messages.map((m) => m.ruleId)).toEqual(['front-matter', 'placeholder']);
    expect(kata.messages[1]!.line).toBe(4);
  });

  it('maps MJML errors from a broken template to the issue (rule mjml)', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...CLEAN_ISSUE,
      'templates/email.mjml.hbs': '<mjml><mj-body><mj-section><mj-text>{{title}}</mj-text></mj-section></mj-body></mjml>\n',
    });
    const result = await runMain(['lint', '--format', 'json'], { cwd });
    const messages = (JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[]).flatMap((r) => r.messages);
    expect(messages).toContainEqual(
      expect.objectContaining({ ruleId: 'mjml', message: expect.stringMatching(/^MJML: .*mj-text.*\(line 1 of the built email\.mjml\)$/) }),
    );
    expect(result.code).toBe(1);
  });

  it('refuses unknown issues and formats with exit 2', async () => {
    const cwd = await sampleWorkspace();
    expect((await runMain(['lint', 'june-2031'], { cwd })).code).toBe(2);
    const format = await runMain(['lint', '--format', 'xml'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Allowed choices are stylish, json, github/);
  });
});

describe('newsletter lint, with the cache of unchanged issues', () => {
  type Results = { filePath: string; messages: { ruleId: string; message: string; severity: number }[] }[];
  const lintAll = async (cwd: string, home: string, ...args: string[]) => {
    const result = await runMain(['lint', '--all', '--format', 'json', ...args], { cwd, env: { XDG_CACHE_HOME: home } });
    expect(result.stderr).toBe('');
    return { code: result.code, results: JSON.parse(result.stdout) as Results };
  };
  const messagesOf = (results: Results, file: string) => results.find((r) => r.filePath.endsWith(file))!.messages;

  it('gives the same results from the cache, and lints an issue again once it changes', async () => {
    const cwd = await sampleWorkspace(CLEAN_ISSUE);
    const home = await tempDir();
    const first = await lintAll(cwd, home);
    expect(first.code).toBe(1);
    const [name] = await readdir(join(home, 'newsletter'));
    const file = join(home, 'newsletter', name!);

    // Unchanged, the issues come from the cache: a kept message altered by hand is what prints.
    const kept = JSON.parse(await readFile(file, 'utf8'));
    kept.issues['april-2025'].linted.diagnostics.find((d: { file: string }) => d.file.endsWith('spotlight.md')).message = 'kept from the last lint';
    await writeFile(file, JSON.stringify(kept));
    const second = await lintAll(cwd, home);
    expect(messagesOf(second.results, 'april-2025/spotlight.md')[0]!.message).toBe('kept from the last lint');

    // Any edit to the issue, even a blank line, and it is linted again.
    await writeFiles(cwd, { 'sections/april-2025/spotlight.md': `${await read(cwd, 'sections/april-2025/spotlight.md')}\n` });
    const third = await lintAll(cwd, home);
    expect(third).toEqual(first);
  });

  it('lints again when the config, the email template or the issue before it change', async () => {
    const cwd = await sampleWorkspace();
    const events = await read(cwd, 'sections/april-2025/events.md');
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'sections/may-2025/events.md': events });
    const home = await tempDir();
    const first = await lintAll(cwd, home);
    expect(messagesOf(first.results, 'may-2025/events.md').map((m) => m.ruleId)).toContain('carried-over');
    expect(messagesOf(first.results, 'april-2025/spotlight.md').map((m) => m.ruleId)).toContain('placeholder');

    // May's files are as they were; April's events changed, and May's carried-over with them.
    await writeFiles(cwd, { 'sections/april-2025/events.md': '* Nothing in common with May.\n' });
    const edited = await lintAll(cwd, home);
    expect(messagesOf(edited.results, 'may-2025/events.md').map((m) => m.ruleId)).not.toContain('carried-over');

    await writeFiles(cwd, { 'newsletter.config.yaml': 'rules:\n  placeholder: off\n' });
    const configured = await lintAll(cwd, home);
    expect(messagesOf(configured.results, 'april-2025/spotlight.md').map((m) => m.ruleId)).not.toContain('placeholder');

    await writeFiles(cwd, { 'templates/email.mjml.hbs': '<mjml><mj-body><mj-section><mj-text>{{title}}</mj-text></mj-section></mj-body></mjml>\n' });
    const templated = await lintAll(cwd, home);
    expect(templated.results.flatMap((r) => r.messages).map((m) => m.ruleId)).toContain('mjml');
  });

  it('keeps every message, so --quiet first does not hide warnings later', async () => {
    const cwd = await sampleWorkspace();
    const home = await tempDir();
    const quiet = await lintAll(cwd, home, '--quiet');
    expect(quiet.results.flatMap((r) => r.messages).every((m) => m.severity === 2)).toBe(true);
    const full = await lintAll(cwd, home);
    expect(full).toEqual(await lintAll(cwd, home, '--no-cache'));
    expect(full.results.some((r) => r.messages.some((m) => m.severity === 1))).toBe(true);
  });

  it('writes nothing with --no-cache, and lints as usual when the cache is broken or cannot be written', async () => {
    const cwd = await sampleWorkspace();
    const home = await tempDir();
    const first = await lintAll(cwd, home, '--no-cache');
    expect(await readdir(home)).toEqual([]);

    await lintAll(cwd, home);
    const [name] = await readdir(join(home, 'newsletter'));
    await writeFile(join(home, 'newsletter', name!), '{"version": 1, "issues": {"april-2025": {"key": 3');
    expect(await lintAll(cwd, home)).toEqual(first);

    // A file where the cache folder should be: nothing can be written, and nothing is said.
    const blocked = join(await tempDir(), 'not-a-folder');
    await writeFile(blocked, '');
    expect(await lintAll(cwd, blocked)).toEqual(first);
  });
});

describe('email-compat on templates', () => {
  it("reports what a workspace template uses that mail clients drop, at the template's line, and nothing in the built-in template", async () => {
    const builtin = await readFile(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8');
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_ISSUE, 'templates/email.mjml.hbs': builtin });
    const compat = async () => {
      const result = await runMain(['lint', '--format', 'json', '--no-cache'], { cwd });
      return (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((r) =>
        r.messages.filter((m) => m.ruleId === 'email-compat').map((m) => `${r.filePath.slice(cwd.length + 1)}:${m.line}:${m.column} ${m.message}`),
      );
    };
    // The built-in template, as a workspace's own: every feature it uses is documented as safe.
    expect(await compat()).toEqual([]);
    const lines = builtin.split('\n');
    const at = lines.findIndex((line) => line.includes('p { margin: 0 0 12px 0; }'));
    lines.splice(at + 1, 0, '      .nl-text p { position: absolute; }');
    await writeFiles(cwd, { 'templates/email.mjml.hbs': lines.join('\n') });
    expect(await compat()).toEqual([
      `templates/email.mjml.hbs:${at + 2}:20 "position" is not shown by Gmail, Outlook (caniemail.com); keep the email readable without it, or leave it out.`,
    ]);
  });

  it('with a site checkout, refuses to move a live post: the seo.url route the site already has for the issue stays', async () => {
    const cwd = await tempDir();
    const site = await tempDir();
    await writeFiles(cwd, {
      ...CLEAN_ISSUE,
      'sections/may-2025/issue.md':
        '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\nseo:\n  url: https://openinfra.org/blog/may-2025-newsletter\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
    });
    await writeFiles(site, {
      'static/img/hero.png': png(600, 300),
      'src/pages/blog/inside-open-infrastructure-may-2025.md':
        '---\ntitle: "Inside Open Infrastructure: May 2025"\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-may-2025\n---\nThe post.\n',
    });
    const moved = await runMain(['lint', '--site', site], { cwd });
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(
      /5:1\s+error\s+seo\.url would move the live post from \/blog\/inside-open-infrastructure-may-2025 to \/blog\/may-2025-newsletter, and the site has no redirects; keep https:\/\/openinfra\.org\/blog\/inside-open-infrastructure-may-2025\.\s+moved-url/,
    );

    // The issue's own post that cannot be read is the one post the rule needs: an error at seo.url says so.
    await writeFiles(site, { 'src/pages/blog/inside-open-infrastructure-may-2025.md': '---\ntitle: [broken\n---\n' });
    const broken = await runMain(['lint', '--site', site], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /5:1\s+error\s+the site's published post of this issue, src\/pages\/blog\/inside-open-infrastructure-may-2025\.md, cannot be read: front matter is not valid YAML: .*; whether seo\.url would move it cannot be checked\. Fix that file in the site checkout\.\s+moved-url/,
    );
  });
});
