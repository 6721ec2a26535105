/**
 * Browser entries import this first. zod 4 probes for `new Function` to compile fast parsers; under the app's
 * Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a CSP violation. Parsing
 * without the compiled fast path is what the CSP requires anyway.
 */
import { z } from 'zod';

z.config({ jitless: true });
