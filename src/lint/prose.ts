import type { MarkdownDoc } from '../core/markdown/markdown.js';
import { matchRange } from './source.js';
import type { Prose } from '../core/dates/prose.js';

/** The file range of `length` characters at `index` of a prose block's text. */
export function proseRange(doc: MarkdownDoc, prose: Prose, index: number, length: number) {
  const piece = [...prose.pieces].reverse().find((p) => p.start <= index) ?? prose.pieces[0];
  if (!piece) return matchRange(doc, prose.block, 0, '');
  const within = index - piece.start;
  return matchRange(doc, piece.node, within, piece.value.slice(within, within + length));
}
