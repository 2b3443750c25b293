import { describeShapes } from '../helpers/adversarial.js';

// The second half of the adversarial shapes (see adversarial.test.ts), beside the first.
describeShapes(1, 2);
