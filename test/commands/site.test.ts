import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { siteFiles, writeSite } from '../helpers/site.js';
import { read, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * The site as the source of truth, on checkouts laid out like osf-website in temporary
 * folders: `new` takes today's conventions from it, lint checks a post against what it knows,
 * publish writes a post that matches its latest, and a checkout that cannot be read is one
 * line and exit 2, whatever is wrong with it.
 */

const CONFIG = 'email:\n  unsubscribeUrl: https://openinfra.org/unsubscribe\n';
const LATEST = 'src/pages/blog/inside-open-infrastructure-june-2026-1.md';

/** The fragments of a finished August 2026 issue, over what `new` scaffolded. */
const WRITTEN = {
  'sections/august-2026/spotlight.md':
    '---\ntitle: The Summit schedule is out\nstatus: ready\n---\nThe schedule for the OpenInfra Summit is out, with talks from operators across the world.\n',
  'sections/august-2026/foundation.md': '---\nstatus: ready\n---\n* The board met and approved the budget for the next year.\n',
  'sections/august-2026/events.md': '---\nstatus: ready\n---\n* 17-19 October 2026 | Paris-Saclay, France\n',
};

async function workspaceAndSite(site: Record<string, string | Buffer> = siteFiles()): Promise<{ cwd: string; siteDir: string }> {
  const cwd = await tempDir();
  const siteDir = await tempDir();
  await writeFiles(cwd, { 'newsletter.config.yaml': CONFIG });
  await writeFiles(siteDir, site);
  return { cwd, siteDir };
}

describe('a site checkout as the source of truth', () => {
  it("gives new its latest newsletter post's conventions; the issue lints clean against the site and publishes a post that matches that post", async () => {
    const { cwd, siteDir } = await workspaceAndSite();
    const made = await runMain(
      ['new', 'august-2026', '--yes', '--site', siteDir, '--date', '2026-09-02', '--sections', 'spotlight,foundation,events', '--verbose'],
      { cwd },
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`As the site's latest newsletter post does: ${LATEST}\n`);
    expect(made.stdout).toMatch(new RegExp(`author\\s+Allison Price\\s+from the site \\(${LATEST.replace(/[.-]/g, '\\$&')}\\)`));
    expect(made.stdout).toMatch(/postUrl\s+https:\/\/openinfra\.org\/blog\/openinfra-newsletter-\{slug\}\s+from the site/);
    expect(made.stdout).toMatch(/category\s+Community \(category-h2Ztx9rpD\)\s+from the site/);
    expect(made.stdout).toMatch(/headingLevel\s+3\s+from the site/);
    expect(made.stdout).toMatch(/taglines\s+false\s+from the site/);

    await writeFiles(cwd, WRITTEN);
    const linted = await runMain(['lint', '--site', siteDir], { cwd });
    expect(linted.stdout + linted.stderr).toContain('no problems');
    expect(linted.code).toBe(0);

    const published = await runMain(['publish', '--site', siteDir], { cwd });
    expect(published.code, published.stderr).toBe(0);
    const post = await read(siteDir, 'src/pages/blog/inside-open-infrastructure-august-2026.md');
    // The CMS's front matter, as the site's templates read it.
    type Post = Record<string, unknown> & { seo: Record<string, string> };
    const latest = parseSourceParts(await read(siteDir, LATEST), 'latest').data as Post;
    const data = parseSourceParts(post, 'post').data as Post;
    // Every value that is a convention is the latest post's; the rest are this issue's own.
    expect(data.templateKey).toBe(latest.templateKey);
    expect(data.author).toBe(latest.author);
    expect(data.category).toEqual(latest.category);
    expect(data.hidePost).toBe(latest.hidePost);
    expect(data.seo.twitterUsername).toBe(latest.seo.twitterUsername);
    expect(data.seo.description).toBe(latest.seo.description);
    expect(data.seo.url).toBe(latest.seo.url?.replace('july-2026', 'august-2026'));
    expect(data.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Object.keys(data)).toEqual(Object.keys(latest));
    expect(Object.keys(data.seo).sort()).toEqual(Object.keys(latest.seo).sort());
    expect(post).toContain('\n### OpenInfra Foundation News\n');
    expect(post).not.toMatch(/^#{1,2} /m);
  });

  it("keeps the latest post's older headings (## with taglines) in the issue, and takes what config says over the site", async () => {
    const files = siteFiles();
    files[LATEST] = String(files[LATEST])
      .replace(/^### OpenStack$/m, '## OpenStack: Open source software for creating private and public clouds')
      .replace(/^### /gm, '## ');
    const { cwd, siteDir } = await workspaceAndSite(files);
    await writeFiles(cwd, { 'newsletter.config.yaml': `${CONFIG}author: Jürgen Müller\n` });
    const made = await runMain(['new', 'august-2026', '--yes', '--site', siteDir, '--date', '2026-09-02', '--sections', 'foundation,openstack', '--verbose'], {
      cwd,
    });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/author\s+Jürgen Müller\s+from the config/);
    const issue = await read(cwd, 'sections/august-2026/issue.md');
    expect(issue).toContain('\nauthor: Jürgen Müller\n');
    expect(issue).toContain('\nheadingLevel: 2\ntaglines: true\n');
    await writeFiles(cwd, { 'sections/august-2026/openstack.md': '* A release.\n' });
    const built = await runMain(['build', '--blog', '--json'], { cwd });
    const post = await readFile(JSON.parse(built.stdout).outputs.blog, 'utf8');
    expect(post).toContain('\n## OpenStack: Open source software for creating private and public clouds\n\n* A release.\n');
  });

  it("starts the events section with the site's own upcoming events, as data, and lists those it could not date", async () => {
    const { cwd, siteDir } = await workspaceAndSite();
    const made = await runMain(['new', 'august-2026', '--yes', '--site', siteDir, '--date', '2026-09-02'], { cwd });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(
      [
        "From the site's event list, 5 upcoming events in events.md:",
        '  2026-09-29  OpenInfra Day Korea',
        '  2026-10-12  Project Teams Gathering',
        '  2026-10-22  Sovereign Cloud Days Germany',
        '  2026-11-03  OpenInfra Track at ALASCA Summit',
        '  2026-12-08  OpenInfra Summit',
        'Left out, to add by hand if they belong (3):',
        '  OpenInfra Day Kenya: "September 4 & 5, 2026", no link (src/pages/days/index.md)',
        '  Ceph Day x OpenInfra Day North America: "TBD", no link (src/pages/days/index.md)',
        '  Cloud Operator Days Tokyo: "August-September 2026", months, not days (src/pages/days/index.md)',
      ].join('\n'),
    );
    const events = parseSourceParts(await read(cwd, 'sections/august-2026/events.md'), 'events.md').data.events as Record<string, string>[];
    expect(events[0]).toEqual({ name: 'OpenInfra Day Korea', url: 'https://days.example.org/korea/', start: '2026-09-29', location: 'Seoul, South Korea' });
    expect(events[2]).toEqual({
      name: 'Sovereign Cloud Days Germany',
      url: 'https://sovereign.example.org/en/',
      start: '2026-10-22',
      end: '2026-10-25',
      location: 'Saarbrücken, Germany',
    });
    // As data, they lint as events do, and agree with the site.
    await writeFiles(cwd, { 'sections/august-2026/events.md': (await read(cwd, 'sections/august-2026/events.md')).replace('status: draft', 'status: ready') });
    const linted = await runMain(['lint', '--site', siteDir, '--format', 'json'], { cwd });
    const messages = (JSON.parse(linted.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(messages.filter((id) => id.startsWith('event') || id === 'site-event')).toEqual([]);
    const built = await runMain(['build', '--blog', '--json'], { cwd });
    expect(await readFile(JSON.parse(built.stdout).outputs.blog, 'utf8')).toContain(
      '**[OpenInfra Summit](https://summit.example.org/asia/)**\n\n* 8-9 December 2026 | Shanghai, China\n',
    );
  });

  it("asks on a terminal for an author the site knows, with the site's latest as the default", async () => {
    const { cwd, siteDir } = await workspaceAndSite();
    const answers = { title: 'Inside Open Infrastructure: August 2026', date: '2026-09-02', description: 'News', sections: ['foundation'], 'section-1': '' };
    const wrong = await runMain(['new', 'august-2026', '--site', siteDir], { cwd, interactive: true, answers: { ...answers, author: 'Alison Price' } });
    expect(wrong.stderr).toContain('prompt "author" refused Alison Price: Not an author of the site; did you mean Allison Price?');
    expect(existsSync(join(cwd, 'sections/august-2026'))).toBe(false);
    const right = await runMain(['new', 'august-2026', '--site', siteDir], { cwd, interactive: true, answers: { ...answers, author: 'Jürgen Müller' } });
    expect(right.code, right.stderr).toBe(0);
    expect(await read(cwd, 'sections/august-2026/issue.md')).toContain('\nauthor: Jürgen Müller\n');
  });

  it('reports, each at its line, an author, a category and a route the site does not allow, and stops publish on them', async () => {
    const { cwd, siteDir } = await workspaceAndSite();
    await writeFiles(cwd, {
      ...WRITTEN,
      'sections/august-2026/issue.md': [
        '---',
        'title: "Inside Open Infrastructure: August 2026"',
        'author: Allison Prise',
        'date: 2026-09-02',
        'category:',
        '  - value: category-h2Ztx9rpD',
        '    label: Comunity',
        'seo:',
        '  url: https://openinfra.org/blog/openinfra-newsletter-july-2026',
        '  description: ""',
        '---',
        '',
      ].join('\n'),
    });
    const linted = await runMain(['lint', '--site', siteDir], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/3:1\s+error\s+author "Allison Prise" is not an author of the site; did you mean "Allison Price"\?\s+site-author/);
    expect(linted.stdout).toMatch(/5:1\s+error\s+category category-h2Ztx9rpD is labelled "Community" on the site, not "Comunity"\.\s+site-category/);
    expect(linted.stdout).toMatch(
      /9:1\s+error\s+seo\.url gives the route \/blog\/openinfra-newsletter-july-2026, which is already the route of src\/pages\/blog\/inside-open-infrastructure-june-2026-1\.md \("Inside Open Infrastructure: July 2026"\); two posts cannot share one\.\s+route-collision/,
    );
    expect(linted.stdout).toMatch(
      /10:1\s+error\s+seo\.description is empty, and the site's CMS requires it \(static\/admin\/config\.yml, field "Description"\)\.\s+site-fields/,
    );

    const before = await snapshotTree(siteDir);
    const published = await runMain(['publish', '--site', siteDir], { cwd });
    expect(published.code).toBe(1);
    expect(published.stderr).toContain('site-author');
    expect(await snapshotTree(siteDir)).toEqual(before);
  });

  describe('a checkout whose shared files cannot be read is one line naming the file, exit 2, and nothing written', () => {
    const cases: [string, (site: string) => Promise<void>, RegExp][] = [
      [
        'broken YAML in the CMS config',
        (site) => writeFiles(site, { 'static/admin/config.yml': 'collections:\n  - name: blog\n    fields: [ { name: title\n' }),
        /^error \S+\/static\/admin\/config\.yml:\d+:\d+: the site checkout's \S+\/static\/admin\/config\.yml is not valid YAML: /,
      ],
      [
        'a CMS config with no blog collection',
        (site) => writeFiles(site, { 'static/admin/config.yml': 'collections:\n  - name: pages\n    fields: []\n' }),
        /^error \S+\/static\/admin\/config\.yml: the site checkout's \S+ has no collection named blog/,
      ],
      [
        'a blog config that is not JSON',
        (site) => writeFiles(site, { 'src/content/blog-config.json': '{ "categories": [ }' }),
        /^error \S+\/src\/content\/blog-config\.json: the site checkout's \S+ is not valid JSON: /,
      ],
      [
        'an events page whose front matter does not parse',
        (site) => writeFiles(site, { 'src/pages/days/index.md': '---\nupcomingMeetups: [broken\n---\n' }),
        /^error \S+\/src\/pages\/days\/index\.md:2:\d+: the site checkout's \S+ cannot be read: /,
      ],
      [
        'an upcoming summits file that is not JSON',
        (site) => writeFiles(site, { 'src/content/upcoming-summits.json': '{ "summits": [' }),
        /^error \S+\/src\/content\/upcoming-summits\.json: the site checkout's \S+ is not valid JSON: /,
      ],
      // Read through, /etc would be a site with no authors, and site-author would pass any name.
      [
        'an author folder that is a link out of the checkout',
        async (site) => {
          const outside = await tempDir();
          await writeFiles(outside, { 'secret.md': '---\nauthorName: SECRET-TOKEN-123\n---\n' });
          await rm(join(site, 'src/pages/author'), { recursive: true });
          symlinkSync(outside, join(site, 'src/pages/author'));
        },
        /^error \S+\/src\/pages\/author: the site checkout's \S+ is a link out of the checkout \(to \S+\); the site's folders are read only within it\./,
      ],
    ];
    it.each(cases)('%s', async (_name, spoil, message) => {
      const { cwd, siteDir } = await workspaceAndSite();
      await writeFiles(cwd, { ...WRITTEN, 'sections/august-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\n---\n' });
      await spoil(siteDir);
      for (const args of [
        ['lint', '--site', siteDir],
        ['new', 'september-2026', '--yes', '--site', siteDir],
        ['publish', '--site', siteDir],
        ['publish', '--dry-run', '--site', siteDir],
      ]) {
        const result = await runMain(args, { cwd });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stderr.split('\n')[0], args.join(' ')).toMatch(message);
        expect(result.stderr).not.toContain('git status');
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stdout + result.stderr).not.toContain('SECRET-TOKEN-123');
      }
      expect(existsSync(join(cwd, 'sections/september-2026'))).toBe(false);
      expect(existsSync(join(siteDir, 'src/pages/blog/inside-open-infrastructure-august-2026.md'))).toBe(false);

      // build, status and preview need nothing of the site: with it as siteRepo they say so in one line and go on.
      await writeFiles(cwd, { 'newsletter.config.yaml': `${CONFIG}siteRepo: ${siteDir}\n` });
      for (const args of [['build'], ['status']]) {
        const result = await runMain(args, { cwd });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        const warning = result.stderr.split('\n').find((line) => line.endsWith("The site's checks were left out."));
        expect(warning, `${args.join(' ')}: ${result.stderr}`).toMatch(/^warning /);
        expect(warning!.replace(/^warning /, 'error ').replace(/ The site's checks were left out\.$/, '')).toMatch(message);
      }
      expect(existsSync(join(cwd, 'dist/august-2026/email.html'))).toBe(true);
      // Ready means what publish means, and publish would stop at the site.
      const check = await runMain(['status', '--check'], { cwd });
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('the site checkout cannot be read, so publish and send would stop');
    });
  });

  describe('a post or author the checkout holds that cannot be read is left out, said with --verbose, and stops nothing', () => {
    const cases: [string, (site: string) => Promise<void>, RegExp][] = [
      [
        'a post that links out of the checkout',
        async (site) => {
          const outside = await tempDir();
          await writeFiles(outside, { 'secret.md': '---\ntitle: SECRET-TOKEN-123\n---\n' });
          symlinkSync(join(outside, 'secret.md'), join(site, 'src/pages/blog/linked.md'));
        },
        /^ {2}src\/pages\/blog\/linked\.md cannot be read: it is a link that leads outside the checkout; links are followed only within it\.$/,
      ],
      [
        'a post whose front matter does not parse',
        (site) => writeFiles(site, { 'src/pages/blog/broken.md': '---\ntitle: [broken\n---\n' }),
        /^ {2}src\/pages\/blog\/broken\.md cannot be read: front matter is not valid YAML/,
      ],
      [
        'a post that is not UTF-8',
        (site) => writeFiles(site, { 'src/pages/blog/latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]) }),
        /^ {2}src\/pages\/blog\/latin1\.md is not UTF-8 text\.$/,
      ],
      [
        'a post of 300 KB whose front matter never ends',
        (site) => writeFiles(site, { 'src/pages/blog/huge.md': `---\ntitle: Huge\n${'x: y\n'.repeat(80 * 1024)}---\n` }),
        /^ {2}src\/pages\/blog\/huge\.md has front matter that does not end within the first 256 KB read of it\.$/,
      ],
      [
        'an author file that is not UTF-8',
        (site) => writeFiles(site, { 'src/pages/author/latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x3a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]) }),
        /^ {2}src\/pages\/author\/latin1\.md is not UTF-8 text\.$/,
      ],
    ];
    it.each(cases)('%s', async (_name, spoil, listed) => {
      const { cwd, siteDir } = await workspaceAndSite();
      await writeFiles(cwd, { ...WRITTEN, 'sections/august-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\n---\n' });
      await spoil(siteDir);
      const linted = await runMain(['lint', '--site', siteDir, '--verbose'], { cwd });
      expect(linted.code, linted.stdout + linted.stderr).toBe(0);
      expect(linted.stderr).toContain('Left out of the site checkout, unread (1 file):\n');
      expect(linted.stderr.split('\n')).toContainEqual(expect.stringMatching(listed));
      const quiet = await runMain(['lint', '--site', siteDir], { cwd });
      expect(quiet.stdout + quiet.stderr).not.toContain('Left out');
      expect(quiet.stderr).toContain('note: 1 file of the site checkout left out unread (--verbose lists them, and why).\n');
      const made = await runMain(['new', 'september-2026', '--yes', '--site', siteDir, '--verbose'], { cwd });
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout.split('\n')).toContainEqual(expect.stringMatching(listed));
      const published = await runMain(['publish', 'august-2026', '--site', siteDir], { cwd });
      expect(published.code, published.stderr).toBe(0);
      for (const result of [linted, made, published]) expect(result.stdout + result.stderr).not.toContain('SECRET-TOKEN-123');
    });

    it("an author file left out is named where site-author cannot find the issue's author", async () => {
      const { cwd, siteDir } = await workspaceAndSite();
      await writeFiles(cwd, { ...WRITTEN, 'sections/august-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\n---\n' });
      await writeFiles(siteDir, { 'src/pages/author/allison-price.md': '---\nauthorName: [Allison Price\n---\n' });
      const linted = await runMain(['lint', '--site', siteDir], { cwd });
      expect(linted.code).toBe(1);
      expect(linted.stdout).toContain(
        'author "Allison Price" (config author) is not an author of the site (it has 4, in src/pages/author/). The site\'s author file src/pages/author/allison-price.md could not be read (lint --verbose says why).',
      );
    });

    it("the issue's own published post is the one post lint needs: unread, moved-url says it cannot check, at seo.url", async () => {
      const { cwd, siteDir } = await workspaceAndSite();
      await writeFiles(cwd, {
        ...WRITTEN,
        'sections/august-2026/issue.md':
          '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-august-2026\n---\n',
      });
      await writeFiles(siteDir, { 'src/pages/blog/inside-open-infrastructure-august-2026.md': Buffer.from('---\ntitle: \xff\n---\n', 'latin1') });
      const linted = await runMain(['lint', '--site', siteDir], { cwd });
      expect(linted.code).toBe(1);
      expect(linted.stdout).toMatch(
        /5:1 +error +the site's published post of this issue, src\/pages\/blog\/inside-open-infrastructure-august-2026\.md, is not UTF-8 text; whether seo\.url would move it cannot be checked\. Fix that file in the site checkout\. +moved-url/,
      );
    });
  });

  it('reads a checkout as large as osf-website (125 posts, 40 authors), passing over what is no file of its own (a pipe never hangs it)', async () => {
    const cwd = await tempDir();
    const siteDir = await tempDir();
    await writeSite(siteDir, { otherPosts: 106, authors: 38 });
    execFileSync('mkfifo', [join(siteDir, 'src/pages/blog/pipe.md')]);
    await writeFiles(cwd, {
      'newsletter.config.yaml': CONFIG,
      ...WRITTEN,
      'sections/august-2026/issue.md': '---\ntitle: "Inside Open Infrastructure: August 2026"\ndate: 2026-09-02\n---\n',
    });
    const linted = await runMain(['lint', '--site', siteDir], { cwd });
    expect(linted.code, linted.stdout + linted.stderr).toBe(0);
  });
});
