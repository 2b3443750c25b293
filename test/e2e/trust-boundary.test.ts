import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../src/core/images/image-header.js';
import { png } from '../helpers/images.js';
import { readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

// What a pull request controls (sections, images, templates, config) is input, never a key to
// the machine: each case here is an attack found on an earlier main (issue #24).

const MAY = 'sections/may-2025';
const SECRET = 'GITHUB_TOKEN=ghp_secret0123456789';

/** Every file under a folder, with its content, for asserting that a secret is in none of them. */
function filesUnder(dir: string): { path: string; content: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path, content: readFileSync(path, 'latin1') }));
}

async function readyWorkspace(extra: Record<string, string | Buffer> = {}): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...readyMayIssue(), ...extra });
  return cwd;
}

async function siteCheckout(): Promise<string> {
  const site = await tempDir();
  mkdirSync(join(site, 'src', 'pages', 'blog'), { recursive: true });
  return site;
}

describe('secrets never leave the workspace through images', () => {
  const cases: [string, (cwd: string) => void, RegExp][] = [
    [
      'a .png linked to .env',
      (cwd) => symlinkSync('../../../.env', join(cwd, MAY, 'img', 'banner.png')),
      /img\/banner\.png: this leads into a hidden file or folder, where secrets are kept/,
    ],
    [
      'a .jpg linked to .git/config',
      (cwd) => symlinkSync('../../../.git/config', join(cwd, MAY, 'img', 'banner.png')),
      /img\/banner\.png: this leads into a hidden file or folder/,
    ],
    [
      "a secret copied under an image's name",
      (cwd) => writeFileSync(join(cwd, MAY, 'img', 'banner.png'), SECRET),
      /img\/banner\.png: this is not a PNG image: its content is no image format/,
    ],
    [
      'a .png linked to a plain file in the workspace',
      (cwd) => symlinkSync('../../../notes.txt', join(cwd, MAY, 'img', 'banner.png')),
      /img\/banner\.png: this is not a PNG image/,
    ],
  ];

  it.each(cases)('%s: build, lint and publish --force say so in one line, and write nothing of it', async (_, plant, message) => {
    const cwd = await readyWorkspace({
      '.env': `${SECRET}\n`,
      '.git/config': `[remote "origin"]\n\turl = https://x-access-token:${SECRET}@github.com/o/r\n`,
      'notes.txt': `${SECRET}\n`,
      [`${MAY}/spotlight.md`]: '---\ntitle: A lead story\n---\n![The team at the summit](img/banner.png)\n',
    });
    mkdirSync(join(cwd, MAY, 'img'));
    plant(cwd);
    const site = await siteCheckout();
    for (const args of [['build'], ['lint'], ['publish', '--site', site, '--force']]) {
      const result = await runMain(args, { cwd });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(1);
      // lint lists it among the problems (stdout); the others stop on it (stderr).
      expect(args[0] === 'lint' ? result.stdout.replace(/\n\s+1:1\s+error\s+/, ': ') : result.stderr, args[0]).toMatch(message);
      expect(result.stdout + result.stderr).not.toContain('ghp_secret');
      if (args[0] !== 'lint') expect(result.stderr.trimEnd().split('\n').length, result.stderr).toBeLessThanOrEqual(2);
    }
    for (const file of [...filesUnder(join(cwd, 'dist')), ...filesUnder(site)]) expect(file.content, file.path).not.toContain('ghp_secret');
  });

  it('a fragment linked to .env is refused like an image', async () => {
    const cwd = await readyWorkspace({ '.env': `${SECRET}\n` });
    symlinkSync('../../.env', join(cwd, MAY, 'kata.md'));
    const result = await runMain(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kata\.md: this leads into a hidden file or folder/);
    expect(filesUnder(join(cwd, 'dist'))).toEqual([]);
  });

  it("images in a hidden folder of the issue are not the issue's; a real image beside them still is", async () => {
    const cwd = await readyWorkspace({
      [`${MAY}/.cache/secret.png`]: png(8, 8),
      [`${MAY}/img/team.png`]: png(1200, 800),
      [`${MAY}/spotlight.md`]: '---\ntitle: A lead story\n---\n![The team at the summit](img/team.png)\n\n![Hidden](.cache/secret.png)\n',
    });
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const images = readdirSync(join(cwd, 'dist', 'may-2025', 'img'));
    expect(images).toEqual([expect.stringMatching(/^team-[0-9a-f]{8}\.png$/)]);
    const lint = await runMain(['lint', '--format', 'json'], { cwd });
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string; message: string }[] }[]).flatMap((r) => r.messages);
    expect(messages.filter((m) => m.ruleId === 'local-image').map((m) => m.message)).toEqual([
      expect.stringMatching(/^\.cache\/secret\.png is not in sections\/may-2025\//),
    ]);
  });
});

describe("a link to nothing among an issue's images", () => {
  it('is one line naming it, for build; lint --all reports it in that issue and lints the others', async () => {
    const cwd = await readyWorkspace({ 'sections/june-2025/foundation.md': '* TODO\n' });
    mkdirSync(join(cwd, MAY, 'img'));
    symlinkSync('nowhere.png', join(cwd, MAY, 'img', 'gone.png'));
    const built = await runMain(['build', 'may-2025'], { cwd });
    expect(built.code).toBe(1);
    expect(built.stderr).toBe(
      'error sections/may-2025/img/gone.png: this image is a link to nothing: its target does not exist.\n  Remove the link, or put the image itself there.\n',
    );
    const lint = await runMain(['lint', '--all', '--format', 'json'], { cwd });
    expect(lint.code).toBe(1);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { message: string; ruleId: string | null }[] }[];
    expect(results.find((r) => r.filePath.endsWith('img/gone.png'))?.messages[0]?.message).toBe('this image is a link to nothing: its target does not exist.');
    expect(results.find((r) => r.filePath.endsWith('june-2025/foundation.md'))?.messages.map((m) => m.ruleId)).toContain('placeholder');
  });
});

describe('image headers are read from a bounded prefix, by content', () => {
  it('knows each format by its bytes, and a crafted JPEG of zeros costs one pass over its segments', () => {
    expect(readImageHeader(png(1200, 800))).toEqual({ format: 'png', width: 1200, height: 800 });
    // A JPEG's start as cameras write it: SOI, a JFIF block, 40 KB of EXIF, then the frame header (16 x 32).
    const exif = Buffer.alloc(40 * 1024 + 4);
    exif.set([0xff, 0xe1, 0xa0, 0x02]);
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
      exif,
      Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]),
    ]);
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpg', width: 32, height: 16 });
    const crafted = Buffer.alloc(25 * 1024 * 1024);
    crafted.set([0xff, 0xd8, 0xff, 0x00]);
    expect(readImageHeader(crafted)).toEqual({ format: 'jpg' });
    expect(readImageHeader(Buffer.from(SECRET))).toEqual({ format: undefined });
    expect(
      readImageHeader(Buffer.from('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>')),
    ).toMatchObject({ format: 'svg', width: 10, height: 20 });
  });

  it('lints and builds an issue whose folder holds three crafted 25 MB JPEGs that nothing uses', async () => {
    const crafted = Buffer.alloc(25 * 1024 * 1024 - 1);
    crafted.set([0xff, 0xd8]);
    const cwd = await readyWorkspace();
    await writeFiles(cwd, Object.fromEntries([1, 2, 3].map((n) => [`${MAY}/img/crafted-${n}.jpg`, crafted])));
    const lint = await runMain(['lint'], { cwd });
    expect(lint.code, lint.stderr + lint.stdout).toBe(1);
    expect(lint.stdout.replace(/\n\s+1:1\s+error\s+/, ': ')).toMatch(/img\/crafted-1\.jpg: this is not a JPG image: its content is no image format/);
  });
});

describe('publish writes inside the site checkout, whatever siteLayout says', () => {
  const withImage = {
    [`${MAY}/img/team.png`]: png(1200, 800),
    [`${MAY}/spotlight.md`]: '---\ntitle: A lead story\n---\n![The team at the summit](img/team.png)\n',
  };

  it.each([
    ['imageDir', 'static\u2028/../../../../escaped'],
    ['blogDir', 'x\n/../../../../escaped'],
    ['blogDir', 'src/pages/../../../escaped'],
    ['imageDir', '/tmp/escaped'],
    ['imageDir', 'static/.git/hooks'],
    ['blogDir', 'src\\..\\..\\escaped'],
  ])('refuses siteLayout.%s %j at config load (exit 2), writing nothing', async (key, value) => {
    const cwd = await readyWorkspace({
      ...withImage,
      'newsletter.config.yaml': `email:\n  unsubscribeUrl: https://openinfra.dev/unsubscribe\nsiteLayout:\n  ${key}: ${JSON.stringify(value)}\n`,
    });
    // The checkout stands deep in a folder of its own, so that an escape would land in that folder.
    const around = await tempDir();
    const site = join(around, 'a', 'b', 'c', 'd', 'site');
    mkdirSync(join(site, 'src', 'pages', 'blog'), { recursive: true });
    const result = await runMain(['publish', '--site', site, '--force'], { cwd });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`newsletter\\.config\\.yaml: siteLayout\\.${key}: expected a folder inside the site checkout`));
    expect(filesUnder(around)).toEqual([]);
  });

  it('refuses a blog or image folder of the checkout that is a link to another place (exit 2), writing nothing', async () => {
    for (const folder of ['src/pages/blog', 'static/img']) {
      const cwd = await readyWorkspace(withImage);
      const site = await siteCheckout();
      const elsewhere = await tempDir();
      mkdirSync(join(site, 'static'), { recursive: true });
      if (folder === 'src/pages/blog') execFileSync('rm', ['-r', join(site, folder)]);
      symlinkSync(elsewhere, join(site, folder));
      const result = await runMain(['publish', '--site', site], { cwd });
      expect(result.code, result.stderr).toBe(2);
      // The blog folder is read before anything is written: the site's model refuses it first.
      const refused =
        folder === 'src/pages/blog'
          ? /^error \S+\/src\/pages\/blog: the site checkout's \S+\/src\/pages\/blog is a link out of the checkout \(to \S+\); the site's folders are read only within it\.\n/
          : /^error siteLayout\.imageDir \(static\/img\) leads outside the site checkout .*; nothing was written\.\n/;
      expect(result.stderr).toMatch(refused);
      expect(filesUnder(elsewhere)).toEqual([]);
      expect(filesUnder(site)).toEqual([]);
    }
  });

  it('writes through a link that stays inside the checkout', async () => {
    const cwd = await readyWorkspace(withImage);
    const site = await siteCheckout();
    mkdirSync(join(site, 'media'));
    mkdirSync(join(site, 'static'));
    symlinkSync(join(site, 'media'), join(site, 'static', 'img'));
    const result = await runMain(['publish', '--site', site], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(site, 'media', 'newsletter', 'may-2025'))).toEqual([expect.stringMatching(/^team-[0-9a-f]{8}\.png$/)]);
  });
});

describe('every URL config sets passes the URL policy at load', () => {
  it.each([
    ['email:\n  unsubscribeUrl: "javascript:alert(1)"\n', 'email.unsubscribeUrl'],
    ['email:\n  unsubscribeUrl: "https://openinfra.dev/u>evil"\n', 'email.unsubscribeUrl'],
    ['email:\n  unsubscribeUrl: "https://openinfra.dev/désinscription"\n', 'email.unsubscribeUrl'],
    ['email:\n  unsubscribeUrl: "data:text/html,x"\n', 'email.unsubscribeUrl'],
    ['site: "https://openinfra.dev\\"onmouseover=alert(1)"\n', 'site'],
    ['site: "javascript://openinfra.dev/%0aalert(1)"\n', 'site'],
    ['postUrl: "javascript:alert(1)//{slug}"\n', 'postUrl'],
    ['postUrl: "https://openinfra.dev/blog/{slug} x"\n', 'postUrl'],
    ['email:\n  fontUrl: "https://fonts.example.org/css?<x>"\n', 'email.fontUrl'],
  ])('refuses %j naming %s (exit 2)', async (config, key) => {
    const cwd = await readyWorkspace({ 'newsletter.config.yaml': config });
    const result = await runMain(['build'], { cwd });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`newsletter.config.yaml: ${key}: expected`);
    expect(existsSync(join(cwd, 'dist'))).toBe(false);
  });

  it('takes a merge tag, an https: or a mailto: unsubscribe address', async () => {
    for (const url of ['*|UNSUB|*', '{{unsubscribe}}', 'https://openinfra.dev/unsubscribe?list=1', 'mailto:leave@openinfra.dev']) {
      const cwd = await readyWorkspace({ 'newsletter.config.yaml': `email:\n  unsubscribeUrl: ${JSON.stringify(url)}\n` });
      const result = await runMain(['build'], { cwd });
      expect(result.code, `${url}: ${result.stderr}`).toBe(0);
    }
  });
});
