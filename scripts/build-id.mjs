#!/usr/bin/env node
// Writes lib/build-id: a hash of the compiled CLI and of every installed package's version,
// which lint's cache keys include, so that results kept by one build are never served by
// another. Run by `npm run compile` (and so by `npm install`) after tsc.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lib = join(root, 'lib');
const hash = createHash('sha256');

const modules = readdirSync(lib, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort();
for (const file of modules) hash.update(`${relative(lib, file)}\0`).update(readFileSync(file)).update('\0');
// What npm installed, versions included; the lock file when npm's own record is missing.
const installed = [join(root, 'node_modules', '.package-lock.json'), join(root, 'package-lock.json')].find((file) => existsSync(file));
hash.update(readFileSync(join(root, 'package.json')));
if (installed) hash.update(readFileSync(installed));
writeFileSync(join(lib, 'build-id'), `${hash.digest('hex')}\n`);
