import { CliError } from '../errors.js';

/** One line, exit 2: a checkout that cannot be read is not a site to check against. */
export function siteFileError(file: string, reason: string, line?: number, column?: number): CliError {
  return new CliError(`the site checkout's ${file} ${reason}`, { kind: 'usage', file, line, column, hint: 'Fix the file in the site checkout (git status there shows what changed), or run without --site.' });
}
