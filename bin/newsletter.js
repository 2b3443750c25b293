#!/usr/bin/env node
import { run } from '../lib/bin.js';
process.exitCode = await run(process.argv.slice(2));
