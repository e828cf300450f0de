/**
 * Runs in the browser before the app hydrates. Zod probes whether it may compile parsers with
 * `new Function`; under our CSP (no 'unsafe-eval') the probe fails harmlessly but the browser
 * still reports a violation, so tell zod not to try (issue #11).
 */
import { z } from 'zod';

z.config({ jitless: true });
