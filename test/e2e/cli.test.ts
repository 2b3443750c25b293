import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/bin.js';
import { read, sampleWorkspace, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

describe('the newsletter bin', () => {
  it('builds the sample issue in a fresh folder', async () => {
    const cwd = await sampleWorkspace();
    const result = await runCli(['build'], { cwd });
    // The sample keeps its draft's flaws: build says so in a summary, and builds.
    expect(result.stderr).toMatch(
      /^error sections\/april-2025\/[\s\S]*\n\d+ errors, \d+ warnings in this issue; run newsletter lint to see all \d+\.\nIssue: april-2025 \(the latest\)\n$/,
    );
    expect(result.code).toBe(0);
    const html = await read(cwd, 'dist/april-2025/email.html');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Insert Spotlight');
  });

  it('works on another folder with --cwd', async () => {
    const cwd = await sampleWorkspace();
    const elsewhere = await tempDir();
    const result = await runCli(['--cwd', cwd, 'build', '--blog', '--json'], { cwd: elsewhere });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).outputs.blog).toBe(join(cwd, 'dist/april-2025/inside-open-infrastructure-april-2025.md'));
  });

  it('scaffolds a new issue without waiting for input, then builds it', async () => {
    const cwd = await tempDir();
    const made = await runCli(['new', 'may-2025'], { cwd });
    expect(made.code).toBe(0);
    const built = await runCli(['build'], { cwd });
    expect(built.code).toBe(0);
    // Only the guides are there: the required sections are errors, the others left out.
    expect(built.stderr).toContain('the required section "Community Events" holds nothing yet');
    const lint = await runCli(['lint', '--format', 'json'], { cwd });
    expect(lint.stdout).toContain('holds nothing yet and is left out of the issue');
  });

  it('shows help with examples, and exits 2 on unknown commands and flags with a suggestion', async () => {
    const cwd = await tempDir();
    const help = await runCli(['build', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const typo = await runCli(['biuld'], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'biuld'[\s\S]*build/);
    const flag = await runCli(['build', '--emial'], { cwd });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--emial'[\s\S]*--email/);
  });

  it('prints one line and no stack for bad input, and a stack only with --debug', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/kata.md': Buffer.from([0x2a, 0x20, 0xff, 0xfe, 0x0a]) });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error sections\/april-2025\/kata\.md:1: this file is not valid UTF-8 text\.\n {2}Save it again as UTF-8/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['build', '--debug'], { cwd });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('ignores a .mjmlconfig in the workspace: same email, nothing it names is loaded', async () => {
    const cwd = await sampleWorkspace();
    await runCli(['build', '--email', '--out', 'clean'], { cwd });
    await writeFiles(cwd, {
      '.mjmlconfig': JSON.stringify({ packages: ['./evil.cjs'], options: { minify: true, keepComments: true } }),
      'evil.cjs': 'require("fs").writeFileSync("PWNED", "x")',
    });
    const result = await runCli(['build', '--email', '--out', 'guarded'], { cwd });
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'guarded/email.html'), 'utf8')).toBe(await readFile(join(cwd, 'clean/email.html'), 'utf8'));
    expect(Object.keys(await snapshotTree(cwd))).not.toContain('PWNED');
  });

  it('ignores htmlnano config files in the workspace when minifying', async () => {
    const cwd = await sampleWorkspace();
    await runCli(['build', '--email', '--minify', '--out', 'clean'], { cwd });
    await writeFiles(cwd, {
      // cosmiconfig would find this searching from the workspace, and run it.
      'htmlnano.config.js': 'require("fs").writeFileSync("PWNED", "x"); module.exports = { removeComments: false };',
    });
    const result = await runCli(['build', '--email', '--minify', '--out', 'guarded'], { cwd });
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'guarded/email.html'), 'utf8')).toBe(await readFile(join(cwd, 'clean/email.html'), 'utf8'));
    expect(Object.keys(await snapshotTree(cwd))).not.toContain('PWNED');
  });

  it('leaves the previous output intact when a build fails', async () => {
    const cwd = await sampleWorkspace();
    await runCli(['build'], { cwd });
    const before = await snapshotTree(join(cwd, 'dist'));
    await writeFiles(cwd, { 'sections/april-2025/issue.md': '---\ndate: [\n---\n' });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(await snapshotTree(join(cwd, 'dist'))).toEqual(before);
  });

  it('lints the sample: exit 1, the seeded defects, no colour without a terminal', async () => {
    const cwd = await sampleWorkspace();
    const result = await runCli(['lint'], { cwd });
    expect(result.code).toBe(1);
    for (const rule of ['placeholder', 'image-alt', 'empty-link', 'past-date']) expect(result.stdout).toContain(rule);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    const github = await runCli(['lint', '--format', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=sections\/april-2025\//m);
  });
});
