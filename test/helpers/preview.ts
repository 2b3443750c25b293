import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { BIN } from './bin.js';
import { afterEveryTest } from './cleanup.js';
import { CACHE_HOME } from './workspace.js';

export interface RunningPreview {
  /** http://HOST:PORT/, as the CLI printed it. */
  url: string;
  port: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends SIGINT and waits for the process to end: its exit code. */
  stop(signals?: number): Promise<number | null>;
}

const running: RunningPreview[] = [];
afterEveryTest(async () => {
  await Promise.all(running.splice(0).map((preview) => (preview.child.exitCode === null ? preview.stop() : undefined)));
});

/** The real CLI's `preview`, as a user starts it, with --port 0; resolves when it prints its address. */
export function startPreviewCli(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, [BIN, 'preview', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = /^Preview at (http:\/\/[^/]+:(\d+)\/)$/m.exec(out);
      if (!match) return;
      child.stdout!.off('data', check);
      const preview: RunningPreview = {
        url: match[1]!,
        port: Number(match[2]),
        child,
        stdout: () => out,
        stderr: () => err,
        async stop(signals = 1) {
          for (let i = 0; i < signals; i++) child.kill('SIGINT');
          return exited;
        },
      };
      running.push(preview);
      resolve(preview);
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`preview exited (${code}) before printing its address: ${err}`)));
  });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with the path and Host header exactly as given (no client normalises them; '' sends none). */
export function rawGet(port: number, path: string, options: { host?: string; method?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const host = options.host ?? `127.0.0.1:${port}`;
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', setHost: false, headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
