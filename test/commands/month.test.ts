import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/images.js';
import { rawGet, startPreviewCli } from '../helpers/preview.js';
import { writeSite } from '../helpers/site.js';
import { smtpServer } from '../helpers/smtp.js';
import { read, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * An editor's month, December 2026, against a checkout with the real site's shapes (a post of
 * several hundred KB with an inlined image, posts that are not newsletters, last year's events
 * at this year's links, the 2026 events format in the latest post), siteRepo in the config as
 * the README suggests: every command as the editor runs it, none refused for the site.
 */

const ISSUE = 'sections/december-2026';

describe("the editor's month on a checkout shaped like the real site", () => {
  it("new, section add, lint, fix, preview with the site's images, build, send, publish and publish again", async () => {
    const cwd = await tempDir();
    const site = await tempDir();
    await writeSite(site, { otherPosts: 100, authors: 38 });
    await writeFiles(cwd, {
      'newsletter.config.yaml': `siteRepo: ${site}\nemail:\n  platform: emma\n  from: "OpenInfra Foundation <newsletter@openinfra.org>"\n`,
    });

    // 1. The issue opens with the site's conventions, its section headings and its upcoming events.
    const made = await runMain(['new', 'december-2026', '--yes', '--date', '2026-12-08', '--sections', 'spotlight,foundation,events', '--verbose'], { cwd });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Every post and author of the site checkout was read.\n');
    // Nothing over by the issue's date is offered: not last year's Korea day, not "August-September 2026".
    expect(made.stdout).not.toMatch(/Korea|Tokyo|Vietnam|A conference long gone/);
    const events = await read(cwd, `${ISSUE}/events.md`);
    expect(events).toContain('\ntitle: More OpenInfra Community Events\n');

    expect((await runMain(['section', 'add', 'member-story', '--owner', '@jdoe', '--heading', 'Member Story'], { cwd })).code).toBe(0);

    // 2. The sections, as writers write them: a camera's file name, an image of the site, the events' closing words.
    await writeFiles(cwd, {
      [`${ISSUE}/img/UPP Hackathon 2026.png`]: png(1200, 800),
      [`${ISSUE}/spotlight.md`]:
        '---\ntitle: The UPP hackathon\nstatus: ready\n---\nTwenty teams met in Paris on 14 November.\n\n![The UPP hackathon teams at work](img/UPP Hackathon 2026.png)\n',
      [`${ISSUE}/foundation.md`]:
        '---\nstatus: ready\n---\nThe board approved the 2027 budget. Thanks to our sponsors:\n\n![The logos of the 2026 sponsors](/img/sponsors.png)\n',
      [`${ISSUE}/member-story.md`]:
        '---\ntitle: Member Story\nowner: "@jdoe"\nstatus: ready\n---\nA member tells how they run OpenStack for a national research network.\n',
      [`${ISSUE}/events.md`]: events
        .replace('status: draft', 'status: ready')
        .replace(/<!--[\s\S]*-->\n/, '<!-- events -->\n\nVisit [2026 OpenInfra events](https://openinfra.org/events/) for a full list of gatherings.\n'),
    });
    const linted = await runMain(['lint'], { cwd });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toMatch(/the image's path "img\/UPP Hackathon 2026\.png" holds spaces/);
    const fixed = await runMain(['lint', '--fix'], { cwd });
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(await read(cwd, `${ISSUE}/spotlight.md`)).toContain('(<img/UPP Hackathon 2026.png>)');
    const status = await runMain(['status', '--check'], { cwd });
    expect(status.code, status.stdout + status.stderr).toBe(0);

    // 3. The preview shows both images from this machine, never from their future address on the site.
    const preview = await startPreviewCli(cwd);
    try {
      const shown = (await rawGet(preview.port, '/december-2026/email.html?shown')).body.toString();
      expect(shown).toContain('src="/december-2026/img/site_0.png"');
      expect(shown).toMatch(/src="\/december-2026\/img\/upp-hackathon-2026-[0-9a-f]{8}\.png"/);
      expect(shown).not.toMatch(/src="https:\/\/openinfra\.org\/img\//);
      const image = await rawGet(preview.port, '/december-2026/img/site_0.png');
      expect([image.status, image.headers['content-type']]).toEqual([200, 'image/png']);
    } finally {
      await preview.stop();
    }

    // 4. The outputs: the published addresses, no angle brackets, the events before their closing words.
    const built = await runMain(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    const { outputs } = JSON.parse(built.stdout) as { outputs: Record<string, string> };
    const post = await readFile(outputs.blog!, 'utf8');
    expect(post).toMatch(/!\[The UPP hackathon teams at work\]\(\/img\/newsletter\/december-2026\/upp-hackathon-2026-[0-9a-f]{8}\.png\)/);
    expect(post).toContain('\n### More OpenInfra Community Events\n');
    expect(post.indexOf('Visit [2026 OpenInfra events]')).toBeGreaterThan(post.indexOf('### More OpenInfra Community Events'));
    expect(await readFile(outputs.html!, 'utf8')).toContain('[% unsubscribe %]');

    // 5. A test message carries both images inline.
    const { port, received } = await smtpServer();
    const sent = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` } });
    expect(sent.code, sent.stderr).toBe(0);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'image/png']);

    // 6. Published into the checkout, the large post and all; again, nothing changes.
    const published = await runMain(['publish'], { cwd });
    expect(published.code, published.stderr).toBe(0);
    expect(existsSync(join(site, 'src/pages/blog/inside-open-infrastructure-december-2026.md'))).toBe(true);
    const again = await runMain(['publish'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('is already published');
  });
});
