import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/bin.js';
import { timeFor } from '../helpers/budget.js';
import { notCached, npm, pack, workspaceLock, type Packed } from '../helpers/pack.js';
import { REPO, runMain, snapshotTree, writeFiles } from '../helpers/workspace.js';

/*
 * The package as a content repository gets it: npm pack's tarball, which holds what the CLI
 * runs on and nothing of its development; installed by npm ci, offline, into a workspace that
 * init made; then the installed bin, as npx and npm run start it, runs init, new, lint and build
 * there. Nothing is written into this repository (npm pack runs no script; its tarball and
 * everything else go into a temp folder).
 */

const OWN = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const CONFIG = 'newsletter.config.yaml';
let root = '';
let workspace = '';
let packed: Packed;
let bin = '';

beforeAll(
  async () => {
    root = await mkdtemp(join(tmpdir(), 'newsletter-pack-'));
    const logs = join(root, 'npm-logs');
    packed = await pack(root, logs, timeFor({ cliRuns: 1 }));
    // The workspace as init writes it (here in-process: the tarball's lib/ is this src/ compiled).
    workspace = join(root, 'content');
    const made = await runMain(['init', workspace], { cwd: root });
    if (made.code !== 0) throw new Error(`init failed: ${made.stderr}`);
    await workspaceLock(workspace, packed);
    const installed = await npm(['ci'], { cwd: workspace, logs, timeout: timeFor({ npmInstalls: 1 }) });
    if (installed.code !== 0) throw new Error(notCached(installed.stderr) ?? `npm ci failed: ${installed.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    bin = join(workspace, 'node_modules', '.bin', 'newsletter');
  },
  timeFor({ npmInstalls: 1, cliRuns: 2 }),
);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the package, packed and installed', () => {
  it('holds what the CLI runs on and a content repository needs, and nothing of the tests, the sources or the startup snapshot', () => {
    const top = new Set(packed.files.map((file) => (file.includes('/') ? `${file.split('/')[0]}/` : file)));
    expect([...top].sort()).toEqual(['.github/', 'README.md', 'assets/', 'bin/', 'docs/', 'lib/', 'package.json', 'templates/']);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'bin/newsletter.js',
        'lib/bin.js',
        'lib/build-id',
        'lib/spelling/words.txt',
        'templates/email.mjml.hbs',
        'assets/preview/page.js',
        '.github/workflows/newsletter.yml',
        'docs/configuration.md',
      ]),
    );
    // A blob starts only in the folder and with the node it was built for: never in an installed copy.
    expect(packed.files.filter((file) => /^lib\/(?:newsletter\.|snapshot\.js)/.test(file))).toEqual([]);
    expect(packed.files.filter((file) => file.startsWith('docs/') && !file.endsWith('.md'))).toEqual([]);
  });

  it("says in one line when npm's cache lacks a package of the tree, at once", async () => {
    const dir = join(root, 'not-cached');
    await writeFiles(dir, {
      'package.json': '{"private": true, "devDependencies": {"zz-not-cached": "1.0.0"}}\n',
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { devDependencies: { 'zz-not-cached': '1.0.0' } },
          'node_modules/zz-not-cached': { version: '1.0.0', integrity: `sha512-${'A'.repeat(86)}==`, dev: true },
        },
      }),
    });
    const result = await npm(['ci'], { cwd: dir, logs: join(root, 'npm-logs'), timeout: timeFor({ cliRuns: 1 }) });
    expect(result.code).not.toBe(0);
    expect(notCached(result.stderr)).toBe(
      "npm's cache lacks a package of the tree (https://registry.npmjs.org/zz-not-cached): run npm ci in this repository first, which fills it; this test installs offline.",
    );
  });

  it('starts its bin from the compiled modules, at its version, wherever npm put it', async () => {
    const how = await runCli(['build'], { cwd: workspace, bin, viaShebang: true, env: { NEWSLETTER_PRINT_START: '1' } });
    expect(how.stdout).toBe('modules\n');
    const version = await runCli(['--version'], { cwd: workspace, bin, viaShebang: true });
    expect(version).toEqual({ code: 0, stdout: `${OWN.version}\n`, stderr: '' });
  });

  it(
    'runs init, new, lint and build in the workspace, through the installed bin and the scripts of the package.json init wrote',
    async () => {
      const logs = join(root, 'npm-logs');
      // init from the installed copy writes what init wrote from this repository: its own version, its own workflow.
      const again = await runCli(['init', join(root, 'again')], { cwd: root, bin, viaShebang: true });
      expect(again.code, again.stderr).toBe(0);
      const first = await snapshotTree(workspace).then((tree) =>
        Object.fromEntries(Object.entries(tree).filter(([file]) => !/^(?:node_modules|package-lock)/.test(file))),
      );
      expect(await snapshotTree(join(root, 'again'))).toEqual(first);

      const made = await runCli(['new', 'may-2026', '--yes', '--date', '2026-05-20', '--sections', 'spotlight,foundation,events'], {
        cwd: workspace,
        bin,
        viaShebang: true,
      });
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain('Created sections/may-2026/');

      // A new issue's sections are empty: lint says so, through the script, and fails.
      const empty = await npm(['run', 'lint', '--silent'], { cwd: workspace, logs, timeout: timeFor({ cliRuns: 1 }) });
      expect(empty.code).toBe(1);
      expect(empty.stdout).toMatch(/the required section "Spotlight" holds nothing yet/);

      // Written, and the footer's unsubscribe link set as the config's comment says.
      const config = await readFile(join(workspace, CONFIG), 'utf8');
      await writeFiles(workspace, {
        [CONFIG]: config.replace('\n# email:\n#   platform: emma\n', '\nemail:\n  platform: emma\n'),
        'sections/may-2026/spotlight.md':
          '---\ntitle: The Summit schedule is out\nstatus: ready\n---\nThe schedule is out, with talks from operators across the world.\n',
        'sections/may-2026/foundation.md': '---\nstatus: ready\n---\n* The board met and approved the budget for the next year.\n',
        'sections/may-2026/events.md': '---\nstatus: ready\n---\n* 17-19 October 2026 | Paris-Saclay, France\n',
      });
      const clean = await npm(['run', 'lint', '--silent'], { cwd: workspace, logs, timeout: timeFor({ cliRuns: 1 }) });
      expect(clean.stdout + clean.stderr).toContain('no problems');
      expect(clean.code).toBe(0);

      const built = await npm(['run', 'build', '--silent', '--', '--json'], { cwd: workspace, logs, timeout: timeFor({ cliRuns: 1 }) });
      expect(built.code, built.stderr).toBe(0);
      const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;
      expect(outputs.blog).toBe(join(workspace, 'dist', 'may-2026', 'inside-open-infrastructure-may-2026.md'));
      expect(await readFile(outputs.blog!, 'utf8')).toContain('### The Summit schedule is out');
      expect(await readFile(outputs.html!, 'utf8')).toContain('The schedule is out, with talks from operators across the world.');
    },
    timeFor({ cliRuns: 8 }),
  );
});
