import { plural } from '../text.js';

/** How a published file differs from what this build makes, in a few words: where it starts, and how many lines each side has alone. */
export function describeDifference(published: Buffer, wanted: Buffer): string {
  if (published.includes(0) || wanted.includes(0)) return `${published.length} bytes published, ${wanted.length} now`;
  const before = published.toString('utf8').split('\n');
  const after = wanted.toString('utf8').split('\n');
  let first = 0;
  while (first < before.length && first < after.length && before[first] === after[first]) first++;
  const count = (lines: string[]) => lines.reduce((m, line) => m.set(line, (m.get(line) ?? 0) + 1), new Map<string, number>());
  const left = count(before);
  const right = count(after);
  let removed = 0;
  let added = 0;
  for (const [line, n] of left) removed += Math.max(0, n - (right.get(line) ?? 0));
  for (const [line, n] of right) added += Math.max(0, n - (left.get(line) ?? 0));
  return `from line ${first + 1}: ${plural(added, 'line')} new, ${plural(removed, 'line')} gone`;
}
