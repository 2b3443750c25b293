import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEditorScratch, watchFolders } from '../../src/io/watch.js';
import { tempDir } from '../helpers/workspace.js';

describe('watching a workspace', () => {
  it('tells the files editors keep beside a fragment from the fragment', () => {
    for (const name of ['.kata.md.swp', '.kata.md.swx', 'kata.md~', '#kata.md#', '.#kata.md', '4913', 'sections/april-2025/.kata.md.swo']) expect(isEditorScratch(name), name).toBe(true);
    for (const name of ['kata.md', 'issue.md', 'newsletter.config.yaml', 'img', 'team.png', 'email.mjml.hbs', 'sections/april-2025/kata.md']) expect(isEditorScratch(name), name).toBe(false);
  });

  it('sees a save in a folder made after the watch began, as an editor that writes and renames does', async () => {
    const dir = await tempDir();
    let changes = 0;
    let seen: () => void = () => undefined;
    const watch = await watchFolders(() => [{ path: dir, deep: true }], () => {
      changes += 1;
      seen();
    });
    try {
      const next = () => new Promise<void>((resolve) => {
        seen = resolve;
      });
      let change = next();
      await mkdir(join(dir, 'img'));
      await change;
      change = next();
      await writeFile(join(dir, 'img', '.team.png.tmp'), 'x');
      await writeFile(join(dir, 'img', 'team.png'), 'x');
      await change;
      expect(changes).toBeGreaterThanOrEqual(2);
    } finally {
      watch.close();
    }
  });
});
