import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { LODASH_FP_METHODS, LODASH_METHODS, lodashStandIn } from '../../scripts/snapshot-stand-ins.mjs';
import { COMMANDS } from '../../src/command-list.js';
import { runCli } from '../helpers/bin.js';
import { timeFor } from '../helpers/budget.js';
import { REPO, sampleWorkspace, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const BLOB = join(REPO, 'lib', 'newsletter.blob');
const require = createRequire(join(REPO, 'package.json'));
// The snapshot must build wherever the tests run (npm test compiles it first); only a run that
// turns it off on purpose skips these tests, and says so.
const optedOut = process.env.NEWSLETTER_NO_SNAPSHOT ? 'skipped: NEWSLETTER_NO_SNAPSHOT is set, so the startup snapshot is not tested.' : undefined;
if (optedOut) console.warn(optedOut);

/** lib/newsletter.packages.json: what the snapshot's bundle holds, by name@version. */
function bundledPackages(): Record<string, { folders: string[]; bytes: number }> {
  return JSON.parse(readFileSync(join(REPO, 'lib', 'newsletter.packages.json'), 'utf8'));
}

/** Which way the bin would start for these arguments: "snapshot" or "modules". */
function startsFrom(bin: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(bin, args, {
    env: { ...process.env, NODE_OPTIONS: '', NEWSLETTER_NO_SNAPSHOT: '', ...env, NEWSLETTER_PRINT_START: '1' },
    encoding: 'utf8',
  }).trim();
}

// The snapshot is an optimisation: whatever it runs must be exactly what the modules run.
describe.skipIf(optedOut)('the startup snapshot', () => {
  it("was built by npm test's compile step, with a stamp the bin accepts on this machine", () => {
    expect(existsSync(BLOB), 'scripts/build-snapshot.mjs did not build lib/newsletter.blob; its warning says why').toBe(true);
    expect(readFileSync(join(REPO, 'lib', 'newsletter.blob.stamp'), 'utf8')).toMatch(/^[^|]+\|[^|]+\|\d+\|\d+\|[0-9a-f]{64}\n$/);
    expect(startsFrom(join(REPO, 'bin', 'newsletter.js'), ['build'])).toBe('snapshot');
    expect(startsFrom(join(REPO, 'bin', 'newsletter.js'), ['--cwd', 'x', 'lint', '--all'])).toBe('snapshot');
  });

  it("is started for the commands the command list marks, as the bin's sh lists them", () => {
    const bin = readFileSync(join(REPO, 'bin', 'newsletter.js'), 'utf8');
    const listed = /case \$cmd in ([a-z|]+)\)/.exec(bin)?.[1]?.split('|').sort();
    expect(listed).toEqual(
      COMMANDS.filter((command) => command.fromSnapshot)
        .map((command) => command.name)
        .sort(),
    );
    for (const command of COMMANDS)
      expect(startsFrom(join(REPO, 'bin', 'newsletter.js'), [command.name, '--help']), command.name).toBe(command.fromSnapshot ? 'snapshot' : 'modules');
  });

  it('is started only for build, lint and preview, and not for build --eml (nodemailer is not in it) or --debug', () => {
    const bin = join(REPO, 'bin', 'newsletter.js');
    for (const args of [['new', 'may-2031'], ['status'], ['--help'], ['build', '--eml'], ['lint', '--debug']]) {
      expect(startsFrom(bin, args), args.join(' ')).toBe('modules');
    }
  });

  it('is not trusted when its stamp names another folder, another node, this node with another size or time, or another build', async () => {
    const [folder, node, size, mtime, build] = readFileSync(join(REPO, 'lib', 'newsletter.blob.stamp'), 'utf8')
      .trim()
      .split('|');
    // A copy of the CLI whose lib/ holds the real blob beside a stamp of our making.
    const copy = await tempDir();
    await mkdir(join(copy, 'bin'));
    await mkdir(join(copy, 'lib'));
    await copyFile(join(REPO, 'bin', 'newsletter.js'), join(copy, 'bin', 'newsletter.js'));
    await symlink(BLOB, join(copy, 'lib', 'newsletter.blob'));
    await copyFile(join(REPO, 'lib', 'build-id'), join(copy, 'lib', 'build-id'));
    const decisionWith = (stamp: string) => {
      writeFileSync(join(copy, 'lib', 'newsletter.blob.stamp'), `${stamp}\n`);
      return startsFrom(join(copy, 'bin', 'newsletter.js'), ['build']);
    };
    expect(decisionWith(`${copy}|${node}|${size}|${mtime}|${build}`)).toBe('snapshot');
    expect(decisionWith(`${folder}|${node}|${size}|${mtime}|${build}`)).toBe('modules');
    expect(decisionWith(`${copy}|${process.execPath}x|${size}|${mtime}|${build}`)).toBe('modules');
    expect(decisionWith(`${copy}|${node}|${Number(size) + 1}|${mtime}|${build}`)).toBe('modules');
    expect(decisionWith(`${copy}|${node}|${size}|${Number(mtime) - 1}|${build}`)).toBe('modules');
    expect(decisionWith(`${copy}|${node}|${size}|${mtime}|${'0'.repeat(64)}`)).toBe('modules');
    expect(decisionWith(`${copy}|${node}|${size}|${mtime}`)).toBe('modules');
    expect(decisionWith('garbage')).toBe('modules');
  });

  it('is not started once lib/ changed after it was built (a tsc without npm run compile): the new code runs', async () => {
    // A whole copy of the CLI, times kept, with a stamp for its own folder.
    const copy = await tempDir();
    for (const part of ['bin', 'lib', 'templates', 'assets', 'package.json']) execFileSync('cp', ['-a', join(REPO, part), join(copy, part)]);
    await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    const stamp = join(copy, 'lib', 'newsletter.blob.stamp');
    writeFileSync(stamp, readFileSync(stamp, 'utf8').replace(/^[^|]*/, copy));
    const bin = join(copy, 'bin', 'newsletter.js');
    expect(startsFrom(bin, ['build'])).toBe('snapshot');
    // What tsc does: a module written anew, here with a build description of its own.
    const table = join(copy, 'lib', 'commands', 'build.js');
    writeFileSync(table, readFileSync(table, 'utf8').replace('render the blog post, the MJML email and its plain text', 'NEW CODE of this build'));
    expect(startsFrom(bin, ['build'])).toBe('modules');
    const help = execFileSync(bin, ['build', '--help'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NEWSLETTER_NO_SNAPSHOT: '' } });
    expect(help).toContain('NEW CODE of this build');
  });

  it('is what the bin starts from, and builds byte for byte what the modules build', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/zuul.md': '* [Zuul](https://zuul-ci.org/) news <b>bold</b> {{title}}\n' });
    const snap = await runCli(['build', '--out', 'snap', '--json'], { cwd, viaShebang: true });
    const plain = await runCli(['build', '--out', 'plain', '--json'], { cwd });
    expect(snap.code).toBe(0);
    expect(snap.stderr).toBe(plain.stderr);
    const built = await snapshotTree(join(cwd, 'snap'));
    expect(Object.keys(built)).toHaveLength(4);
    expect(built).toEqual(await snapshotTree(join(cwd, 'plain')));
  });

  it('minifies the same way (htmlnano and cssnano run from it)', async () => {
    const cwd = await sampleWorkspace();
    expect((await runCli(['build', '--email', '--minify', '--out', 'snap'], { cwd, viaShebang: true })).code).toBe(0);
    await runCli(['build', '--email', '--minify', '--out', 'plain'], { cwd });
    expect(await snapshotTree(join(cwd, 'snap'))).toEqual(await snapshotTree(join(cwd, 'plain')));
  });

  it(
    'lints, fails and prints the same way',
    async () => {
      const cwd = await sampleWorkspace();
      // --no-cache: each must lint for itself, not print what the other kept.
      for (const args of [
        ['lint', '--format', 'json', '--no-cache'],
        ['lint', '--format', 'github', '--no-cache'],
        ['build', 'may-2031'],
        ['new', '../x'],
        ['--help'],
      ]) {
        const snap = await runCli(args, { cwd, viaShebang: true });
        const plain = await runCli(args, { cwd });
        expect({ ...snap }, args.join(' ')).toEqual({ ...plain });
      }
      // Five commands, each run from the snapshot and from the modules.
    },
    timeFor({ cliRuns: 2 * 5 }),
  );

  it('is taken of an ASCII-only bundle', () => {
    // V8 keeps the bundle's source in the heap, and the snapshot with it: with a single other
    // character it is a two-byte string, 2.7 MB more to load at every start. esbuild escapes
    // strings but not every regular expression: write those with \u escapes.
    const bundle = readFileSync(join(REPO, 'lib', 'newsletter.cjs'), 'latin1');
    const at = bundle.search(/[^\x00-\x7F]/);
    expect(at === -1 ? 'ASCII only' : `not ASCII: ${JSON.stringify(bundle.slice(Math.max(0, at - 40), at + 20))}`).toBe('ASCII only');
  });

  it('holds each version of a package once, however many folders npm put it in', () => {
    // htmlparser2 9.1.0 sits in three folders of MJML's tree; each megabyte of snapshot costs
    // every start about 18 ms. The build lists what it bundled, by name@version.
    const bundled = bundledPackages();
    const folders = execFileSync('find', ['-H', join(REPO, 'node_modules'), '-path', '*/htmlparser2/package.json', '-not', '-path', '*/dist/*'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(folders.filter((file) => JSON.parse(readFileSync(file, 'utf8')).version === '9.1.0').length).toBeGreaterThan(1);
    expect(bundled['htmlparser2@9.1.0']?.folders).toHaveLength(1);
    expect(Object.entries(bundled).filter(([, { folders: from }]) => from.length > 1)).toEqual([]);
  });

  it("leaves out what build and lint never load: other commands' packages, htmlnano and cssnano's preset (loaded on first use) and cheerio's parse5", () => {
    const bundled = Object.keys(bundledPackages());
    const names = bundled.map((key) => key.slice(0, key.lastIndexOf('@')));
    for (const name of ['nodemailer', '@inquirer/prompts', 'htmlnano', 'cssnano-preset-lite', 'postcss-selector-parser', 'playwright-core'])
      expect(names, name).not.toContain(name);
    expect(bundled).not.toContain('parse5@7.3.0');
    expect(bundled).toContain('parse5@8.1.1'); // ours, for raw HTML in Markdown
  });

  it("gives MJML each lodash function it calls from lodash's own one-function modules, not the whole library", () => {
    // Every `_lodash.<name>` and `_fp.<name>` in the packages the bundle holds must be in the
    // stand-ins' lists: another name would be read from the whole library, loaded at run time.
    const bundled = bundledPackages();
    const called = { lodash: new Set<string>(), fp: new Set<string>() };
    for (const { folders } of Object.values(bundled)) {
      if (folders.some((folder) => folder.endsWith('/lodash'))) continue;
      const files = execFileSync(
        'find',
        [...folders.map((folder) => join(REPO, folder)), '-name', '*.js', '-not', '-path', '*/node_modules/*/node_modules/*'],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n')
        .filter(Boolean);
      for (const file of files) {
        for (const [, fp, name] of readFileSync(file, 'utf8').matchAll(/\b_(lodash|fp)\.([A-Za-z]+)\b/g)) called[fp === 'fp' ? 'fp' : 'lodash'].add(name!);
      }
    }
    expect(called.lodash.size).toBeGreaterThan(10);
    expect([...called.lodash].filter((name) => !LODASH_METHODS.includes(name))).toEqual([]);
    expect([...called.fp].filter((name) => !LODASH_FP_METHODS.includes(name))).toEqual([]);
    expect(Object.keys(bundled)).toContain('lodash@4.18.1');
    expect(bundled['lodash@4.18.1']!.bytes).toBeLessThan(100_000); // the whole library with lodash/fp is 165 KB
  });

  it('reads a lodash function the lists lack from the whole library', () => {
    const load = (fp: boolean) => {
      const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
      new Function('module', 'require', lodashStandIn(fp, require.resolve('lodash')))(module, require);
      return module.exports;
    };
    const lodash = load(false);
    expect(lodash.get!({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(Object.keys(lodash)).not.toContain('chunk');
    expect(lodash.chunk!([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    const fp = load(true);
    expect((fp.map!((n: number) => n * 2) as (list: number[]) => number[])([1, 2])).toEqual([2, 4]);
    expect((fp.chunk!(2) as (list: number[]) => number[][])([1, 2, 3])).toEqual([[1, 2], [3]]);
  });

  it('steps aside when NODE_OPTIONS sets V8 flags it was not built with', async () => {
    const cwd = await sampleWorkspace();
    expect(startsFrom(join(REPO, 'bin', 'newsletter.js'), ['build'], { NODE_OPTIONS: '--max-old-space-size=4096' })).toBe('modules');
    const result = await runCli(['build', '--blog'], { cwd, viaShebang: true, env: { NODE_OPTIONS: '--max-old-space-size=4096' } });
    expect(result.stderr).toMatch(/ in this issue; run newsletter lint/);
    expect(result.stderr).not.toMatch(/snapshot|hit a bug/i);
    expect(result.code).toBe(0);
  });

  it('still ignores a .mjmlconfig in the workspace', async () => {
    const cwd = await sampleWorkspace();
    await writeFiles(cwd, { '.mjmlconfig': JSON.stringify({ packages: ['./evil.cjs'] }), 'evil.cjs': 'require("fs").writeFileSync("PWNED", "x")' });
    expect((await runCli(['build', '--email'], { cwd, viaShebang: true })).code).toBe(0);
    expect(Object.keys(await snapshotTree(cwd))).not.toContain('PWNED');
  });

  it('keeps working when the CLI is copied elsewhere (the stamp names the folder it was built for)', async () => {
    // The stamp names the folder the snapshot was built for: a moved CLI must not trust it.
    const moved = await tempDir();
    await mkdir(join(moved, 'bin'));
    await copyFile(join(REPO, 'bin', 'newsletter.js'), join(moved, 'bin', 'newsletter.js'));
    await symlink(join(REPO, 'lib'), join(moved, 'lib'));
    await symlink(join(REPO, 'package.json'), join(moved, 'package.json'));
    const cwd = await sampleWorkspace();
    const result = await runCli(['build', '--blog'], { cwd, viaShebang: true, bin: join(moved, 'bin', 'newsletter.js') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Built april-2025');
  });
});
