import type { AppConfig, IssuerConfig } from './app-config.ts';
import { issMatches } from './iss-match.ts';

/** The first configured issuer whose `issMatch` accepts `iss`, or undefined when none does. */
export function findIssuer(config: AppConfig, iss: string): IssuerConfig | undefined {
  return config.issuers.find((issuer) => issMatches(issuer.issMatch, iss));
}
