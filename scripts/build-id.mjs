#!/usr/bin/env node
// Writes lib/build-id: a hash of the compiled CLI and of every installed package's version
// (src/io/build-id.ts), which lint's cache keys and the startup snapshot's stamp include, so
// that results kept or a snapshot built by one build are never used by another. Run by
// `npm run compile` (and so by `npm install`) after tsc.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeBuildId } from '../lib/io/build-id.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
writeFileSync(join(root, 'lib', 'build-id'), `${computeBuildId(root)}\n`);
