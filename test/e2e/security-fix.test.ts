import { chmodSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { writeFilesAtomically } from '../../src/io/files.js';
import { fixFiles } from '../../src/io/fix-files.js';
import { read, readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

// `lint --fix` writes into files a pull request controls: each case here is an attack on an
// earlier main (issue #36, cases 5 to 8).

const MAY = 'sections/may-2025';

async function workspace(extra: Record<string, string | Buffer>): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...readyMayIssue(), ...extra });
  return cwd;
}

describe('--fix writes only inside the workspace, through the file it read (#36 case 5)', () => {
  const spotlight = '---\ntitle: A lead story\n---\nThe story of Openstack, told well.\n';
  const fixOf = (file: string): Diagnostic => ({
    file,
    line: 4,
    column: 14,
    endLine: 4,
    endColumn: 23,
    ruleId: 'brand-name',
    severity: 'warn',
    message: '"Openstack" is spelt "OpenStack".',
    fix: { line: 4, column: 14, endLine: 4, endColumn: 23, original: 'Openstack', text: 'OpenStack' },
  });

  it('refuses a fragment that became a link out of the workspace after lint read it, and leaves its target as it was', async () => {
    const cwd = await workspace({ [`${MAY}/spotlight.md`]: spotlight });
    const outside = await tempDir();
    await writeFiles(outside, { 'victim.md': spotlight });
    // The swap a hostile job makes between lint's read and the fix's write.
    renameSync(join(cwd, MAY, 'spotlight.md'), join(cwd, MAY, 'was.md'));
    symlinkSync(join(outside, 'victim.md'), join(cwd, MAY, 'spotlight.md'));
    await expect(fixFiles(cwd, [fixOf(`${MAY}/spotlight.md`)], true)).rejects.toMatchObject({
      message: expect.stringMatching(/outside the workspace/),
      file: `${MAY}/spotlight.md`,
    });
    expect(readFileSync(join(outside, 'victim.md'), 'utf8')).toBe(spotlight);
  });

  it('refuses an issue folder that became a link out of the workspace, writing nothing there', async () => {
    const cwd = await workspace({ [`${MAY}/spotlight.md`]: spotlight });
    const outside = await tempDir();
    await writeFiles(outside, { 'may/spotlight.md': spotlight });
    renameSync(join(cwd, MAY), join(cwd, 'sections', 'was'));
    symlinkSync(join(outside, 'may'), join(cwd, MAY));
    await expect(fixFiles(cwd, [fixOf(`${MAY}/spotlight.md`)], true)).rejects.toMatchObject({ message: expect.stringMatching(/outside the workspace/) });
    expect(readFileSync(join(outside, 'may', 'spotlight.md'), 'utf8')).toBe(spotlight);
  });

  it('checks again as it writes: a folder swapped for a link out after the read is refused, and nothing is written', async () => {
    const cwd = await workspace({ [`${MAY}/spotlight.md`]: spotlight });
    const outside = await tempDir();
    await writeFiles(outside, { 'may/spotlight.md': spotlight });
    // The path fixFiles resolved when it read the file, then the swap before the write.
    const path = join(realpathSync(cwd), MAY, 'spotlight.md');
    renameSync(join(cwd, MAY), join(cwd, 'sections', 'was'));
    symlinkSync(join(outside, 'may'), join(cwd, MAY));
    await expect(writeFilesAtomically([{ path, content: 'rewritten\n' }], { within: cwd })).rejects.toMatchObject({
      message: expect.stringMatching(/nothing was written/),
      file: `${MAY}/spotlight.md`,
    });
    expect(readFileSync(join(outside, 'may', 'spotlight.md'), 'utf8')).toBe(spotlight);
    expect(readdirSync(join(outside, 'may'))).toEqual(['spotlight.md']);
  });

  it('still fixes a fragment that is a link inside the workspace, writing the file it leads to', async () => {
    const cwd = await workspace({ 'notes/spotlight.md': spotlight });
    unlinkSync(join(cwd, MAY, 'spotlight.md'));
    symlinkSync('../../notes/spotlight.md', join(cwd, MAY, 'spotlight.md'));
    const result = await fixFiles(cwd, [fixOf(`${MAY}/spotlight.md`)], true);
    expect(result.fixed).toBe(1);
    expect(await read(cwd, 'notes/spotlight.md')).toBe(spotlight.replace('Openstack', 'OpenStack'));
  });
});

describe('--fix keeps what front matter means (#36 case 6)', () => {
  it.each([
    ['a zero-width space before *, which would make an alias', 'title: \u200B*evil', '*evil'],
    ['&nbsp; before #, which would make the rest a comment', 'title: Summit&nbsp;#1 news', 'Summit #1 news'],
    ['&nbsp; after a colon, which would make a mapping', 'title: Berlin:&nbsp;the summit', 'Berlin: the summit'],
  ])('%s: the fixed value is quoted, and reads as meant', async (_, line, meant) => {
    const cwd = await workspace({ [`${MAY}/spotlight.md`]: `---\n${line}\n---\nThe story, told well.\n` });
    const result = await runMain(['lint', '--fix'], { cwd });
    expect(result.stderr).toContain(`${MAY}/spotlight.md (1)`);
    const fixed = await read(cwd, `${MAY}/spotlight.md`);
    expect(parseSourceParts(fixed, 'spotlight.md').data.title).toBe(meant);
    expect(result.stdout).not.toMatch(/front-matter|paste-residue/);
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
  });

  it('fixes a value that means the same unquoted as it was, in place', async () => {
    const cwd = await workspace({ [`${MAY}/spotlight.md`]: '---\ntitle: News from Openstack # the working title\n---\nThe story, told well.\n' });
    await runMain(['lint', '--fix'], { cwd });
    expect(await read(cwd, `${MAY}/spotlight.md`)).toBe('---\ntitle: News from OpenStack # the working title\n---\nThe story, told well.\n');
  });
});

describe('--fix applies fixes where lint saw them (#36 case 7)', () => {
  it('applies a line-1 fix in a file that starts with a byte order mark, and keeps the mark', async () => {
    const cwd = await workspace({ [`${MAY}/foundation.md`]: '\uFEFFAnother productive Another productive week.\n' });
    const before = await runMain(['lint'], { cwd });
    expect(before.stdout).toContain('potentially fixable');
    const result = await runMain(['lint', '--fix'], { cwd });
    expect(await read(cwd, `${MAY}/foundation.md`)).toBe('\uFEFFAnother productive week.\n');
    expect(result.stdout).not.toContain('potentially fixable');
  });

  it('counts a lone CR as the line end lint counted, so a fix lands on its own line', async () => {
    // Lint reads line 2 as "y" with trailing spaces that make a line break; the file's second \n-line is "z   ".
    const cwd = await workspace({ [`${MAY}/foundation.md`]: 'x\ry   \nz   \nOpenstack w.\n' });
    await runMain(['lint', '--fix'], { cwd });
    expect(await read(cwd, `${MAY}/foundation.md`)).toBe('x\ry\\\nz\\\nOpenStack w.\n');
  });

  it('keeps CRLF line ends', async () => {
    const cwd = await workspace({ [`${MAY}/foundation.md`]: 'Read about Openstack.\r\nAnother productive Another productive week.\r\n' });
    await runMain(['lint', '--fix'], { cwd });
    expect(await read(cwd, `${MAY}/foundation.md`)).toBe('Read about OpenStack.\r\nAnother productive week.\r\n');
  });
});

describe("--fix keeps each file's mode (#36 case 8)", () => {
  it.each([[0o600], [0o755], [0o640]])('a fragment of mode %o keeps it', async (mode) => {
    const cwd = await workspace({ [`${MAY}/foundation.md`]: 'Read about Openstack.\n' });
    chmodSync(join(cwd, MAY, 'foundation.md'), mode);
    const result = await runMain(['lint', '--fix'], { cwd });
    expect(result.stderr).toContain(`${MAY}/foundation.md (1)`);
    expect(await read(cwd, `${MAY}/foundation.md`)).toBe('Read about OpenStack.\n');
    expect(statSync(join(cwd, MAY, 'foundation.md')).mode & 0o777).toBe(mode);
  });
});
