import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No compile check here: a test file that runs lib/ imports test/helpers/bin.ts, which stops it
    // when lib/ is older than src/; the rest run src/ as it is, before any npm run compile.
    // Two test files at a time: on a 2-core machine most of a test's time is waiting (a child
    // process, Chromium, a server), and one file at a time took half as long again (274 s against 186 s).
    pool: 'forks',
    poolOptions: { forks: { minForks: 2, maxForks: 2 } },
    // End-to-end tests start real processes that load MJML; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
