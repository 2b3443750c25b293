/**
 * How lint and status print what they found: the choices of their --format, beside the commands
 * that take them (their flags declare them; their printers in ui/ read them).
 */
export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export const STATUS_FORMATS = ['text', 'markdown', 'json'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];
