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
    // A test's time follows from its work (test/helpers/budget.ts). Unless it says otherwise, a test
    // runs the bin at most twice, or as much work in this process; a hook starts Chromium or a
    // preview, or stops one.
    testTimeout: timeFor({ cliRuns: 2 }),
    hookTimeout: timeFor({ cliRuns: 1, browserStarts: 1 }),
  },
});
