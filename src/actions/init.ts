import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import { CONFIG_FILES, defaultConfig } from '../core/config/config.js';
import { MONTHS } from '../core/issue/slug.js';
import { conventionsOf, newsletterPosts, type ConventionKey, type SiteConventions } from '../core/site/site.js';
import { GITIGNORE_FILE, ignoredLinesMissing, scaffoldWorkspace, siteDepartures, WORKFLOW_FILE, type WorkspaceInputs } from '../core/workspace/scaffold.js';
import { writeNewFiles } from '../io/new-files.js';
import { readPackageFile, readToolPackage } from '../io/package-files.js';
import { openSiteCheckout, readSiteModel } from '../io/site.js';

export interface InitOptions {
  /** The workspace's folder (default: the current one); made when missing. */
  dir?: string;
  /** A checkout of the site, whose latest newsletter post gives the config its conventions. */
  site?: string;
}

export interface InitResult {
  /** The folder, as given (`.` for the current one). */
  dir: string;
  /** The files written, relative to it. */
  files: string[];
  /** A .gitignore that was there already, kept as it was, and the lines of init's it lacks. */
  keptGitignore?: { missing: string[] };
  /** The package the workspace installs, at the version it names. */
  tool: { name: string; version: string };
  /** With --site: the post the conventions were read from (none when the site has no newsletter post), and the keys set in the config. */
  site?: { post: string | undefined; set: ConventionKey[] };
  /** The issue to open first: next month's. */
  nextIssue: string;
}

/**
 * Makes a folder a newsletter workspace: config, sections/ with the writers' guide, the CI
 * workflow, a package.json that installs this CLI, a .gitignore. Reads the site before writing
 * anything, and writes all of it or nothing; never replaces a file.
 */
export async function initWorkspace(ctx: Pick<Context, 'cwd' | 'now'>, options: InitOptions): Promise<InitResult> {
  const target = resolve(ctx.cwd, options.dir ?? '.');
  const shown = options.dir ?? '.';
  const site = options.site === undefined ? undefined : await readConventions(resolve(ctx.cwd, options.site), options.site);
  const tool = await readToolPackage();
  const inputs: WorkspaceInputs = {
    tool,
    workflow: await readPackageFile(WORKFLOW_FILE),
    ...(site?.conventions ? { site: { file: site.conventions.file, values: site.conventions } } : {}),
    ...(options.site !== undefined ? { sitePath: relative(target, resolve(ctx.cwd, options.site)).split(sep).join('/') || '.' } : {}),
  };
  const files = scaffoldWorkspace(inputs);
  // The other name a config may have: two configs would stop every command.
  // A repository made on GitHub often starts with a .gitignore: it is the owner's, kept, and what it lacks is said.
  const written = writeNewFiles(
    target,
    shown,
    files,
    CONFIG_FILES.filter((name) => !files.has(name)),
    new Set([GITIGNORE_FILE]),
  );
  const keptGitignore = written.includes(GITIGNORE_FILE) ? undefined : { missing: ignoredLinesMissing(readFileSync(join(target, GITIGNORE_FILE), 'utf8')) };
  const now = ctx.now();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return {
    dir: shown,
    files: written,
    ...(keptGitignore ? { keptGitignore } : {}),
    tool: { name: tool.name, version: tool.version },
    ...(site ? { site: { post: site.conventions?.file, set: site.set } } : {}),
    nextIssue: `${MONTHS[next.getUTCMonth()]}-${next.getUTCFullYear()}`,
  };
}

/** The conventions of the site's latest newsletter post, and those the config will set (where they depart from the defaults). */
async function readConventions(root: string, shown: string): Promise<{ conventions: SiteConventions | undefined; set: ConventionKey[] }> {
  const config = defaultConfig();
  // Refuses, in one line, what is not a folder; then reads it as new does.
  await openSiteCheckout(root, shown, config.siteLayout);
  const model = readSiteModel(root, shown, config.siteLayout);
  const latest = newsletterPosts(model, config.name, config.blogFile)[0];
  const conventions = latest ? conventionsOf(latest, config.sections) : undefined;
  return { conventions, set: conventions ? siteDepartures(conventions) : [] };
}
