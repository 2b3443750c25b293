/** The shells `completion <shell>` writes a script for: its argument's words, and ui/completion.ts's cases. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
