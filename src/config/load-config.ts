import { type AppConfig, parseConfig } from './app-config.ts';
import { ConfigError } from './config-error.ts';
import { defaultConfig } from './default-config.ts';

/**
 * Runtime override: a deployment may serve `app-config.json` beside `index.html` (same origin only).
 * Its objects are merged over the defaults key by key; arrays replace the default arrays whole. The merged
 * result is validated, and a bad override names the bad field. There is deliberately no query-string
 * override: a crafted link could otherwise widen `issMatch` and send tokens to a server of its choosing.
 */
export const configOverridePath = 'app-config.json';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merge `override` over `base`: nested objects merge, everything else (arrays included) replaces. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) {
    return override === undefined ? base : override;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = mergeConfig(base[key], value);
  }
  return out;
}

/** Validate the defaults merged with an optional override object. */
export function configFrom(override?: unknown): AppConfig {
  return parseConfig(override === undefined ? defaultConfig : mergeConfig(defaultConfig, override));
}

/**
 * Read the optional override file and return the validated configuration.
 * A missing file (404, or a non-JSON answer such as a dev server's HTML fallback) means "use the defaults".
 * @throws {ConfigError} when the file exists but is not valid JSON or not a valid configuration.
 */
export async function loadConfig(appRoot: URL): Promise<AppConfig> {
  const url = new URL(configOverridePath, appRoot);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    return configFrom();
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !/\bjson\b/i.test(type)) {
    return configFrom();
  }
  let override: unknown;
  try {
    override = await response.json();
  } catch {
    throw new ConfigError(configOverridePath, 'is not valid JSON');
  }
  return configFrom(override);
}
