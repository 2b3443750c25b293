import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawGet, startPreviewCli } from '../helpers/preview.js';
import { png } from '../helpers/images.js';
import { runCli } from '../helpers/bin.js';
import { timeFor } from '../helpers/budget.js';
import { readyMayIssue, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

/** Resolves with the first server-sent event named `version` after `since`, or rejects after `ms`. */
function nextVersion(port: number, since: string): Promise<string> {
  return new Promise((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request({ host: '127.0.0.1', port, path: '/april-2025/events' }, (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (const match of buffer.matchAll(/event: version\ndata: (\S+)\n\n/g)) {
            if (match[1] !== since) {
              req.destroy();
              resolve(match[1]!);
            }
          }
        });
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

const versionOf = (html: string): string => /data-version="([^"]+)"/.exec(html)![1]!;

describe('newsletter preview over HTTP', () => {
  it('serves the raw outputs byte for byte as build writes them, in a workspace that is only sections/', async () => {
    const dir = await sampleWorkspace({ 'sections/april-2025/img/team.png': png(64, 32) });
    await writeFile(
      join(dir, 'sections/april-2025/kata.md'),
      `${await readFile(join(dir, 'sections/april-2025/kata.md'), 'utf8')}\n![The Kata team](img/team.png)\n`,
    );
    const preview = await startPreviewCli(dir);
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const built = await runCli(['build', '--json'], { cwd: dir });
    expect(built.code).toBe(0);
    const { outputs, images } = JSON.parse(built.stdout) as { outputs: Record<string, string>; images: string[] };
    for (const [path, file] of [
      ['email.html', outputs.html],
      ['email.txt', outputs.text],
      ['email.mjml', outputs.mjml],
      ['blog.md', outputs.blog],
    ] as const) {
      const answer = await rawGet(preview.port, `/april-2025/${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.body.equals(await readFile(file!)), `${path} differs from ${file}`).toBe(true);
    }
    // The issue's own image, under the name build gives it.
    const name = images[0]!.split('/').pop()!;
    const image = await rawGet(preview.port, `/april-2025/img/${name}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body.equals(await readFile(images[0]!))).toBe(true);
    // The email is served with a policy that lets no script run.
    const email = await rawGet(preview.port, '/april-2025/email.html');
    expect(email.headers['content-security-policy']).toContain("default-src 'none'");
    expect(email.headers['content-security-policy']).not.toContain('script-src');
  });

  it.each([
    ['siteRepo', true],
    ['--site', false],
  ])(
    'shows the site images that only the site checkout holds yet (named by %s), from the checkout and never from the site, and nothing else of it',
    async (_named, inConfig) => {
      const site = await tempDir();
      const hero = png(640, 320);
      await writeFiles(site, { 'static/img/graphics-for-su-1-.png': hero, 'static/img/other.png': png(8, 8) });
      const dir = await sampleWorkspace(inConfig ? { 'newsletter.config.yaml': `siteRepo: ${site}\n` } : {});
      const preview = await startPreviewCli(dir, inConfig ? [] : ['--site', site]);
      const page = (await rawGet(preview.port, '/april-2025/')).body.toString('utf8');
      const images = JSON.parse(/<script type="application\/json" id="images" data-live>([^<]*)<\/script>/.exec(page)![1]!) as Record<string, string>;
      const served = images['https://openinfra.org/img/graphics-for-su-1-.png'];
      expect(served).toMatch(/^\/april-2025\/img\/site_\d+\.png$/);
      // The blog post names it by its site path, and is shown it from the same place.
      expect(images['/img/graphics-for-su-1-.png']).toBe(served);
      // The frames are given the email with the image already at the preview's address: the site is never asked for it.
      const shown = (await rawGet(preview.port, '/april-2025/email.html?shown')).body.toString('utf8');
      expect(shown).toContain(`src="${served}"`);
      expect(shown).not.toContain('src="https://openinfra.org/img/graphics-for-su-1-.png"');
      const image = await rawGet(preview.port, served!);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.body.equals(hero)).toBe(true);
      // An image of the checkout the issue does not show is not served.
      expect(Object.keys(images).some((address) => address.includes('other.png'))).toBe(false);
      expect((await rawGet(preview.port, '/april-2025/img/site_9.png')).status).toBe(404);
    },
  );

  it('renders the issue when the site checkout cannot be read, and shows why among the problems', async () => {
    const site = await tempDir();
    await writeFiles(site, { 'static/admin/config.yml': 'collections: [\n', 'src/pages/blog/.keep': '' });
    const dir = await sampleWorkspace({ 'newsletter.config.yaml': `siteRepo: ${site}\n` });
    const preview = await startPreviewCli(dir);
    const page = (await rawGet(preview.port, '/april-2025/')).body.toString('utf8');
    expect(page).not.toContain('Not rendered');
    expect(page).toContain('static/admin/config.yml is not valid YAML');
    expect(page).toContain('The site&#39;s checks were left out.');
    expect((await rawGet(preview.port, '/april-2025/email.html')).status).toBe(200);
  });

  it("shows an issue's events as data, calendar links and all, in the email and the post", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      ...readyMayIssue(),
      'sections/may-2025/events.md':
        '---\nevents:\n  - name: OpenStack Day Japan\n    url: https://openstack.jp/days/2025/\n    start: 2025-06-26\n    location: Tokyo, Japan\n---\n',
    });
    const preview = await startPreviewCli(dir);
    const email = (await rawGet(preview.port, '/may-2025/email.html')).body.toString('utf8').replaceAll('&#x26;', '&');
    expect(email).toContain('26 June 2025 | Tokyo, Japan');
    expect(email).toContain('href="https://calendar.google.com/calendar/render?action=TEMPLATE&text=OpenStack+Day+Japan&dates=20250626%2F20250627&');
    expect(email).toContain('href="https://openinfra.org/invites/openstack-day-japan-2025-06-26.ics"');
    const page = (await rawGet(preview.port, '/may-2025/')).body.toString('utf8').replaceAll('&#x26;', '&').replaceAll('&amp;', '&');
    expect(page).toContain('<a href="https://calendar.google.com/calendar/render?action=TEMPLATE&text=OpenStack+Day+Japan');
  });

  it('redirects / to the latest issue, and its page carries a Content-Security-Policy', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const root = await rawGet(preview.port, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/april-2025/');
    const page = await rawGet(preview.port, '/april-2025/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const html = page.body.toString();
    expect(html).toContain('Inside Open Infrastructure: April 2025');
    expect(html).toContain('sections/april-2025/');
    // The editor's questions: can it ship (status's verdict), when is it due, does it fit Gmail.
    expect(html).toMatch(
      /<h2 class="bad">Not ready: \d+ blockers<\/h2><p>Due 2025-04-21 \(\d+ days ago\)\.<\/p><p>Email \d+ KB of HTML; Gmail clips past 102 KB\.<\/p>/,
    );
    expect(html).toContain('<li>the section &quot;OpenDev: Free Software Needs Free Tools&quot; is a draft: sections/april-2025/spotlight.md');
  });

  it('says when an issue is ready to ship', async () => {
    const dir = await tempDir();
    await writeFiles(dir, readyMayIssue({ sender: true }));
    const preview = await startPreviewCli(dir);
    const html = (await rawGet(preview.port, '/may-2025/')).body.toString();
    expect(html).toMatch(/<h2 class="good">Ready to ship<\/h2><p>Due 2025-05-20 \(/);
    expect(html).toContain('<p class="good">None: lint finds nothing in this issue.</p>');
    expect(html).toContain('<span class="from">OpenInfra Foundation</span>');
  });

  it('answers traversal attempts and unknown paths with 4xx, and nothing from outside', async () => {
    const dir = await sampleWorkspace({ 'newsletter.config.yaml': 'name: SECRET-CONFIG-MARKER\n' });
    await symlink('/etc/passwd', join(dir, 'sections/april-2025/passwd.png'));
    await writeFile(join(dir, 'sections/april-2025/kata.md'), `${await readFile(join(dir, 'sections/april-2025/kata.md'), 'utf8')}\n![x](passwd.png)\n`);
    const preview = await startPreviewCli(dir);
    const attempts = [
      '/../../../../etc/passwd',
      '/april-2025/../../../../etc/passwd',
      '/april-2025/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/newsletter.config.yaml',
      '/april-2025/img/..%2f..%2f..%2fnewsletter.config.yaml',
      '/april-2025/img/%252e%252e/x',
      '//etc/passwd',
      '/april-2025/img//etc/passwd',
      '/april-2025/img/%2fetc%2fpasswd',
      '/april-2025/..\\..\\newsletter.config.yaml',
      '/april-2025/issue.md',
      '/sections/april-2025/issue.md',
      '/newsletter.config.yaml',
      '/april-2025/img/',
      '/april-2025/img/passwd.png',
      '/april-2025/email.html%00',
      '/_preview/',
      '/_preview/../package.json',
      '/_preview/preview.js/..',
      '/april-2025/dist',
      '/nope/',
      '/april-2025/nope',
      '/april-2025/img/nope.png',
      '/C:/Windows/win.ini',
      '/april-2025/email.html/x',
    ];
    for (const path of attempts) {
      const answer = await rawGet(preview.port, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      const body = answer.body.toString();
      expect(body, path).not.toContain('root:');
      expect(body, path).not.toContain('SECRET-CONFIG-MARKER');
      expect(body, path).not.toContain('status:');
    }
    // The symlinked image is not among the issue's images the preview serves, under any name.
    expect((await rawGet(preview.port, '/april-2025/')).body.toString()).not.toMatch(/\/april-2025\/img\/passwd/);
    const posted = await rawGet(preview.port, '/april-2025/', { method: 'POST' });
    expect(posted.status).toBe(405);
  });

  it('answers only to Host headers that name this machine (DNS rebinding)', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    for (const host of ['evil.example', `evil.example:${preview.port}`, `127.0.0.1.evil.example:${preview.port}`, `localhost.evil.example`, '10.0.0.1']) {
      const answer = await rawGet(preview.port, '/april-2025/email.html', { host });
      expect(answer.status, host).toBe(421);
      expect(answer.body.toString(), host).not.toContain('<html');
    }
    // No Host header at all: Node's server refuses the request itself.
    expect((await rawGet(preview.port, '/april-2025/email.html', { host: '' })).status).toBe(400);
    for (const host of [`127.0.0.1:${preview.port}`, `localhost:${preview.port}`, `[::1]:${preview.port}`, 'localhost']) {
      expect((await rawGet(preview.port, '/april-2025/email.txt', { host })).status, host).toBe(200);
    }
  });

  it('listens on loopback only by default', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    if (!outside) {
      console.warn('skipped the outside-address half: this machine has no non-loopback IPv4 address.');
      return;
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: outside.address, port: preview.port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it("updates on a save, shows a broken fragment's error, and recovers on the next good save", async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const fragment = join(dir, 'sections/april-2025/kata.md');
    const original = await readFile(fragment, 'utf8');
    // Each save lands whole (written beside, then renamed), as editors save: a write seen half done
    // (the file truncated, then filled) would render twice, and the test would read the first.
    const save = async (text: string) => {
      await writeFile(join(dir, 'kata.md.saving'), text);
      await rename(join(dir, 'kata.md.saving'), fragment);
    };
    let version = versionOf((await rawGet(preview.port, '/april-2025/')).body.toString());

    let changed = nextVersion(preview.port, version);
    await save(`${original}\n* A line added while the preview runs.\n`);
    version = await changed;
    expect((await rawGet(preview.port, '/april-2025/email.txt')).body.toString()).toContain('A line added while the preview runs.');

    changed = nextVersion(preview.port, version);
    await save('---\nstatus: [ready\n---\nBroken front matter.\n');
    version = await changed;
    const page = (await rawGet(preview.port, '/april-2025/')).body.toString();
    expect(page).toMatch(/<div id="error" role="alert" data-live><p><strong>sections\/april-2025\/kata\.md:2/);
    // The last good render stays on show beneath the error; the raw outputs say why there are none.
    expect(page).toContain('A line added while the preview runs.');
    const raw = await rawGet(preview.port, '/april-2025/email.html');
    expect(raw.status).toBe(409);
    expect(raw.body.toString()).toMatch(/^sections\/april-2025\/kata\.md:2/);
    // The page's frames ask for the email on show, which is the last good one.
    const shown = await rawGet(preview.port, '/april-2025/email.html?shown');
    expect(shown.status).toBe(200);
    expect(shown.body.toString()).toContain('A line added while the preview runs.');

    changed = nextVersion(preview.port, version);
    await save(`${original}\n* Fixed again.\n`);
    version = await changed;
    const recovered = (await rawGet(preview.port, '/april-2025/')).body.toString();
    expect(recovered).toContain('<div id="error" role="alert" data-live hidden></div>');
    expect((await rawGet(preview.port, '/april-2025/email.txt')).body.toString()).toContain('Fixed again.');

    // The config is watched too: a config that does not parse is shown, then recovered from.
    changed = nextVersion(preview.port, version);
    await writeFiles(dir, { 'newsletter.config.yaml': 'name: [broken\n' });
    version = await changed;
    expect((await rawGet(preview.port, '/april-2025/')).body.toString()).toContain('newsletter.config.yaml');
    changed = nextVersion(preview.port, version);
    await writeFiles(dir, { 'newsletter.config.yaml': 'name: Inside Open Infrastructure\n' });
    await changed;
    expect((await rawGet(preview.port, '/april-2025/email.html')).status).toBe(200);
  });

  it('renders again when a template of the workspace changes, and opens on an issue that does not render yet', async () => {
    const dir = await sampleWorkspace();
    const fragment = join(dir, 'sections/april-2025/kata.md');
    const original = await readFile(fragment, 'utf8');
    await writeFile(fragment, '---\ntitle: [oops\n---\n');
    const preview = await startPreviewCli(dir);
    const page = (await rawGet(preview.port, '/april-2025/')).body.toString();
    expect(page).toContain('sections/april-2025/kata.md:2:');
    expect(page).toContain('The issue shows here at the next good save.');
    let version = versionOf(page);

    let changed = nextVersion(preview.port, version);
    await writeFile(fragment, original);
    version = await changed;
    expect((await rawGet(preview.port, '/april-2025/email.txt')).status).toBe(200);

    changed = nextVersion(preview.port, version);
    await writeFiles(dir, { 'templates/email.txt.hbs': 'A text of our own for {{title}}.\n' });
    await changed;
    expect((await rawGet(preview.port, '/april-2025/email.txt')).body.toString()).toMatch(/^A text of our own for Inside Open Infrastructure: April 2025\n/);
  });

  it('with --open and no way to open a browser, says so and keeps serving', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir, ['--open'], { PATH: '/nonexistent' });
    // Said once the preview has tried to start xdg-open, after its first render.
    await expect
      .poll(() => preview.stderr(), { timeout: timeFor({ builds: 1 }) })
      .toMatch(/^warning: no browser could be opened \(xdg-open is not installed\); open http:\/\/127\.0\.0\.1:\d+\/ yourself\.\n$/);
    expect((await rawGet(preview.port, '/april-2025/')).status).toBe(200);
  });

  it('renders an issue no page has open when it is next asked for, not at every save', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    const fragment = join(dir, 'sections/april-2025/kata.md');
    await writeFile(fragment, `${await readFile(fragment, 'utf8')}\n* Asked for later.\n`);
    await expect
      .poll(async () => (await rawGet(preview.port, '/april-2025/email.txt')).body.toString(), { timeout: timeFor({ builds: 1 }) })
      .toContain('Asked for later.');
  });

  it('ends with exit 0 on Ctrl-C', async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir);
    expect(await preview.stop()).toBe(0);
    expect(preview.stdout()).toBe(`Preview at ${preview.url}\n`);
    expect(preview.stderr()).toBe('');
  });

  it('refuses a port in use with one line and exit 2', async () => {
    const dir = await sampleWorkspace();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await runCli(['preview', '--port', String(port)], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^error port ${port} on 127\\.0\\.0\\.1 is in use\\.\\n  Pass another --port`));
      expect(result.stdout).toBe('');
    } finally {
      taken.close();
    }
  });

  it('says what is wrong with a bad port, an unknown issue or an empty folder, with exit 2', async () => {
    const dir = await sampleWorkspace();
    const badPort = await runCli(['preview', '--port', '70000'], { cwd: dir });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('expected a port from 0 to 65535');
    const unknown = await runCli(['preview', 'may-2031', '--port', '0'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/may-2031/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it("warns when told to listen beyond loopback, and then answers to this machine's addresses but still to no name", async () => {
    const dir = await sampleWorkspace();
    const preview = await startPreviewCli(dir, ['--host', '0.0.0.0']);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    // The address printed is one to open (0.0.0.0 is none, and the Host check would refuse it).
    expect(preview.url).toBe(`http://${outside?.address ?? '127.0.0.1'}:${preview.port}/`);
    expect((await rawGet(preview.port, '/april-2025/email.txt', { host: new URL(preview.url).host })).status).toBe(200);
    expect(preview.stderr()).toBe('warning: serving on 0.0.0.0: anyone who can reach this machine there can read the issue and its drafts.\n');
    // The requests go to loopback; only the Host header says which address the browser used.
    if (outside) expect((await rawGet(preview.port, '/april-2025/email.txt', { host: `${outside.address}:${preview.port}` })).status).toBe(200);
    expect((await rawGet(preview.port, '/april-2025/email.txt', { host: `evil.example:${preview.port}` })).status).toBe(421);
  });
});
