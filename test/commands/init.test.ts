import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/command-list.js';
import { validateConfig } from '../../src/core/config/config.js';
import { siteFiles } from '../helpers/site.js';
import { read, REPO, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * init: a content repository anywhere. What it writes (a config that every command reads, the
 * guide, the workflow this package ships, a package.json that installs this very version), the
 * site's conventions with --site, and that it never replaces a file: one there already, and
 * nothing is written.
 */

const FILES = ['newsletter.config.yaml', 'sections/README.md', '.github/workflows/newsletter.yml', 'package.json', '.gitignore'];
const OWN = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string> };
const LATEST = 'src/pages/blog/inside-open-infrastructure-june-2026-1.md';

describe('newsletter init', () => {
  it('makes the folder named (and the folders above it), and writes a workspace that new, lint and build take as it is', async () => {
    const cwd = await tempDir();
    const result = await runMain(['init', 'content/newsletter'], { cwd, now: new Date('2026-12-08T01:00:00Z') });
    expect(result.code, result.stderr).toBe(0);
    const dir = join(cwd, 'content', 'newsletter');
    expect(Object.keys(await snapshotTree(dir)).sort()).toEqual([...FILES].sort());
    expect(result.stdout).toBe(
      [
        'Created a newsletter workspace in content/newsletter',
        ...FILES.map((file) => `  ${file}`),
        '',
        'Next:',
        '  cd content/newsletter',
        `  npm install                      # ${OWN.name} ${OWN.version}; commit package-lock.json with the rest`,
        '  npx newsletter new january-2027',
        '',
      ].join('\n'),
    );

    // The config is one every command reads, and sets nothing: the defaults are the site's conventions.
    const config = validateConfig(parse(await read(dir, 'newsletter.config.yaml')) ?? undefined, 'newsletter.config.yaml');
    expect(config.given).toEqual([]);
    expect(await read(dir, '.github/workflows/newsletter.yml')).toBe(await read(REPO, '.github/workflows/newsletter.yml'));
    expect((await read(dir, '.gitignore')).split('\n')).toEqual(expect.arrayContaining(['dist/', 'node_modules/']));

    const made = await runMain(['new', 'may-2026', '--yes'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const linted = await runMain(['lint', '--format', 'json'], { cwd: dir });
    // A new issue's problems, each a writer's to fix; the config itself is none of them.
    const rules = (JSON.parse(linted.stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId));
    expect([...new Set(rules)].sort()).toEqual(['draft-section', 'empty-section', 'required-section', 'unsubscribe']);
    const built = await runMain(['build', '--json'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(built.stdout).outputs.blog).toBe(join(dir, 'dist', 'may-2026', 'inside-open-infrastructure-may-2026.md'));
  });

  it('writes a package.json that installs this package at exactly its version, with scripts that are commands', async () => {
    const cwd = await tempDir();
    expect((await runMain(['init'], { cwd })).code).toBe(0);
    const pkg = JSON.parse(await read(cwd, 'package.json')) as {
      private: boolean;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
      overrides: Record<string, Record<string, string>>;
    };
    expect(pkg.private).toBe(true);
    expect(pkg.devDependencies).toEqual({ [OWN.name]: OWN.version, 'playwright-core': OWN.peerDependencies['playwright-core'] });
    for (const script of Object.values(pkg.scripts)) expect(COMMANDS.map((c) => `newsletter ${c.name}`)).toContain(script);
    // npm applies overrides at the root alone: the workspace repeats the package's, with no `$` reference left.
    expect(Object.keys(pkg.overrides).sort()).toEqual(['caniemail', 'htmlnano', 'js-beautify']);
    expect(JSON.stringify(pkg.overrides)).not.toContain('"$');
  });

  it("writes a guide whose every command exists: the CLI's, the scripts of the package.json beside it, the workflow's artifact", async () => {
    const cwd = await tempDir();
    await runMain(['init'], { cwd });
    const guide = await read(cwd, 'sections/README.md');
    const scripts = Object.keys((JSON.parse(await read(cwd, 'package.json')) as { scripts: Record<string, string> }).scripts);
    const commands = [...guide.matchAll(/\bnewsletter ([a-z-]+)/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(0);
    for (const name of commands) expect(COMMANDS.map((c) => c.name)).toContain(name);
    const runs = [...guide.matchAll(/\bnpm run ([a-z-]+)/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(0);
    for (const name of runs) expect(scripts).toContain(name);
    const artifact = /download `([^`]+)`/.exec(guide)?.[1];
    expect(await read(cwd, '.github/workflows/newsletter.yml')).toContain(`name: ${artifact}`);
    expect(guide.split('\n').length).toBeLessThan(60);
  });

  it("with --site, sets the site's conventions where its latest newsletter post departs from the defaults, and names the checkout", async () => {
    const siteDir = await tempDir();
    const files = siteFiles();
    files[LATEST] = String(files[LATEST])
      .replace(/^### OpenStack$/m, '## OpenStack: Open source software for creating private and public clouds')
      .replace(/^### /gm, '## ');
    await writeFiles(siteDir, files);
    const cwd = await tempDir();
    const result = await runMain(['init', 'ws', '--site', siteDir], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `As the site's latest newsletter post does: ${LATEST}\n  set in the config, where it departs from the defaults: headingLevel, taglines\n`,
    );
    const text = await read(join(cwd, 'ws'), 'newsletter.config.yaml');
    expect(text).toContain('\nheadingLevel: 2\ntaglines: true\n');
    expect(text).toContain('\n# author: Allison Price\n');
    expect(text).toMatch(/\n# siteRepo: \.\.\/\.\.\/newsletter-test-[^/\n]+\n/);
    expect(validateConfig(parse(text), 'newsletter.config.yaml').given).toEqual(['headingLevel', 'taglines']);
    // An issue opened there, with no checkout at hand (CI), heads its sections as the site does.
    await runMain(['new', 'august-2026', '--yes', '--sections', 'foundation,openstack'], { cwd: join(cwd, 'ws') });
    await writeFiles(join(cwd, 'ws'), { 'sections/august-2026/openstack.md': '* A release.\n' });
    const built = await runMain(['build', '--blog', '--json'], { cwd: join(cwd, 'ws') });
    expect(await readFile(JSON.parse(built.stdout).outputs.blog, 'utf8')).toContain(
      '\n## OpenStack: Open source software for creating private and public clouds\n',
    );
  });

  it('with a site that agrees with the defaults, sets none of them', async () => {
    const siteDir = await tempDir();
    await writeFiles(siteDir, siteFiles());
    const cwd = await tempDir();
    const result = await runMain(['init', '--site', siteDir], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('it agrees with the built-in defaults: the config sets none of them');
    expect(validateConfig(parse(await read(cwd, 'newsletter.config.yaml')) ?? undefined, 'newsletter.config.yaml').given).toEqual([]);
  });

  it('never replaces a file: one of its files there already, and nothing is written (exit 1)', async () => {
    for (const there of ['package.json', 'sections/README.md', 'newsletter.config.yml', '.github/workflows/newsletter.yml']) {
      const cwd = await tempDir();
      await writeFiles(cwd, { [there]: 'mine\n', 'sections/may-2026/issue.md': '---\n---\n' });
      const before = await snapshotTree(cwd);
      const result = await runMain(['init'], { cwd });
      expect(result.code, there).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(`error ${there} already exists; nothing was written.`);
      expect(await snapshotTree(cwd)).toEqual(before);
    }
  });

  it('keeps a .gitignore that is there already (a repository made on GitHub has one), and says what it lacks', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { '.gitignore': '# Node\n/node_modules\n' });
    const result = await runMain(['init'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  .gitignore was there already, and is kept as it was: add dist/ to it\n');
    expect(await read(cwd, '.gitignore')).toBe('# Node\n/node_modules\n');
    expect(Object.keys(await snapshotTree(cwd)).sort()).toEqual([...FILES].sort());
    // One that has both lines gets no advice.
    const other = await tempDir();
    await writeFiles(other, { '.gitignore': 'dist\nnode_modules/\n' });
    const quiet = await runMain(['init'], { cwd: other });
    expect(quiet.stdout).toContain('  .gitignore was there already, and is kept as it was\n');
  });

  it('refuses a --site that is not a checkout, and a DIR that is a file, in one line (exit 2), and writes nothing', async () => {
    const cwd = await tempDir();
    const site = await runMain(['init', 'ws', '--site', 'no-such-site'], { cwd });
    expect(site.code).toBe(2);
    expect(site.stderr.split('\n')[0]).toBe('error the site checkout no-such-site is not a folder.');
    expect(existsSync(join(cwd, 'ws'))).toBe(false);
    await writeFiles(cwd, { notes: 'a file\n' });
    const file = await runMain(['init', 'notes'], { cwd });
    expect(file.code).toBe(2);
    expect(file.stderr.split('\n')[0]).toBe('error notes is a file, not a folder.');
    expect(await snapshotTree(cwd)).toEqual({ notes: 'a file\n' });
  });

  it('takes the folder from --cwd when given none', async () => {
    const cwd = await tempDir();
    const other = await tempDir();
    expect((await runMain(['init', '--cwd', other], { cwd })).code).toBe(0);
    expect(await snapshotTree(cwd)).toEqual({});
    expect(Object.keys(await snapshotTree(other)).sort()).toEqual([...FILES].sort());
  });
});
