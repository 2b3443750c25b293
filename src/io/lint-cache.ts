import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { packagePath } from '../paths.js';
import { currentBuildId } from './build-id.js';
import { writeFilesAtomically } from './files.js';

/**
 * Lint results of issues that have not changed since the last lint, kept between runs as
 * ESLint's --cache keeps them. Linting an issue is a pure function of its sources, the previous
 * issue's sources (carried-over compares them), the config, the email template, and the CLI's
 * own code and packages (its build id, io/build-id.ts): the key hashes all of them, so a result is only ever
 * reused for the very same inputs. Published issues never change, so `lint --all` over an
 * archive renders only the issues being written.
 *
 * The cache is a convenience: a file that cannot be read or written is ignored, never an error.
 */

/** What linting one issue found: its files (clean ones too, paths relative to the workspace) and its diagnostics. */
export interface LintedIssue {
  files: string[];
  diagnostics: Diagnostic[];
}

interface CacheData {
  version: 2;
  issues: Record<string, { key: string; linted: LintedIssue }>;
}

export interface LintCache {
  /** The key of a result: a hash of its inputs, this CLI's build and node's version. */
  keyOf(inputs: unknown): string;
  /** The results kept for this issue under this key, or undefined. */
  get(slug: string, key: string): LintedIssue | undefined;
  set(slug: string, key: string, linted: LintedIssue): void;
  /** Writes the cache, keeping only the issues named (the workspace's issues today). */
  save(slugs: readonly string[]): Promise<void>;
}

/**
 * The cache of the workspace at `root`, or undefined (and no cache) when this CLI's build is
 * unknown (lib/build-id missing) or no cache folder can be named.
 */
export function openWorkspaceLintCache(root: string, env: Record<string, string | undefined>): LintCache | undefined {
  const build = readBuildId();
  const file = lintCacheFile(root, env);
  return build && file ? openLintCache(file, build) : undefined;
}

/** The CLI's build (its compiled code and installed packages), or undefined if unknown. */
function readBuildId(): string | undefined {
  return currentBuildId(packagePath());
}

/**
 * Where a workspace's cache lives: in the user's cache folder (XDG_CACHE_HOME, by default
 * ~/.cache), one file per workspace, so that nothing is written into the workspace itself.
 * Undefined, and no cache, when there is no such folder to name.
 */
function lintCacheFile(root: string, env: Record<string, string | undefined>): string | undefined {
  const folder = cacheFolder(env);
  return folder && join(folder, `lint-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
}

/** The CLI's folder in the user's cache folder (lint results, link checks), or undefined when none can be named. */
export function cacheFolder(env: Record<string, string | undefined>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says to ignore a relative path; a home that cannot be found gives no cache.
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || safeHomedir(), '.cache');
  return isAbsolute(base) ? join(base, 'newsletter') : undefined;
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

function openLintCache(file: string, build: string): LintCache {
  let data: CacheData = { version: 2, issues: {} };
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    if (read?.version === 2 && typeof read.issues === 'object' && read.issues !== null) data = read;
  } catch {
    // No cache yet, or one from elsewhere: start empty.
  }
  let changed = false;
  return {
    keyOf(inputs) {
      return createHash('sha256')
        .update(JSON.stringify([build, process.version, inputs]))
        .digest('hex');
    },
    get(slug, key) {
      const entry = data.issues[slug];
      return entry?.key === key && Array.isArray(entry.linted?.files) && Array.isArray(entry.linted?.diagnostics) ? entry.linted : undefined;
    },
    set(slug, key, linted) {
      data.issues[slug] = { key, linted };
      changed = true;
    },
    async save(slugs) {
      const kept = Object.fromEntries(Object.entries(data.issues).filter(([slug]) => slugs.includes(slug)));
      if (!changed && Object.keys(kept).length === Object.keys(data.issues).length) return;
      try {
        await writeFilesAtomically([{ path: file, content: JSON.stringify({ version: 2, issues: kept } satisfies CacheData) }]);
      } catch {
        // A read-only home or a full disk costs the next run its speed, nothing else.
      }
    },
  };
}
