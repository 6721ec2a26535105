/**
 * The built-in configuration: the local sandbox EHR (`npm start`) and the SMART Health IT launcher.
 *
 * Override any part at runtime by serving `app-config.json` next to `index.html` (see `load-config.ts`).
 * The app is registered at the local sandbox as public client `g9012-app`, with redirect URI
 * `<app origin>/` and EHR launch URL `<app origin>/launch/launch.html`.
 */
export const defaultConfig = {
  issuers: [
    {
      name: 'Local sandbox EHR',
      issMatch: String.raw`/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/fhir\/?$/`,
      clientId: 'g9012-app',
    },
    {
      name: 'SMART Health IT launcher (R4)',
      issMatch: String.raw`/^https:\/\/launch\.smarthealthit\.org\/v\/r4\/(sim\/[A-Za-z0-9_=-]+\/)?fhir\/?$/`,
      clientId: 'g9012-app',
    },
  ],
  scopes: { syntax: 'v2', read: 'patient', write: 'user', extra: [] },
  sandboxes: [
    {
      name: 'Local sandbox EHR',
      url: 'http://127.0.0.1:8080/fhir',
      kind: 'smart',
      description: 'The embedded sandbox started by npm start.',
    },
    {
      name: 'SMART Health IT launcher (R4)',
      url: 'https://launch.smarthealthit.org/v/r4/fhir',
      kind: 'smart',
      description: 'Public test launcher with synthetic patients; you pick a patient there.',
    },
    {
      name: 'SMART Health IT launcher, open access',
      url: 'https://launch.smarthealthit.org/v/r4/fhir',
      kind: 'open',
      description: 'No sign-in. Reads without a token; you type a patient id.',
    },
  ],
  paging: { pageSize: 200, pageLimit: 10 },
  retry: { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 },
} as const;
