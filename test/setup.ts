import { afterEach } from 'vitest';
import { cleanUpAfterTest } from './helpers/cleanup.js';

// Run before every test file (vitest's setupFiles), so that each file's tests clean up after themselves.
afterEach(cleanUpAfterTest);
