import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, sampleWorkspace, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const BLOB = join(REPO, 'lib', 'newsletter.blob');
// The snapshot must build wherever the tests run (npm test compiles it first); only a run that
// turns it off on purpose skips these tests, and says so.
const optedOut = process.env.NEWSLETTER_NO_SNAPSHOT ? 'skipped: NEWSLETTER_NO_SNAPSHOT is set, so the startup snapshot is not tested.' : undefined;
if (optedOut) console.warn(optedOut);

// The snapshot is an optimisation: whatever it runs must be exactly what the modules run.
describe.skipIf(optedOut)('the startup snapshot', () => {
  it('was built by npm test\'s compile step, with the stamp the bin computes on this machine', () => {
    expect(existsSync(BLOB), 'scripts/build-snapshot.mjs did not build lib/newsletter.blob; its warning says why').toBe(true);
    const wanted = execFileSync(join(REPO, 'bin', 'newsletter.js'), [], { env: { ...process.env, NEWSLETTER_PRINT_STAMP: '1' }, encoding: 'utf8' });
    expect(readFileSync(join(REPO, 'lib', 'newsletter.blob.stamp'), 'utf8')).toBe(wanted);
    expect(wanted).toMatch(/^[^|]+\|[^|]+\|\d+\|\d+\n$/);
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

  it('lints, fails and prints the same way', async () => {
    const cwd = await sampleWorkspace();
    // --no-cache: each must lint for itself, not print what the other kept.
    for (const args of [['lint', '--format', 'json', '--no-cache'], ['lint', '--format', 'github', '--no-cache'], ['build', 'may-2031'], ['new', '../x'], ['--help']]) {
      const snap = await runCli(args, { cwd, viaShebang: true });
      const plain = await runCli(args, { cwd });
      expect({ ...snap }, args.join(' ')).toEqual({ ...plain });
    }
  });

  it('is taken of an ASCII-only bundle', () => {
    // V8 keeps the bundle's source in the heap, and the snapshot with it: with a single other
    // character it is a two-byte string, 2.7 MB more to load at every start. esbuild escapes
    // strings but not every regular expression: write those with \u escapes.
    const bundle = readFileSync(join(REPO, 'lib', 'newsletter.cjs'), 'latin1');
    const at = bundle.search(/[^\x00-\x7F]/);
    expect(at === -1 ? 'ASCII only' : `not ASCII: ${JSON.stringify(bundle.slice(Math.max(0, at - 40), at + 20))}`).toBe('ASCII only');
  });

  it('holds each version of a package once, however many folders npm put it in', () => {
    // parse5 7.3.0 sits in three folders of MJML's tree and 8.1.1 in one; each megabyte of
    // snapshot costs its every start about 18 ms. An error code of parse5's counts the copies.
    const copies = (text: string, marker: string) => text.split(marker).length - 1;
    const folders = execFileSync('find', [join(REPO, 'node_modules'), '-path', '*/parse5/package.json', '-not', '-path', '*/dist/*'], { encoding: 'utf8' }).trim().split('\n');
    const versions = new Set(folders.map((file) => JSON.parse(readFileSync(file, 'utf8')).version));
    expect(folders.length).toBeGreaterThan(versions.size);
    expect(copies(readFileSync(join(REPO, 'lib', 'newsletter.cjs'), 'latin1'), 'abandoned-head-element-child')).toBe(versions.size);
  });

  it('steps aside when NODE_OPTIONS sets V8 flags it was not built with', async () => {
    const cwd = await sampleWorkspace();
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
