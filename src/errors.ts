/**
 * What kind of failure an error is: the content a writer wrote, the way the CLI was called or
 * configured, or a person's cancelling. Only the CLI's edge (cli.ts) turns a kind into an exit code.
 */
export type ErrorKind = 'content' | 'usage' | 'cancelled';

export interface CliErrorOptions {
  hint?: string;
  kind?: ErrorKind;
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
  readonly kind: ErrorKind;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, options: CliErrorOptions = {}) {
    super(message);
    this.name = 'CliError';
    this.hint = options.hint;
    this.kind = options.kind ?? 'content';
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
  return new CliError(message, { hint, kind: 'usage' });
}
