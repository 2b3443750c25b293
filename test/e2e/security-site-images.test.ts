import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { rawGet, startPreviewCli } from '../helpers/preview.js';
import { png } from '../helpers/images.js';
import { runCli } from '../helpers/bin.js';
import { REPO, readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

// Issue #36, cases 2 and 13: a pull request's fragments and config reach no image of the site
// checkout but those of its image folder, nor of the machine; deep HTML in a site file or a
// workspace template is one line naming the file, never a crash.

const MAY = 'sections/may-2025';
/** A real image, as a private one would be: the image reader takes it, so only the path can keep it out. */
const PRIVATE = png(7, 3);
const HERO = png(64, 32);

/** The images a message written by send --dry-run carries inline. */
async function inlineImagesOf(cwd: string): Promise<Buffer[]> {
  const path = join(cwd, 'dist/may-2025/test.eml');
  if (!existsSync(path)) return [];
  return (await simpleParser(await readFile(path))).attachments.map((a) => a.content);
}

const holds = (images: Buffer[], bytes: Buffer) => images.some((image) => image.equals(bytes));

/** A checkout of the site with one image in its image folder and private images elsewhere in it. */
async function checkout(): Promise<string> {
  const site = await tempDir();
  await writeFiles(site, { 'static/img/hero.png': HERO, 'secret.png': PRIVATE, 'static/other/secret.png': PRIVATE });
  // A link in the image folder to a file of the checkout outside it.
  await symlink('../../secret.png', join(site, 'static/img/linked.png'));
  return site;
}

/** A ready May issue whose spotlight shows these images. */
async function issueShowing(urls: string[], config = ''): Promise<string> {
  const cwd = await tempDir();
  const ready = readyMayIssue({ sender: true });
  await writeFiles(cwd, {
    ...ready,
    'newsletter.config.yaml': `${ready['newsletter.config.yaml']}${config}`,
    [`${MAY}/spotlight.md`]: `---\ntitle: A lead story\n---\nThe story.\n\n${urls.map((url, i) => `![Picture ${i}](${url})\n`).join('\n')}`,
  });
  return cwd;
}

describe("site images stay in the site checkout's image folder (#36 case 2)", () => {
  it('refuses a config siteRepo of /, in one line that names the key and says to pass --site; the private image is in no message', async () => {
    const secrets = await tempDir();
    await writeFiles(secrets, { 'home/editor/private.png': PRIVATE });
    const escape = `https://openinfra.org/img/%2E%2E/%2E%2E${secrets}/home/editor/private.png`;
    const cwd = await issueShowing([escape], 'siteRepo: /\n');
    const sent = await runMain(['send', '--dry-run', '--force'], { cwd });
    expect(holds(await inlineImagesOf(cwd), PRIVATE)).toBe(false);
    expect(sent.code).toBe(2);
    const [first, ...rest] = sent.stderr.trim().split('\n');
    expect(rest).toEqual([]);
    expect(first).toMatch(/siteRepo/);
    expect(first).toMatch(/pass --site/);
    expect(first).not.toMatch(/bug/);
  });

  it('refuses a config siteRepo that is the home folder, or outside the folder that holds the workspace, or a link to one, unless given as --site', async () => {
    const top = await tempDir();
    const cwd = join(top, 'home', 'editor', 'newsletter');
    await writeFiles(cwd, readyMayIssue({ sender: true }));
    await writeFiles(join(top, 'elsewhere'), { 'static/img/hero.png': HERO });
    await writeFiles(join(top, 'home', 'editor', 'osf-website'), { 'static/img/hero.png': HERO });
    await symlink(join(top, 'elsewhere'), join(cwd, 'site-link'));
    const env = { HOME: join(top, 'home', 'editor') };
    const configure = (siteRepo?: string) =>
      writeFiles(cwd, { 'newsletter.config.yaml': `${readyMayIssue({ sender: true })['newsletter.config.yaml']}${siteRepo ? `siteRepo: ${siteRepo}\n` : ''}` });
    const refusal = (result: { code: number; stderr: string }, siteRepo: string) => {
      expect(result.code, siteRepo).toBe(2);
      expect(result.stderr.trim().split('\n'), siteRepo).toHaveLength(1);
      expect(result.stderr, siteRepo).toContain(`siteRepo ${siteRepo}`);
      expect(result.stderr, siteRepo).toContain('pass --site');
    };
    // The home folder is the process's own: the real bin, with HOME set.
    await configure('..');
    refusal(await runCli(['send', '--dry-run', '--force'], { cwd, env }), '..');
    for (const siteRepo of [join(top, 'elsewhere'), 'site-link']) {
      await configure(siteRepo);
      refusal(await runMain(['send', '--dry-run', '--force'], { cwd }), siteRepo);
    }
    // A clone beside the workspace is read from config; the others when the editor names them.
    await configure('../osf-website');
    expect((await runMain(['send', '--dry-run', '--force'], { cwd })).code).toBe(0);
    await configure();
    expect((await runMain(['send', '--dry-run', '--force', '--site', join(top, 'elsewhere')], { cwd })).code).toBe(0);
  });

  it("send carries only the images of the checkout's image folder, however the path is written", async () => {
    const site = await checkout();
    const cwd = await issueShowing([
      'https://openinfra.org/img/hero.png',
      'https://openinfra.org/img/%2E%2E/%2E%2E/secret.png',
      '/img/%2e%2e/other/secret.png',
      '/img/..%2F..%2Fsecret.png',
      '/img/linked.png',
    ]);
    const sent = await runMain(['send', '--dry-run', '--force', '--site', site], { cwd });
    expect(sent.code, sent.stderr).toBe(0);
    const images = await inlineImagesOf(cwd);
    expect(holds(images, HERO)).toBe(true);
    expect(holds(images, PRIVATE)).toBe(false);
  });

  it("the preview serves only the images of the checkout's image folder", async () => {
    const site = await checkout();
    const cwd = await issueShowing(['/img/hero.png', 'https://openinfra.org/img/%2E%2E/%2E%2E/secret.png', '/img/%2E%2E/other/secret.png', '/img/linked.png']);
    const preview = await startPreviewCli(cwd, ['--site', site]);
    const page = (await rawGet(preview.port, '/may-2025/')).body.toString('utf8');
    const images = JSON.parse(/<script type="application\/json" id="images" data-live>([^<]*)<\/script>/.exec(page)![1]!) as Record<string, string>;
    expect(images['/img/hero.png']).toMatch(/^\/may-2025\/img\/site_\d+\.png$/);
    for (const served of new Set(Object.values(images))) {
      const answer = await rawGet(preview.port, served);
      expect(answer.body.equals(PRIVATE), served).toBe(false);
    }
    for (const index of [0, 1, 2, 3]) expect((await rawGet(preview.port, `/may-2025/img/site_${index}.png`)).body.equals(PRIVATE)).toBe(false);
  });

  it("lint's site-image says the same of a path out of the image folder whether a file is there or not", async () => {
    const site = await checkout();
    const cwd = await issueShowing([
      '/img/%2E%2E/%2E%2E/secret.png',
      '/img/%2E%2E/%2E%2E/missing.png',
      '/img/%2E%2E/other/secret.png',
      '/img/%2E%2E/other/missing.png',
    ]);
    const linted = await runMain(['lint', '--format', 'json', '--site', site], { cwd });
    const messages = (JSON.parse(linted.stdout) as { messages: { ruleId: string; message: string; line: number }[] }[])
      .flatMap((file) => file.messages)
      .filter((m) => m.ruleId === 'site-image');
    const said = (line: number) => messages.filter((m) => m.line === line).map((m) => m.message.replace(/secret|missing/g, 'NAME'));
    // Lines 6, 8, 10, 12 of the spotlight: the images, each a paragraph.
    expect(said(6)).toHaveLength(1);
    expect(said(6)).toEqual(said(8));
    expect(said(10)).toHaveLength(1);
    expect(said(10)).toEqual(said(12));
  });
});

describe('deep HTML is one line naming its file (#36 case 13)', () => {
  it('a days page whose title nests 12,000 elements', async () => {
    const site = await tempDir();
    const title = `${'<b>'.repeat(12_000)}Deep${'</b>'.repeat(12_000)}`;
    await writeFiles(site, {
      'src/pages/days/index.md': `---\ntemplateKey: open-infra-days-page\nupcomingDaysEvents:\n  events:\n    - title: "${title}"\n      date: July 25, 2026\n---\n`,
    });
    const cwd = await issueShowing(['/img/hero.png']);
    const linted = await runMain(['lint', '--site', site], { cwd });
    expect(linted.code).toBe(2);
    expect(linted.stderr).not.toMatch(/bug|stack/i);
    expect(linted.stderr.split('\n').find((line) => line.startsWith('error'))).toMatch(/src\/pages\/days\/index\.md.*nest/);
  });

  it('a workspace email template whose mj-raw nests 3,000 elements', async () => {
    const builtIn = await readFile(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8');
    const cwd = await issueShowing(['/img/hero.png']);
    await writeFiles(cwd, { 'templates/email.mjml.hbs': builtIn.replace('<mj-raw>', `<mj-raw>${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`) });
    const built = await runMain(['build'], { cwd });
    expect(built.code).toBe(2);
    expect(built.stderr).not.toMatch(/bug|stack/i);
    expect(built.stderr.split('\n').find((line) => line.startsWith('error'))).toMatch(/templates\/email\.mjml\.hbs.*nest/);
  });

  it("a workspace blog template that nests 3,000 elements (the preview read it by recursion); Markdown's <https://…> links are no elements", async () => {
    const builtIn = await readFile(join(REPO, 'templates', 'blog-post.md.hbs'), 'utf8');
    const cwd = await issueShowing(['/img/hero.png']);
    await writeFiles(cwd, { 'templates/blog-post.md.hbs': `${builtIn}\n${'<https://openinfra.org/> '.repeat(600)}\n` });
    expect((await runMain(['build'], { cwd })).code).toBe(0);
    await writeFiles(cwd, { 'templates/blog-post.md.hbs': `${builtIn}\n${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}\n` });
    const preview = await startPreviewCli(cwd);
    const page = (await rawGet(preview.port, '/may-2025/')).body.toString('utf8');
    expect(page).not.toMatch(/hit a bug|Maximum call stack/);
    expect(page).toMatch(/blog-post\.md\.hbs cannot be used: what it makes of this issue nests HTML elements more than \d+ levels deep/);
  });

  it('a workspace email template whose loops nest elements deeper than it reads', async () => {
    const builtIn = await readFile(join(REPO, 'templates', 'email.mjml.hbs'), 'utf8');
    const cwd = await issueShowing(['/img/hero.png']);
    await mkdir(join(cwd, 'templates'), { recursive: true });
    // Loops over the issue's sections in each other: sections^8 elements in each other from one line.
    const open = `${'{{#each @root.sections}}'.repeat(8)}<div>${'{{/each}}'.repeat(8)}`;
    const close = open.replace('<div>', '</div>');
    await writeFiles(cwd, { 'templates/email.mjml.hbs': builtIn.replace('<mj-raw>', `<mj-raw>${open}x${close}`) });
    const built = await runMain(['build'], { cwd });
    expect(built.stderr).not.toMatch(/bug|stack/i);
    expect(built.code).toBe(2);
    expect(built.stderr.split('\n').find((line) => line.startsWith('error'))).toMatch(/templates\/email\.mjml\.hbs.*nest/);
  });
});
