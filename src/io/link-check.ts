import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from './files.js';

/*
 * What `lint --online` asks of the network: whether each link and image of an issue still
 * answers. HEAD first, GET where a server refuses HEAD; redirects followed by hand, so that a
 * permanent one can be reported with its new address; at most 8 requests at once and 2 per
 * host, each given 10 seconds. Nothing else in the CLI touches the network.
 */

export type { LinkStatus } from '../core/urls.js';
import type { LinkStatus } from '../core/urls.js';

export interface LinkCheckOptions {
  timeoutMs?: number;
  concurrency?: number;
  perHost?: number;
  /** Told after each URL is done, for a progress line. */
  progress?: (done: number, total: number) => void;
}

const MAX_REDIRECTS = 10;
const REFUSES_HEAD = new Set([405, 501]);

/** Checks every URL once; the map holds each one's status. */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions = {}): Promise<Map<string, LinkStatus>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const unique = [...new Set(urls)];
  const results = new Map<string, LinkStatus>();
  const active = new Map<string, number>();
  let running = 0;
  let done = 0;
  const waiting: (() => void)[] = [];
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };
  const slot = async (host: string): Promise<void> => {
    while (running >= (options.concurrency ?? 8) || (active.get(host) ?? 0) >= (options.perHost ?? 2)) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    active.set(host, (active.get(host) ?? 0) + 1);
  };
  const release = (host: string) => {
    running--;
    active.set(host, (active.get(host) ?? 1) - 1);
    for (const wake of waiting.splice(0)) wake();
  };
  await Promise.all(unique.map(async (url) => {
    const host = hostOf(url);
    await slot(host);
    try {
      results.set(url, await checkOne(url, timeoutMs));
    } finally {
      release(host);
      options.progress?.(++done, unique.length);
    }
  }));
  return results;
}

async function checkOne(url: string, timeoutMs: number): Promise<LinkStatus> {
  let current = url;
  let movedTo: string | undefined;
  let permanentSoFar = true;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response;
    try {
      response = await request(current, 'HEAD', timeoutMs);
      if (REFUSES_HEAD.has(response.status)) response = await request(current, 'GET', timeoutMs);
    } catch (error) {
      return { ok: false, problem: networkProblem(error, current, timeoutMs) };
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      const next = new URL(response.headers.get('location')!, current).href;
      permanentSoFar &&= response.status === 301 || response.status === 308;
      if (permanentSoFar) movedTo = next;
      current = next;
      continue;
    }
    if (response.status >= 400) return { ok: false, problem: `answers ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    return movedTo ? { ok: true, movedTo } : { ok: true };
  }
  return { ok: false, problem: `redirects more than ${MAX_REDIRECTS} times` };
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  const response = await fetch(url, { method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'newsletter lint --online (a link check)', accept: '*/*' } });
  // Only the status matters: the body is not read.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function networkProblem(error: unknown, url: string, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? '';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return `gives no answer in ${timeoutMs / 1000} s`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot be reached: its host ${new URL(url).hostname} was not found`;
  if (code === 'ECONNREFUSED') return 'cannot be reached: the connection was refused';
  if (/CERT|SSL|TLS/i.test(code) || /certificate|TLS|SSL/i.test(e.cause?.message ?? '')) return `cannot be reached safely: TLS failed (${e.cause?.message ?? code})`;
  return `cannot be reached (${e.cause?.message ?? code ?? 'network error'})`;
}

/** Link results kept for a day, so that linting again does not ask every server again. */
export interface LinkCache {
  get(url: string): LinkStatus | undefined;
  set(url: string, status: LinkStatus): void;
  save(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function openLinkCache(cacheDir: string, now: Date): LinkCache {
  const file = join(cacheDir, 'links.json');
  let entries: Record<string, { at: number; status: LinkStatus }> = {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; links: typeof entries };
    if (data.version === 1 && data.links && typeof data.links === 'object') entries = data.links;
  } catch {
    // No cache yet, or a broken one: every link is checked.
  }
  const fresh = (at: number) => now.getTime() - at < DAY_MS && at <= now.getTime();
  let changed = false;
  return {
    get: (url) => (Object.hasOwn(entries, url) && fresh(entries[url]!.at) ? entries[url]!.status : undefined),
    set: (url, status) => {
      entries[url] = { at: now.getTime(), status };
      changed = true;
    },
    async save() {
      if (!changed) return;
      const kept = Object.fromEntries(Object.entries(entries).filter(([, entry]) => fresh(entry.at)));
      await writeFilesAtomically([{ path: file, content: JSON.stringify({ version: 1, links: kept }) }]).catch(() => undefined);
    },
  };
}
