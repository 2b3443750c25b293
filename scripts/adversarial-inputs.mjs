// Pathological fragments at the size limits, made by a generator rather than listed by hand:
// each shape is a small unit repeated until the fragment is as large as the limits allow.
// The test suite (test/e2e/adversarial.test.ts) runs every one through every rule and renderer;
// `npm run bench` times the slowest per command against a normal issue.

/** Just under the 256 KB a fragment may hold, so that every input is read and worked on. */
export const FRAGMENT_BUDGET = 250 * 1024;

/** `head`, then `unit` repeated until the text reaches `bytes`, then `tail`. */
export function repeatTo(unit, bytes = FRAGMENT_BUDGET, head = '', tail = '') {
  const room = Math.max(0, bytes - Buffer.byteLength(head) - Buffer.byteLength(tail));
  const count = Math.max(1, Math.floor(room / Math.max(1, Buffer.byteLength(unit))));
  return head + unit.repeat(count) + tail;
}

/**
 * The shapes: each one a known way to make a parser, a regular expression or a renderer do
 * more than linear work (nested quantifiers, delimiter stacks, nesting, backtracking over
 * long runs), plus their relatives: the same idea with another character or construct.
 */
const UNITS = [
  // Emphasis and code delimiters that never pair up (micromark's attention resolution).
  ['emphasis-flood', '*_'],
  ['emphasis-runs', '**a __b '],
  ['strike-flood', '~'],
  ['backtick-runs', '` `` ``` '],
  // Links and references.
  ['bracket-flood', '[', '', 'x'],
  ['link-openers', '[a](', ''],
  ['image-openers', '![a](b ', ''],
  ['angle-links', '<http://a.b/'],
  ['autolink-literals', 'www.a.'],
  ['url-dots', 'http://a.' ],
  ['emails', 'a@b.'],
  // Nesting: on one line, by indentation, by quotes, by HTML.
  ['list-markers-one-line', '- ', '- a\n  - b\n    '],
  ['list-indentation', null],
  ['quote-markers', '> '],
  ['ordered-markers', '1. '],
  ['nested-spans', '<span>'],
  ['nested-divs', '<div><p>'],
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
  // Blocks.
  ['headings', '# **a**\n'],
  ['table-columns', '|a', '|h|\n|-|\n'],
  ['blank-lines', '\n'],
  ['short-lines', 'a\n'],
  ['list-items', '- a\n'],
  ['definitions', '[a]: http://x\n'],
  ['footnotes', '[^a] '],
];

function listIndentation(bytes) {
  let text = '';
  for (let depth = 0; Buffer.byteLength(text) < bytes - 400; depth++) text += `${'  '.repeat(depth % 200)}- item\n`;
  return text;
}

/** Every adversarial fragment, as `{ name, text }`, each about `bytes` long. */
export function adversarialFragments(bytes = FRAGMENT_BUDGET) {
  return UNITS.map(([name, unit, head = '', tail = '']) => ({
    name,
    text: unit === null ? listIndentation(bytes) : repeatTo(unit, bytes, head, tail),
  }));
}
