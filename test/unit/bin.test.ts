import { expect, it } from 'vitest';
import { commandOf } from '../../src/bin.js';

it("finds the command as the bin's sh does: the first word that is not an option or --cwd's folder", () => {
  expect(commandOf(['build', 'may-2025'])).toBe('build');
  expect(commandOf(['--cwd', 'lint', 'preview'])).toBe('preview');
  expect(commandOf(['--debug', 'lint', '--all'])).toBe('lint');
  expect(commandOf(['--help'])).toBeUndefined();
});
