import { visit } from '../core/markdown.js';
import type { LintDoc } from './types.js';

const DISABLE_NEXT_LINE = /<!--\s*newsletter-lint-disable-next-line\s+([\w\s,-]+?)\s*-->/g;

/** Lines on which a writer silenced rules: `file:line` to the rule ids silenced there. */
export type Silenced = Map<string, Set<string>>;

/**
 * `<!-- newsletter-lint-disable-next-line RULE[, RULE] -->` silences those rules on the line
 * after the comment, and is the only inline switch.
 */
export function readDirectives(docs: LintDoc[]): { silenced: Silenced; unknown: { file: string; line: number; id: string }[] } {
  const silenced: Silenced = new Map();
  const unknown: { file: string; line: number; id: string }[] = [];
  for (const { file, doc } of docs) {
    visit(doc.tree, (node) => {
      if (node.type !== 'html' || !node.position) return;
      for (const match of node.value.matchAll(DISABLE_NEXT_LINE)) {
        const before = node.value.slice(0, (match.index ?? 0) + match[0].length);
        const line = node.position.start.line + (before.match(/\n/g)?.length ?? 0) + 1;
        const key = `${file}:${line}`;
        const ids = silenced.get(key) ?? new Set<string>();
        for (const id of match[1]!.split(/[\s,]+/).filter(Boolean)) {
          ids.add(id);
          unknown.push({ file, line: line - 1, id });
        }
        silenced.set(key, ids);
      }
    });
  }
  return { silenced, unknown };
}
