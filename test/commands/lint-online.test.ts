import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { networkProblem } from '../../src/io/link-check.js';
import { runCli } from '../helpers/bin.js';
import { readyMayIssue, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

interface Site {
  base: string;
  /** Requests seen, as "METHOD /path". */
  seen: string[];
  /** The most requests it ever had open at once. */
  mostAtOnce: () => number;
}

/** A real HTTP server on loopback, answering as the web does: fine, moved, missing, broken, HEAD-shy, silent, slow. */
async function site(): Promise<Site> {
  const seen: string[] = [];
  let open = 0;
  let most = 0;
  const server = createServer((request, response: ServerResponse) => {
    const path = request.url ?? '/';
    seen.push(`${request.method} ${path}`);
    open++;
    most = Math.max(most, open);
    response.on('close', () => open--);
    const send = (status: number, headers: Record<string, string> = {}) => {
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : 'body');
    };
    if (path === '/ok' || path === '/new-home') send(200);
    else if (path === '/moved') send(301, { location: '/new-home' });
    else if (path === '/found') send(302, { location: '/ok' });
    else if (path === '/missing') send(404);
    else if (path === '/broken') send(500);
    else if (path === '/no-head') send(request.method === 'HEAD' ? 405 : 200);
    else if (path.startsWith('/silent'))
      return; // never answers
    else if (path === '/loop') send(302, { location: '/loop' });
    else if (path === '/to-metadata') send(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    else if (path.startsWith('/slow')) setTimeout(() => send(200), 100);
    else send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen, mostAtOnce: () => most };
}

/** A clean issue whose Kata section links to `links`, one per line from line 1. */
async function issueLinkingTo(links: string[]): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, {
    ...readyMayIssue(),
    'sections/may-2025/kata.md': links.map((link, i) => `* [Page ${i + 1}](${link})`).join('\n'),
  });
  return cwd;
}

type Message = { ruleId: string; severity: number; message: string; line: number };

/** The dead-link messages of `lint --online`; the test servers are on loopback, which takes --allow-private unless `privateToo` is false. */
async function deadLinks(cwd: string, extra: string[] = [], privateToo = true, linkMs = 500): Promise<{ code: number; messages: Message[] }> {
  // A link's answer is waited for half a second here (10 s by default), so that no test waits out the real one.
  const result = await runMain(['lint', '--online', '--format', 'json', ...(privateToo ? ['--allow-private'] : []), ...extra], {
    cwd,
    env: { XDG_CACHE_HOME: join(cwd, '.cache') },
    waits: { linkMs },
  });
  const messages = (JSON.parse(result.stdout) as { messages: Message[] }[]).flatMap((r) => r.messages).filter((m) => m.ruleId === 'dead-link');
  return { code: result.code, messages };
}

describe('newsletter lint --online', () => {
  it('reports each link that does not answer at its line, and a permanent move as a warning with the new address', async () => {
    const { base } = await site();
    const cwd = await issueLinkingTo(['/ok', '/moved', '/found', '/missing', '/broken', '/no-head', '/silent'].map((path) => base + path));
    const { code, messages } = await deadLinks(cwd);
    expect(code).toBe(1);
    expect(messages.map((m) => `${m.line} ${m.severity === 2 ? 'error' : 'warn'} ${m.message}`)).toEqual([
      `2 warn ${base}/moved has moved for good to ${base}/new-home; link there instead.`,
      `4 error ${base}/missing answers 404 Not Found; fix the address, or remove it.`,
      `5 error ${base}/broken answers 500 Internal Server Error; fix the address, or remove it.`,
      `7 error ${base}/silent gives no answer in 0.5 s; fix the address, or remove it.`,
    ]);
  });

  it('asks with GET where HEAD is refused', async () => {
    const { base, seen } = await site();
    const cwd = await issueLinkingTo([`${base}/no-head`]);
    const { messages } = await deadLinks(cwd);
    expect(seen).toEqual(['HEAD /no-head', 'GET /no-head']);
    expect(messages).toEqual([]);
  });

  it("says a host that does not exist was not found (the resolver's answer; no test asks a real one)", () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.invalid'), { code: 'ENOTFOUND' });
    expect(networkProblem(notFound, 'https://no-such-host.invalid/page', 10_000)).toBe('cannot be reached: its host no-such-host.invalid was not found');
    expect(networkProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'https://x.example/', 10_000)).toBe(
      'cannot be reached: the connection was refused',
    );
  });

  it('asks one host at most twice at once, and keeps what answered for a day unless --no-cache', async () => {
    const { base, seen, mostAtOnce } = await site();
    const cwd = await issueLinkingTo(Array.from({ length: 6 }, (_, i) => `${base}/slow/${i}`));
    expect((await deadLinks(cwd)).messages).toEqual([]);
    expect(mostAtOnce()).toBe(2);
    expect(seen).toHaveLength(6);
    await deadLinks(cwd);
    expect(seen).toHaveLength(6);
    await deadLinks(cwd, ['--no-cache']);
    expect(seen).toHaveLength(12);
  });

  it('requests no loopback, private or link-local address without --allow-private, and says so', async () => {
    const { base, seen } = await site();
    const port = new URL(base).port;
    const cwd = await issueLinkingTo([
      `${base}/ok`,
      `http://localhost:${port}/ok`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:10.0.0.1]/',
      'http://10.1.2.3/x',
    ]);
    const { messages } = await deadLinks(cwd, [], false);
    expect(seen).toEqual([]);
    expect(messages.map((m) => `${m.line} ${m.severity === 2 ? 'error' : 'warn'} ${m.message}`)).toEqual([
      `1 warn ${base}/ok was not checked: it is on a private address (127.0.0.1); --allow-private checks it.`,
      `2 warn http://localhost:${port}/ok was not checked: it is on a private address (127.0.0.1); --allow-private checks it.`,
      '3 warn http://169.254.169.254/latest/meta-data/ was not checked: it is on a link-local or reserved address (169.254.169.254), which is never requested.',
      '4 warn http://[::ffff:10.0.0.1]/ was not checked: it is on a private address (::ffff:a00:1); --allow-private checks it.',
      '5 warn http://10.1.2.3/x was not checked: it is on a private address (10.1.2.3); --allow-private checks it.',
    ]);
  });

  it("holds every redirect to the same address policy: the cloud's metadata service is never asked", async () => {
    const { base, seen } = await site();
    const cwd = await issueLinkingTo([`${base}/to-metadata`]);
    // --allow-private, so that the first hop, the test's own server, is asked at all.
    const { messages } = await deadLinks(cwd);
    expect(seen).toEqual(['HEAD /to-metadata']);
    expect(messages.map((m) => m.message)).toEqual([
      `${base}/to-metadata was not checked: it redirects to http://169.254.169.254/latest/meta-data/, which is on a link-local or reserved address (169.254.169.254), which is never requested.`,
    ]);
  });

  it('ends within its deadline, whatever the links do, and reports what is left as not checked', async () => {
    const { base } = await site();
    // The loop by another name of the same server: its own host, not queued behind the silent ones.
    const loop = `http://localhost:${new URL(base).port}/loop`;
    const cwd = await issueLinkingTo([...Array.from({ length: 6 }, (_, i) => `${base}/silent?${i}`), loop]);
    // Each link would be waited for 10 s: the deadline of 1 s ends them first.
    const { code, messages } = await deadLinks(cwd, ['--online-deadline', '1'], true, 10_000);
    expect(code).toBe(1);
    expect(messages.map((m) => `${m.line} ${m.severity === 2 ? 'error' : 'warn'} ${m.message}`)).toEqual([
      ...Array.from({ length: 6 }, (_, i) => `${i + 1} warn ${base}/silent?${i} was not checked: the time for link checks ran out.`),
      `7 error ${loop} redirects more than 10 times; fix the address, or remove it.`,
    ]);
  });

  it('touches no network without --online', async () => {
    const { base, seen } = await site();
    const cwd = await issueLinkingTo([`${base}/missing`]);
    const result = await runCli(['lint', '--format', 'json'], { cwd, env: { XDG_CACHE_HOME: join(cwd, '.cache') } });
    expect(result.stdout).not.toContain('dead-link');
    expect(seen).toEqual([]);
  });
});
