/**
 * Text from content, made safe to print on a terminal or in a CI log: control characters
 * (escape sequences could move the cursor, recolour or rewrite the screen, or set a terminal's
 * title), bidirectional overrides and line separators become `?`; a tab or line break becomes a
 * space, since every message is one line.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(/[\t\n]/g, ' ').replace(UNPRINTABLE, '?');
}
