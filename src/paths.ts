import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI's own folder (where package.json and templates/ are). Every path into the package
 * starts here, so that the bundled and snapshotted build (one file in lib/) finds the same
 * files as the compiled modules do.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
