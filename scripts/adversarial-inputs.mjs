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
  ['url-dots', 'http://a.'],
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
  [
    'table-columns',
    `${'|a'.repeat(LIMITS.tableCells - 1)}\n`,
    `${'|h'.repeat(LIMITS.tableCells - 1)}\n${'|-'.repeat(LIMITS.tableCells - 1)}\n`,
    '',
    0,
    Math.floor(LIMITS.tableCellsPerFragment / LIMITS.tableCells) - 3,
  ],
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

/**
 * `count` made-up words of `length` lower-case letters, the same on every run (mulberry32 from
 * `seed`): each one a word no dictionary holds, and each one new to a speller that checks a
 * word once.
 */
export function madeUpWords(count, length = 12, seed = 1) {
  const words = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let k = 0; k < length; k++) {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      word += String.fromCharCode(97 + (((t ^ (t >>> 14)) >>> 0) % 26));
    }
    words.push(word);
  }
  return words;
}

/** Words as prose: `perLine` to a line, a blank line every ten lines, until `bytes`. */
function prose(words, perLine, bytes) {
  let text = '';
  let lines = 0;
  for (let i = 0; i + perLine <= words.length; i += perLine) {
    const line = `${words.slice(i, i + perLine).join(' ')}\n${(i / perLine) % 10 === 9 ? '\n' : ''}`;
    if (text.length + line.length > bytes || lines + 2 >= MAX_LINES) break;
    text += line;
    lines += line.endsWith('\n\n') ? 2 : 1;
  }
  return text;
}

/**
 * What the spelling rule reads, at the limits: words it has never seen, each of which it must
 * look up and may look for the words near (#36). Lower case, each one a typo to report and
 * suggest for; capitalised after a full stop (five letters, and four), each one a name unless a
 * common word is one edit away; and the first again with config `words:` at the config's size limit, each one a house
 * word to compare with.
 */
function spellingShapes(bytes) {
  const twelve = madeUpWords(Math.ceil(bytes / 13));
  const sentences = madeUpWords(Math.ceil(bytes / 7), 5, 2).map((w) => `${w[0].toUpperCase()}${w.slice(1)}.`);
  const names = madeUpWords(Math.ceil(bytes / 6), 4, 4).map((w) => `${w[0].toUpperCase()}${w.slice(1)}.`);
  return [
    { name: 'made-up-words', text: prose(twelve, 8, bytes) },
    { name: 'made-up-sentences', text: prose(sentences, 16, bytes) },
    // Four letters: almost every edit starts and ends as a common word does, so none is pruned.
    { name: 'made-up-short-sentences', text: prose(names, 16, bytes) },
    // 6,000 words of 8 letters: 60 KB of config as `words: [a, b, ...]`, within LIMITS.configBytes.
    { name: 'made-up-words-6000-config-words', text: prose(twelve, 8, bytes), words: madeUpWords(6000, 8, 3) },
  ];
}

/**
 * Every adversarial fragment, as `{ name, text }`, each about `bytes` long; a shape that needs
 * config to do its work also carries `words` (config `words:`).
 */
export function adversarialFragments(bytes = FRAGMENT_BUDGET) {
  return [
    ...UNITS.map(([name, unit, head = '', tail = '', perBlock = 0, lines]) => ({
      name,
      text: unit === null ? listIndentation(bytes) : lines ? head + unit.repeat(lines) + tail : repeatTo(unit, bytes, head, tail, perBlock),
    })),
    ...spellingShapes(bytes),
  ];
}
