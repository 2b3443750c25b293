/*
 * What a helper undoes after every test: temp folders, previews, SMTP servers. A helper module
 * registers its cleanup here once, when it is loaded; test/setup.ts runs them all after each test
 * of every file. Helpers register no hooks of their own: test files share one module cache per
 * worker (vitest's isolate: false), so a hook a helper registered at load would belong to the
 * first file that imported it and never run for the others.
 */
const cleanups: (() => unknown)[] = [];

/** Runs `cleanup` after every test, in every test file. */
export function afterEveryTest(cleanup: () => unknown): void {
  cleanups.push(cleanup);
}

/** The cleanups, latest registered first: a preview stops before the folder it serves is removed. */
export async function cleanUpAfterTest(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup();
}
