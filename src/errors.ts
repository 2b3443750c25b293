/** Exit codes are part of the contract: 0 clean, 1 content errors, 2 usage or config. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

export interface CliErrorOptions {
  hint?: string;
  exitCode?: number;
  /** Where the problem is, so the message can start with `file:line`. */
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The one error type meant for users. Anything else reaching the top level is a bug.
 * Core code throws it with a path relative to the workspace; the CLI prints it as one line.
 */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message);
    this.name = 'CliError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_CONTENT;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }

  /** `file:line:col: message`, the form editors and CI logs link to. */
  get location(): string {
    if (!this.file) return '';
    let where = this.file;
    if (this.line !== undefined) where += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    return where;
  }
}

export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, { hint, exitCode: EXIT_USAGE });
}
