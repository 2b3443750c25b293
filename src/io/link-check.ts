import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { guardedLookup, PrivateAddressError, refusal } from './addresses.js';
import { writeFilesAtomically } from './files.js';

/*
 * What `lint --online` asks of the network: whether each link and image of an issue still
 * answers. HEAD first, GET where a server refuses HEAD; redirects followed by hand, so that a
 * permanent one can be reported with its new address; at most 8 requests at once and 2 per
 * host, each given 10 seconds, and the whole check one deadline (60 s by default), after which
 * what is left is reported as not checked. Loopback and private addresses are not requested
 * unless allowed, and link-local ones (the cloud's metadata service) never, at every hop: a
 * pull request must not make CI reach its own network. Nothing else in the CLI touches the network.
 */

export type { LinkStatus } from '../core/markdown/urls.js';
import type { LinkStatus } from '../core/markdown/urls.js';

export interface LinkCheckOptions {
  timeoutMs?: number;
  concurrency?: number;
  perHost?: number;
  /** Ends every check still under way, and every one not started: they are reported as not checked. */
  deadline?: AbortSignal;
  /** Request loopback and private addresses too (link-local ones never). */
  allowPrivate?: boolean;
  /** Told after each URL is done, for a progress line. */
  progress?: (done: number, total: number) => void;
}

/** The whole of `lint --online`, by default. */
export const ONLINE_DEADLINE_MS = 60_000;

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
  const wakeAll = () => {
    for (const wake of waiting.splice(0)) wake();
  };
  options.deadline?.addEventListener('abort', wakeAll, { once: true });
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };
  const slot = async (host: string): Promise<boolean> => {
    while (running >= (options.concurrency ?? 8) || (active.get(host) ?? 0) >= (options.perHost ?? 2)) {
      if (options.deadline?.aborted) return false;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    if (options.deadline?.aborted) return false;
    running++;
    active.set(host, (active.get(host) ?? 0) + 1);
    return true;
  };
  const release = (host: string) => {
    running--;
    active.set(host, (active.get(host) ?? 1) - 1);
    wakeAll();
  };
  await Promise.all(
    unique.map(async (url) => {
      const host = hostOf(url);
      if (!(await slot(host))) {
        results.set(url, { ok: 'unchecked', reason: 'the time for link checks ran out' });
        options.progress?.(++done, unique.length);
        return;
      }
      try {
        results.set(url, await checkOne(url, timeoutMs, options));
      } finally {
        release(host);
        options.progress?.(++done, unique.length);
      }
    }),
  );
  options.deadline?.removeEventListener('abort', wakeAll);
  return results;
}

async function checkOne(url: string, timeoutMs: number, options: LinkCheckOptions): Promise<LinkStatus> {
  let current = url;
  let movedTo: string | undefined;
  let permanentSoFar = true;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Answer;
    try {
      response = await request(current, 'HEAD', timeoutMs, options);
      if (REFUSES_HEAD.has(response.status)) response = await request(current, 'GET', timeoutMs, options);
    } catch (error) {
      if (options.deadline?.aborted) return { ok: 'unchecked', reason: 'the time for link checks ran out' };
      if (error instanceof PrivateAddressError) {
        const where = current === url ? 'it' : `it redirects to ${current}, which`;
        return {
          ok: 'unchecked',
          reason:
            error.kind === 'never'
              ? `${where} is on a link-local or reserved address (${error.address}), which is never requested`
              : `${where} is on a private address (${error.address}); --allow-private checks it`,
        };
      }
      return { ok: false, problem: networkProblem(error, current, timeoutMs) };
    }
    if (response.status >= 300 && response.status < 400 && response.location) {
      let next: string;
      try {
        next = new URL(response.location, current).href;
      } catch {
        return { ok: false, problem: `redirects to ${response.location.slice(0, 60)}, which is not a URL` };
      }
      if (!/^https?:$/.test(new URL(next).protocol)) return { ok: false, problem: `redirects to ${next.slice(0, 60)}, which is not a web address` };
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

interface Answer {
  status: number;
  statusText: string;
  location: string | undefined;
}

/**
 * One request, for its status line and Location alone (the body is never read). The address
 * the name resolves to is checked as the socket connects (guardedLookup); an address
 * written in the URL is checked here, as no lookup sees it.
 */
function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number, options: LinkCheckOptions): Promise<Answer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const refused = isIP(host) ? refusal(host, !!options.allowPrivate) : undefined;
  if (refused) return Promise.reject(refused);
  // Its own time, or the deadline's end, whichever comes first. (Not AbortSignal.any: on Node 20
  // the timeout it holds can be collected before it fires, and the request then waits for ever.)
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const endNow = () => controller.abort();
  options.deadline?.addEventListener('abort', endNow, { once: true });
  if (options.deadline?.aborted) endNow();
  const done = () => {
    clearTimeout(timer);
    options.deadline?.removeEventListener('abort', endNow);
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = send(
      target,
      {
        method,
        signal: controller.signal,
        headers: { 'user-agent': 'newsletter lint --online (a link check)', accept: '*/*' },
        lookup: guardedLookup(!!options.allowPrivate),
      },
      (incoming) => {
        resolve({ status: incoming.statusCode ?? 0, statusText: incoming.statusMessage ?? '', location: incoming.headers.location });
        incoming.destroy();
      },
    );
    outgoing.on('error', (error) => reject(timedOut ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : error));
    outgoing.end();
  }).finally(done);
}

/** A failed request in a few words, for the message. */
export function networkProblem(error: unknown, url: string, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string };
  const code = e.code ?? '';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'ETIMEDOUT' || code === 'ABORT_ERR') return `gives no answer in ${timeoutMs / 1000} s`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot be reached: its host ${new URL(url).hostname} was not found`;
  if (code === 'ECONNREFUSED') return 'cannot be reached: the connection was refused';
  if (/CERT|SSL|TLS/i.test(code) || /certificate|TLS|SSL/i.test(e.message ?? '')) return `cannot be reached safely: TLS failed (${e.message ?? code})`;
  return `cannot be reached (${e.message ?? code ?? 'network error'})`;
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
