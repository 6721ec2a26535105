import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { issMatches, issMatchProblem } from './iss-match.ts';

const httpUrl = z.string().refine((value) => /^https?:\/\/[^\s/]+/.test(value), 'must be an http(s) URL');

const issuerSchema = z.strictObject({
  /** Shown in messages and on the standalone page. */
  name: z.string().min(1),
  /** Exact issuer URL, or a regular expression written as `/source/`. Launches from other issuers are refused. */
  issMatch: z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      const problem = issMatchProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  /** The client id this app is registered under at that issuer. */
  clientId: z.string().min(1),
});

const sandboxSchema = z.strictObject({
  name: z.string().min(1),
  url: httpUrl,
  /** `smart`: authorize with `launch/patient`. `open`: no authorization, via fhirServiceUrl and a typed patient id. */
  kind: z.enum(['smart', 'open']),
  description: z.string().optional(),
});

const appConfigSchema = z
  .strictObject({
    issuers: z.array(issuerSchema).min(1),
    scopes: z.strictObject({
      /** `v2` asks for `patient/Condition.rs`; `v1` asks for `patient/Condition.read`. */
      syntax: z.enum(['v2', 'v1']),
      /** Context of the read scopes. */
      read: z.enum(['patient', 'user']),
      /** Context of the write scopes (ChargeItem, Claim, Provenance). */
      write: z.enum(['user', 'patient']),
      /** Extra scopes appended as-is. */
      extra: z.array(z.string().regex(/^\S+$/, 'must be one scope without spaces')),
    }),
    sandboxes: z.array(sandboxSchema),
    paging: z.strictObject({
      /** `_count` asked for on every search. */
      pageSize: z.number().int().min(1).max(1000),
      /** At most this many pages per resource type; beyond it the record is marked truncated. */
      pageLimit: z.number().int().min(1).max(1000),
    }),
    retry: z.strictObject({
      /** Retries after a 429 or 503 before giving up. */
      maxRetries: z.number().int().min(0).max(10),
      baseDelayMs: z.number().int().min(0).max(60_000),
      /** A Retry-After longer than this makes the app give up at once instead of waiting. */
      maxDelayMs: z.number().int().min(0).max(600_000),
    }),
    /** Optional separate FHIR base URL that drafts are written to instead of the launching server. */
    writeTarget: z.strictObject({ name: z.string().min(1), url: httpUrl }).optional(),
  })
  .superRefine((config, ctx) => {
    config.sandboxes.forEach((sandbox, index) => {
      if (
        sandbox.kind === 'smart' &&
        !config.issuers.some((issuer) => issMatches(issuer.issMatch, sandbox.url))
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['sandboxes', index, 'url'],
          message: 'no entry in issuers matches this URL, so no client id is known for it',
        });
      }
    });
  });

/** The validated application configuration. */
export type AppConfig = z.infer<typeof appConfigSchema>;
/** One issuer the app is registered with. */
export type IssuerConfig = AppConfig['issuers'][number];
/** One server offered on the standalone launch page. */
export type SandboxConfig = AppConfig['sandboxes'][number];

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(root)';
}

/**
 * Validate a configuration object.
 * @throws {ConfigError} naming the first bad field, e.g. `paging.pageSize`.
 */
export function parseConfig(input: unknown): AppConfig {
  const result = appConfigSchema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  if (!issue) {
    throw new ConfigError('(root)', 'invalid');
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    throw new ConfigError(fieldPath([...issue.path, key]), 'unknown setting');
  }
  throw new ConfigError(fieldPath(issue.path), issue.message);
}
