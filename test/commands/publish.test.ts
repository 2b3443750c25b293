import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heavyPng, png, webp } from '../helpers/images.js';
import { runMain, sampleWorkspace, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const POST = 'src/pages/blog/inside-open-infrastructure-may-2025.md';

/** A clean May issue whose spotlight shows a photo kept in the issue's own folder. */
const MAY = {
  'newsletter.config.yaml': 'email: { platform: mailchimp }\n', // a mail platform: the footer's unsubscribe link
  'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n![The Summit crowd in Paris](/img/summit.png)\n',
  'sections/may-2025/spotlight.md':
    '---\ntitle: A lead story\nstatus: ready\n---\nThe story, told well.\n\n![The Kata team at the PTG](img/Team%20Photo.png)\n',
  'sections/may-2025/foundation.md': '* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
  'sections/may-2025/img/Team Photo.png': png(1200, 800),
};

/** A checkout of the site laid out as OpenStackweb/osf-website, holding the hero image. */
async function siteCheckout(): Promise<string> {
  const site = await tempDir();
  await mkdir(join(site, 'src/pages/blog'), { recursive: true });
  await writeFiles(site, { 'static/img/summit.png': png(1200, 600), 'src/pages/blog/an-older-post.md': '---\ntitle: Older\n---\n' });
  return site;
}

describe('newsletter publish', () => {
  it('an image path with spaces, as cameras name files: lint reports it at its line, --fix writes it in angle brackets, and every output carries its published address without them', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...MAY,
      'sections/may-2025/spotlight.md':
        '---\ntitle: A lead story\nstatus: ready\n---\nThe story, told well.\n\n![The Kata team at the PTG](img/Team Photo.png)\n',
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(
      /7:1 +error +the image's path "img\/Team Photo\.png" holds a space, so Markdown shows "!\[The Kata team at the PTG\]\(img\/Team Photo\.png\)" as text; write it in angle brackets: \(<img\/Team Photo\.png>\)\. +link-syntax/,
    );
    const fixed = await runMain(['lint', '--fix'], { cwd });
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(await readFile(join(cwd, 'sections/may-2025/spotlight.md'), 'utf8')).toContain('![The Kata team at the PTG](<img/Team Photo.png>)\n');

    const built = await runMain(['build', '--json'], { cwd });
    const { outputs } = JSON.parse(built.stdout) as { outputs: Record<string, string> };
    const published = /\/img\/newsletter\/may-2025\/team-photo-[0-9a-f]{8}\.png/;
    const post = await readFile(outputs.blog!, 'utf8');
    expect(post).toMatch(new RegExp(`!\\[The Kata team at the PTG\\]\\(${published.source}\\)\n`));
    expect(await readFile(outputs.html!, 'utf8')).toMatch(new RegExp(`src="https://openinfra\\.org${published.source}"`));
    expect(await readFile(outputs.text!, 'utf8')).toContain('[Image: The Kata team at the PTG]');
    for (const output of [post, await readFile(outputs.html!, 'utf8'), await readFile(outputs.text!, 'utf8')]) expect(output).not.toContain('Team Photo');

    const site = await siteCheckout();
    const result = await runMain(['publish', '--site', site], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const sitePost = await readFile(join(site, POST), 'utf8');
    const path = published.exec(sitePost)?.[0];
    expect(sitePost).toContain(`![The Kata team at the PTG](${path})`);
    expect(existsSync(join(site, 'static', path!))).toBe(true);
  });

  it("puts a ready issue's post and its own images into the site, where the post's paths resolve", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const site = await siteCheckout();
    const result = await runMain(['publish', '--site', site], { cwd });
    // Not named, the issue is the latest, and publish says so.
    expect(result.stderr).toBe('Issue: may-2025 (the latest)\n');
    expect(result.code).toBe(0);
    const image = /static\/img\/newsletter\/may-2025\/team-photo-[0-9a-f]{8}\.png/.exec(result.stdout)?.[0];
    expect(result.stdout).toBe(
      `Published may-2025 into ${site}:\n  wrote        ${POST}\n  wrote        ${image}\n\nNext: review and commit in the site's repository: git -C ${site} status\n`,
    );
    expect(await readFile(join(site, image!))).toEqual(MAY['sections/may-2025/img/Team Photo.png']);
    // The post is the build's, byte for byte, and every image it names is a file of the site.
    const post = await readFile(join(site, POST), 'utf8');
    // Every post on the site carries a full timestamp, as the CMS writes it; issue.md gave the day.
    expect(post).toContain('\ndate: 2025-05-20T00:00:00.000Z\n');
    await runMain(['build', '--blog'], { cwd });
    expect(post).toBe(await readFile(join(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md'), 'utf8'));
    const paths = [...post.matchAll(/\]\((\/img\/[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(paths).toEqual(['/img/summit.png', `/img/${image!.slice('static/img/'.length)}`]);
    for (const path of paths) expect(existsSync(join(site, 'static', path))).toBe(true);
  });

  it('changes nothing the second time, and says so', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const site = await siteCheckout();
    await runMain(['publish', '--site', site], { cwd });
    const before = await snapshotTree(site);
    const again = await runMain(['publish', '--site', site, '--json'], { cwd });
    expect(again.code).toBe(0);
    const manifest = JSON.parse(again.stdout);
    expect(manifest).toEqual({
      issue: 'may-2025',
      site,
      written: [],
      unchanged: [POST, expect.stringMatching(/^static\/img\/newsletter\/may-2025\/team-photo-[0-9a-f]{8}\.png$/)],
      removed: [],
    });
    expect((await runMain(['publish', '--site', site], { cwd })).stdout).toBe(`✔ may-2025 is already published in ${site}; nothing to do.\n`);
    expect(await snapshotTree(site)).toEqual(before);
  });

  it('removes the image an earlier publish of the issue wrote when the post no longer shows it, and nothing else', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const site = await siteCheckout();
    expect((await runMain(['publish', '--site', site], { cwd })).code).toBe(0);
    const folder = 'static/img/newsletter/may-2025';
    const [first] = await readdir(join(site, folder));
    // Beside it, files publish did not write: an editor's, and one named like ours whose content is not its hash.
    await writeFiles(site, { [`${folder}/editor-photo.png`]: png(10, 10), [`${folder}/look-alike-0123abcd.png`]: png(20, 20) });

    // The photo changes: a new name (its content's hash), and the old file would stay forever.
    await writeFiles(cwd, { 'sections/may-2025/img/Team Photo.png': png(1200, 801) });
    const dry = await runMain(['publish', '--site', site, '--force', '--dry-run'], { cwd });
    expect(dry.stdout).toContain(`  would remove  ${folder}/${first}\n`);
    expect(await readdir(join(site, folder))).toContain(first);

    const forced = await runMain(['publish', '--site', site, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`  removed      ${folder}/${first}\n`);
    const left = await readdir(join(site, folder));
    expect(left).not.toContain(first);
    expect(left).toEqual(expect.arrayContaining(['editor-photo.png', 'look-alike-0123abcd.png']));
    expect(left).toHaveLength(3);
  });

  it('refuses to replace a published post that differs, unless forced', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const site = await siteCheckout();
    await runMain(['publish', '--site', site], { cwd });
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* News of the foundation, see [its site](https://openinfra.org/).\n* And more news.\n' });
    const before = await snapshotTree(site);
    const refused = await runMain(['publish', '--site', site], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `error ${POST} is already published and differs from this build (from line 27: 1 line new, 0 lines gone); nothing was written.\n  Check the site's copy first (it may hold an editor's fix); --force replaces it.\nIssue: may-2025 (the latest)\n`,
    );
    expect(await snapshotTree(site)).toEqual(before);
    const forced = await runMain(['publish', '--site', site, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`  wrote        ${POST}\\n  unchanged    static/img/newsletter/may-2025/team-photo-`));
    // The editor's fix it overwrote is named, as the refusal named it.
    expect(forced.stderr).toBe(
      `warning replaced ${POST}, which differed from this build (from line 27: 1 line new, 0 lines gone) (--force).\nIssue: may-2025 (the latest)\n`,
    );
    expect(await readFile(join(site, POST), 'utf8')).toContain('* And more news.\n');
  });

  it('writes nothing with --dry-run, and says what it would write', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const site = await siteCheckout();
    const before = await snapshotTree(site);
    const result = await runMain(['publish', '--site', site, '--dry-run'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Would publish may-2025 into ${site}:\\n  would write  ${POST}\\n  would write  static/img/newsletter/may-2025/team-photo-[0-9a-f]{8}\\.png\\nNothing was written \\(--dry-run\\)\\.\\n$`,
      ),
    );
    expect(await snapshotTree(site)).toEqual(before);
  });

  it('refuses the sample, listing its reasons, and writes nothing; --force publishes it and says what it overrode', async () => {
    const cwd = await sampleWorkspace();
    const site = await siteCheckout();
    const before = await snapshotTree(site);
    const result = await runMain(['publish', '--site', site], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error april-2025 is not ready to publish; nothing was written:');
    expect(lines).toContain('  - the section "OpenDev: Free Software Needs Free Tools" is a draft: sections/april-2025/spotlight.md (owner: Allison Price)');
    expect(lines).toContain(
      "  - hidePost is true in sections/april-2025/issue.md: the post would be hidden from the blog's lists, though its page is built and the RSS feed lists it",
    );
    // An event already past when the issue goes out reached readers: an error, and so in the way.
    expect(lines).toContain(
      '  - sections/april-2025/events.md:26: "March 6 & 7" is already past on the issue\'s date (2025-04-21); remove it or say what happened. (past-date)',
    );
    // The sample's images are site images, and this checkout lacks them.
    expect(lines).toContain(
      '  - sections/april-2025/events.md:30: /img/sponsors-2400x1200-4-.png is not in the site checkout (static/img/sponsors-2400x1200-4-.png); add it to the site, or fix the path. (site-image)',
    );
    expect(lines).toContain('  and 3 more (newsletter status april-2025 lists them all)');
    expect(lines.at(-2)).toBe('  Fix them, or publish anyway with --force.');
    expect(await snapshotTree(site)).toEqual(before);

    const forced = await runMain(['publish', '--site', site, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(
      /^warning publishing april-2025 although it is not ready \(--force\): \d+ things in the way, as newsletter status lists\.\nIssue: april-2025 \(the latest\)\n$/,
    );
    expect(existsSync(join(site, 'src/pages/blog/inside-open-infrastructure-april-2025.md'))).toBe(true);
  });

  it('takes the site from config siteRepo, and needs one', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const none = await runMain(['publish'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "error publish needs the site: --site DIR, a checkout of the site's repository.\n  Or set siteRepo: ../osf-website in the config.\n",
    );
    const notSite = await tempDir();
    const wrong = await runMain(['publish', '--site', notSite], { cwd });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.split('\n')[0]).toBe(`error ${notSite} has no src/pages/blog/; is it a checkout of the site?`);
    const site = await siteCheckout();
    await writeFiles(cwd, { 'newsletter.config.yaml': `siteRepo: ${JSON.stringify(site)}\nemail: { platform: mailchimp }\n` });
    expect((await runMain(['publish'], { cwd })).code).toBe(0);
    expect(existsSync(join(site, POST))).toBe(true);
  });
});

describe("an issue's own images", () => {
  it('are copied by build under stable names, and shown by the post at their site path and by the email at their URL', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const first = await runMain(['build', '--json'], { cwd });
    expect(first.code).toBe(0);
    const manifest = JSON.parse(first.stdout) as { images: string[] };
    expect(manifest.images).toHaveLength(1);
    const name = manifest.images[0]!.split('/').pop()!;
    expect(name).toMatch(/^team-photo-[0-9a-f]{8}\.png$/);
    expect(await readFile(join(cwd, 'dist/may-2025/img', name))).toEqual(MAY['sections/may-2025/img/Team Photo.png']);
    expect(await readFile(join(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md'), 'utf8')).toContain(
      `![The Kata team at the PTG](/img/newsletter/may-2025/${name})\n`,
    );
    expect(await readFile(join(cwd, 'dist/may-2025/email.html'), 'utf8')).toContain(`src="https://openinfra.org/img/newsletter/may-2025/${name}"`);
    // Same sources, same bytes, same names.
    const built = await snapshotTree(join(cwd, 'dist'));
    await runMain(['build'], { cwd });
    expect(await snapshotTree(join(cwd, 'dist'))).toEqual(built);
  });

  it('are checked by lint at the line that shows them: missing, heavy, too wide, or in a format mail clients cannot show', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      ...MAY,
      'sections/may-2025/kata.md': [
        '* Kata 3.15: ![A small diagram](img/tiny.png)',
        '* ![The release party](img/party.png)',
        '* ![The team, 6 MB](img/heavy.png)',
        '* ![A banner](img/banner.png)',
        '* ![The logo](img/logo.webp)',
      ].join('\n'),
      'sections/may-2025/img/tiny.png': png(2, 2),
      'sections/may-2025/img/heavy.png': heavyPng(6 * 1024 * 1024),
      'sections/may-2025/img/banner.png': png(3000, 10),
      'sections/may-2025/img/logo.webp': webp(),
    });
    const result = await runMain(['lint', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    const kata = (
      JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string; line: number; column: number }[] }[]
    ).find((r) => r.filePath.endsWith('kata.md'))!;
    expect(kata.messages.map((m) => `${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warn'} ${m.ruleId} ${m.message}`)).toEqual([
      '2:3 error local-image img/party.png is not in sections/may-2025/; add the file there, or fix the path.',
      '3:3 error image-size img/heavy.png weighs 6.0 MB; over 5.0 MB many readers wait for it or never see it: export it under 1.0 MB.',
      '4:3 warn image-size img/banner.png is 3000 px wide; past 2400 px only adds weight (the email is 600 px wide; 1200 px is sharp on any screen).',
      '5:3 warn image-format img/logo.webp is WebP, which Outlook for Windows and older mail apps do not show; use PNG or JPEG in the email.',
    ]);
  });

  it('are checked against the site checkout with lint --site', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...MAY, 'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n\n![Our sponsors](/img/sponsors.png)\n' });
    const site = await siteCheckout();
    expect((await runMain(['lint'], { cwd })).code).toBe(0);
    const result = await runMain(['lint', '--site', site, '--format', 'github'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      '::error file=sections/may-2025/events.md,line=3,col=1,endLine=3,endColumn=35,title=site-image::/img/sponsors.png is not in the site checkout (static/img/sponsors.png); add it to the site, or fix the path.\n',
    );
  });
});
