import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeFor } from '../helpers/budget.js';
import { png } from '../helpers/images.js';
import { read, runMain, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

/** Every file under dir, by relative path, with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name)));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The sample issue with an image of its own, which the export copies into its folder. */
async function sampleWithImage(): Promise<string> {
  const dir = await sampleWorkspace({ 'sections/april-2025/img/team.png': png(64, 32) });
  const kata = join(dir, 'sections/april-2025/kata.md');
  await writeFile(kata, `${await readFile(kata, 'utf8')}\n![The Kata team](img/team.png)\n`);
  return dir;
}

/** Every address an HTML file names in src= or href=. */
const addresses = (html: string): string[] => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

// Each test exports the sample in this process once or twice (a build and a lint each).
describe('newsletter preview --export', { timeout: timeFor({ builds: 8 }) }, () => {
  it('writes the page, the email light and dark, the text, the post and the issue images, every address relative and inside the folder', async () => {
    const dir = await sampleWithImage();
    const result = await runMain(['preview', '--export', 'out'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Preview of april-2025 written to ${join(dir, 'out', 'index.html')}\n`);
    const files = await filesOf(join(dir, 'out'));
    const image = [...files.keys()].find((path) => path.startsWith('img/'))!;
    expect([...files.keys()]).toEqual(
      [
        '.newsletter-export',
        '.nojekyll',
        'assets/page.js',
        'assets/preview.css',
        'assets/remote-image.svg',
        'email-dark.html',
        'email-light.html',
        image,
        'index.html',
        'raw/blog.md',
        'raw/email.mjml',
        'raw/email.txt',
      ].sort(),
    );
    expect(files.get(image)!.equals(png(64, 32))).toBe(true);

    const page = files.get('index.html')!.toString('utf8');
    // The policy a server would send, in the page itself, before anything it governs.
    expect(page).toMatch(
      /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;/,
    );
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")/);
    expect(page).not.toContain(' style=');
    for (const file of ['index.html', 'email-light.html', 'email-dark.html']) {
      for (const address of addresses(files.get(file)!.toString('utf8'))) {
        // Links may point anywhere (a click is the reader's); what the page loads is in the folder.
        if (/^(?:https?:|mailto:)/.test(address)) continue;
        expect(address, `${file}: ${address}`).not.toMatch(/^(?:\/|[a-z]+:)|\.\./);
      }
    }
    for (const file of ['email-light.html', 'email-dark.html']) {
      const email = files.get(file)!.toString('utf8');
      expect(email).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;`);
      // The issue's own image from the folder; the site's, which this workspace does not hold, never asked for.
      expect(email).toContain(`src="${image}"`);
      expect(email).not.toMatch(/<img[^>]*src="https?:/);
      expect(email).toContain('src="assets/remote-image.svg"');
    }
    expect(files.get('email-dark.html')!.toString('utf8')).not.toMatch(/@media[^{]*prefers-color-scheme/);
    expect(files.get('email-light.html')!.toString('utf8')).toMatch(/@media \(prefers-color-scheme: dark\)/);
    // The blog post's images likewise: its own from the folder, the site's placeheld.
    expect(page).toContain(`src="${image}"`);
    expect(page).not.toMatch(/<img[^>]*src="(?:https?:|\/)/);
    // Nothing live: no server to ask, nothing that waits for one.
    const script = files.get('assets/page.js')!.toString('utf8');
    expect(script).not.toMatch(/EventSource|WebSocket|fetch\(|setInterval|XMLHttpRequest/);
    // The raw outputs are the bytes build writes.
    const built = await runMain(['build', '--out', 'built'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(files.get('raw/email.txt')!.equals(await readFile(join(dir, 'built', 'email.txt')))).toBe(true);
    expect(files.get('raw/email.mjml')!.equals(await readFile(join(dir, 'built', 'email.mjml')))).toBe(true);
    expect(files.get('raw/blog.md')!.equals(await readFile(join(dir, 'built', 'inside-open-infrastructure-april-2025.md')))).toBe(true);
  });

  it('gives the same bytes for the same sources, another day too, and again into its own previous export', async () => {
    const dir = await sampleWithImage();
    expect((await runMain(['preview', '--export', 'one'], { cwd: dir, now: new Date('2025-04-10T09:00:00Z') })).code).toBe(0);
    expect((await runMain(['preview', '--export', 'two'], { cwd: dir, now: new Date('2025-04-19T23:00:00Z') })).code).toBe(0);
    const one = await filesOf(join(dir, 'one'));
    const two = await filesOf(join(dir, 'two'));
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [path, bytes] of one) expect(two.get(path)!.equals(bytes), path).toBe(true);
    expect(one.get('index.html')!.toString('utf8')).not.toMatch(/data-version|data-email-version/);

    expect((await runMain(['preview', '--export', 'one'], { cwd: dir })).code).toBe(0);
    const again = await filesOf(join(dir, 'one'));
    for (const [path, bytes] of one) expect(again.get(path)!.equals(bytes), path).toBe(true);
  });

  it('refuses a folder that holds anything but a previous export, in one line, exit 2, and writes nothing', async () => {
    const dir = await sampleWorkspace({ 'notes/todo.md': 'my work\n', 'a-file': 'x' });
    for (const target of ['notes', 'a-file']) {
      const result = await runMain(['preview', '--export', target], { cwd: dir });
      expect(result.code, target).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
    }
    expect((await runMain(['preview', '--export', 'notes'], { cwd: dir })).stderr).toBe(
      'error notes is not empty and holds no previous preview export: nothing was written.\n',
    );
    expect(await readdir(join(dir, 'notes'))).toEqual(['todo.md']);
    expect(await read(dir, 'a-file')).toBe('x');
  });

  it("replaces only a previous export's files: what it wrote and no longer writes goes, anything else stays", async () => {
    const dir = await sampleWithImage();
    expect((await runMain(['preview', '--export', 'out'], { cwd: dir })).code).toBe(0);
    const image = (await readdir(join(dir, 'out', 'img')))[0]!;
    await writeFiles(dir, { 'out/README.txt': 'the reviewers read this\n' });
    // The image is no longer in the issue: the next export does not have it.
    await writeFile(join(dir, 'sections/april-2025/kata.md'), (await read(dir, 'sections/april-2025/kata.md')).replace('![The Kata team](img/team.png)\n', ''));
    expect((await runMain(['preview', '--export', 'out'], { cwd: dir })).code).toBe(0);
    const files = await filesOf(join(dir, 'out'));
    expect(files.has(`img/${image}`)).toBe(false);
    expect(files.get('README.txt')!.toString('utf8')).toBe('the reviewers read this\n');
    expect(files.get('.newsletter-export')!.toString('utf8')).not.toContain('README.txt');

    // A subfolder swapped for a link (a pull request can commit one under dist/) takes no write or removal outside.
    const elsewhere = await tempDir();
    await writeFiles(elsewhere, { [image]: "not the export's\n" });
    await writeFile(join(dir, 'out', '.newsletter-export'), `${await read(dir, 'out/.newsletter-export')}img/${image}\n`);
    await symlink(elsewhere, join(dir, 'out', 'img'));
    const linked = await runMain(['preview', '--export', 'out'], { cwd: dir });
    expect(linked).toMatchObject({ code: 2, stderr: 'error out/img is a link, so the export would write outside out: nothing was written.\n' });
    expect(await read(elsewhere, image)).toBe("not the export's\n");

    // A file the export would write, put there by someone else, is never replaced.
    const other = await sampleWorkspace({ 'out/index.html': 'mine\n', 'out/.newsletter-export': 'not a manifest\n' });
    const refused = await runMain(['preview', '--export', 'out'], { cwd: other });
    expect(refused.code).toBe(2);
    expect(await read(other, 'out/index.html')).toBe('mine\n');
  });

  it('copies the site images a --site checkout holds, as the live preview shows them, and nothing else of the checkout', async () => {
    const site = await tempDir();
    const hero = png(640, 320);
    await writeFiles(site, { 'static/img/graphics-for-su-1-.png': hero, 'static/img/other.png': png(8, 8) });
    const dir = await sampleWorkspace();
    const result = await runMain(['preview', '--export', 'out', '--site', site], { cwd: dir });
    expect(result.code).toBe(0);
    const files = await filesOf(join(dir, 'out'));
    const images = [...files.keys()].filter((path) => path.startsWith('img/'));
    expect(images).toEqual(['img/site_0.png']);
    expect(files.get('img/site_0.png')!.equals(hero)).toBe(true);
    for (const file of ['email-light.html', 'email-dark.html', 'index.html']) expect(files.get(file)!.toString('utf8'), file).toContain('src="img/site_0.png"');
    // The image the checkout does not hold stays a placeholder: the site is never asked for it.
    expect(files.get('email-light.html')!.toString('utf8')).toContain('src="assets/remote-image.svg"');
  });

  it('refuses the live flags with --export, and an issue that does not render leaves nothing', async () => {
    const dir = await sampleWorkspace();
    for (const flags of [['--open'], ['--port', '0'], ['--host', '0.0.0.0']]) {
      const result = await runMain(['preview', '--export', 'out', ...flags], { cwd: dir });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toBe(`error --export writes files and serves nothing: leave out ${flags[0]}.\n`);
    }
    await writeFiles(dir, { 'sections/april-2025/kata.md': '---\ntitle: [unclosed\n---\nText.\n' });
    const broken = await runMain(['preview', '--export', 'out'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Nothing was exported.');
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
  });
});
