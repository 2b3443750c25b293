import { watch as watchOne } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEditorScratch, watchFolders } from '../../src/io/watch.js';
import { tempDir } from '../helpers/workspace.js';

/** What editors write beside kata.md while they save it: none of it is the save. */
const SCRATCH = [
  '.kata.md.swp',
  '.kata.md.swx',
  '4913',
  'kata.md~', // vim
  '#kata.md#',
  '.#kata.md', // Emacs
  '.kata.md.kate-swp',
  '.goutputstream-3XN2F2', // Kate, gedit
  'kata.md___jb_tmp___',
  'kata.md___jb_old___', // JetBrains' safe write
  'kata.md.crswap', // Chromium's file system access
  'kata.md.tmp',
  'kata.md.temp',
  'kata.md.saving', // written beside, then renamed
];

describe('watching a workspace', () => {
  it('tells the files editors keep beside a fragment from the fragment', () => {
    for (const name of [...SCRATCH, 'sections/april-2025/.kata.md.swo', 'KATA.MD.TMP']) expect(isEditorScratch(name), name).toBe(true);
    for (const name of [
      'kata.md',
      'issue.md',
      'newsletter.config.yaml',
      'img',
      'team.png',
      'email.mjml.hbs',
      'sections/april-2025/kata.md',
      'tmp.md',
      'saving.md',
      'temp',
      'tmp',
    ])
      expect(isEditorScratch(name), name).toBe(false);
  });

  it('reports no change for the scratch files editors write beside a fragment, and one for the save that follows', async () => {
    const dir = await tempDir();
    const beside = await tempDir();
    let changes = 0;
    let seen: () => void = () => undefined;
    // Settled at once: a change the scratch files caused would be reported by the first timer due.
    const watch = await watchFolders(
      () => [{ path: dir }],
      () => {
        changes += 1;
        seen();
      },
      0,
    );
    const marker = watchOne(beside);
    try {
      for (const name of SCRATCH) await writeFile(join(dir, name), 'x');
      // This process reads every folder's events from one queue, in the order they happened: once the
      // marker's is seen, each scratch file's has been handled, and a change it set off is due.
      const markerSeen = new Promise((resolve) => marker.once('change', resolve));
      await writeFile(join(beside, 'marker'), 'x');
      await markerSeen;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(changes).toBe(0);
      // The save itself: the scratch file renamed over the fragment.
      const saved = new Promise<void>((resolve) => {
        seen = resolve;
      });
      await rename(join(dir, 'kata.md.saving'), join(dir, 'kata.md'));
      await saved;
      expect(changes).toBe(1);
    } finally {
      marker.close();
      watch.close();
    }
  });

  it('sees a save in a folder made after the watch began, as an editor that writes and renames does', async () => {
    const dir = await tempDir();
    let changes = 0;
    let seen: () => void = () => undefined;
    const watch = await watchFolders(
      () => [{ path: dir, deep: true }],
      () => {
        changes += 1;
        seen();
      },
    );
    try {
      const next = () =>
        new Promise<void>((resolve) => {
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
