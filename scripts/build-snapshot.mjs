#!/usr/bin/env node
// Builds lib/newsletter.blob, a V8 startup snapshot of the whole CLI with MJML loaded, which
// bin/newsletter.js starts from when the stamp beside it matches. Run by `npm install`
// (prepare) after tsc. It never fails the install: without a snapshot the CLI runs as usual.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lib = join(root, 'lib');
const bundle = join(lib, 'newsletter.cjs');
const blob = join(lib, 'newsletter.blob');
const stamp = join(lib, 'newsletter.blob.stamp');
const require = createRequire(import.meta.url);

// Modules that MJML's dependencies require but never call here (see snapshot-unused.cjs).
const UNUSED = ['undici', 'typescript', 'encoding-sniffer', 'whatwg-encoding', 'iconv-lite', 'web-resource-inliner', 'js-beautify', 'cosmiconfig', 'parse5-parser-stream'];
// htmlnano finds its optional helpers (cssnano, svgo...) with import(name), which a snapshot
// cannot do; the bundle asks a require() made in htmlnano's folder instead, at run time, so the
// same packages are found as by node and none of them weighs on the snapshot.
for (const file of [blob, stamp, bundle]) rmSync(file, { force: true });

/**
 * npm keeps a package once per folder that cannot share it (MJML's tree holds three copies of
 * parse5 7.3.0 and four of entities 6.0.1). Every copy would be loaded into the snapshot, and
 * each megabyte of snapshot costs its start about 18 ms: a package of the same name and version
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
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { deduping: true } });
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
try {
  const esbuild = await import('esbuild');
  const htmlnanoEntry = require.resolve('htmlnano');
  const htmlnanoDir = dirname(htmlnanoEntry);
  const optionalModule = `
    exports.__import = async (name) => {
      const exported = require('node:module').createRequire(${JSON.stringify(htmlnanoEntry)})(name);
      return { ...exported, default: exported };
    };`;
  await esbuild.build({
    entryPoints: [join(lib, 'snapshot.js')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'error',
    alias: Object.fromEntries(UNUSED.map((name) => [name, join(root, 'scripts', 'snapshot-unused.cjs')])),
    // Every module's import.meta.url becomes lib/paths.js's: paths.ts is the only user.
    define: { 'import.meta.url': '__nl_import_meta_url' },
    banner: { js: "const __nl_import_meta_url = require('url').pathToFileURL(require('path').join(__dirname, 'paths.js')).href;" },
    plugins: [dedupePackages(), {
      name: 'htmlnano-optional-imports',
      setup(build) {
        build.onResolve({ filter: /^newsletter:htmlnano-optional$/ }, () => ({ path: 'htmlnano-optional', namespace: 'newsletter' }));
        build.onLoad({ filter: /.*/, namespace: 'newsletter' }, () => ({ contents: optionalModule, loader: 'js', resolveDir: htmlnanoDir }));
        build.onLoad({ filter: /[\\/]htmlnano[\\/]dist[\\/].*\.m?js$/ }, async (args) => {
          const { readFile } = await import('node:fs/promises');
          const source = await readFile(args.path, 'utf8');
          const contents = source.replace(/\bimport\((?=[A-Za-z_$])/g, 'require("newsletter:htmlnano-optional").__import(');
          return { contents, loader: 'js' };
        });
      },
    }],
  });
  execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: lib, stdio: ['ignore', 'ignore', 'pipe'] });
  const node = statSync(process.execPath);
  writeFileSync(stamp, `${root}|${process.execPath}|${node.size}|${Math.floor(node.mtimeMs / 1000)}\n`);
  console.log(`newsletter: startup snapshot built (${(statSync(blob).size / 1048576).toFixed(1)} MB)`);
} catch (error) {
  for (const file of [blob, stamp]) rmSync(file, { force: true });
  const reason = error instanceof Error ? (error.stderr?.toString().trim().split('\n').pop() ?? error.message) : String(error);
  console.warn(`newsletter: no startup snapshot (${reason}); the CLI works, only slower to start.`);
}
