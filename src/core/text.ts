/**
 * Small string helpers written as loops where a regular expression would backtrack: an
 * anchored class such as /[\s:]+$/ tries every start in a long run of those characters, which
 * costs the square of the run's length.
 */

/** `text` without the characters of `strip` at its end. */
export function trimEndOf(text: string, strip: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** `text` without the characters of `strip` at its start. */
export function trimStartOf(text: string, strip: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text[start]!)) start++;
  return text.slice(start);
}

/** Each run of white space that holds a line break becomes one space (what /\s*\n\s*\/g did, in one pass). */
export function joinLines(text: string): string {
  return text.includes('\n') ? text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)) : text;
}
