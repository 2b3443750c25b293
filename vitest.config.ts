import { defineConfig } from 'vitest/config';
import { timeFor } from './test/helpers/budget.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No compile check here: a test file that runs lib/ imports test/helpers/bin.ts, which stops it
    // when lib/ is older than src/; the rest run src/ as it is, before any npm run compile.
    // Two test files at a time: on a 2-core machine most of a test's time is waiting (a child
    // process, Chromium, a server), and one file at a time took half as long again (274 s against 186 s).
    pool: 'forks',
    poolOptions: { forks: { minForks: 2, maxForks: 2 } },
    // A worker runs its test files one after another in one module cache: src/, MJML and the
    // dictionaries load once per worker, not once per file (collecting took a second a file).
    // Helpers therefore register no hooks of their own (test/helpers/cleanup.ts); this file runs
    // their cleanups after every test of every file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
    // A test's time follows from its work (test/helpers/budget.ts). Unless it says otherwise, a test
    // runs the bin at most twice, or as much work in this process; a hook starts Chromium or a
    // preview, or stops one.
    testTimeout: timeFor({ cliRuns: 2 }),
    hookTimeout: timeFor({ cliRuns: 1, browserStarts: 1 }),
  },
});
