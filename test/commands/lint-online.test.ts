import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readyMayIssue, runCli, tempDir, writeFiles } from '../helpers/workspace.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  })));
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
    else if (path === '/silent') return; // never answers
    else if (path.startsWith('/slow')) setTimeout(() => send(200), 150);
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

async function deadLinks(cwd: string, extra: string[] = []): Promise<{ code: number; messages: Message[] }> {
  const result = await runCli(['lint', '--online', '--format', 'json', ...extra], { cwd, env: { XDG_CACHE_HOME: join(cwd, '.cache') } });
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
      `7 error ${base}/silent gives no answer in 10 s; fix the address, or remove it.`,
    ]);
  }, 30_000);

  it('asks with GET where HEAD is refused, and a host that does not exist is an error', async () => {
    const { base, seen } = await site();
    const cwd = await issueLinkingTo([`${base}/no-head`, 'https://no-such-host.invalid/page']);
    const { messages } = await deadLinks(cwd);
    expect(seen).toEqual(['HEAD /no-head', 'GET /no-head']);
    expect(messages.map((m) => `${m.line} ${m.message}`)).toEqual(['2 https://no-such-host.invalid/page cannot be reached: its host no-such-host.invalid was not found; fix the address, or remove it.']);
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

  it('touches no network without --online', async () => {
    const { base, seen } = await site();
    const cwd = await issueLinkingTo([`${base}/missing`]);
    const result = await runCli(['lint', '--format', 'json'], { cwd, env: { XDG_CACHE_HOME: join(cwd, '.cache') } });
    expect(result.stdout).not.toContain('dead-link');
    expect(seen).toEqual([]);
  });
});
