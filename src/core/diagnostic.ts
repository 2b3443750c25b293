/**
 * The one message type: every stage that finds a problem in an issue (reading, front matter,
 * Markdown limits, lint rules, MJML) reports it as a Diagnostic, as unified's VFileMessage does.
 * Formatters turn diagnostics into ESLint's shape or into lines; the CLI's edge alone turns them
 * into exit codes.
 */
import type { Fix } from './fixes.js';

export type Severity = 'error' | 'warn';

export interface Diagnostic {
  /** The file the writer edits, relative to the workspace, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The rule that found it; null for what no rule owns (a file past the limits, a bad inline comment). */
  ruleId: string | null;
  severity: Severity;
  message: string;
  /** What to do about it, when the message does not say. */
  hint?: string;
  /** The edit that fixes it, when its rule is sure of it (`lint --fix`). */
  fix?: Fix;
  /** The issue cannot be rendered past it (front matter that cannot be understood): build stops. */
  fatal?: boolean;
  /** The problem is the whole file (a refused image), not a place in it: build's line names no line. */
  wholeFile?: boolean;
}

/** Diagnostics in reading order: by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}
