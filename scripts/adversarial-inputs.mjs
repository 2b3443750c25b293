// Pathological fragments at the size limits, made by a generator rather than listed by hand:
// each shape is a small unit repeated until the fragment is as large as the limits allow.
// The test suite (test/e2e/adversarial.test.ts) runs every one through every rule and renderer;
// `npm run bench` times the slowest per command against a normal issue.

import { LIMITS } from '../lib/core/limits.js';

/** Just under what a fragment may hold, with room for two in one issue beside the sample's files. */
export const FRAGMENT_BUDGET = LIMITS.fragmentBytes - 8 * 1024;
/** Lines per fragment, likewise: two of them and the sample within the issue's line limit. */
const MAX_LINES = Math.min(LIMITS.fragmentLines, LIMITS.issueLines / 2) - 100;

/**
 * `head`, then `unit` repeated until the text reaches `bytes` (or one line short of the line
 * limit), then `tail`. With `perBlock`, the units come in paragraphs of that many, so that a
 * limit counted per paragraph is approached in every paragraph rather than passed in the first.
 */
export function repeatTo(unit, bytes = FRAGMENT_BUDGET, head = '', tail = '', perBlock = 0) {
  const block = perBlock ? `${unit.repeat(perBlock)}\n\n` : unit;
  const room = Math.max(0, bytes - Buffer.byteLength(head) - Buffer.byteLength(tail));
  let count = Math.max(1, Math.floor(room / Math.max(1, Buffer.byteLength(block))));
  const linesPer = block.split('\n').length - 1;
  if (linesPer > 0) count = Math.min(count, Math.floor(MAX_LINES / linesPer));
  return head + block.repeat(count) + tail;
}

/**
 * The shapes: each one a known way to make a parser, a regular expression or a renderer do
 * more than linear work (nested quantifiers, delimiter stacks, nesting, backtracking over
 * long runs), plus their relatives: the same idea with another character or construct.
 */
const UNITS = [
  // Emphasis and code delimiters that never pair up (micromark's attention resolution).
  ['emphasis-flood', '*_', '', '', LIMITS.delimitersPerBlock / 2 - 1],
  ['emphasis-runs', '**a __b ', '', '', LIMITS.delimitersPerBlock / 2 - 1],
  ['strike-flood', '~ ', '', '', LIMITS.delimitersPerBlock - 1],
  ['backtick-runs', '` `` ``` ', '', '', Math.floor(LIMITS.backticksPerBlock / 3) - 1],
  // Links and references.
  ['bracket-flood', '[', '', 'x', LIMITS.bracketsPerBlock - 1],
  ['link-openers', '[a](', '', '', LIMITS.bracketsPerBlock - 1],
  ['image-openers', '![a](b ', '', '', LIMITS.bracketsPerBlock - 1],
  ['angle-links', '<http://a.b/'],
  ['autolink-literals', 'www.a.'],
  ['url-dots', 'http://a.' ],
  ['emails', 'a@b.'],
  // Nesting: on one line, by indentation, by quotes, by HTML.
  ['list-markers-one-line', `${'- '.repeat(LIMITS.nesting - 1)}a\n`],
  ['list-indentation', null],
  // The same shapes, each just past its limit: refused, quickly.
  ['emphasis-past-limit', '*_', '', '', LIMITS.delimitersPerBlock],
  ['nesting-past-limit', '> '],
  ['html-past-limit', '<span>'],
  ['lines-past-limit', 'a\n', '', '', 0, LIMITS.fragmentLines + 10],
  ['quote-markers', `${'> '.repeat(LIMITS.nesting - 1)}a\n`],
  ['ordered-markers', `${'1. '.repeat(LIMITS.nesting - 1)}a\n`],
  ['nested-spans', `${'<span>'.repeat(LIMITS.htmlNesting - 1)}a${'</span>'.repeat(LIMITS.htmlNesting - 1)}\n`],
  ['nested-divs', `${'<div>'.repeat(LIMITS.htmlNesting - 1)}\n\na\n\n${'</div>'.repeat(LIMITS.htmlNesting - 1)}\n\n`],
  ['html-attributes', '<a href="x" title="'],
  // Writer's notes and lint switches.
  ['disable-comment-spaces', ' ', '<!-- newsletter-lint-disable-next-line', ''],
  ['disable-comment-ids', 'placeholder, ', '<!-- newsletter-lint-disable-next-line ', ''],
  ['comment-openers', '<!-- '],
  // Prose the rules read: dates, sentences, words.
  ['date-day-lists', '1,', 'The deadline is '],
  ['date-day-ranges', '1-', 'Register until '],
  ['month-names', 'March ', 'We will meet in '],
  ['sentence-stops', 'a. '],
  ['question-stops', '?'],
  ['long-word', 'a'],
  ['brand-misspellings', 'Openstack openinfra Starling X '],
  ['placeholders', 'TODO TBD '],
  ['mojibake', 'â€™'],
  ['zero-width', '\u200b'],
  ['non-breaking-entities', '&nbsp;'],
  ['entities', '&#'],
  // Long runs that an anchored or backtracking pattern would try from every start.
  ['space-run', ' ', 'a', 'b'],
  ['space-run-newlines', ' \t', 'a', '\nb'],
  ['colon-heading', ':', '# a', 'x'],
  ['slash-run', '/', '[a](https://a', ' x)'],
  ['lt-flood', '<'],
  ['unclosed-tags', '<a '],
  ['script-openers', '<script '],
  ['event-handlers', '<a onclick'],
  ['url-spaces', ' ', '[a](<', 'x>)'],
  // Blocks.
  ['headings', '# **a**\n'],
  ['table-columns', `${'|a'.repeat(LIMITS.tableCells - 1)}\n`, `${'|h'.repeat(LIMITS.tableCells - 1)}\n${'|-'.repeat(LIMITS.tableCells - 1)}\n`, '', 0, Math.floor(LIMITS.tableCellsPerFragment / LIMITS.tableCells) - 3],
  ['blank-lines', '\n'],
  ['short-lines', 'a\n'],
  ['list-items', '- a\n'],
  ['definitions', '[a]: http://x\n'],
  ['footnotes', '[^a] ', '', '', LIMITS.bracketsPerBlock - 1],
];

/** Lists nested by indentation alone, each as deep as the limit allows, one after another. */
function listIndentation(bytes) {
  let text = '';
  for (let depth = 0; Buffer.byteLength(text) < bytes - 400; depth++) {
    if (text.split('\n').length >= MAX_LINES) break;
    text += `${'  '.repeat(depth % (LIMITS.nesting - 1))}- item\n`;
  }
  return text;
}

/** Every adversarial fragment, as `{ name, text }`, each about `bytes` long. */
export function adversarialFragments(bytes = FRAGMENT_BUDGET) {
  return UNITS.map(([name, unit, head = '', tail = '', perBlock = 0, lines]) => ({
    name,
    text: unit === null ? listIndentation(bytes) : lines ? head + unit.repeat(lines) + tail : repeatTo(unit, bytes, head, tail, perBlock),
  }));
}
