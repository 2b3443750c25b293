import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REPO } from './workspace.js';

/*
 * The package as npm packs it, installed the way a content repository installs it (npm ci from a
 * lock), offline: every package comes from npm's local cache, which this repository's own
 * `npm ci` fills (.ci/run runs it before the tests).
 */

export interface Packed {
  tarball: string;
  integrity: string;
  files: string[];
}

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs npm with nothing of the npm that may have started the tests (`npm test` passes its own
 * settings down as npm_* variables): offline, no audit, no fund, no update check, its logs in
 * `logs` (a temp folder). The cache stays npm's own: it is what the install reads.
 */
export function npm(args: string[], options: { cwd: string; logs: string; timeout: number; env?: Record<string, string> }): Promise<NpmResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_(?:cache|userconfig)$/i.test(key)));
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      {
        cwd: options.cwd,
        // As settings, not flags: after `npm run x --`, flags would be the script's.
        env: {
          ...env,
          npm_config_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
          npm_config_logs_dir: options.logs,
          CI: 'true',
          NO_COLOR: '1',
          ...options.env,
        },
        timeout: options.timeout,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** npm pack of this repository into `into`, scripts not run (lib/ is compiled already, and nothing is written here). */
export async function pack(into: string, logs: string, timeout: number): Promise<Packed> {
  const packed = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', into], { cwd: REPO, logs, timeout });
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr.trim().split('\n').pop()}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; integrity: string; files: { path: string }[] }[];
  return { tarball: join(into, info!.filename), integrity: info!.integrity, files: info!.files.map((file) => file.path) };
}

type LockEntry = Record<string, unknown> & { dev?: boolean; devOptional?: boolean; optional?: boolean };

/**
 * The lock a workspace's `npm install` would write, made from this repository's: the package
 * from its tarball, and every package its install brings (the lock's entries that are not this
 * repository's development tools) at the versions the tests ran with, plus the workspace's other
 * development dependencies as this repository's lock has them. All development ones, as the
 * workspace's package.json asks.
 */
export async function workspaceLock(workspace: string, packed: Packed): Promise<string> {
  const own = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };
  const lock = JSON.parse(await readFile(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const wanted = JSON.parse(await readFile(join(workspace, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const others = Object.keys(wanted.devDependencies).filter((name) => name !== own.name);
  const packages: Record<string, LockEntry> = { '': { devDependencies: wanted.devDependencies } };
  packages[`node_modules/${own.name}`] = {
    version: own.version,
    resolved: `file:${relative(workspace, packed.tarball)}`,
    integrity: packed.integrity,
    dev: true,
    ...Object.fromEntries(
      ['license', 'dependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines'].filter((key) => key in own).map((key) => [key, own[key]]),
    ),
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    const installed = path !== '' && !entry.dev && !entry.devOptional;
    if (!installed && !others.some((name) => path === `node_modules/${name}` || path.startsWith(`node_modules/${name}/node_modules/`))) continue;
    const { dev: _dev, devOptional: _devOptional, ...rest } = entry;
    packages[path] = { ...rest, dev: true };
  }
  const text = `${JSON.stringify({ lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
  await writeFile(join(workspace, 'package-lock.json'), text);
  return text;
}

/** What npm says when the cache lacks a package of the tree, in one line; undefined when it says something else. */
export function notCached(stderr: string): string | undefined {
  if (!/ENOTCACHED|only-if-cached/.test(stderr)) return undefined;
  const what = /request to (\S+) failed/.exec(stderr)?.[1] ?? stderr.trim().split('\n')[0];
  return `npm's cache lacks a package of the tree (${what}): run npm ci in this repository first, which fills it; this test installs offline.`;
}
