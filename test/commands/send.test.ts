import { createServer, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { runMain, sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';
import { png } from '../helpers/images.js';
import { servers, smtpServer } from '../helpers/smtp.js';

const CONFIG = 'email:\n  from: "OpenInfra Foundation <newsletter@openinfra.dev>"\n  unsubscribeUrl: https://openinfra.dev/unsubscribe\n';

/** A ready May issue. */
const MAY = {
  'newsletter.config.yaml': CONFIG,
  'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told well: café, naïve, 東京.\n',
  'sections/may-2025/foundation.md': '* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
};

/** A server that takes connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets: import('node:net').Socket[] = [];
  const server: Server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  });
  return (server.address() as { port: number }).port;
}

describe('newsletter send', () => {
  it('delivers one message with the built HTML and text, a [TEST] subject and the headers inboxes ask for', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const { port, received } = await smtpServer();
    const result = await runMain(['send', '--to', 'editor@example.org', '--to', 'phone@example.org'], {
      cwd,
      env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    expect(result.stderr).toBe('Issue: may-2025 (the latest)\n');
    expect(result.stdout).toBe(`Sent may-2025 through 127.0.0.1:${port}:\n  accepted  editor@example.org\n  accepted  phone@example.org\n`);
    expect(result.code).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('newsletter@openinfra.dev');
    expect(received[0]!.to).toEqual(['editor@example.org', 'phone@example.org']);

    await runMain(['build', '--email', '--text'], { cwd });
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.html).toBe(await readFile(join(cwd, 'dist/may-2025/email.html'), 'utf8'));
    expect(mail.text).toBe(await readFile(join(cwd, 'dist/may-2025/email.txt'), 'utf8'));
    expect(mail.subject).toBe('[TEST] Inside Open Infrastructure: May 2025');
    expect(mail.from?.value).toEqual([{ name: 'OpenInfra Foundation', address: 'newsletter@openinfra.dev' }]);
    expect(mail.messageId).toMatch(/^<may-2025\.[0-9a-f]{24}@openinfra\.dev>$/);
    expect(mail.date).toBeInstanceOf(Date);
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://openinfra.dev/unsubscribe>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it("carries the issue's own images inline, named by cid: in the HTML, until the site shows them; --no-inline-images sends their addresses", async () => {
    const cwd = await tempDir();
    const photo = png(600, 400);
    await writeFiles(cwd, {
      ...MAY,
      'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story.\n\n![The Kata team at the PTG](img/team.png)\n',
      'sections/may-2025/img/team.png': photo,
    });
    const { port, received } = await smtpServer();
    const env = { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` };
    expect((await runMain(['send', '--to', 'editor@example.org'], { cwd, env })).code).toBe(0);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.attachments).toHaveLength(1);
    const part = mail.attachments[0]!;
    expect(part.contentDisposition).toBe('inline');
    expect(part.contentType).toBe('image/png');
    expect(Buffer.compare(part.content, photo)).toBe(0);
    expect(part.cid).toMatch(/^[0-9a-f]{24}@newsletter$/);
    // mailparser puts the part's data: URL in place of its cid; the raw HTML names it by cid:.
    expect(received[0]!.raw.toString('latin1')).toContain(`Content-ID: <${part.cid}>`);
    expect(received[0]!.raw.toString('latin1')).toMatch(/src=3D"cid:[0-9a-f]{24}@newsletter"/);
    // Without a checkout, a site image (/img/hero.png) can only be the site's: it stays an address.
    expect(mail.html).toContain('src="https://openinfra.org/img/hero.png"');

    expect((await runMain(['send', '--to', 'editor@example.org', '--no-inline-images'], { cwd, env })).code).toBe(0);
    const plain = await simpleParser(received[1]!.raw);
    expect(plain.attachments).toEqual([]);
    expect(plain.html).toMatch(/src="https:\/\/openinfra\.org\/img\/newsletter\/may-2025\/team-[0-9a-f]{8}\.png"/);
  });

  it('carries inline the site images a checkout of the site holds, which the site shows only once its pull request is deployed', async () => {
    const cwd = await tempDir();
    const site = await tempDir();
    const hero = png(640, 320);
    await writeFiles(cwd, MAY);
    await writeFiles(site, { 'static/img/hero.png': hero, 'static/img/unused.png': png(10, 10) });
    const { port, received } = await smtpServer();
    const env = { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` };
    const sent = await runMain(['send', '--to', 'editor@example.org', '--site', site], { cwd, env });
    expect(sent.code, sent.stderr).toBe(0);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.attachments.map((a) => [a.filename, a.contentDisposition, a.contentType])).toEqual([['hero.png', 'inline', 'image/png']]);
    expect(Buffer.compare(mail.attachments[0]!.content, hero)).toBe(0);
    expect(received[0]!.raw.toString('latin1')).toMatch(/src=3D"cid:[0-9a-f]{24}@newsletter"/);
    expect(mail.html).not.toContain('https://openinfra.org/img/hero.png');

    // The mail platform's copy keeps the real addresses: build --eml is never inlined.
    await writeFiles(cwd, { 'newsletter.config.yaml': `${CONFIG}siteRepo: ${site}\n` });
    expect((await runMain(['build', '--eml'], { cwd })).code).toBe(0);
    const platform = await simpleParser(await readFile(join(cwd, 'dist/may-2025/email.eml')));
    expect(platform.attachments).toEqual([]);
    expect(platform.html).toContain('src="https://openinfra.org/img/hero.png"');
  });

  it('sends exactly the message --dry-run writes', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const { port, received } = await smtpServer();
    const now = new Date('2025-05-12T09:30:00Z');
    const dry = await runMain(['send', '--to', 'editor@example.org', '--dry-run', '--no-test-prefix'], { cwd, now });
    expect(dry.stdout).toBe('Wrote dist/may-2025/test.eml: the message for editor@example.org, as it would be sent; nothing was sent.\n');
    expect(received).toHaveLength(0);
    const sent = await runMain(['send', '--to', 'editor@example.org', '--no-test-prefix'], {
      cwd,
      now,
      env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    expect(sent.code).toBe(0);
    const eml = await readFile(join(cwd, 'dist/may-2025/test.eml'));
    expect(received[0]!.raw.toString('utf8').replace(/\r\n$/, '')).toBe(eml.toString('utf8').replace(/\r\n$/, ''));
    expect((await simpleParser(eml)).subject).toBe('Inside Open Infrastructure: May 2025');
  });

  it('logs in, and a wrong password is one line that never shows the password', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const { port, received } = await smtpServer({ login: { user: 'editor', pass: 's3cret-Pa55' } });
    const good = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://editor:s3cret-Pa55@127.0.0.1:${port}` } });
    expect(good.code).toBe(0);
    expect(received).toHaveLength(1);
    const bad = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://editor:wr0ng-Pa55@127.0.0.1:${port}` } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')[0]).toMatch(new RegExp(`^error the SMTP server 127\\.0\\.0\\.1:${port} refused the login of editor: 535 .*\\.$`));
    expect(`${bad.stdout}${bad.stderr}`).not.toContain('wr0ng');
    expect(`${good.stdout}${good.stderr}`).not.toContain('s3cret');
  });

  it('takes the server from config email.smtp and the password from NEWSLETTER_SMTP_PASSWORD only', async () => {
    const cwd = await tempDir();
    const { port, received } = await smtpServer({ login: { user: 'editor', pass: 'from-the-environment' } });
    await writeFiles(cwd, { ...MAY, 'newsletter.config.yaml': `${CONFIG}  smtp: { host: 127.0.0.1, port: ${port}, user: editor }\n` });
    // The password goes to a host a pull request can change only where the environment names that host too.
    const unnamed = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_PASSWORD: 'from-the-environment' } });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toBe(
      'error NEWSLETTER_SMTP_PASSWORD is sent only to the host NEWSLETTER_SMTP_HOST names, and it is not set for email.smtp.host 127.0.0.1.\n  If 127.0.0.1 is your server, set NEWSLETTER_SMTP_HOST=127.0.0.1 too (a pull request can change the config, never the environment); or put the whole server in NEWSLETTER_SMTP_URL.\n',
    );
    const other = await runMain(['send', '--to', 'editor@example.org'], {
      cwd,
      env: { NEWSLETTER_SMTP_PASSWORD: 'from-the-environment', NEWSLETTER_SMTP_HOST: 'smtp.example.org' },
    });
    expect(other.code).toBe(2);
    expect(received).toHaveLength(0);
    const result = await runMain(['send', '--to', 'editor@example.org'], {
      cwd,
      env: { NEWSLETTER_SMTP_PASSWORD: 'from-the-environment', NEWSLETTER_SMTP_HOST: '127.0.0.1' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(received).toHaveLength(1);
    await writeFiles(cwd, { 'newsletter.config.yaml': `${CONFIG}  smtp: { host: 127.0.0.1, port: ${port}, user: editor, pass: hunter2 }\n` });
    const inFile = await runMain(['send', '--to', 'editor@example.org'], { cwd });
    expect(inFile.code).toBe(2);
    expect(inFile.stderr.split('\n')[0]).toBe(
      'error newsletter.config.yaml: email.smtp.pass: a password never goes in a file of the workspace; set NEWSLETTER_SMTP_PASSWORD in the environment instead.',
    );
  });

  it('sends no login in clear to a server off loopback, whatever its name: the address connected to decides', async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!address) {
      console.warn('skipped: this machine has no address but loopback, so no server off loopback can be made here.');
      return;
    }
    const logins: string[] = [];
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push(auth.password ?? '');
        callback(null, { user: auth.username });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    const port = (server.server.address() as { port: number }).port;
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const result = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://editor:s3cret-Pa55@${address}:${port}` } });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(
      new RegExp(`^error TLS with the SMTP server ${address.replace(/\./g, '\\.')}:${port} failed .*; nothing was sent\\.$`),
    );
    expect(logins).toEqual([]);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('never prints the password a server echoes back, in any encoding AUTH sends it', async () => {
    // A server that answers each AUTH by quoting it, as a broken or hostile one might.
    const sockets: Socket[] = [];
    const echo = createServer((socket) => {
      sockets.push(socket);
      socket.write('220 echo ESMTP\r\n');
      socket.on('data', (data: Buffer) => {
        const line = data.toString('latin1').trim();
        if (/^EHLO/i.test(line)) socket.write('250-echo\r\n250 AUTH PLAIN LOGIN\r\n');
        else socket.write(`535 you said ${line}\r\n`);
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () => {
        for (const s of sockets) s.destroy();
        echo.close();
      },
    });
    const port = (echo.address() as { port: number }).port;
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const result = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://editor:s3cret-Pa55@127.0.0.1:${port}` } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the login of editor: 535 you said AUTH PLAIN \*\*\*/);
    for (const form of ['s3cret', Buffer.from('\0editor\0s3cret-Pa55').toString('base64'), Buffer.from('s3cret-Pa55').toString('base64')])
      expect(result.stderr).not.toContain(form);
  });

  it("writes one From mailbox, its name quoted, whatever punctuation the sender's name holds", async () => {
    for (const name of ['Foo (Bar', 'News: Today', 'a, evil@x.org, b', 'OpenInfra "Foundation']) {
      const cwd = await tempDir();
      await writeFiles(cwd, {
        ...MAY,
        'newsletter.config.yaml': CONFIG.replace('OpenInfra Foundation <newsletter@openinfra.dev>', `${name.replace(/"/g, '\\"')} <newsletter@openinfra.dev>`),
      });
      const dry = await runMain(['send', '--to', 'editor@example.org', '--dry-run'], { cwd });
      if (name.includes('"')) {
        // A quote in the name is refused by config, before any header is made.
        expect(dry.code).toBe(2);
        continue;
      }
      expect(dry.code, dry.stderr).toBe(0);
      const parsed = await simpleParser(await readFile(join(cwd, 'dist/may-2025/test.eml')));
      expect(parsed.from?.value, name).toEqual([{ name, address: 'newsletter@openinfra.dev' }]);
    }
  });

  it('says how to write a % in NEWSLETTER_SMTP_URL, in one line with exit 2', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const result = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: 'smtp://u:%zz@127.0.0.1:9' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error the password in NEWSLETTER_SMTP_URL holds a % that starts no escape.\n  Write a % in a user or password as %25, and any other reserved character as its %XX escape.\n',
    );
  });

  it('reports each recipient the server refuses, delivers to the others, and exits 1', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const { port, received } = await smtpServer({ refuse: ['nobody@example.org'] });
    const result = await runMain(['send', '--to', 'editor@example.org', '--to', 'nobody@example.org'], {
      cwd,
      env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `Sent may-2025 through 127.0.0.1:${port}:\n  accepted  editor@example.org\n  refused   nobody@example.org: 550 No such mailbox here\n`,
    );
    expect(received[0]!.to).toEqual(['editor@example.org']);
  });

  // The 30 seconds are the test's own time limit: a send that took longer would fail it.
  it('says in one line when the port is closed or the server never answers (its wait made short here; 8 s a reply, 25 s in all, by default)', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const closed = await silentServer();
    servers.pop()!.close(); // nothing listens there any more
    const refused = await runMain(['send', '--to', 'editor@example.org'], { cwd, env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${closed}` } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error could not connect to the SMTP server 127.0.0.1:${closed} (connection refused); nothing was sent.\n  Is the server running, on this host and port?\n`,
    );

    const silent = await silentServer();
    const hung = await runMain(['send', '--to', 'editor@example.org'], {
      cwd,
      env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${silent}` },
      waits: { smtpStepMs: 300 },
    });
    expect(hung.code).toBe(1);
    expect(hung.stderr.split('\n')[0]).toBe(`error the SMTP server 127.0.0.1:${silent} stopped answering; nothing was sent.`);
  });

  it('refuses more than 10 recipients, a missing sender and an issue that is not ready', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    const many = await runMain(['send', ...Array.from({ length: 11 }, (_, i) => ['--to', `reader${i}@example.org`]).flat()], {
      cwd,
      env: { NEWSLETTER_SMTP_URL: 'smtp://127.0.0.1:9' },
    });
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(
      'error 11 recipients; a test goes to at most 10.\n  Send the issue to its readers from the mail platform: it handles lists, unsubscribes and bounces.\n',
    );

    const sample = await sampleWorkspace({ 'newsletter.config.yaml': CONFIG });
    const { port, received } = await smtpServer();
    const notReady = await runMain(['send', '--to', 'editor@example.org'], { cwd: sample, env: { NEWSLETTER_SMTP_URL: `smtp://127.0.0.1:${port}` } });
    expect(notReady.code).toBe(1);
    expect(notReady.stderr).toMatch(
      /^error april-2025 is not ready to send; nothing was sent:\n {2}- the section "OpenDev: Free Software Needs Free Tools" is a draft/,
    );
    expect(received).toHaveLength(0);

    const noSender = await tempDir();
    await writeFiles(noSender, { ...MAY, 'newsletter.config.yaml': 'email: { unsubscribeUrl: "*|UNSUB|*" }\n' });
    const result = await runMain(['send', '--to', 'editor@example.org'], { cwd: noSender });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('error email.from is not set; the test needs a sender.');
  });
});

describe('build --eml', () => {
  it("writes the message a mail platform takes, the same bytes every time, with build's HTML and text", async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, MAY);
    expect((await runMain(['build', '--eml'], { cwd })).code).toBe(0);
    const eml = await readFile(join(cwd, 'dist/may-2025/email.eml'));
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe('Inside Open Infrastructure: May 2025');
    expect(mail.html).toBe(await readFile(join(cwd, 'dist/may-2025/email.html'), 'utf8'));
    expect(mail.text).toBe(await readFile(join(cwd, 'dist/may-2025/email.txt'), 'utf8'));
    expect(mail.date?.toISOString()).toBe('2025-05-20T00:00:00.000Z');
    await runMain(['build', '--eml'], { cwd });
    expect(await readFile(join(cwd, 'dist/may-2025/email.eml'))).toEqual(eml);
    // A test send's dry run goes beside it, never over the copy the platform takes.
    expect((await runMain(['send', '--dry-run'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'dist/may-2025/email.eml'))).toEqual(eml);
    expect((await simpleParser(await readFile(join(cwd, 'dist/may-2025/test.eml')))).subject).toBe('[TEST] Inside Open Infrastructure: May 2025');
  });
});
