import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readingBlocks } from '../helpers/blocks.js';
import { SEED_PATH } from '../helpers/workspace.js';

it('reading blocks see every paragraph, item, link and image of the seed', () => {
  const blocks = readingBlocks(readFileSync(SEED_PATH, 'utf8'));
  expect(blocks[0]).toBe('image:  -> /img/graphics-for-su-1-.png');
  expect(blocks).toContain('text: Insert Spotlight');
  expect(blocks).toContain('link:  -> https://summit2025.openinfra.org/');
  expect(blocks.at(-1)).toBe('link: events@openinfra.dev -> mailto:events@openinfra.dev');
  expect(blocks.length).toBeGreaterThan(60);
});
