import { visit } from '../core/markdown/markdown.js';
import type { LintDoc } from './types.js';

const MARK = 'newsletter-lint-disable-next-line';
/** What may stand between `<!--` and the mark; looked at in a bounded window, not searched for. */
const OPENER = /<!--\s*$/;
const IDS = /^[\w\s,-]*$/;

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
      for (const { ids: written, endLine } of findDirectives(node.value)) {
        const line = node.position.start.line + endLine + 1;
        const key = `${file}:${line}`;
        const ids = silenced.get(key) ?? new Set<string>();
        for (const id of written.split(/[\s,]+/).filter(Boolean)) {
          ids.add(id);
          unknown.push({ file, line: line - 1, id });
        }
        silenced.set(key, ids);
      }
    });
  }
  return { silenced, unknown };
}

/**
 * Each `<!-- newsletter-lint-disable-next-line ids -->` in an HTML node: the ids as written and
 * the line (0-based, within the node) on which the comment ends. Found with indexOf, in one
 * pass: no pattern here can backtrack over a long run of spaces.
 */
function findDirectives(html: string): { ids: string; endLine: number }[] {
  const found: { ids: string; endLine: number }[] = [];
  let from = 0;
  let newlines = 0;
  let counted = 0;
  for (let at = html.indexOf(MARK); at !== -1; at = html.indexOf(MARK, from)) {
    const close = html.indexOf('-->', at);
    if (close === -1) break;
    from = close + 3;
    const ids = html.slice(at + MARK.length, close);
    if (!OPENER.test(html.slice(Math.max(0, at - 64), at)) || !/^\s/.test(ids) || !IDS.test(ids)) continue;
    for (let i = html.indexOf('\n', counted); i !== -1 && i < close; i = html.indexOf('\n', i + 1)) newlines++;
    counted = close;
    found.push({ ids, endLine: newlines });
  }
  return found;
}
