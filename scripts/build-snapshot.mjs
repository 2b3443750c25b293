#!/usr/bin/env node
// Builds lib/newsletter.blob, a V8 startup snapshot of the whole CLI with MJML loaded, which
// bin/newsletter.js starts from when the stamp beside it matches. Run by `npm install`
// (prepare) after tsc. It never fails the install: without a snapshot the CLI runs as usual.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { standInSources } from './snapshot-stand-ins.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lib = join(root, 'lib');
const bundle = join(lib, 'newsletter.cjs');
const blob = join(lib, 'newsletter.blob');
const stamp = join(lib, 'newsletter.blob.stamp');
const packages = join(lib, 'newsletter.packages.json');
const require = createRequire(import.meta.url);

// Modules that MJML's dependencies require but never call here (see snapshot-unused.cjs).
const UNUSED = [
  'undici',
  'typescript',
  'encoding-sniffer',
  'whatwg-encoding',
  'iconv-lite',
  'web-resource-inliner',
  'js-beautify',
  'cosmiconfig',
  'parse5-parser-stream',
  'parse5-htmlparser2-tree-adapter',
];
// cheerio's parse5 adapter: MJML and juice load cheerio in XML mode, which parses with htmlparser2.
const UNUSED_FILES = /[\\/]cheerio[\\/]dist[\\/]commonjs[\\/]parsers[\\/]parse5-adapter\.js$/;
// The snapshot serves the commands the command list marks fromSnapshot (build, lint, preview;
// bin/newsletter.js starts every other command, and build --eml, from the modules): what only
// the others use (their work in actions/, their printers) would be bytes every start pays for;
// their declarations (commands/) stay, for --help. These stand-ins throw if called, which the
// bin never lets happen.
const { COMMANDS } = await import(pathToFileURL(join(lib, 'command-list.js')).href);
const OTHER_COMMANDS = COMMANDS.filter((command) => !command.fromSnapshot).map((command) => command.name);
const NOT_SERVED = new Set([
  ...OTHER_COMMANDS.map((name) => join(lib, 'actions', `${name}.js`)),
  ...OTHER_COMMANDS.map((name) => join(lib, 'ui', `print-${name}.js`)),
  join(lib, 'io', 'mail.js'), // build --eml (nodemailer)
]);
const NOT_SERVED_PACKAGES = ['@inquirer/prompts']; // new's questions
for (const file of [blob, stamp, bundle, packages]) rmSync(file, { force: true });

/**
 * npm keeps a package once per folder that cannot share it (MJML's tree holds three copies of
 * htmlparser2 9.1.0 and four of entities 6.0.1). Every copy would be loaded into the snapshot, and
 * each megabyte of snapshot costs its start about 19 ms: a package of the same name and version
 * is bundled once, from the first of its folders in sorted order (so that every build is alike).
 */
function dedupePackages() {
  const folders = new Map(); // name@version -> the first folder
  const keyOf = new Map(); // every folder -> name@version
  const scan = (nodeModules) => {
    let names;
    try {
      names = readdirSync(nodeModules).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) {
        for (const scoped of readdirSync(join(nodeModules, name)).sort()) visit(join(nodeModules, name, scoped), `${name}/${scoped}`);
      } else visit(join(nodeModules, name), name);
    }
  };
  const visit = (folder, name) => {
    try {
      const key = `${name}@${JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version}`;
      keyOf.set(folder, key);
      if (!folders.has(key)) folders.set(key, folder);
    } catch {
      return;
    }
    scan(join(folder, 'node_modules'));
  };
  scan(join(root, 'node_modules'));
  return {
    name: 'dedupe-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.deduping || args.path.startsWith('node:')) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { deduping: true },
        });
        const marker = `${sep}node_modules${sep}`;
        const at = resolved.path.lastIndexOf(marker);
        if (resolved.errors.length > 0 || at === -1) return resolved;
        const parts = resolved.path.slice(at + marker.length).split(sep);
        const folder = resolved.path.slice(0, at + marker.length) + parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join(sep);
        const key = keyOf.get(folder);
        const first = key === undefined ? undefined : folders.get(key);
        return first ? { ...resolved, path: first + resolved.path.slice(folder.length) } : resolved;
      });
    },
  };
}

/** Resolves what the snapshot does not serve (NOT_SERVED) to a module that throws when loaded. */
function notServed() {
  const stub = (what) => `throw new Error(${JSON.stringify(`newsletter's startup snapshot does not include ${what}; run it with NEWSLETTER_NO_SNAPSHOT=1`)});`;
  return {
    name: 'not-served',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (NOT_SERVED_PACKAGES.includes(args.path)) return { path: args.path, namespace: 'not-served' };
        if (!args.path.startsWith('.')) return undefined;
        const resolved = join(args.resolveDir, args.path);
        return NOT_SERVED.has(resolved) ? { path: relative(lib, resolved), namespace: 'not-served' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'not-served' }, (args) => ({ contents: stub(args.path), loader: 'js' }));
    },
  };
}

/** Modules replaced by the stand-ins of snapshot-stand-ins.mjs (lodash, minifying). */
function standIns() {
  const sources = standInSources(require.resolve);
  const names = new Set(Object.keys(sources));
  return {
    name: 'stand-ins',
    setup(build) {
      build.onResolve({ filter: /^[a-z]/ }, (args) => (names.has(args.path) ? { path: args.path, namespace: 'stand-in' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: sources[args.path], loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * What the bundle holds, for whoever wonders what the snapshot weighs (and for the tests): each
 * package as name@version, with the folders its files came from and its bytes in the bundle.
 */
function bundledPackages(metafile) {
  const found = {};
  for (const [file, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    const at = file.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const parts = file.slice(at + 'node_modules/'.length).split('/');
    const folder = `${file.slice(0, at)}node_modules/${parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/')}`;
    const { name, version } = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
    const entry = (found[`${name}@${version}`] ??= { folders: [], bytes: 0 });
    if (!entry.folders.includes(folder)) entry.folders.push(folder);
    entry.bytes += bytesInOutput;
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}

try {
  const esbuild = await import('esbuild');
  const { metafile } = await esbuild.build({
    metafile: true,
    entryPoints: [join(lib, 'snapshot.js')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    alias: Object.fromEntries(UNUSED.map((name) => [name, join(root, 'scripts', 'snapshot-unused.cjs')])),
    // Every module's import.meta.url becomes lib/paths.js's: paths.ts is the only user.
    define: { 'import.meta.url': '__nl_import_meta_url' },
    banner: { js: "const __nl_import_meta_url = require('url').pathToFileURL(require('path').join(__dirname, 'paths.js')).href;" },
    plugins: [
      notServed(),
      standIns(),
      {
        name: 'unused-files',
        setup(build) {
          build.onLoad({ filter: UNUSED_FILES }, () => ({
            contents: `module.exports = require(${JSON.stringify(join(root, 'scripts', 'snapshot-unused.cjs'))});`,
            loader: 'js',
          }));
        },
      },
      dedupePackages(),
    ],
  });
  writeFileSync(packages, `${JSON.stringify(bundledPackages(metafile), null, 1)}\n`);
  execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: lib, stdio: ['ignore', 'ignore', 'pipe'] });
  const node = statSync(process.execPath);
  // The build id last: the bin starts from the snapshot only while lib/build-id still says it.
  writeFileSync(stamp, `${root}|${process.execPath}|${node.size}|${Math.floor(node.mtimeMs / 1000)}|${readFileSync(join(lib, 'build-id'), 'utf8').trim()}\n`);
  console.log(`newsletter: startup snapshot built (${(statSync(blob).size / 1048576).toFixed(1)} MB)`);
} catch (error) {
  for (const file of [blob, stamp]) rmSync(file, { force: true });
  const reason = error instanceof Error ? (error.stderr?.toString().trim().split('\n').pop() ?? error.message) : String(error);
  console.warn(`newsletter: no startup snapshot (${reason}); the CLI works, only slower to start.`);
}
