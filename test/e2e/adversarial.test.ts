import { describe, expect, it } from 'vitest';
// The generator is shared with `npm run bench`, which times the same inputs through the CLI.
import { adversarialFragments } from '../../scripts/adversarial-inputs.mjs';
import { LIMITS } from '../../src/core/limits.js';
import { describeShapes } from '../helpers/adversarial.js';

// Every shape of the generator at the size limits, through every rule and renderer and import
// (test/helpers/adversarial.ts says what is asserted): the first half here, the rest in
// adversarial-2.test.ts, so that the two run side by side.
describe('the adversarial shapes', () => {
  const shapes = adversarialFragments();
  it('makes every shape, each within the limits of one fragment', () => {
    expect(shapes.length).toBeGreaterThan(40);
    for (const { name, text } of shapes) expect(Buffer.byteLength(text), name).toBeLessThanOrEqual(LIMITS.fragmentBytes);
    // Config that comes with a shape fits a config file, written `words: [a, b, ...]`.
    for (const { name, words } of shapes) if (words) expect(Buffer.byteLength(`words: [${words.join(', ')}]\n`), name).toBeLessThanOrEqual(LIMITS.configBytes);
  });
});

describeShapes(0, 2);
