import { describe, expect, it } from 'vitest';
import { htmlNestingOver } from '../../src/core/markdown/html-read.js';

describe('htmlNestingOver', () => {
  it.each([
    ['as many elements as the limit, each in the last', '<b>'.repeat(5), false],
    ['one more than the limit', '<B>'.repeat(6), true],
    ['one more, closed again', `${'<i>'.repeat(6)}${'</i>'.repeat(6)}`, true],
    ['many more than the limit, side by side (the tokenizer decides)', '<p>x</p>'.repeat(50), false],
    ['many void or self-closing ones', `${'<br>'.repeat(20)}${'<span/>'.repeat(20)}`, false],
    ["Markdown's links, which are no elements", '<https://openinfra.org/> '.repeat(20), false],
    ['text that only looks like tags', `${'&lt;b>'.repeat(20)}${'< b>'.repeat(20)}<!-- ${'<b>'.repeat(20)} -->`, false],
    ['no markup at all', 'plain text', false],
  ])('%s', (_, html, over) => {
    expect(htmlNestingOver(html, 5)).toBe(over);
  });
});
