import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// npm's own shim writer (npm 11 bundles this version): what Windows runs for `newsletter`.
import cmdShim from 'cmd-shim';
import { describe, expect, it } from 'vitest';
import { binForPlatform, NODE_SHEBANG } from '../../scripts/bin-for-platform.mjs';
import { REPO, tempDir, writeFiles } from '../helpers/workspace.js';

/** The program the Windows shim (.cmd) that npm writes for a bin of this text starts, when none sits beside it. */
async function windowsProgramOf(text: string): Promise<string | undefined> {
  const dir = await tempDir();
  await writeFiles(dir, { 'newsletter.js': text });
  await cmdShim(join(dir, 'newsletter.js'), join(dir, 'shim'));
  const cmd = await readFile(join(dir, 'shim.cmd'), 'utf8');
  return /SET "_prog=([^"%]+)"/.exec(cmd)?.[1];
}

describe('the bin on Windows', () => {
  it('as committed, would need sh: the shim npm writes starts /bin/sh', async () => {
    const bin = await readFile(join(REPO, 'bin', 'newsletter.js'), 'utf8');
    expect(await windowsProgramOf(bin)).toBe('/bin/sh');
  });

  it('as compile leaves it on Windows, is started by node, and is otherwise the same file', async () => {
    const bin = await readFile(join(REPO, 'bin', 'newsletter.js'), 'utf8');
    const windows = binForPlatform(bin, 'win32');
    expect(await windowsProgramOf(windows)).toBe('node');
    expect(windows.split('\n')[0]).toBe(NODE_SHEBANG);
    expect(windows.split('\n').slice(1)).toEqual(bin.split('\n').slice(1));
  });

  it('is left alone everywhere else', async () => {
    const bin = await readFile(join(REPO, 'bin', 'newsletter.js'), 'utf8');
    for (const platform of ['linux', 'darwin', 'freebsd'] as const) expect(binForPlatform(bin, platform)).toBe(bin);
  });
});
