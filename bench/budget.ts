/**
 * The bundle budget, in gzip bytes of the JS the first screen loads, over the floor build's (one Lit element,
 * fhirclient's ready(), one zod schema, the same vite settings), both built in the same run.
 *
 * The target (issue 8) is the floor plus 25 KB, and it is what the test enforces. The case workflow, the
 * writer, the validator and the review screen are lazy chunks; the first screen loads the shell, the launch
 * completion and the loader. Measured on 2026-12-01: initial 69,050 B against a floor of 44,141 B
 * (24.3 KB over). 1 KB = 1,024 bytes.
 */
export const TARGET_OVER_FLOOR_BYTES = 25 * 1024;

/** The enforced budget over the floor: the target itself. */
export const BUDGET_OVER_FLOOR_BYTES = TARGET_OVER_FLOOR_BYTES;
