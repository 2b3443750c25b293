import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/images.js';
import { readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

// An issue folder a pull request fills with several bad images (issue #36, case 14): lint reports
// each at its own file, and the one the issue shows at its line too, instead of stopping at the first.

const MAY = 'sections/may-2025';
const SECRET = 'GITHUB_TOKEN=ghp_secret0123456789';

interface JsonResult {
  filePath: string;
  messages: { line: number; column: number; message: string; ruleId: string | null; severity: number }[];
}

async function folderOfBadImages(): Promise<string> {
  const crafted = Buffer.alloc(25 * 1024 * 1024 - 1);
  crafted.set([0xff, 0xd8]);
  const cwd = await tempDir();
  await writeFiles(cwd, {
    ...readyMayIssue(),
    '.env': `${SECRET}\n`,
    'notes.txt': `${SECRET}\n`,
    [`${MAY}/img/b-text.png`]: 'not an image at all\n',
    [`${MAY}/img/d-crafted.jpg`]: crafted,
    [`${MAY}/img/e-team.png`]: png(1200, 800),
    // The issue shows the hard link (the third bad image in the folder) and a good image.
    [`${MAY}/spotlight.md`]:
      '---\ntitle: A lead story\n---\nThe story, told well.\n\n![The team at the summit](img/e-team.png)\n\n![Our notes](img/c-hard.png)\n',
  });
  mkdirSync(join(cwd, MAY, 'img'), { recursive: true });
  symlinkSync('../../../.env', join(cwd, MAY, 'img', 'a-hidden.png'));
  linkSync(join(cwd, 'notes.txt'), join(cwd, MAY, 'img', 'c-hard.png'));
  return cwd;
}

describe('lint reports every bad image of an issue folder (#36 case 14)', () => {
  it('each at its own file, the one the issue shows at its line too, and lints the rest of the issue', async () => {
    const cwd = await folderOfBadImages();
    await writeFiles(cwd, { [`${MAY}/foundation.md`]: "* The foundation's news, TBD.\n" });
    const lint = await runMain(['lint', '--format', 'json'], { cwd });
    expect(lint.code, lint.stderr).toBe(1);
    const results = JSON.parse(lint.stdout) as JsonResult[];
    const at = (file: string) => results.find((r) => r.filePath === join(cwd, MAY, file))?.messages.map((m) => `${m.line}:${m.column} ${m.message}`);
    expect(at('img/a-hidden.png')).toEqual([expect.stringMatching(/^1:1 this leads into a hidden file or folder, where secrets are kept/)]);
    expect(at('img/b-text.png')).toEqual(['1:1 this is not a PNG image: its content is no image format; only images are read from an issue folder.']);
    expect(at('img/c-hard.png')).toEqual(['1:1 this is not a PNG image: its content is no image format; only images are read from an issue folder.']);
    expect(at('img/d-crafted.jpg')).toEqual(['1:1 this is not a JPG image: its content is no image format; only images are read from an issue folder.']);
    expect(at('img/e-team.png')).toBeUndefined();
    // Where the issue shows the bad image, at that line: not "not in the folder", which would send the writer looking for a missing file.
    const spotlight = results.find((r) => r.filePath === join(cwd, MAY, 'spotlight.md'))!.messages;
    expect(spotlight.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      '8:1 local-image img/c-hard.png cannot be shown: the file is refused (see sections/may-2025/img/c-hard.png): this is not a PNG image: its content is no image format; only images are read from an issue folder.',
    ]);
    // The rest of the issue is linted as ever.
    expect(results.find((r) => r.filePath === join(cwd, MAY, 'foundation.md'))?.messages.map((m) => m.ruleId)).toContain('placeholder');
    expect(lint.stdout).not.toContain('ghp_secret');
  });

  it('build still stops on a bad image, with one line naming the first', async () => {
    const cwd = await folderOfBadImages();
    const built = await runMain(['build'], { cwd });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^error sections\/may-2025\/img\/a-hidden\.png: this leads into a hidden file or folder/);
    expect(built.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    expect(built.stderr + built.stdout).not.toContain('ghp_secret');
  });
});
