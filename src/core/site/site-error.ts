import { CliError } from '../../errors.js';

/** One line, exit 2: a checkout that cannot be read is not a site to check against. */
export function siteFileError(file: string, reason: string, line?: number, column?: number): CliError {
  return new CliError(`the site checkout's ${file} ${reason}`, {
    kind: 'usage',
    file,
    line,
    column,
    hint: 'Fix it in the site checkout, or give --site (or siteRepo in the config) a checkout that reads; build, status and preview go on without it.',
  });
}

/** What a site file error says of `file` (its name shown as the error shows it), without the name: "is not UTF-8 text." */
export function siteFileReason(error: CliError, file: string): string {
  const named = `the site checkout's ${file} `;
  return error.message.startsWith(named) ? error.message.slice(named.length) : error.message;
}
