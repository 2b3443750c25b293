import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BIN } from '../helpers/bin.js';
import { read, REPO, runMain, sampleWorkspace, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const execFileAsync = promisify(execFile);

describe('newsletter build', () => {
  it('writes the blog post, email and text of the latest issue', async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(0);
    const files = Object.keys(await snapshotTree(join(cwd, 'dist'))).sort();
    expect(files).toEqual(['april-2025/email.html', 'april-2025/email.mjml', 'april-2025/email.txt', 'april-2025/inside-open-infrastructure-april-2025.md']);
    expect(result.stdout).toContain('Built april-2025 into dist/april-2025/');
  });

  it('prints a JSON manifest of absolute paths and nothing else on stdout', async () => {
    const cwd = await sampleWorkspace();
    const result = await runMain(['build', 'april-2025', '--json', '--email'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      issue: 'april-2025',
      outputs: { mjml: join(cwd, 'dist/april-2025/email.mjml'), html: join(cwd, 'dist/april-2025/email.html') },
    });
    await expect(stat(join(cwd, 'dist/april-2025/email.txt'))).rejects.toThrow();
  });

  it('is deterministic: two builds give byte-identical files', async () => {
    const cwd = await sampleWorkspace();
    await runMain(['build', '--out', 'one'], { cwd });
    await runMain(['build', '--out', 'two'], { cwd });
    const one = await snapshotTree(join(cwd, 'one'));
    expect(Object.keys(one)).toHaveLength(4);
    expect(await snapshotTree(join(cwd, 'two'))).toEqual(one);
  });

  it('stops on front matter it cannot understand, naming file and line, and keeps the previous output', async () => {
    const cwd = await sampleWorkspace();
    await runMain(['build'], { cwd });
    const before = await snapshotTree(join(cwd, 'dist'));
    await writeFiles(cwd, { 'sections/april-2025/kata.md': '---\nstatus: ready\ntitle: [oops\n---\nText\n' });
    const broken = await runMain(['build'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error sections\/april-2025\/kata\.md:\d+:\d+: front matter is not valid YAML/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotTree(join(cwd, 'dist'))).toEqual(before);
  });

  it('refuses Markdown nested too deeply to be meant, naming the line, without a stack trace', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/kata.md': `---\nstatus: ready\n---\nFine\n${'>'.repeat(5000)} deep\n` });
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error sections\/april-2025\/kata\.md:5: the Markdown here nests lists or quotes more than 40 levels deep\./);
  });

  it('refuses a date that is not a date', async () => {
    const cwd = await sampleWorkspace();
    const issue = await read(cwd, 'sections/april-2025/issue.md');
    await writeFiles(cwd, { 'sections/april-2025/issue.md': issue.replace('date: 2025-04-21T17:11:25.697Z', 'date: 21st of April') });
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error sections/april-2025/issue.md:5: "date" is not a date (21st of April); write it YYYY-MM-DD');
  });

  it("summarises the issue's diagnostics, the same as lint's, and still builds; --strict fails on errors", async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/zuul.md': '---\nstatus: draft\nownr: me\n---\n* Zuul news\n' });
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(0);
    const lint = JSON.parse((await runMain(['lint', '--format', 'json', '--no-cache'], { cwd })).stdout) as {
      messages: unknown[];
      errorCount: number;
      warningCount: number;
    }[];
    const errors = lint.reduce((n, r) => n + r.errorCount, 0);
    const warnings = lint.reduce((n, r) => n + r.warningCount, 0);
    // The first few, errors first, then the counts and where to see the rest.
    expect(
      result.stderr
        .split('\n')
        .slice(0, 3)
        .every((line) => line.startsWith('error sections/april-2025/')),
    ).toBe(true);
    expect(result.stderr).toContain(`${errors} errors, ${warnings} warnings in this issue; run newsletter lint to see all ${errors + warnings}.`);
    expect(result.stdout).toMatch(/^Built april-2025 into dist\/april-2025\//);
    const strict = await runMain(['build', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(await read(cwd, 'dist/april-2025/email.txt')).toContain('Zuul news');
  });

  it('gives the same diagnostics as lint, through the same pipeline', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/zuul.md': '---\nstatus: draft\ntitle: "TODO: headline"\n---\n* Zuul news\n' });
    const { build } = await import('../../src/actions/build.js');
    const { lint } = await import('../../src/actions/lint.js');
    const built = await build({ cwd }, {});
    const linted = await lint({ cwd, env: {}, now: () => new Date() }, { issues: [], cache: false });
    const fromLint = linted.results.flatMap((r) =>
      r.messages.map((m) => `${relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`),
    );
    const fromBuild = built.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity === 'error' ? 2 : 1} ${d.message}`);
    expect(fromBuild.sort()).toEqual(fromLint.sort());
    expect(fromBuild.some((d) => d.includes('zuul.md:3:9 placeholder'))).toBe(true);
  });

  it("minifies an email that comes near Gmail's clip, and --minify always", async () => {
    const items = Array.from({ length: 450 }, (_, i) => `* News item ${i} with [a link](https://example.org/${i}) and enough words to weigh.`).join('\n');
    const cwd = await sampleWorkspace({ 'sections/april-2025/zuul.md': items });
    const result = await runMain(['build', '--email', '--json'], { cwd });
    expect(result.code).toBe(0);
    const html = await read(cwd, 'dist/april-2025/email.html');
    expect(html.split('\n').length).toBeLessThan(50);
    expect(html).toContain('News item 449');
    const small = await sampleWorkspace();
    await runMain(['build', '--email', '--minify'], { cwd: small });
    expect((await read(small, 'dist/april-2025/email.html')).split('\n').length).toBeLessThan(30);
  });

  it("keeps Emma's [% ... %] merge tags byte for byte through Handlebars, MJML, the minifier and the text", async () => {
    // Emma fills these in as it sends: the footer's unsubscribe tag of the preset, a writer's own
    // tag in a fragment, and one written into the workspace's template.
    const template = (await read(REPO, 'templates/email.mjml.hbs')).replace(
      '<p>{{postalAddress}}</p>',
      '<p>{{postalAddress}}</p>\n<p>Sent to [% member:email %]</p>',
    );
    const cwd = await sampleWorkspace({
      'newsletter.config.yaml': 'email: { platform: emma }\n',
      'templates/email.mjml.hbs': template,
      'sections/april-2025/zuul.md': '* Hello [% member:first_name %], Zuul news.\n',
    });
    for (const minify of [false, true]) {
      const result = await runMain(['build', '--email', '--text', ...(minify ? ['--minify'] : [])], { cwd });
      expect(result.code).toBe(0);
      const [mjml, html, text] = await Promise.all(['email.mjml', 'email.html', 'email.txt'].map((file) => read(cwd, `dist/april-2025/${file}`)));
      for (const out of [mjml, html]) {
        expect(out).toMatch(/<a href="\[% unsubscribe %\]"[^>]*>Unsubscribe<\/a>/);
        expect(out).toContain('Hello [% member:first_name %], Zuul news.');
        expect(out).toContain('Sent to [% member:email %]');
      }
      expect(text).toContain('\nUnsubscribe: [% unsubscribe %]\n');
      expect(text).toContain('Hello [% member:first_name %], Zuul news.');
    }
    const lint = await runMain(['lint', '--no-cache', '--format', 'json'], { cwd });
    expect(lint.stdout).not.toContain('"ruleId":"unsubscribe"');
  });

  it("uses the workspace's own template over the built-in one", async () => {
    const cwd = await sampleWorkspace({ 'templates/email.txt.hbs': 'CUSTOM {{title}}\n{{#each sections}}{{heading}}\n{{/each}}' });
    await runMain(['build', '--text'], { cwd });
    expect(await read(cwd, 'dist/april-2025/email.txt')).toMatch(/^CUSTOM Inside Open Infrastructure: April 2025/);
  });

  it('names a template that does not compile (exit 2)', async () => {
    const cwd = await sampleWorkspace({ 'templates/email.txt.hbs': 'Hello {{#each sections}}\n' });
    const result = await runMain(['build', '--text'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error templates\/email\.txt\.hbs(:\d+)?: template email\.txt\.hbs cannot be used/);
  });

  it('says how to start when there is no issue, and names unknown issues', async () => {
    const empty = await tempDir();
    const none = await runMain(['build'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('newsletter new');
    const cwd = await sampleWorkspace();
    const unknown = await runMain(['build', 'may-2031'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no issue may-2031 in sections/.');
    expect(unknown.stderr).toContain('Issues here: april-2025.');
  });

  it('refuses a bad config naming the file and key (exit 2)', async () => {
    const cwd = await sampleWorkspace({ 'newsletter.config.yaml': 'site: openinfra.dev\n' });
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error newsletter\.config\.yaml: site: expected an https:\/\/ URL/);
  });
});

describe('a workspace with its own templates', () => {
  it('asks caniemail about them once: later builds take its answers from the cache folder', async () => {
    const cwd = await sampleWorkspace();
    for (const name of ['email.mjml.hbs', 'blog-post.md.hbs', 'email.txt.hbs'])
      await writeFiles(cwd, { [`templates/${name}`]: await read(REPO, `templates/${name}`) });
    const dir = await tempDir();
    const probe = join(dir, 'probe.mjs');
    await writeFiles(dir, {
      'probe.mjs':
        "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); process.on('exit', () => { process.stderr.write(Object.keys(r('node:module')._cache).some((k) => k.includes('/caniemail/')) ? 'CANIEMAIL-LOADED' : 'CANIEMAIL-NOT-LOADED'); });",
    });
    const buildLoadsCaniemail = async (cache: string) => {
      const { stderr } = await execFileAsync(process.execPath, ['--import', probe, BIN, 'build'], {
        cwd,
        env: { ...process.env, CI: 'true', XDG_CACHE_HOME: cache },
      });
      return stderr.includes('CANIEMAIL-LOADED');
    };
    const cache = join(dir, 'cache');
    expect(await buildLoadsCaniemail(cache)).toBe(true);
    expect(await buildLoadsCaniemail(cache)).toBe(false);
    // The answers are the same as caniemail's own: a build with an empty cache folder reports the same.
    const warm = await runMain(['build'], { cwd, env: { XDG_CACHE_HOME: cache } });
    const cold = await runMain(['build'], { cwd, env: { XDG_CACHE_HOME: join(dir, 'other') } });
    expect(warm.stderr).toBe(cold.stderr);
    expect(warm.stdout).toBe(cold.stdout);
  });
});
