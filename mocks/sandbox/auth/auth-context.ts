import type { SandboxRepository } from '../fhir/sandbox-repository.ts';
import type { AuthStore } from './auth-store.ts';
import type { RegisteredClient } from './clients.ts';
import type { SigningKey } from './signing-key.ts';

/** What the authorization endpoints share. */
export interface AuthContext {
  fhirBase: string;
  store: AuthStore;
  clients: readonly RegisteredClient[];
  key: SigningKey;
  repo: SandboxRepository;
  /** The sandbox's "today" (date shift, ages). */
  today: Date;
  /** Milliseconds now; injectable so tests can expire codes and tokens. */
  clock: () => number;
  tokenTtlSeconds: number;
  codeTtlSeconds: number;
}
