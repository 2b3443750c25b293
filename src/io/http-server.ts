import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { usageError } from '../errors.js';
import { isLoopbackHost } from '../core/markdown/urls.js';

/** What a route answers: a whole body, or a stream of server-sent events. */
export type Reply =
  | { status: number; type: string; body: string | Uint8Array; headers?: Record<string, string> }
  | { events: (send: (event: string, data: string) => void) => () => void; headers?: Record<string, string> };

/** A request as the routes see it: the path already checked to be plain (see plainPath). */
export type Route = (path: string, query: URLSearchParams) => Reply | Promise<Reply>;

export interface LocalServer {
  /** `http://host:port/`, with the port the system gave for port 0. */
  url: string;
  port: number;
  /** Stops listening and ends every open connection (event streams included). */
  close(): Promise<void>;
}

export interface ServeOptions {
  host: string;
  port: number;
  route: Route;
}

/**
 * Whether a Host header names this machine as a browser reaches it: a loopback address,
 * `localhost`, or an address the server was told to serve on (`servedAs`, with --host). Any
 * other name is one some DNS points here (DNS rebinding): a page of another site would
 * otherwise read the preview through it.
 */
function isLocalHostHeader(header: string | undefined, servedAs: ReadonlySet<string>): boolean {
  if (!header) return false;
  const host = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d+$/, '');
  const name = host.toLowerCase();
  return isLoopbackHost(name) || servedAs.has(name);
}

/**
 * The addresses a server on `host` is reached at besides loopback: `host` itself, or, for the
 * wildcard addresses (0.0.0.0, ::), every address of this machine's interfaces.
 */
function addressesServedAt(host: string): Set<string> {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name !== '0.0.0.0' && name !== '::') return new Set([name]);
  return new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address.toLowerCase())));
}

/**
 * An address a browser can open the server at: `host` itself, except for a wildcard (0.0.0.0,
 * ::), which is no address to open: this machine's first address on a network (what a colleague
 * would type), else loopback.
 */
function reachableAddress(host: string): string {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name !== '0.0.0.0' && name !== '::') return host;
  const external = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal);
  return (external.find((a) => a.family === 'IPv4') ?? external[0])?.address ?? '127.0.0.1';
}

/**
 * A request path the routes may see: decoded once, no `..` or `.` segment, no backslash, no
 * empty segment, no NUL; undefined otherwise. The routes map paths to rendered outputs and never
 * to files, but a path that tries to climb is refused before any route reads it.
 */
function plainPath(rawPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || /[\\\0]/.test(path) || path.includes('%')) return undefined;
  const segments = path.slice(1).split('/');
  // The last segment may be empty (a folder's address, /april-2025/); no other may.
  if (segments.slice(0, -1).some((s) => s === '') || segments.some((s) => s === '.' || s === '..')) return undefined;
  return path;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Serves `route` over HTTP on host:port, GET and HEAD only, to local Host headers only. A port
 * already in use is a usage error that names it.
 */
export function serveLocally(options: ServeOptions): Promise<LocalServer> {
  const streams = new Set<ServerResponse>();
  const servedAs = addressesServedAt(options.host);
  const server = createServer((request, response) => {
    void answer(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end('The preview failed to answer.\n');
    });
  });

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
      response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (!isLocalHostHeader(request.headers.host, servedAs)) return plain(421, 'This preview answers only to the addresses of this machine, not to names.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET and HEAD.', { allow: 'GET, HEAD' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = plainPath(url.pathname);
    if (path === undefined) return plain(400, 'That path is not one the preview serves.');
    const reply = await options.route(path, url.searchParams);
    if ('events' in reply) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', ...SECURITY_HEADERS, ...reply.headers });
      response.write(': connected\n\n');
      streams.add(response);
      const stop = reply.events((event, data) => response.write(`event: ${event}\ndata: ${data}\n\n`));
      response.on('close', () => {
        stop();
        streams.delete(response);
      });
      return;
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    response.writeHead(reply.status, { 'content-type': reply.type, 'content-length': String(body.byteLength), ...SECURITY_HEADERS, ...reply.headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(usageError(`port ${options.port} on ${options.host} is in use.`, 'Pass another --port, or --port 0 for any free one.'));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(usageError(`cannot listen on ${options.host}: no such address on this machine.`, 'Leave --host out to serve on 127.0.0.1.'));
      else if (error.code === 'EACCES')
        reject(usageError(`not allowed to listen on port ${options.port}.`, 'Ports below 1024 need privileges; pass --port 0 for any free one.'));
      else reject(error);
    });
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const reachable = reachableAddress(options.host);
      const shownHost = isIP(reachable) === 6 ? `[${reachable}]` : reachable;
      resolve({
        url: `http://${shownHost}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
